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

  it("never let the SDK's request or connection timeout end a call before the fail-fast deadline", async () => {
    const { client, failFastAfter } = createDynamoClients({ region: "eu-north-1" });
    // The Node handler resolves its settings before its next request, from this promise.
    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<{ requestTimeout?: number; connectionTimeout?: number }>;
    };
    const timeouts = async () => {
      const { requestTimeout, connectionTimeout } = await handler.configProvider;
      return { requestTimeout, connectionTimeout };
    };

    expect(await timeouts()).toEqual({ requestTimeout: 5_000, connectionTimeout: 1_000 });
    // A connect that waits out a 1 s event-loop stall on a loaded machine is not hung storage
    // when the deadline is 15 s (CI once failed a chat:start so).
    failFastAfter(15_000);
    expect(await timeouts()).toEqual({ requestTimeout: 15_000, connectionTimeout: 15_000 });
    failFastAfter(2_500);
    expect(await timeouts()).toEqual({ requestTimeout: 5_000, connectionTimeout: 2_500 });
    client.destroy();
  });
});
