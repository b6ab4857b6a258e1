import { defineConfig } from "vitest/config";

/** Browser tests: `npm run test:e2e`. One file at a time: Chromium and the stack share two cores. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page on two shared cores can take seconds to show what a poll waits for; a poll that
    // never comes true still fails, only later.
    expect: { poll: { timeout: 10_000 } },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
