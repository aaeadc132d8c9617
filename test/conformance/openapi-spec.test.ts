import { beforeAll, describe, expect, it } from "vitest";
import { OpenApiSpec, repoRoot, specPath } from "./openapi-spec";

/** The checker itself: it must see a body that breaks the spec, or the conformance run proves nothing. */
describe("the OpenAPI conformance checker", () => {
  let spec: OpenApiSpec;
  beforeAll(() => {
    spec = new OpenApiSpec(specPath(repoRoot));
  });

  it("passes a body of the documented shape", () => {
    const verdict = spec.check({
      method: "GET",
      path: "/restapi/v1.0/account/~/extension",
      status: 200,
      requestBody: undefined,
      responseBody: {
        records: [{ id: 1, extensionNumber: "101", status: "Enabled", type: "User", site: { id: "main-site" } }],
        paging: { page: 1, perPage: 100 },
        navigation: {},
      },
    });
    expect(verdict).toEqual({ operation: "listExtensions", problems: [] });
  });

  it("fails a response and a request that break the spec, naming where", () => {
    const response = spec.check({
      method: "GET",
      path: "/restapi/v1.0/account/~/extension",
      status: 200,
      requestBody: undefined,
      responseBody: { records: [{ id: "x", status: "Weird" }] },
    });
    expect(response.problems).toEqual([
      "response 200: /records/0/id must be integer",
      "response 200: /records/0/status must be equal to one of the allowed values",
    ]);
    const request = spec.check({
      method: "PUT",
      path: "/restapi/v1.0/account/~/extension/5",
      status: 200,
      requestBody: { contact: { email: 5 } },
      responseBody: {},
    });
    expect(request.problems).toEqual(["request: /contact/email must be string"]);
  });

  it("holds error bodies to the platform's error model", () => {
    const verdict = spec.check({
      method: "PUT",
      path: "/restapi/v1.0/account/~/extension/5",
      status: 400,
      requestBody: {},
      responseBody: { errors: "not a list" },
    });
    expect(verdict.problems.length).toBeGreaterThan(0);
  });

  it("says loudly when the spec is missing", () => {
    expect(() => new OpenApiSpec("/nowhere/rc-public-openapi.yml")).toThrow(/OpenAPI spec is missing at \/nowhere/);
  });
});
