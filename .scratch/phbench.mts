import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { writeDemoWorkspace } from "../src/workbook/demo-workspace";
import { readWorkspace } from "../src/workbook/workspace-reader";
const wb = new MemoryWorkbook();
writeDemoWorkspace(wb, { users: 10000, errorRate: 0.05, seed: 42 });
const phones = readWorkspace(wb).workspace.users.map((u) => u.phone).filter((p) => p.startsWith("+"));
console.log(phones.length, phones.slice(0, 5), new Set(phones.map(p=>p.slice(0,3))).size);
const time = (name: string, f: (p: string) => unknown) => {
  for (let r = 0; r < 3; r++) { const t = performance.now(); let n = 0; for (const p of phones) if (f(p)) n++; console.log(name, (performance.now() - t).toFixed(1), n); }
};
time("parse+valid", (p) => { const x = parsePhoneNumberFromString(p); return x?.isValid() && x.number === p; });
time("parse extract:false +valid", (p) => { const x = parsePhoneNumberFromString(p, { extract: false }); return x?.isValid() && x.number === p; });
time("parse only", (p) => parsePhoneNumberFromString(p));
