import { describe, expect, it } from "vitest";
import { busyMessage, syncingAs, unlessBusy } from "../../sidebar/sync-busy";

describe("the sidebar's word for a busy document", () => {
  it("names who syncs and since when, in the person's time", () => {
    const since = new Date(2026, 5, 1, 14, 2);
    const message = busyMessage({ email: "ann@example.com", since: since.toISOString() }, new Date(2026, 5, 1, 15, 0));
    expect(message).toMatch(/^ann@example\.com is syncing this spreadsheet since [^;]+; try again when they are done\.$/);
    expect(message).toContain(since.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
    expect(busyMessage({ email: "ann@example.com", since: since.toISOString() }, new Date(2026, 5, 2))).toContain(
      ` on ${since.toLocaleDateString()};`,
    );
    expect(busyMessage({ email: "", since: "" })).toBe("Someone is syncing this spreadsheet; try again when they are done.");
  });

  it("passes any other answer through, and throws the message for a busy one", () => {
    expect(unlessBusy({ done: true })).toEqual({ done: true });
    expect(() => unlessBusy({ busy: { email: "ann@example.com", since: "" } })).toThrow(/ann@example\.com is syncing/);
  });

  it("says who runs the sync: their email, or 'you' when Google withholds it, never a blank name", () => {
    expect(syncingAs("ann@example.com", true)).toBe("Syncing as ann@example.com.");
    expect(syncingAs("ann@example.com", false)).toBe("Synced as ann@example.com.");
    expect(syncingAs("", true)).toBe("Syncing as you (Google does not share your email address with the add-in here).");
  });
});
