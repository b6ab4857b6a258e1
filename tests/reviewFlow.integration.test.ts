/**
 * The review of a version as its reviewer and its author live it, against the real local stack:
 * the first review has the live version's numbers to compare with.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoContentStore } from "../functions/adapters/dynamodb/dynamoContentStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { devToken } from "./support/devToken.ts";
import { startTestStack } from "./support/localStack.ts";

let stack: LocalServer;
let owner: string;
let reviewer: string;

beforeAll(async () => {
  stack = await startTestStack();
  [owner, reviewer] = await Promise.all([
    devToken(stack.url, "content-owner"),
    devToken(stack.url, "content-reviewer"),
  ]);
}, 60_000);
afterAll(async () => {
  await stack.close();
});

async function api(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${stack.url}/api/content/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The service's content table, read as another process would. */
const contentStore = () =>
  createDynamoContentStore(
    createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint }).doc,
    tableNames("asiointi-local-").content,
  );

type Scores = Record<"fi" | "sv", { total: number; accuracy: number; noneRecall: number }>;
type Listed = { version: number; state: string; scores?: Scores };

const versions = async (token = owner) =>
  (await api("GET", "versions", token)).body as { live: number; versions: Listed[] };

/** Saves topic `id` with its Finnish answer changed (nothing the recogniser learns). */
async function changeAnswer(id: string, text: string): Promise<void> {
  const { topic } = (await api("GET", `draft/topics/${id}`, owner)).body as {
    topic: { fi: { answer: string } };
  };
  const saved = await api("PUT", `draft/topics/${id}`, owner, {
    ...topic,
    fi: { ...topic.fi, answer: `${topic.fi.answer} ${text}` },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

describe("the first review has the live version's numbers to compare with", () => {
  it("scores the seed after the start, as the gate scores the same content published again", async () => {
    // Without anyone asking: the service scores the seed once it is up.
    const store = contentStore();
    const deadline = Date.now() + 60_000;
    let seed = await store.versionMeta(1);
    while (!seed?.scores && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      seed = await store.versionMeta(1);
    }
    expect(seed).toMatchObject({ state: "live", author: "system" });
    expect(seed?.scores?.fi.total).toBeGreaterThan(100);

    // The same recognition published as version 2 (an answer edited) gets the same numbers
    // from the gate: the baseline is what the gate says, not an estimate.
    await changeAnswer("vat", "Tarkistettu.");
    const published = await api("POST", "publish", owner, { comment: "vastaus tarkennettu" });
    expect(published.body).toEqual({ version: 2, state: "pending-review" });
    const listed = await versions(reviewer);
    const [second, first] = listed.versions;
    expect(first).toMatchObject({ version: 1, state: "live", scores: seed?.scores });
    expect(second?.scores).toEqual(first?.scores);
  }, 120_000);
});
