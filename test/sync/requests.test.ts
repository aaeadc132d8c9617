import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { claimBody, createBody, rolePermissions, siteBody, updateBody } from "../../src/sync/requests";
import { site, user } from "../domain/fixture";

describe("request bodies", () => {
  it("claims a line for a Completed user in one call: number, contact, site, state, credentials, welcome email setting", () => {
    expect(claimBody(user({ dept: "Sales" }), "1001", DEFAULT_SETTINGS)).toEqual({
      extensionNumber: "1002",
      contact: { firstName: "Ann", lastName: "Lee", email: "ann.lee.2@example.com", department: "Sales" },
      site: { id: "1001" },
      status: "Enabled",
      setupWizardState: "Completed",
      ivrPin: "274916",
      password: "Blue42horse!",
      transition: { sendWelcomeEmail: false },
    });
    expect(claimBody(user(), "1001", { ...DEFAULT_SETTINGS, welcomeEmails: true }).transition).toEqual({
      sendWelcomeEmail: true,
    });
  });

  it("leaves a Not Started user NotActivated, and sends no password when the account uses SSO (but a Limited one's)", () => {
    const notStarted = claimBody(user({ setupWizard: "Not Started", pin: "", password: "" }), "main-site", DEFAULT_SETTINGS);
    expect(notStarted).toMatchObject({ status: "NotActivated", setupWizardState: "NotStarted" });
    expect(notStarted).not.toHaveProperty("password");
    const sso = { ...DEFAULT_SETTINGS, sso: true };
    expect(claimBody(user(), "main-site", sso)).not.toHaveProperty("password");
    expect(claimBody(user({ userType: "Limited Extension", pin: "" }), "main-site", sso)).toMatchObject({
      password: "Blue42horse!",
    });
  });

  it("creates Message Only and Announcement Only new, with one name, and never a PIN on a Limited Extension", () => {
    expect(
      createBody(user({ userType: "Message Only", firstName: "Sales", lastName: "Voicemail" }), "main-site", DEFAULT_SETTINGS),
    ).toMatchObject({
      type: "Voicemail",
      contact: { firstName: "Sales Voicemail", email: "ann.lee.2@example.com" },
      ivrPin: "274916",
    });
    expect(createBody(user({ userType: "Announcement Only" }), "main-site", DEFAULT_SETTINGS).type).toBe("Announcement");
    expect(claimBody(user({ userType: "Limited Extension", pin: "274916" }), "main-site", DEFAULT_SETTINGS)).not.toHaveProperty(
      "ivrPin",
    );
  });

  it("updates only what changed", () => {
    expect(updateBody(user({ ext: "4400" }), ["ext"], "1001")).toEqual({ extensionNumber: "4400" });
    expect(updateBody(user(), ["site"], "1002")).toEqual({ site: { id: "1002" } });
    expect(Object.keys(updateBody(user(), ["name"], "1001"))).toEqual(["contact"]);
  });

  it("builds a site and a custom role's permissions from its base, plus and minus", () => {
    expect(siteBody(site({ street2: "Suite 5", ext: "500" }))).toEqual({
      name: "San Mateo",
      extensionNumber: "500",
      businessAddress: { country: "US", state: "CA", city: "San Mateo", street: "20 Davis Dr, Suite 5", zip: "94402" },
    });
    expect(rolePermissions(["ReadCallLog", "Meetings"], ["EditUserInfo", "-Meetings", "+ReadCallLog"])).toEqual([
      { id: "ReadCallLog" },
      { id: "EditUserInfo" },
    ]);
  });
});
