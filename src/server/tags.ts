import { z } from "zod";
import { blankRecord } from "../domain/records";
import { TAGS_TAB } from "../domain/tabs";
import { MAX_TAGS } from "../domain/validation/tab-rules";
import { encodeRows } from "../workbook/codec";
import { readImage, recordsOf } from "../workbook/table-image";
import { serverFunction } from "./server-function";
import { type FilterResult, reapplyFilter, showTag } from "./tag-filter";

export type TagSaved = { saved: true; message: string } | { saved: false; problem: string };

/** Create a tag (no `row`) or edit the tag on a Tags row: at most 20, Key:Value unique, a #rrggbb colour or none. */
export const saveTag = serverFunction(
  z.object({
    row: z.number().int().min(2).optional(),
    key: z.string().trim().min(1).max(64),
    value: z.string().trim().min(1).max(64),
    color: z
      .string()
      .trim()
      .regex(/^(#[0-9A-Fa-f]{6})?$/, "A colour is #rrggbb, such as #4285F4.")
      .default(""),
  }),
  (home, input): TagSaved => {
    const image = readImage(home.workbook, TAGS_TAB);
    if (!image) return { saved: false, problem: "There is no Tags tab: run Set up workspace." };
    const tags = recordsOf(TAGS_TAB, image);
    const name = `${input.key}:${input.value}`;
    if (/[;:]/.test(input.key) || input.value.includes(";"))
      return { saved: false, problem: "A tag's key has no : or ;, and its value no ;." };
    if (tags.some((t) => t.row !== input.row && `${t.key}:${t.value}` === name))
      return { saved: false, problem: `The tag ${name} exists already.` };
    if (input.row === undefined && tags.length >= MAX_TAGS)
      return { saved: false, problem: `A workspace has at most ${MAX_TAGS} tags: edit one instead.` };
    if (input.row !== undefined && !tags.some((t) => t.row === input.row))
      return { saved: false, problem: `Row ${input.row} of the Tags tab holds no tag.` };
    const row = input.row ?? tags.reduce((last, t) => Math.max(last, t.row), 1) + 1;
    const record = { ...blankRecord(TAGS_TAB), key: input.key, value: input.value, color: input.color };
    home.workbook.write(image.sheet, { row, column: 1, values: encodeRows(image.columns, image.width, [record]) });
    return { saved: true, message: input.row === undefined ? `Tag ${name} added.` : `Tag on row ${row} is now ${name}.` };
  },
);

/** Filter the Users tab by a tag (null: show every row): the other rows are hidden, so actions apply to what is shown. */
export const filterByTag = serverFunction(
  z.object({ tag: z.string().min(1).nullable() }),
  (home, input): FilterResult => showTag(home, input.tag),
);

/**
 * The filter left on, as the sidebar opens: applied again by its tag (rows may have moved or been added since) and
 * said, so that rows hidden in the sheet are never a mystery. `tag: null` when every row is shown.
 */
export const currentFilter = serverFunction(z.object({}), (home): FilterResult => reapplyFilter(home) ?? { shown: 0, tag: null });
