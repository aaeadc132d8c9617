import { Command } from "commander";
import { demoCommand } from "./demo";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { mapCommand } from "./map";
import { planCommand } from "./plan";
import { probeCommand } from "./probe";
import { sandboxCommand } from "./sandbox";
import { syncCommand } from "./sync";
import { templateCommand } from "./template";
import { UsageError } from "./usage-error";
import { validateCommand } from "./validate";

/** `rcsheets`: the workspace from the shell. One file per command beside this one. */
const program = new Command()
  .name("rcsheets")
  .description("Provision RingCentral users from a workbook: validate, map, import, export, plan, sync, probe; a local sandbox.")
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
probeCommand(program);

/**
 * Every refusal ends here as one line on stderr (what, why, what to do; never a stack trace): exit status 2 for a
 * command given wrongly, 1 for everything else. Files are only written after every check passed, so a refusal
 * leaves the workbook as it was.
 */
function refuse(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message.split("\n")[0]?.trim() || "rcsheets stopped on an unexpected error.");
  process.exit(error instanceof UsageError ? 2 : 1);
}

process.on("uncaughtException", refuse);
await program.parseAsync(process.argv).catch(refuse);
