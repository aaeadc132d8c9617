import { describe, expect, it } from "vitest";
import { checkServerAddress } from "../../src/ringcentral/server-address";

const problem = (text: string) => {
  const checked = checkServerAddress(text);
  return checked.ok ? `accepted as ${checked.address}` : checked.problem;
};

describe("a RingCentral server's address, checked without URL", () => {
  it("takes https://host[:port], normalised as the client uses it", () => {
    expect(checkServerAddress("https://platform.ringcentral.com")).toEqual({
      ok: true,
      address: "https://platform.ringcentral.com",
    });
    expect(checkServerAddress("  HTTPS://Platform.RingCentral.biz/ ")).toEqual({
      ok: true,
      address: "https://platform.ringcentral.biz",
    });
    expect(checkServerAddress("https://rc.example.com:8443")).toEqual({ ok: true, address: "https://rc.example.com:8443" });
    expect(checkServerAddress("https://10.0.0.5")).toEqual({ ok: true, address: "https://10.0.0.5" });
  });

  it("takes plain http only to this machine (a local sandbox)", () => {
    for (const local of ["http://127.0.0.1:8788", "http://localhost:8788", "http://[::1]:8788", "http://localhost"])
      expect(checkServerAddress(local)).toEqual({ ok: true, address: local });
    expect(problem("http://platform.ringcentral.com")).toMatch(/must use https .*only to this machine/);
    expect(problem("http://127.0.0.2")).toMatch(/must use https/);
    expect(problem("http://localhost.evil.com")).toMatch(/must use https/);
  });

  it("refuses other schemes, credentials, paths, queries and fragments, saying what is wrong", () => {
    expect(problem("javascript:alert(1)")).toMatch(/does not start with https:\/\//);
    expect(problem("file:///etc/passwd")).toMatch(/must use https, not file:/);
    expect(problem("ftp://example.com")).toMatch(/not ftp:/);
    expect(problem("platform.ringcentral.com")).toMatch(/does not start with https:\/\//);
    expect(problem("https://platform.ringcentral.com/restapi")).toMatch(/host alone, without a path/);
    expect(problem("https://platform.ringcentral.com?x=1")).toMatch(/without a path, \? or #/);
    expect(problem("https://platform.ringcentral.com#top")).toMatch(/without a path, \? or #/);
    expect(problem("https://evil.com\\@platform.ringcentral.com")).toMatch(/user name or password/);
    expect(problem("https://:8443")).toMatch(/no valid host name/);
    expect(problem("https://bad_host.com")).toMatch(/no valid host name/);
    expect(problem("https://-bad.com")).toMatch(/no valid host name/);
    expect(problem("https://example.com:0")).toMatch(/port must be a number from 1 to 65535/);
    expect(problem("https://example.com:70000")).toMatch(/port/);
    expect(problem("https://example.com:")).toMatch(/port/);
    expect(problem("")).toMatch(/empty/);
  });

  it("never repeats the value: a pasted address may hold a password", () => {
    const message = problem("https://admin:hunter2@platform.ringcentral.com");
    expect(message).toMatch(/must not hold a user name or password/);
    expect(message).not.toContain("hunter2");
  });
});
