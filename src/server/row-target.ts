import { z } from "zod";
import type { UserRecord } from "../domain/records";
import { carriesTag } from "../domain/validation/references";
import type { Home } from "./home";

/** Which Users rows an action applies to: those selected in the sheet, or those a tag filter shows. */
export const RowTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("selected") }),
  z.object({ kind: z.literal("tag"), tag: z.string().min(1) }),
]);
export type RowTarget = z.output<typeof RowTarget>;

/** The target's rows among the Users records (blank rows and the header are never targets). */
export function targetRows(home: Home, sheet: string, users: readonly UserRecord[], target: RowTarget): number[] {
  if (target.kind === "tag") return users.filter((u) => carriesTag(u.tags, target.tag)).map((u) => u.row);
  const chosen = new Set(home.selection.selectedRows?.(sheet) ?? []);
  return users.filter((u) => chosen.has(u.row)).map((u) => u.row);
}
