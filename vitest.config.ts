import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // Needs the official spec beside the checkout: run by `npm run test:conformance`.
    exclude: ["test/conformance/**", "node_modules/**"],
    // Generous: many tests spawn the CLI, a sandbox or a browser, and must pass on a loaded 2-core machine.
    testTimeout: 60_000,
    // beforeAll hooks start sandboxes, runtimes and browsers: on a loaded 2-core machine that takes more than 10 s.
    hookTimeout: 60_000,
    pool: "forks",
  },
});
