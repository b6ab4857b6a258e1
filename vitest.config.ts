import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "functions/**/*.test.ts",
      "infra/**/*.test.ts",
      "tests/**/*.test.ts",
      "handoff-console/**/*.test.ts",
      "content-studio/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "tests/e2e/**"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration suites start servers; two cores cannot run many at once.
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
