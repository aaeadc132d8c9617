import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { workbookContract } from "./workbook-contract";

workbookContract("in memory", {
  open: async () => new MemoryWorkbook(),
  reopen: async (current) => current,
});
