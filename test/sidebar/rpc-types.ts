/**
 * Compile-time checks of the sidebar's typed rpc, run by `npm run typecheck` (part of `npm test`): each
 * `@ts-expect-error` line must fail to compile, or the check itself fails.
 */
import { rpc } from "../../sidebar/rpc";

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
