import { USERS_TAB } from "../domain/tabs";
import { carriesTag } from "../domain/validation/references";
import { readImage, recordsOf } from "../workbook/table-image";
import type { Home } from "./home";

export type FilterResult = { shown: number; tag: string | null } | { shown: 0; tag: null; problem: string };

/**
 * Shows only the Users rows that carry `tag` (null: every row) and keeps the tag with the document, never the row
 * numbers: rows move when others are deleted, so the rows are always found again by the tag.
 */
export function showTag(home: Home, tag: string | null): FilterResult {
  const image = readImage(home.workbook, USERS_TAB);
  if (!image) return { shown: 0, tag: null, problem: "There is no Users tab: run Set up workspace." };
  if (!home.selection.showOnly) return { shown: 0, tag: null, problem: "This sheet view cannot hide rows." };
  const users = recordsOf(USERS_TAB, image);
  const rows = tag === null ? null : users.filter((u) => carriesTag(u.tags, tag)).map((u) => u.row);
  home.selection.showOnly(image.sheet, rows);
  home.selection.keepFilter?.(image.sheet, tag);
  return { shown: rows?.length ?? users.length, tag };
}

/** The tag filter kept with the document, or null (none, or a home that keeps none). */
export function keptFilter(home: Home): string | null {
  const image = readImage(home.workbook, USERS_TAB);
  return image ? (home.selection.keptFilter?.(image.sheet) ?? null) : null;
}

/**
 * The kept filter applied again by its tag, after rows were deleted, put back or added, or when the sidebar opens:
 * the rows shown are those that carry the tag now. Nothing happens when no filter is on.
 */
export function reapplyFilter(home: Home): FilterResult | null {
  const tag = keptFilter(home);
  return tag === null ? null : showTag(home, tag);
}
