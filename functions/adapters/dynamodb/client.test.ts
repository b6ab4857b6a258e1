import { describe, expect, it } from "vitest";
import { createDynamoClients } from "./client.ts";

describe("DynamoDB clients", () => {
  it("leave out the SDK's logger middleware and add the storage-unavailable mapping", () => {
    const { client } = createDynamoClients({ region: "eu-north-1" });
    const stack = client.middlewareStack.identify().join("\n");

    expect(stack).not.toMatch(/loggerMiddleware/);
    expect(stack).toMatch(/storageUnavailableMiddleware/);
    client.destroy();
  });

  it("never let the SDK's request timeout end a call before the fail-fast deadline", async () => {
    const { client, failFastAfter } = createDynamoClients({ region: "eu-north-1" });
    // The Node handler resolves its settings before its next request, from this promise.
    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<{ requestTimeout?: number }>;
    };
    const timeout = async () => (await handler.configProvider).requestTimeout;

    failFastAfter(15_000);
    expect(await timeout()).toBe(15_000);
    failFastAfter(2_500);
    expect(await timeout()).toBe(5_000);
    client.destroy();
  });
});
