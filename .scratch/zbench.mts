import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { writeDemoWorkspace } from "../src/workbook/demo-workspace";
import { readWorkspace } from "../src/workbook/workspace-reader";
import { fieldFindings, userFieldRules } from "../src/domain/validation/field-rules";
import { validateWorkspace } from "../src/domain/validation/index";
import { uniquenessFindings } from "../src/domain/validation/uniqueness";
import { referenceFindings } from "../src/domain/validation/references";
import { tabRuleFindings } from "../src/domain/validation/tab-rules";
import { capacityFindings } from "../src/domain/validation/capacity";
import { userRowFindings } from "../src/domain/validation/user-rows";
import { forgetNumbersRead } from "../src/domain/phone";
const wb = new MemoryWorkbook();
writeDemoWorkspace(wb, { users: 10000, errorRate: 0.05, seed: 42 });
const ws = readWorkspace(wb).workspace;
const time = (name: string, f: () => unknown) => {
  const ts: number[] = [];
  for (let r = 0; r < 9; r++) { forgetNumbersRead(); const t = performance.now(); f(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b); console.log(name.padEnd(12), ts[4].toFixed(1));
};
time("read", () => readWorkspace(wb));
time("validate", () => validateWorkspace(ws));
time("zod users", () => { for (const u of ws.users) fieldFindings("users", u, userFieldRules); });
const ctx = { settings: ws.settings, siteCountry: new Map(), accountUsers: new Map() };
time("userRows", () => { for (const u of ws.users) userRowFindings(u, ctx as never); });
time("unique", () => uniquenessFindings(ws));
time("refs", () => referenceFindings(ws));
time("tabRules", () => tabRuleFindings(ws));
time("capacity", () => capacityFindings(ws));
