// Test all over several training orders: how many orders are asked for, and a result that an
// edit saved since no longer describes.
import { describe, expect, it } from "vitest";
import { signOut } from "./app.ts";
import { draftAnswer, signedInWithFakeServer } from "./fakeServer.ts";
import * as testAll from "./testAll.ts";
import { draft, loadDraft } from "./topics.ts";
import {
  ordersCount,
  ordersResult,
  ordersRunningCount,
  ordersStale,
  ordersTested,
  runOrders,
} from "./trainingOrders.ts";

const ORDERS = "/api/content/test-all/orders";
const DRAFT = "/api/content/draft";
const TOPICS = "/api/content/topics";

const spread =
  (draftDigest: string, seeds = [7, 1]) =>
  () => ({
    status: 200,
    body: {
      seeds,
      splits: {},
      gateFailsOn: 0,
      floors: { topic: 0.85, gateTopic: 0.6 },
      draftDigest,
    },
  });

describe("Test all over several training orders", () => {
  const fake = signedInWithFakeServer(() => signOut());

  /** Reads the draft as the studio does, the server saying its digest is `digest`. */
  async function draftRead(digest: string) {
    const server = fake.current();
    server.on("GET", DRAFT, () => draftAnswer({ digest }));
    server.on("GET", TOPICS, () => ({ status: 200, body: { version: 3, topics: [] } }));
    await loadDraft();
  }

  it("asks for the number of orders the owner chose, five until they choose", async () => {
    const server = fake.current();
    server.on("POST", ORDERS, spread("d1", [7, 1, 2, 3, 4]));
    server.on("POST", ORDERS, spread("d1", [7, 1, 2]));
    await draftRead("d1");

    await runOrders();
    ordersCount.value = 3;
    await runOrders();

    expect(server.calls.filter((c) => c.path === ORDERS).map((c) => c.body)).toEqual([
      { seeds: 5 },
      { seeds: 3 },
    ]);
    expect(ordersResult.value?.seeds).toEqual([7, 1, 2]);
  });

  it("keeps the running number in its busy line when another number is chosen meanwhile", async () => {
    const server = fake.current();
    let answer: (a: ReturnType<ReturnType<typeof spread>>) => void = () => {};
    server.on("POST", ORDERS, () => new Promise((resolve) => (answer = resolve)));
    await draftRead("d1");
    ordersCount.value = 3;

    const running = runOrders();
    ordersCount.value = 6;
    expect(ordersRunningCount.value).toBe(3);

    answer(spread("d1", [7, 1, 2])());
    await running;
    expect(server.calls.find((c) => c.path === ORDERS)?.body).toEqual({ seeds: 3 });
  });

  it("says its result is of an older draft once a saved edit is read, and not once the edit is undone", async () => {
    await draftRead("d1");
    fake.current().on("POST", ORDERS, spread("d1"));
    await runOrders();
    expect(ordersStale.value).toBe(false);

    await draftRead("d2");
    expect(ordersStale.value).toBe(true);

    await draftRead("d1");
    expect(ordersStale.value).toBe(false);
  });

  it("reads the draft again when the result is of another one than the studio read, and trusts that read", async () => {
    // The studio read d1; someone saved d2 before the run trained it.
    await draftRead("d1");
    const server = fake.current();
    server.on("POST", ORDERS, spread("d2"));
    let answer: (a: ReturnType<typeof draftAnswer>) => void = () => {};
    server.on("GET", DRAFT, () => new Promise((resolve) => (answer = resolve)));
    server.on("GET", TOPICS, () => ({ status: 200, body: { version: 3, topics: [] } }));

    await runOrders();
    // Until the draft is read again the studio cannot tell which is the newer: it says nothing.
    expect(server.calls.filter((c) => c.path === DRAFT)).toHaveLength(2);
    expect(ordersStale.value).toBe(false);

    answer(draftAnswer({ digest: "d2" }));
    await new Promise((r) => setTimeout(r, 0));
    expect(draft.value?.digest).toBe("d2");
    expect(ordersStale.value).toBe(false);
    expect(ordersTested.value?.digest).toBe("d2");
  });

  it("does not call a result stale when the service names no draft (an older service)", async () => {
    await draftRead("d1");
    fake.current().on("POST", ORDERS, () => ({
      status: 200,
      body: { seeds: [7, 1], splits: {}, gateFailsOn: 0, floors: { topic: 0.85, gateTopic: 0.6 } },
    }));
    await runOrders();
    await draftRead("d2");
    expect(ordersStale.value).toBe(false);
  });

  it("forgets the result and the chosen number on sign-out", async () => {
    await draftRead("d1");
    fake.current().on("POST", ORDERS, spread("d1"));
    ordersCount.value = 8;
    await runOrders();
    signOut();
    expect(ordersResult.value).toBeUndefined();
    expect(ordersCount.value).toBe(5);
  });
});

describe("Test all's own result after the draft changes", () => {
  const fake = signedInWithFakeServer(() => signOut());
  const lang = { total: 1, accuracy: 1, noneRecall: 1, perTopic: [], confusions: [] };

  it("says it is of an older draft once a saved edit is read", async () => {
    const server = fake.current();
    for (const digest of ["d1", "d2"]) {
      server.on("GET", DRAFT, () => draftAnswer({ digest }));
      server.on("GET", TOPICS, () => ({ status: 200, body: { version: 3, topics: [] } }));
    }
    server.on("POST", "/api/content/test-all", () => ({
      status: 200,
      body: {
        splits: { tests: { fi: lang, sv: lang }, dev: { fi: lang, sv: lang } },
        changed: [],
        gate: [],
        draftDigest: "d1",
      },
    }));
    await loadDraft();
    await testAll.run();
    expect(testAll.resultStale.value).toBe(false);

    await loadDraft();
    expect(testAll.resultStale.value).toBe(true);
  });
});
