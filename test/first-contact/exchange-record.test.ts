import { describe, expect, it } from "vitest";
import { recordExchange } from "../../src/first-contact/exchange-record";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const JSON_TYPE = { "content-type": "application/json" };

/** What a probe's report keeps of an exchange: no secret, no header, the first records of a list. */
describe("a recorded exchange", () => {
  it("removes OAuth's secrets from a form, a query and a token answer, and keeps no header", () => {
    const recorded = recordExchange(
      "signIn",
      {
        method: "POST",
        url: "https://platform.ringcentral.com/restapi/oauth/token?code=abc&state=s1",
        headers: { ...FORM, authorization: "Basic c2VjcmV0" },
        body: "grant_type=authorization_code&code=abc&code_verifier=v&client_secret=s&redirect_uri=https%3A%2F%2Fx",
      },
      { status: 200, headers: JSON_TYPE, body: JSON.stringify({ access_token: "A", refresh_token: "R", owner_id: "7" }) },
    );
    expect(recorded).toEqual({
      step: "signIn",
      request: {
        method: "POST",
        path: "/restapi/oauth/token",
        query: "code=[removed]&state=s1",
        body: {
          grant_type: "authorization_code",
          code: "[removed]",
          code_verifier: "[removed]",
          client_secret: "[removed]",
          redirect_uri: "https://x",
        },
      },
      response: { status: 200, body: { access_token: "[removed]", refresh_token: "[removed]", owner_id: "7" } },
    });
    expect(JSON.stringify(recorded)).not.toMatch(/c2VjcmV0|Basic/);
  });

  it("removes PINs, passwords and secret answers at any depth, keeps a site's code, and the first 3 records of a list", () => {
    const body = { records: [1, 2, 3, 4, 5].map((id) => ({ id, site: { code: "HQ" }, ivrPin: "739155" })) };
    const recorded = recordExchange(
      "listExtensions",
      {
        method: "PUT",
        url: "http://127.0.0.1:8788/restapi/v1.0/account/~/extension/1/credentials",
        headers: JSON_TYPE,
        body: JSON.stringify({ password: "Pw!1", secretQuestion: { id: "1", answer: "blue" } }),
      },
      { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) },
    );
    expect(recorded.request.body).toEqual({ password: "[removed]", secretQuestion: { id: "1", answer: "[removed]" } });
    expect(recorded.response.recordsTotal).toBe(5);
    expect(recorded.response.body).toEqual({
      records: [1, 2, 3].map((id) => ({ id, site: { code: "HQ" }, ivrPin: "[removed]" })),
    });
  });
});
