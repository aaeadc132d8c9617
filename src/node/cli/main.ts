import { Command } from "commander";
import { demoCommand } from "./demo";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { mapCommand } from "./map";
import { planCommand } from "./plan";
import { sandboxCommand } from "./sandbox";
import { syncCommand } from "./sync";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

/** `rcsheets`: the workspace from the shell. One file per command beside this one. */
const program = new Command()
  .name("rcsheets")
  .description("Provision RingCentral users from a workbook: validate, map, import, export, plan, sync; a local sandbox.")
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

validateCommand(program);
templateCommand(program);
demoCommand(program);
mapCommand(program);
importCommand(program);
exportCommand(program);
sandboxCommand(program);
planCommand(program);
syncCommand(program);

await program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
