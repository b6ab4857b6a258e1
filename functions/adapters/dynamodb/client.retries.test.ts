/**
 * The DynamoDB client's retry policy against a scripted server on loopback: what the SDK
 * calls a transient failure is retried also once the fail-fast deadline is set.
 */

import type { AddressInfo } from "node:net";
import { createServer, type Server, type Socket } from "node:net";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it } from "vitest";
import { createDynamoClients } from "./client.ts";

const EMPTY_ANSWER =
  "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}";

let server: Server | undefined;
afterEach(() => server?.close());

/** A DynamoDB stand-in that resets the first `resets` connections, then answers "no item". */
async function resettingServer(
  resets: number,
): Promise<{ endpoint: string; requests: () => number }> {
  let seen = 0;
  server = createServer((socket: Socket) => {
    socket.on("data", () => {
      seen++;
      if (seen <= resets) socket.resetAndDestroy();
      else socket.write(EMPTY_ANSWER);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, requests: () => seen };
}

describe("DynamoDB client retries", () => {
  it("retries a connection reset by the other end, also under the fail-fast deadline", async () => {
    const { endpoint, requests } = await resettingServer(1);
    const { doc, client, failFastAfter } = createDynamoClients({ region: "eu-north-1", endpoint });
    failFastAfter(2_500);

    // The SDK names ECONNRESET "TimeoutError"; it was once taken for a hung attempt and
    // answered SERVICE_UNAVAILABLE at once (CI: a 503 for one of 25 callback requests).
    const out = await doc.send(new GetCommand({ TableName: "chats", Key: { chatId: "x" } }));

    expect(out.Item).toBeUndefined();
    expect(requests()).toBe(2);
    client.destroy();
  });

  it("reports storage unavailable once every attempt was reset", async () => {
    const { endpoint, requests } = await resettingServer(100);
    const { doc, client, failFastAfter } = createDynamoClients({
      region: "eu-north-1",
      endpoint,
      maxAttempts: 2,
    });
    failFastAfter(2_500);

    await expect(
      doc.send(new GetCommand({ TableName: "chats", Key: { chatId: "x" } })),
    ).rejects.toMatchObject({ name: "ServiceUnavailableError", cause: { code: "ECONNRESET" } });
    expect(requests()).toBe(2);
    client.destroy();
  });
});
