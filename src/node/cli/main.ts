import { Command } from "commander";
import { demoCommand } from "./demo";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

/** `rcsheets`: the workspace from the shell. One file per command beside this one. */
const program = new Command()
  .name("rcsheets")
  .description("Provision RingCentral users from a workbook: validate, template, demo.")
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

validateCommand(program);
templateCommand(program);
demoCommand(program);

await program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
