import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { personTokenLock } from "../../src/gas/person-token-lock";
import { appsScriptGlobals } from "./apps-script-globals";

/** The person's user lock around a token renewal (the client re-reads the store inside it: test/ringcentral). */
describe("the person's token lock in Apps Script", () => {
  let restore: () => void;
  beforeEach(() => {
    restore = appsScriptGlobals().install();
  });
  afterEach(() => restore());

  it("holds the user lock while renewing, and releases it whatever happens", async () => {
    const held = await personTokenLock.hold(async () => LockService.getUserLock().tryLock(0));
    expect(held).toBe(false);
    await expect(
      personTokenLock.hold(async () => {
        throw new Error("token endpoint refused");
      }),
    ).rejects.toThrow("token endpoint refused");
    const other = LockService.getUserLock();
    expect(other.tryLock(0)).toBe(true);
    other.releaseLock();
  });

  it("says so, without a secret, when another execution keeps it too long", async () => {
    const other = LockService.getUserLock();
    other.tryLock(0);
    let ran = false;
    await expect(
      personTokenLock.hold(async () => {
        ran = true;
      }),
    ).rejects.toThrow(/signing in and did not finish: try again/);
    expect(ran).toBe(false);
    other.releaseLock();
  });
});
