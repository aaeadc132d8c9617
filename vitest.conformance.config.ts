import { defineConfig } from "vitest/config";

/**
 * `npm run test:conformance`: the checker's own tests, then every test that talks to the sandbox, with each exchange
 * recorded (RC_CONFORMANCE_LOG) for scripts/conformance.ts to hold against the official spec.
 */
export default defineConfig({
  test: {
    include: [
      "test/conformance/**/*.test.ts",
      "test/sandbox/**/*.test.ts",
      "test/integration/**/*.test.ts",
      "test/sync/**/*.test.ts",
      // rcsheets probe's exchanges (each operation the product sends) against the sandbox.
      "test/first-contact/**/*.test.ts",
    ],
    testTimeout: 60_000,
    pool: "forks",
  },
});
