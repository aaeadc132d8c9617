/**
 * Something wrong with a source that the person can fix, as a value: where (a source row or column, a header) and
 * what to do. An error stops the import before anything is written; a warning is shown and the import may go on.
 */
export interface ImportProblem {
  severity: "error" | "warning";
  /** Where in the source, in the person's words ("row 7", "column C", "header \"Phone\""), or '' for the whole file. */
  where: string;
  message: string;
}

export function importError(where: string, message: string): ImportProblem {
  return { severity: "error", where, message };
}

export function importWarning(where: string, message: string): ImportProblem {
  return { severity: "warning", where, message };
}

export function blocks(problems: readonly ImportProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Spreadsheet column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
