import { cellText } from "../domain/cell";
import { SETTING_NAMES, secretQuestionsOf } from "../domain/settings";
import { SETTINGS_TAB } from "../domain/tabs";
import { decodeTab } from "./codec";
import type { Workbook } from "./port";
import { locateTabs } from "./tab-location";
import { readImage, recordsOf, setCell, writeImage } from "./table-image";

/**
 * The account's secret questions, kept on the Settings tab (one a line), which the Users tab's Secret Question
 * dropdown offers (`refreshUsersDropdowns`). Written only when the list changed; true when it was.
 */
export function writeSecretQuestions(workbook: Workbook, questions: readonly string[]): boolean {
  if (sameList(storedQuestions(workbook), questions)) return false;
  writeQuestionsSetting(workbook, questions.join("\n"));
  return true;
}

/** The list the Settings tab holds now ([] before the first refresh). */
export function storedQuestions(workbook: Workbook): string[] {
  const sheet = locateTabs(workbook).get("settings");
  if (!sheet) return [];
  const name = SETTING_NAMES.secretQuestions.toLowerCase();
  const row = decodeTab(SETTINGS_TAB, workbook.read(sheet)).records.find((r) => r.setting.trim().toLowerCase() === name);
  return secretQuestionsOf(cellText(row?.value ?? ""));
}

/** The Secret Questions row of Settings (added when missing), one block; as writeSetting, without its imports' cycle. */
function writeQuestionsSetting(workbook: Workbook, value: string): void {
  const image = readImage(workbook, SETTINGS_TAB);
  if (!image) return;
  const name = SETTING_NAMES.secretQuestions;
  const found = recordsOf(SETTINGS_TAB, image).find((r) => r.setting.trim().toLowerCase() === name.toLowerCase());
  const row = found?.row ?? image.rows.length + 2;
  setCell(image, row, "setting", name);
  setCell(image, row, "value", value);
  writeImage(workbook, image, row, row);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((q, i) => q === b[i]);
}
