import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // Needs the official spec beside the checkout: run by `npm run test:conformance`.
    exclude: ["test/conformance/**", "node_modules/**"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
