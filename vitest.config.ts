import { defineConfig } from "vitest/config";

/**
 * Files under functions/ and the staff apps that start processes, train recognisers or load
 * all content: seconds each, so they run with the integration tier, not the inner loop.
 */
const SLOW_UNIT_FILES = [
  "functions/adapters/recogniser/embedded/trainInWorker.test.ts",
  "functions/adapters/recogniser/embedded/embeddedRecogniser.test.ts",
  "functions/adapters/recogniser/embedded/recogniserSnapshot.test.ts",
  "functions/content/cli/cli.test.ts",
  "functions/content/checkContent.test.ts",
  "functions/domain/dialogue/personalAnswer.test.ts",
  "functions/gateway/server/gatewayServer.test.ts",
  "functions/adapters/redis/redisPresence.test.ts",
];

const COMMON_EXCLUDE = ["**/node_modules/**", "tests/e2e/**"];

/**
 * Two tiers as vitest projects. `npm run test:unit` runs only "unit" (domain, adapters against
 * dynalite, handlers, staff-app logic: the inner loop); `npm test` runs both, then the
 * browser tests (tests/e2e has its own config).
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration suites start servers; two cores cannot run many at once.
    maxWorkers: 2,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "functions/**/*.test.ts",
            "handoff-console/**/*.test.ts",
            "content-studio/**/*.test.ts",
            "tests/layers.test.ts",
          ],
          exclude: [...COMMON_EXCLUDE, ...SLOW_UNIT_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts", "infra/**/*.test.ts", ...SLOW_UNIT_FILES],
          exclude: [...COMMON_EXCLUDE, "tests/layers.test.ts"],
        },
      },
    ],
  },
});
