/**
 * Compile-time checks of the sidebar's typed rpc, run by `npm run typecheck` (part of `npm test`): each
 * `@ts-expect-error` line must fail to compile, or the check itself fails.
 */
import { rpc } from "../../sidebar/rpc";
import { unlessBusy } from "../../sidebar/sync-busy";

export async function typedRpcChecks(): Promise<void> {
  const report = await rpc("validate", { mark: false });
  const errors: number = report.counts.error;
  void errors;
  // @ts-expect-error: there is no such server function
  await rpc("validat", {});
  // @ts-expect-error: selectCell's row is a number
  await rpc("selectCell", { sheet: "Users", row: "2", column: 1 });
  // @ts-expect-error: setUpWorkspace answers a SetupReport, which has no counts
  (await rpc("setUpWorkspace", {})).counts;
}

export async function typedPanelChecks(): Promise<void> {
  // An asynchronous function's answer is its settled value, as rpc collects it.
  const chunk = unlessBusy(await rpc("runSync", { sites: ["Main Site"], confirmDeletes: ["1001"] }));
  const done: boolean = chunk.done;
  void done;
  const plan = unlessBusy(await rpc("planSync", { sites: ["Main Site"] }));
  void plan.creates[0]?.line;
  await rpc("applyRole", { role: "Standard", target: { kind: "selected" } });
  await rpc("saveSettings", { sso: true, welcomeEmails: false, defaultCountry: "US" });
  await rpc("startAuthorization", { server: "https://platform.ringcentral.com", clientId: "id" });
  // @ts-expect-error: there is no such server function
  await rpc("runSyncs", { sites: [] });
  // @ts-expect-error: a role is applied to a target, not to rows by number
  await rpc("applyRole", { role: "Standard", rows: [2] });
  // @ts-expect-error: saveSettings takes SSO as a boolean
  await rpc("saveSettings", { sso: "On", welcomeEmails: false, defaultCountry: "US" });
  // @ts-expect-error: filterByTag takes a tag or null
  await rpc("filterByTag", {});
}
