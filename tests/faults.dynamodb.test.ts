import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import { type EmbeddedDynamo, startEmbeddedDynamo } from "../functions/local/embeddedDynamo.ts";
import {
  type CustomerSocket,
  collect,
  connectCustomer,
  eventually,
  startTestStack,
} from "./support/localStack.ts";

// DynamoDB faults through the real SDK: the service's client talks to a small proxy in front
// of dynalite that throttles, fails or loses answers on command.

/**
 * unprocessed: a batch call succeeds but DynamoDB did none of it (what throttling inside a
 * batch looks like): every key or item comes back as unprocessed, for the caller to re-send;
 * with `items`, only the written items that match are left unprocessed and the rest is done.
 */
type Fault = "throttle" | "fail" | "loseAnswer" | "unprocessed";

interface FaultyDynamo {
  url: string;
  /** Fails the next `times` requests whose operation and body match (all when omitted). */
  inject(
    fault: Fault,
    options?: { times?: number; operation?: RegExp; body?: RegExp; items?: RegExp },
  ): void;
  heal(): void;
  /** Operations (x-amz-target without prefix) answered with a fault, in order. */
  faulted: string[];
  close(): Promise<void>;
}

const DYNAMO_ERROR = "com.amazonaws.dynamodb.v20120810#";

async function startFaultyDynamo(target: EmbeddedDynamo): Promise<FaultyDynamo> {
  let fault: Fault | undefined;
  let left = 0;
  let operation: RegExp | undefined;
  let bodyPattern: RegExp | undefined;
  let itemPattern: RegExp | undefined;
  const faulted: string[] = [];
  const forward = (
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = request(
        { host: "127.0.0.1", port: target.port, method: "POST", path: "/", headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 500,
              headers: { "content-type": String(res.headers["content-type"] ?? "") },
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      out.on("error", reject);
      out.end(body);
    });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const op = String(req.headers["x-amz-target"] ?? "").replace(/^DynamoDB_\d+\./, "");
      const hit =
        fault &&
        left > 0 &&
        (!operation || operation.test(op)) &&
        (!bodyPattern || bodyPattern.test(body.toString("utf8")));
      const answerError = (status: number, type: string, message: string) => {
        res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
        res.end(JSON.stringify({ __type: `${DYNAMO_ERROR}${type}`, message }));
      };
      if (hit) {
        left--;
        faulted.push(op);
        if (fault === "throttle") {
          answerError(
            400,
            "ThrottlingException",
            "Rate of requests exceeds the allowed throughput.",
          );
          return;
        }
        if (fault === "fail") {
          answerError(500, "InternalServerError", "Internal server error");
          return;
        }
        if (fault === "unprocessed" && itemPattern && op === "BatchWriteItem") {
          const pattern = itemPattern;
          const { RequestItems } = JSON.parse(body.toString("utf8")) as {
            RequestItems: Record<string, unknown[]>;
          };
          const left: Record<string, unknown[]> = {};
          const done: Record<string, unknown[]> = {};
          for (const [table, requests] of Object.entries(RequestItems)) {
            for (const request of requests) {
              const into = pattern.test(JSON.stringify(request)) ? left : done;
              into[table] = [...(into[table] ?? []), request];
            }
          }
          if (Object.keys(done).length > 0) {
            const rest = Buffer.from(JSON.stringify({ RequestItems: done }));
            await forward({ ...req.headers, "content-length": String(rest.length) }, rest);
          }
          res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
          res.end(JSON.stringify({ UnprocessedItems: left }));
          return;
        }
        if (fault === "unprocessed") {
          const { RequestItems } = JSON.parse(body.toString("utf8"));
          res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
          res.end(
            JSON.stringify(
              op === "BatchGetItem"
                ? { Responses: {}, UnprocessedKeys: RequestItems }
                : { UnprocessedItems: RequestItems },
            ),
          );
          return;
        }
      }
      try {
        const answer = await forward(req.headers, body);
        // loseAnswer: the write happened, but the caller only hears a server error.
        if (hit && fault === "loseAnswer") {
          answerError(500, "InternalServerError", "Internal server error");
          return;
        }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject(kind, options = {}) {
      fault = kind;
      left = options.times ?? Number.POSITIVE_INFINITY;
      operation = options.operation;
      bodyPattern = options.body;
      itemPattern = options.items;
    },
    heal() {
      fault = undefined;
      left = 0;
    },
    faulted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const dynamo = await startEmbeddedDynamo({ port: 0 });
  cleanups.push(() => dynamo.close());
  const proxy = await startFaultyDynamo(dynamo);
  cleanups.push(() => proxy.close());
  const stack = await startTestStack({ env: { DYNAMODB_ENDPOINT: proxy.url } });
  cleanups.push(() => stack.close());
  const socket = await connectCustomer(stack.url);
  cleanups.push(() => {
    socket.disconnect();
  });
  const seen = collect(socket, "chat:message");
  const start = await socket.emitWithAck("chat:start", { lang: "fi" });
  if (!start.ok) throw new Error(`start failed: ${start.error.code}`);
  await eventually(() => seen.filter((m) => m.from === "bot").length >= 2);
  return { stack, proxy, socket, seen, start };
}

/** The stored transcript, as a second connection resuming the chat gets it replayed. */
async function storedTranscript(url: string, resumeToken: string): Promise<ChatMessage[]> {
  const reader: CustomerSocket = await connectCustomer(url);
  cleanups.push(() => {
    reader.disconnect();
  });
  const replay = collect(reader, "chat:message");
  const states = collect(reader, "chat:state");
  const resumed = await reader.emitWithAck("chat:start", { lang: "fi", resumeToken });
  expect(resumed.ok).toBe(true);
  await eventually(() => states.length > 0);
  return replay;
}

describe("DynamoDB throttling and errors", () => {
  it("retries throttled calls with backoff, and the customer is answered as usual", async () => {
    const { proxy, socket, seen } = await setUp();
    proxy.inject("throttle", { times: 2 });

    const ack = await socket.emitWithAck("chat:message", {
      text: "Miten saan verokortin?",
      clientId: "throttled-0001",
    });

    expect(ack.ok).toBe(true);
    expect(proxy.faulted).toHaveLength(2);
    // Both throttled attempts were of the first call, retried until it went through.
    expect(new Set(proxy.faulted).size).toBe(1);
    await eventually(() => seen.some((m) => m.from === "bot" && m.topic === "tax-card"));
  });

  it("re-sends what DynamoDB left unprocessed in a batch, and the customer is answered", async () => {
    const { stack, proxy, socket, seen, start } = await setUp();
    // The bot's answer is left unprocessed three times in a row, then stored.
    proxy.inject("unprocessed", { times: 3, operation: /^BatchWriteItem$/ });
    const ack = await socket.emitWithAck("chat:message", {
      text: "Miten saan verokortin?",
      clientId: "unprocessed-01",
    });
    expect(ack.ok).toBe(true);
    await eventually(() => seen.some((m) => m.from === "bot" && m.topic === "tax-card"));

    // The chat record read for the next message, likewise.
    proxy.inject("unprocessed", { times: 3, operation: /^BatchGetItem$/ });
    const second = await socket.emitWithAck("chat:message", {
      text: "Milloin veronpalautukset maksetaan?",
      clientId: "unprocessed-02",
    });
    expect(second.ok).toBe(true);
    await eventually(() => seen.some((m) => m.from === "bot" && m.topic === "tax-refund"));

    expect(proxy.faulted).toEqual([
      ...Array(3).fill("BatchWriteItem"),
      ...Array(3).fill("BatchGetItem"),
    ]);
    const stored = await storedTranscript(stack.url, start.resumeToken);
    for (const answer of seen.filter((m) => m.from === "bot" && m.topic)) {
      expect(stored.filter((m) => m.id === answer.id)).toHaveLength(1);
    }
  });

  it("tells the customer in the chat when their stored message cannot be answered", async () => {
    const { stack, proxy, socket, seen, start } = await setUp();
    // The customer's own message is stored; the bot's answer, in the same batch, is left
    // unprocessed however often it is re-sent.
    proxy.inject("unprocessed", { operation: /^BatchWriteItem$/, items: /"sk":\{"S":"m#/ });

    const ack = await socket.timeout(15_000).emitWithAck("chat:message", {
      text: "Miten saan verokortin?",
      clientId: "answer-fails-1",
    });

    expect(ack.ok).toBe(true);
    const notice = await eventually(
      () => seen.find((m) => m.from === "system" && m.text.includes("häiriö")),
      15_000,
    );
    expect(notice?.actions?.map((a) => a.type)).toEqual(["callback"]);
    proxy.heal();
    const stored = await storedTranscript(stack.url, start.resumeToken);
    expect(stored.filter((m) => m.clientId === "answer-fails-1")).toHaveLength(1);
  });

  it("tells the customer the service is disturbed when DynamoDB stays down, and a resend after recovery is stored once", async () => {
    const { stack, proxy, socket, seen, start } = await setUp();
    proxy.inject("fail");

    const refused = await socket.timeout(15_000).emitWithAck("chat:message", {
      text: "Milloin veronpalautukset maksetaan?",
      clientId: "down-00001",
    });

    expect(refused).toMatchObject({ ok: false, error: { code: "SERVICE_UNAVAILABLE" } });
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/try again|call/i);
    // The SDK's standard policy: four attempts before giving up.
    expect(proxy.faulted.length).toBeGreaterThanOrEqual(4);

    proxy.heal();
    const first = await socket.emitWithAck("chat:message", {
      text: "Milloin veronpalautukset maksetaan?",
      clientId: "down-00001",
    });
    const again = await socket.emitWithAck("chat:message", {
      text: "Milloin veronpalautukset maksetaan?",
      clientId: "down-00001",
    });
    expect(first.ok && again.ok && again.id === first.id).toBe(true);
    await eventually(() => seen.some((m) => m.from === "bot" && m.topic));

    const stored = await storedTranscript(stack.url, start.resumeToken);
    expect(stored.filter((m) => m.clientId === "down-00001")).toHaveLength(1);
  });

  it.each([
    // The customer's message: a batched put under its clientId, after a read found none.
    ["the customer's message", "BatchWriteItem", /"sk":\{"S":"c#/],
    // The bot's answer: a batch of unconditional puts under new message ids.
    ["the bot's answer", "BatchWriteItem", /"sk":\{"S":"m#/],
  ])(
    "stores a message once when DynamoDB wrote %s but the answer was lost",
    async (_what, operation, body) => {
      const { stack, proxy, socket, seen, start } = await setUp();
      // The item is written, the SDK hears a 500 and retries the same request.
      proxy.inject("loseAnswer", { times: 1, operation: new RegExp(`^${operation}$`), body });

      const ack = await socket.emitWithAck("chat:message", {
        text: "Miten maksan jäännösveron?",
        clientId: "lost-answer-01",
      });
      const resent = await socket.emitWithAck("chat:message", {
        text: "Miten maksan jäännösveron?",
        clientId: "lost-answer-01",
      });

      await eventually(() => seen.some((m) => m.from === "bot" && m.topic));
      expect(proxy.faulted).toEqual([operation]);
      expect(ack.ok).toBe(true);
      expect(resent.ok && ack.ok && resent.id === ack.id).toBe(true);
      await eventually(() => seen.some((m) => m.from === "bot" && m.topic));
      const stored = await storedTranscript(stack.url, start.resumeToken);
      expect(stored.filter((m) => m.clientId === "lost-answer-01")).toHaveLength(1);
      expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
    },
  );
});
