import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // Needs the official spec beside the checkout: run by `npm run test:conformance`.
    exclude: ["test/conformance/**", "node_modules/**"],
    testTimeout: 20_000,
    // beforeAll hooks start sandboxes, runtimes and browsers: on a loaded 2-core machine that takes more than 10 s.
    hookTimeout: 60_000,
    pool: "forks",
  },
});
