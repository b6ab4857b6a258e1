import { defineConfig } from "vitest/config";

/**
 * Test files under functions/ that run with the integration tier, not the inner loop: each
 * takes seconds, or starts something (dynalite, a server, a process) that the unit tier
 * does not. A new test file that does any of these belongs in this list.
 */
const INTEGRATION_FILES_IN_FUNCTIONS = [
  // Train recognisers, or start processes or workers.
  "functions/adapters/recogniser/embedded/trainInWorker.test.ts",
  "functions/adapters/recogniser/embedded/embeddedRecogniser.test.ts",
  "functions/adapters/recogniser/embedded/recogniserSnapshot.test.ts",
  "functions/content/cli/cli.test.ts",
  "functions/content/cli/chosenRecogniser.test.ts",
  "functions/content/checkContent.test.ts",
  "functions/content/rulesInWorker.test.ts",
  "functions/domain/dialogue/personalAnswer.test.ts",
  // Start servers (HTTP, socket.io, Redis).
  "functions/gateway/server/gatewayServer.test.ts",
  "functions/adapters/redis/redisPresence.test.ts",
  "functions/local/identityProvider.test.ts",
  // Start dynalite: the DynamoDB adapters and what is built on them. The domain's tests use
  // the in-memory stores, held to the same contracts as these.
  "functions/adapters/dynamodb/batching.test.ts",
  "functions/adapters/dynamodb/client.retries.test.ts",
  "functions/adapters/dynamodb/dynamoChatStore.test.ts",
  "functions/adapters/dynamodb/dynamoChatStore.roundTrips.test.ts",
  "functions/adapters/dynamodb/dynamoContentStore.test.ts",
  "functions/adapters/dynamodb/dynamoCustomerData.test.ts",
  "functions/adapters/dynamodb/dynamoMissStore.test.ts",
  "functions/adapters/dynamodb/dynamoReportCounters.test.ts",
  "functions/gateway/server/embeddedGatewayBot.test.ts",
  "functions/lambda/lambdaContent.test.ts",
  "functions/local/ttlSweeper.test.ts",
];

const COMMON_EXCLUDE = ["**/node_modules/**", "tests/e2e/**"];

/**
 * Two tiers as vitest projects. `npm run test:unit` runs only "unit": domain logic on
 * in-memory stores, handlers, staff-app state; no network, no processes, under 30 s on two
 * cores (the inner loop). `npm test` runs both, then the browser tests (tests/e2e has its
 * own config).
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
            "bench/**/*.test.ts",
            "tests/layers.test.ts",
          ],
          exclude: [...COMMON_EXCLUDE, ...INTEGRATION_FILES_IN_FUNCTIONS],
          // Files share a worker's modules instead of each loading its own: loading the AWS
          // SDK, zod schemas and content again for every file took more than half of the
          // tier's time. So a unit test leaves no module state changed (restore stubs, copy
          // shared fixtures before changing them).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts", "infra/**/*.test.ts", ...INTEGRATION_FILES_IN_FUNCTIONS],
          exclude: [...COMMON_EXCLUDE, "tests/layers.test.ts"],
        },
      },
    ],
  },
});
