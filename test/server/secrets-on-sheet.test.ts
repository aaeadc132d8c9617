import { describe, expect, it } from "vitest";
import { secretsWarning } from "../../sidebar/panels/validate";
import { USERS_TAB } from "../../src/domain/tabs";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { invoke } from "../../src/server/server-function";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";

const at = (key: string) => USERS_TAB.columns.findIndex((c) => c.key === key);

function row(email: string, secrets: { pin?: string; password?: string; secretAnswer?: string }): string[] {
  const line = USERS_TAB.columns.map(() => "");
  line[at("userType")] = "User";
  line[at("email")] = email;
  for (const [key, value] of Object.entries(secrets)) line[at(key)] = value;
  return line;
}

describe("the secrets a shared sheet still holds", () => {
  it("are counted by row (a PIN, a password or a secret answer), never sent to the sidebar", () => {
    const workbook = new MemoryWorkbook();
    setUpWorkspace(workbook);
    const home: Home = { workbook, selection: { select: () => undefined } };
    const count = () => invoke("secretsOnSheet", serverFunctions.secretsOnSheet, home, {});
    expect(count()).toEqual({ rows: 0 });
    workbook.write("Users", {
      row: 2,
      column: 1,
      values: [
        row("a@x.com", { pin: "739281" }),
        row("b@x.com", {}),
        row("c@x.com", { password: "Enigma!42x", secretAnswer: "Christopher" }),
      ],
    });
    const answer = count();
    expect(answer).toEqual({ rows: 2 });
    expect(JSON.stringify(answer)).not.toMatch(/739281|Enigma|Christopher/);
    expect(secretsWarning(1)).toMatch(/^1 row still holds a PIN, password or secret answer: anyone/);
    expect(secretsWarning(2)).toMatch(/^2 rows still hold /);
  });
});
