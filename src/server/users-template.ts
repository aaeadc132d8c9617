import { z } from "zod";
import { formatCsv } from "../mapping/csv";
import { insertUsersTemplate, templateRows } from "../workbook/users-template";
import { serverFunction } from "./server-function";

/**
 * Template: the Users layout, required columns marked `*`, with one example row that validates: as CSV text to
 * download (`as: "file"`), or inserted as a new tab with the Users dropdowns and text columns (`as: "tab"`). Filled
 * in, either imports with no mapping to change.
 */
export const usersTemplate = serverFunction(
  z.object({ as: z.enum(["file", "tab"]).default("file") }).default({ as: "file" }),
  (home, input): { fileName: string; text: string; sheet?: string; message: string } => {
    if (input.as === "tab") {
      const sheet = insertUsersTemplate(home.workbook);
      return {
        fileName: "",
        text: "",
        sheet,
        message: `Added the tab ${sheet}: fill it in, then import it (Import, This spreadsheet).`,
      };
    }
    return {
      fileName: "users-template.csv",
      text: formatCsv(templateRows()),
      message: "users-template.csv downloaded: fill it in, then import it; no mapping is needed.",
    };
  },
);
