import type { Command } from "commander";
import { systemClock } from "../../ringcentral/clock";
import type { SyncPlan } from "../../sync/plan";
import { previewSync } from "../../sync/preview";
import { WorkbookLock } from "../workbook-lock";
import { XlsxWorkbook } from "../xlsx-workbook";
import { connect } from "./connection";

/** `rcsheets plan <workbook.xlsx> --site NAME… [--tag KEY:VALUE] [--json]`: what a sync of those sites would change, sending nothing. */
export function planCommand(program: Command): void {
  program
    .command("plan")
    .description("refresh the account tabs and show what a sync of the sites would change; sends no change")
    .argument("<workbook>", "the workspace, an .xlsx file")
    .requiredOption("--site <name...>", "the sites to sync")
    .option("--tag <key:value>", "only the rows that carry this tag")
    .option("--server <url>", "the RingCentral server (or RC_SERVER)")
    .option("--json", "print the plan as one JSON object")
    .action(async (path: string, options: { site: string[]; tag?: string; server?: string; json?: boolean }) => {
      // The plan writes the account tabs: it waits for no sync, and no sync overwrites it.
      const lock = WorkbookLock.acquire(path);
      try {
        const workbook = await XlsxWorkbook.open(path);
        const client = await connect(options.server);
        const plan = await previewSync(
          { workbook, client, clock: systemClock },
          {
            sites: options.site,
            ...(options.tag ? { tag: options.tag } : {}),
          },
        );
        await workbook.save(path);
        console.log(options.json ? JSON.stringify(plan) : describePlan(plan));
      } finally {
        lock.release();
      }
    });
}

/** The plan as a person reads it: counts, then each change on its own line. */
export function describePlan(plan: SyncPlan): string {
  const lines = [
    `Sites ${plan.scope.sites.join(", ")}: ${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.deletes.length} to delete, ${plan.blocked.length} blocked.${givenRole(plan)}`,
    ...(plan.claims.sentence ? [`  ${plan.claims.sentence}`] : []),
    ...plan.sites.map((s) => `  new site     ${s.name}`),
    ...plan.roles.create.map((r) => `  new role     ${r.name}${r.basedOn ? ` (based on ${r.basedOn})` : ""}`),
    ...plan.roles.update.map((r) => `  update role  ${r.name}: ${r.permissions.length} permissions`),
    ...plan.creates.map(
      (c) => `  create       ${usersRow(c)} ${c.email} (${c.userType})${c.line ? ` on line ${c.line.phone || c.line.rcId}` : ""}`,
    ),
    ...plan.updates.map(
      (u) => `  update       ${usersRow(u)}: ${u.changes.map((c) => `${c.field} "${c.from}" → "${c.to}"`).join(", ")}`,
    ),
    ...plan.credentials.map((c) => `  credentials  ${usersRow(c)}`),
    ...plan.roleAssignments.flatMap((a) =>
      a.rows.map((row, i) => `  role         ${usersRow({ row, name: a.names[i] ?? "" })}: ${a.role}`),
    ),
    ...plan.deletes.map(
      (d) =>
        `  delete       ${d.row ? usersRow({ row: d.row, name: d.name }) : d.name}${d.releases ? `, line ${d.releases} back to the pool` : ""}${d.needsConfirmation ? " (removed from the sheet: needs --yes)" : ""}`,
    ),
    ...plan.roles.delete.map((r) => `  delete role  ${r.name}`),
    ...plan.roles.held.map(
      (r) => `  keep role    ${r.name}: Users rows ${r.users.join(", ")} still have it, so it is not deleted`,
    ),
    ...plan.roles.skipped.map((r) => `  skip role    ${r.name}: ${r.reason}, so it is neither created nor changed`),
    ...plan.drift.map(
      (d) =>
        `  drift        ${usersRow(d)}: changed in the account: ${d.changes.map((c) => `${c.field} "${c.from}" → "${c.to}"`).join(", ")}`,
    ),
    ...plan.blocked.map((b) => `  blocked      ${usersRow(b)}: ${b.reasons.join(" ")}`),
  ];
  return lines.join("\n");
}

/** Users given a role, counted as the sync's report counts them: said only when there are some. */
function givenRole(plan: SyncPlan): string {
  const users = plan.roleAssignments.reduce((n, a) => n + a.rows.length, 0);
  return users ? ` ${users} ${users === 1 ? "user" : "users"} given another role.` : "";
}

/** "Users row 13, Kofi Egan": the row by tab, number and name. */
function usersRow(line: { row: number; name: string }): string {
  return line.name ? `Users row ${line.row}, ${line.name}` : `Users row ${line.row}`;
}
