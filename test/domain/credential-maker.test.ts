import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialsToMake, makeCredential, type Randomness } from "../../src/domain/credential-maker";
import { passwordProblems, pinProblems } from "../../src/domain/validation/credentials";
import { user } from "./fixture";

const secure: Randomness = { below: (n) => randomInt(n) };

describe("credentials the add-in makes", () => {
  it("asks for what each type needs and lacks, and nothing once synced", () => {
    const blank = { pin: "", password: "", secretQuestion: "", secretAnswer: "" };
    const need = (overrides: Parameters<typeof user>[0], sso = false) => credentialsToMake(user({ ...blank, ...overrides }), sso);
    expect(need({ userType: "Message Only", setupWizard: "Not Started" })).toEqual(["pin"]);
    expect(need({ userType: "Message Only", setupWizard: "Completed" })).toEqual(["pin", "password"]);
    expect(need({ userType: "Limited Extension" })).toEqual(["password"]);
    expect(need({ userType: "User", setupWizard: "Not Started" })).toEqual([]);
    expect(need({ userType: "User", setupWizard: "Completed" })).toEqual(["pin", "password"]);
    expect(need({ userType: "User", setupWizard: "Completed" }, true)).toEqual(["pin"]);
    expect(need({ userType: "User", setupWizard: "Completed", pin: "274916" })).toEqual(["password"]);
    expect(need({ userType: "Message Only", rcId: "5001" })).toEqual([]);
    expect(need({ userType: "Fax only" })).toEqual([]);
  });

  it("makes PINs and passwords that pass every rule of the platform for the row (1,000 of each)", () => {
    const row = user({ firstName: "Ann", lastName: "Lee", ext: "274", phone: "+16505550123" });
    const phone = { national: "6505550123", e164: "+16505550123" } as Parameters<typeof pinProblems>[1]["phone"];
    const pins = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const pin = makeCredential("pin", row, secure);
      const password = makeCredential("password", row, secure);
      expect(pinProblems(pin, { ext: row.ext, phone })).toEqual([]);
      expect(passwordProblems(password, { ...row, phone })).toEqual([]);
      pins.add(pin);
    }
    // Drawn, not derived: a thousand draws of six digits barely repeat.
    expect(pins.size).toBeGreaterThan(950);
  });

  it("keeps drawing past a value the rules refuse", () => {
    const draws = [1, 1, 1, 1, 1, 1, 2, 7, 4, 9, 1, 6];
    const scripted: Randomness = { below: () => draws.shift() ?? 0 };
    // 111111 has a run of three; the second draw, 274916, passes.
    expect(makeCredential("pin", user({ ext: "101" }), scripted)).toBe("274916");
  });
});
