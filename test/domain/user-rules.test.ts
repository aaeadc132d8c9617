import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/domain/finding";
import { wizardCorrection } from "../../src/domain/user-type";
import { validateWorkspace } from "../../src/domain/validation/index";
import { accountUser, user, workspace } from "./fixture";

/** Findings about Users row 2 of a workspace holding just this user. */
function findingsFor(overrides: Parameters<typeof user>[0], settings = {}): Finding[] {
  return validateWorkspace(workspace({ users: [user(overrides)], settings })).filter((f) => f.tab === "users" && f.row === 2);
}

function columnsWithErrors(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === "error").map((f) => f.column))].sort();
}

describe("Users row: a row that passes", () => {
  it("has no finding at all", () => {
    expect(findingsFor({})).toEqual([]);
  });
});

describe("Users row: required fields", () => {
  it.each([
    ["userType", "User Type"],
    ["firstName", "First Name"],
    ["lastName", "Last Name"],
    ["email", "Email"],
    ["ext", "Ext"],
    ["site", "Site"],
  ] as const)("%s blank is an error on %s that says it is required", (key, header) => {
    const findings = findingsFor({ [key]: "" });
    expect(findings).toContainEqual(
      expect.objectContaining({ column: header, severity: "error", message: `${header} is required.` }),
    );
  });
});

describe("Users row: formats and lengths", () => {
  it.each([
    [{ firstName: "A".repeat(65) }, "First Name", /at most 64/],
    [{ lastName: "B".repeat(65) }, "Last Name", /at most 64/],
    [{ dept: "C".repeat(65) }, "Dept", /at most 64/],
    [{ email: `${"d".repeat(250)}@example.com` }, "Email", /at most 254/],
    [{ email: "ann.example.com" }, "Email", /not an email address/],
    [{ email: "ann@localhost" }, "Email", /not an email address/],
    [{ ext: "12" }, "Ext", /3 to 8 digits/],
    [{ ext: "123456789" }, "Ext", /3 to 8 digits/],
    [{ ext: "10a1" }, "Ext", /3 to 8 digits/],
    [{ userType: "Voicemail" }, "User Type", /one of: User, Virtual User/],
    [{ setupWizard: "Done" }, "Setup Wizard", /one of: Not Started, Completed/],
    [{ rcId: "abc" }, "RC Id", /digits only/],
  ])("%o is flagged on %s", (overrides, column, message) => {
    expect(findingsFor(overrides)).toContainEqual(
      expect.objectContaining({ column, severity: "error", message: expect.stringMatching(message) }),
    );
  });

  it("keeps leading zeros: Ext 0101 passes", () => {
    expect(findingsFor({ ext: "0101" })).toEqual([]);
  });

  it("takes a valid E.164 phone number", () => {
    expect(findingsFor({ phone: "+16502530000" })).toEqual([]);
    expect(findingsFor({ phone: "+442071838750" })).toEqual([]);
  });

  it.each([
    ["6502530000", "+16502530000"],
    ["+1 650 253 0000", "+16502530000"],
    ["16502530000", "+16502530000"],
  ])("phone %s is not E.164 and the message suggests %s", (phone, suggestion) => {
    const [finding] = findingsFor({ phone });
    expect(finding).toMatchObject({ column: "Phone #", severity: "error" });
    expect(finding?.message).toContain(`Did you mean ${suggestion}?`);
  });

  it("a number that does not exist is not suggested", () => {
    const [finding] = findingsFor({ phone: "+1999" });
    expect(finding?.column).toBe("Phone #");
    expect(finding?.message).not.toContain("Did you mean");
  });

  it("an unknown status is a warning, not an error", () => {
    expect(findingsFor({ status: "Done" })).toEqual([expect.objectContaining({ column: "Status", severity: "warning" })]);
  });
});

describe("Users row: what each user type requires", () => {
  const none = { pin: "", password: "", secretQuestion: "", secretAnswer: "" };
  const cases: [string, string, boolean, string[]][] = [
    // type, wizard, sso, columns required (errors when all credentials are blank)
    ["User", "Not Started", false, []],
    ["User", "Completed", false, ["PIN", "Password", "Secret Answer", "Secret Question"]],
    ["User", "Completed", true, ["PIN"]],
    ["User", "Not Started", true, []],
    ["Virtual User", "Completed", false, ["PIN", "Password", "Secret Answer", "Secret Question"]],
    ["Virtual User", "Completed", true, ["PIN"]],
    ["Virtual User", "Not Started", false, []],
    ["Limited Extension", "Completed", false, ["Password"]],
    ["Limited Extension", "Not Started", true, ["Password"]],
    ["Limited Extension", "", false, ["Password"]],
    ["Message Only", "Not Started", false, ["PIN"]],
    ["Message Only", "Completed", false, ["PIN", "Password", "Secret Answer", "Secret Question"]],
    ["Message Only", "Completed", true, ["PIN"]],
    ["Message Only", "Not Started", true, ["PIN"]],
    ["Announcement Only", "Completed", false, ["Password", "Secret Answer", "Secret Question"]],
    ["Announcement Only", "Completed", true, []],
    ["Announcement Only", "Not Started", false, []],
  ];
  it.each(cases)("%s, wizard %s, SSO %s requires %j", (userType, setupWizard, sso, required) => {
    const findings = findingsFor({ userType, setupWizard, ...none }, { sso });
    expect(columnsWithErrors(findings)).toEqual(required);
    for (const f of findings.filter((x) => x.severity === "error")) expect(f.message).toMatch(/is required for a/);
  });

  it("a synced row needs no credentials in the sheet: the account holds them, the sync cleared them", () => {
    for (const userType of ["User", "Message Only", "Limited Extension"])
      expect(findingsFor({ userType, rcId: "5001", ...none })).toEqual([]);
  });

  it("blank Setup Wizard means Not Started for a User", () => {
    expect(findingsFor({ setupWizard: "", ...none })).toEqual([]);
  });

  it("a Limited Extension never has a PIN, whatever SSO says", () => {
    for (const sso of [false, true]) {
      const findings = findingsFor(
        { userType: "Limited Extension", pin: "274916", secretQuestion: "", secretAnswer: "" },
        { sso },
      );
      expect(findings).toContainEqual(
        expect.objectContaining({ column: "PIN", severity: "error", message: expect.stringMatching(/never has a PIN/) }),
      );
    }
  });

  it("a Limited Extension written Not Started is synced Completed, with a warning", () => {
    const findings = findingsFor({ userType: "Limited Extension", setupWizard: "Not Started", pin: "" });
    expect(findings).toEqual([expect.objectContaining({ column: "Setup Wizard", severity: "warning" })]);
  });

  it("a Limited Extension keeps its password under SSO", () => {
    const findings = findingsFor({ userType: "Limited Extension", pin: "", secretQuestion: "", secretAnswer: "" }, { sso: true });
    expect(findings).toEqual([]);
  });

  it("with SSO, a password on a User is refused", () => {
    const findings = findingsFor({ secretQuestion: "", secretAnswer: "" }, { sso: true });
    expect(findings).toEqual([
      expect.objectContaining({ column: "Password", severity: "error", message: expect.stringMatching(/SSO/) }),
    ]);
  });

  it("an Announcement Only may have a PIN, checked when given", () => {
    expect(findingsFor({ userType: "Announcement Only", pin: "274916" })).toEqual([]);
    expect(findingsFor({ userType: "Announcement Only", pin: "123" })).toContainEqual(expect.objectContaining({ column: "PIN" }));
  });

  it("Secret Question and Secret Answer go together", () => {
    expect(findingsFor({ setupWizard: "Not Started", secretAnswer: "" })).toEqual([
      expect.objectContaining({ column: "Secret Answer", message: expect.stringMatching(/go together/) }),
    ]);
  });

  it("a synced Completed row keeps its Secret Question once the sync cleared the answer (the account holds it)", () => {
    const ws = workspace({
      users: [user({ rcId: "5001", pin: "", password: "", secretAnswer: "" })],
      account: { users: [accountUser({ rcId: "5001", status: "Enabled", userType: "User" })] },
    });
    expect(validateWorkspace(ws).filter((f) => f.tab === "users" && f.severity === "error")).toEqual([]);
    // An answer without its question is still half a pair.
    expect(findingsFor({ rcId: "5001", secretQuestion: "" })).toContainEqual(
      expect.objectContaining({ rule: "users.secret.pair", column: "Secret Question" }),
    );
  });
});

describe("Users row: PIN rules", () => {
  it.each(["274916", "2749160358", "135792"])("PIN %s passes", (pin) => {
    expect(findingsFor({ pin })).toEqual([]);
  });
  it.each([
    ["27a916", /digits only/],
    ["27491", /6 to 10 digits/],
    ["27491603581", /6 to 10 digits/],
    ["271234", /sequential/],
    ["279876", /sequential/],
    ["277749", /repeated/],
    ["1002", /6 to 10 digits/],
  ])("PIN %s is refused: %s", (pin, message) => {
    expect(findingsFor({ pin })).toContainEqual(
      expect.objectContaining({ column: "PIN", message: expect.stringMatching(message) }),
    );
  });
  it("PIN must not be the extension", () => {
    expect(findingsFor({ pin: "274916", ext: "274916" })).toContainEqual(
      expect.objectContaining({ column: "PIN", message: "PIN must not be the extension number." }),
    );
  });
  it("PIN must not be the phone number", () => {
    expect(findingsFor({ pin: "6502530000", phone: "+16502530000" })).toContainEqual(
      expect.objectContaining({ column: "PIN", message: "PIN must not be the phone number." }),
    );
  });
  it("never repeats the PIN in a message", () => {
    for (const f of findingsFor({ pin: "271234" })) expect(f.message).not.toContain("271234");
  });
});

describe("Users row: password rules", () => {
  it.each(["Blue42horse!", "river7Stone", "quiet.72.lake"])("password %s passes", (password) => {
    expect(findingsFor({ password })).toEqual([]);
  });
  it.each([
    ["Bl4!", /8 to 32/],
    [`Blue42horse!${"x".repeat(21)}`, /8 to 32/],
    ["Bluehorse!", /one letter and one digit/],
    ["42424242!", /one letter and one digit/],
    ["bluehorse42", /uppercase letter or a special/],
    ["quiet-72-lake", /one of ! @ # \$ % \^ & \* \./],
    ["Blue42abcd!", /sequential/],
    ["Bluee42eeee!", /repeated/],
    ["Ann42horse!", /name/],
    ["Lee42horse!", /name/],
    ["X6502530000x", /phone number/],
  ])("password %s is refused: %s", (password, message) => {
    expect(findingsFor({ password, phone: "+16502530000" })).toContainEqual(
      expect.objectContaining({ column: "Password", message: expect.stringMatching(message) }),
    );
  });
  it("never repeats the password in a message", () => {
    for (const f of findingsFor({ password: "Bluehorse!" })) expect(f.message).not.toContain("Bluehorse!");
  });
});

describe("Users row: status after a sync", () => {
  const synced = (status: string, userType = "User") =>
    workspace({
      users: [user({ rcId: "5001", setupWizard: "Not Started" })],
      account: { users: [accountUser({ rcId: "5001", status, userType })] },
    });

  it("synced Enabled cannot go back to Not Activated", () => {
    const findings = validateWorkspace(synced("Enabled")).filter((f) => f.tab === "users");
    expect(findings).toContainEqual(
      expect.objectContaining({ column: "Setup Wizard", severity: "error", rule: "users.status.enabled" }),
    );
  });

  it("synced Not Activated cannot be made Enabled", () => {
    const ws = workspace({
      users: [user({ rcId: "5001" })],
      account: { users: [accountUser({ rcId: "5001", status: "NotActivated", userType: "User" })] },
    });
    expect(validateWorkspace(ws)).toContainEqual(
      expect.objectContaining({ column: "Setup Wizard", rule: "users.status.notActivated" }),
    );
  });

  it("a synced row that keeps its state passes", () => {
    const ws = workspace({
      users: [user({ rcId: "5001" })],
      account: { users: [accountUser({ rcId: "5001", status: "Enabled", userType: "User" })] },
    });
    expect(validateWorkspace(ws).filter((f) => f.tab === "users")).toEqual([]);
  });

  it("the type cannot change after a sync", () => {
    const findings = validateWorkspace(synced("NotActivated", "Virtual User"));
    expect(findings).toContainEqual(expect.objectContaining({ column: "User Type", rule: "users.type.synced" }));
  });
});

describe("the Setup Wizard the sheet shows", () => {
  it("is Completed on a Limited Extension whatever was written, and left alone on other types", () => {
    expect(wizardCorrection("Limited Extension", "Not Started")).toBe("Completed");
    expect(wizardCorrection("Limited Extension", "")).toBe("Completed");
    expect(wizardCorrection("Limited Extension", "Completed")).toBeNull();
    expect(wizardCorrection("User", "Not Started")).toBeNull();
    expect(wizardCorrection("Nonsense", "")).toBeNull();
  });
});
