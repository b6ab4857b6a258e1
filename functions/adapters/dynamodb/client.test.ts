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
});
