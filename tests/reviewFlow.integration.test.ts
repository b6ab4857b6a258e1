/**
 * The review of a version as its reviewer and its author live it, against the real local stack:
 * the first review has the live version's numbers to compare with, a version's card counts
 * what it makes worse against live, and the author is told who decided their version, how
 * and when. The tests run in order, each on the versions the one before left.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoContentStore } from "../functions/adapters/dynamodb/dynamoContentStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { auditTopic } from "./support/auditTopic.ts";
import { contentApiAt } from "./support/contentApi.ts";
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

const api = contentApiAt(() => stack.url);

/** The service's content table, read as another process would. */
const contentStore = () =>
  createDynamoContentStore(
    createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint }).doc,
    tableNames("asiointi-local-").content,
  );

type Scores = Record<
  "fi" | "sv",
  {
    total: number;
    accuracy: number;
    noneRecall: number;
    uncoveredAnswered?: number;
    uncoveredCases?: number;
    againstLive?: { version: number; newMistakes: number; fixed: number };
  }
>;
type Listed = {
  version: number;
  state: string;
  scores?: Scores;
  rejectedBy?: string;
  rejectedByName?: string;
  rejectedAt?: string;
  supersededByVersion?: number;
  supersededAt?: string;
};
type Decided = {
  version: number;
  outcome: string;
  state: string;
  by: string;
  byName: string;
  at: string;
  reason?: string;
};

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
  it("scores the seed when the versions are first listed, as the gate scores the same content published again", async () => {
    // Nothing is scored at start-up, where it would compete with the first customers.
    const store = contentStore();
    expect((await store.versionMeta(1))?.scores).toBeUndefined();
    // The first list waits for the scoring and keeps its numbers on the version.
    const firstList = await versions(reviewer);
    const seed = await store.versionMeta(1);
    expect(firstList.versions.find((v) => v.version === 1)?.scores).toEqual(seed?.scores);
    expect(seed).toMatchObject({ state: "live", author: "system" });
    expect(seed?.scores?.fi.total).toBeGreaterThan(100);
    // The honesty figure too: the live version's share a pending one is compared with.
    for (const lang of ["fi", "sv"] as const) {
      expect(seed?.scores?.[lang].uncoveredCases).toBeGreaterThan(50);
      expect(seed?.scores?.[lang].uncoveredAnswered).toBeLessThanOrEqual(0.05);
    }

    // The same recognition published as version 2 (an answer edited) gets the same numbers
    // from the gate: the baseline is what the gate says, not an estimate. Against live it
    // changes no answer.
    await changeAnswer("vat", "Tarkistettu.");
    const published = await api("POST", "publish", owner, { comment: "vastaus tarkennettu" });
    expect(published.body).toEqual({ version: 2, state: "pending-review" });
    const listed = await versions(reviewer);
    const [second, first] = listed.versions;
    expect(first).toMatchObject({ version: 1, state: "live", scores: seed?.scores });
    const unchanged = { version: 1, newMistakes: 0, fixed: 0 };
    expect(second?.scores).toEqual({
      fi: { ...first?.scores?.fi, againstLive: unchanged },
      sv: { ...first?.scores?.sv, againstLive: unchanged },
    });
  }, 120_000);
});

describe("the author is told how the review of their version ended", () => {
  const decided = async (token: string, lang = "fi") =>
    (await api("GET", "draft", token, undefined, { "accept-language": lang })).body
      .decided as Decided[];

  it("names who rejected it and why in the draft every studio reads, and on the version", async () => {
    // Version 2 from the test above waits for review; nothing is decided yet.
    expect(await decided(owner)).toEqual([]);
    const rejected = await api("POST", "versions/2/reject", reviewer, {
      comment: "Lähde puuttuu vastauksesta.",
    });
    expect(rejected.body).toEqual({ version: 2, state: "rejected" });

    const [news] = await decided(owner);
    expect(news).toEqual({
      version: 2,
      outcome: "rejected",
      state: "rejected",
      by: expect.any(String),
      byName: "Henrik Saarinen",
      at: expect.any(String),
      reason: "Lähde puuttuu vastauksesta.",
    });
    expect(Date.now() - Date.parse(news?.at ?? "")).toBeLessThan(60_000);
    // It is the author's news, not the reviewer's.
    expect(await decided(reviewer)).toEqual([]);
    expect((await versions()).versions.find((v) => v.version === 2)).toMatchObject({
      rejectedBy: news?.by,
      rejectedByName: "Henrik Saarinen",
      rejectedAt: news?.at,
    });
  }, 60_000);

  it("names the approval first, and what superseded the version live before", async () => {
    await changeAnswer("vat", "Lähde lisätty.");
    const published = await api("POST", "publish", owner, { comment: "lähde lisätty" });
    expect(published.body).toEqual({ version: 3, state: "pending-review" });
    expect((await api("POST", "versions/3/approve", reviewer)).body).toEqual({
      version: 3,
      state: "live",
    });

    expect((await decided(owner, "sv")).map((d) => [d.version, d.outcome, d.state])).toEqual([
      [3, "approved", "live"],
      [2, "rejected", "rejected"],
    ]);
    const first = (await versions()).versions.find((v) => v.version === 1);
    expect(first).toMatchObject({ state: "superseded", supersededByVersion: 3 });
    expect(Date.parse(first?.supersededAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
  }, 120_000);
});

describe("a version published again after a rejection", () => {
  it("is compared with the rejected version on request, showing only what changed since", async () => {
    // Version 3 (live) was published after version 2 was rejected: against its base (1) it
    // repeats version 2's change; against version 2 only the source added since.
    const sinceRejected = await api("GET", "versions/3/diff?against=2", reviewer);
    expect(sinceRejected.status).toBe(200);
    expect(sinceRejected.body).toMatchObject({ version: 3, against: 2 });
    const [change, ...others] = sinceRejected.body.topics as {
      id: string;
      fields: string[];
      details: { field: string; before: string; after: string }[];
    }[];
    expect(others).toEqual([]);
    expect(change).toMatchObject({ id: "vat", fields: ["fi.answer"] });
    expect(change?.details[0]?.after).toBe(`${change?.details[0]?.before} Lähde lisätty.`);
    expect((await api("GET", "versions/3/diff", reviewer)).body).toMatchObject({ against: 1 });

    const bad = await api("GET", "versions/3/diff?against=x", reviewer);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("against: must be a whole number of at least 1");
    const missing = await api("GET", "versions/3/diff?against=99", reviewer);
    expect(missing.status).toBe(404);
  }, 60_000);
});

describe("a rollback asked for with a reason", () => {
  type Entry = { action: string; version?: number; detail?: string };
  const newestEntry = async (lang?: string) =>
    (
      (
        await api("GET", "audit?limit=1", reviewer, undefined, {
          ...(lang ? { "accept-language": lang } : {}),
        })
      ).body.entries as Entry[]
    )[0];

  it("refuses a malformed reason naming the field, and writes nothing", async () => {
    // Prepare: version 3 is live; version 1, live before it, can be rolled back to.
    const before = { versions: (await versions()).versions.length, entry: await newestEntry() };

    // Act
    const refused = await Promise.all([
      api("POST", "versions/1/rollback", owner, { comment: 5 }),
      api("POST", "versions/1/rollback", owner, { comment: "x".repeat(501) }),
      api("POST", "versions/1/rollback", owner, { reason: "Väärä vastaus." }),
    ]);

    // Assess
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400]);
    const [wrongType, tooLong, unknown] = refused.map(
      (r) => r.body.error as Record<string, string>,
    );
    expect(wrongType).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(wrongType?.message).toMatch(/^body: comment: /);
    expect(tooLong?.message).toBe("body: comment: at most 500 characters");
    expect(unknown?.message).toContain("reason");
    expect((await versions()).versions).toHaveLength(before.versions);
    expect(await newestEntry()).toEqual(before.entry);
  });

  it("keeps the reason, masked, on the version and in the audit trail, told in the reader's language", async () => {
    // Act
    const rolled = await api("POST", "versions/1/rollback", owner, {
      comment: "  Lähde väärä, asiakas 131052-308T huomasi.  ",
    });

    // Assess: the service's sentence in the language asked for, the reason as written.
    expect(rolled.body).toEqual({ version: 4, state: "pending-review" });
    const reason = "Lähde väärä, asiakas [ID-CODE] huomasi.";
    const listed = (await api("GET", "versions", reviewer, undefined, { "accept-language": "fi" }))
      .body.versions as { version: number; comment: string; rollbackOf?: number }[];
    expect(listed.find((v) => v.version === 4)).toMatchObject({
      rollbackOf: 1,
      comment: `Version 1 sisällön palautus. Syy: ${reason}`,
    });
    expect(await newestEntry("sv")).toMatchObject({
      action: "rollback",
      version: 4,
      detail: `Återställning av innehållet i version 1. Orsak: ${reason}`,
    });
    expect((await newestEntry())?.detail).toBe(`Rollback to version 1: ${reason}`);
    expect(JSON.stringify(await contentStore().listVersions())).not.toContain("131052");
  }, 60_000);

  it("names what the rollback changes by the topic's titles", async () => {
    // The rollback takes back the answers versions 2-3 changed in vat: the reviewer reads vat's
    // titles, as the live topics name it.
    const live = (await api("GET", "topics", reviewer)).body.topics as {
      id: string;
      fi: { title: string };
      sv: { title: string };
    }[];
    const vat = live.find((t) => t.id === "vat");
    const diff = (await api("GET", "versions/4/diff", reviewer)).body.topics as {
      id: string;
      title?: { fi: string; sv: string };
    }[];
    expect(diff.find((c) => c.id === "vat")?.title).toEqual({
      fi: vat?.fi.title,
      sv: vat?.sv.title,
    });
    expect(vat?.fi.title).not.toBe("vat");
  });
});

describe("a version that changes answers, on its card", () => {
  type Changed = { lang: string; split: string; expected: string; live: string; draft: string };

  it("keeps the test split's new mistakes and fixes against live, as the version's test counts them", async () => {
    // Prepare: version 3 is live (4, a rollback, waits for review); a topic with its own test
    // messages, which live answers with other topics, is added.
    const saved = await api("PUT", `draft/topics/${auditTopic.id}`, owner, auditTopic);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    // Act
    const published = await api("POST", "publish", owner, { comment: "verotarkastus" });
    const listed = (await versions(reviewer)).versions.find((v) => v.version === 5);
    const tested = (await api("POST", "versions/5/test", reviewer)).body as {
      against: number;
      changed: Changed[];
    };

    // Assess
    expect(published.body).toEqual({ version: 5, state: "pending-review" });
    expect(tested.against).toBe(3);
    for (const lang of ["fi", "sv"] as const) {
      const own = tested.changed.filter((c) => c.split === "tests" && c.lang === lang);
      const againstLive = listed?.scores?.[lang].againstLive;
      expect(againstLive).toEqual({
        version: 3,
        newMistakes: own.filter((c) => c.live === c.expected).length,
        fixed: own.filter((c) => c.draft === c.expected).length,
      });
      // The new topic's own test messages are among the fixed.
      expect(againstLive?.fixed).toBeGreaterThan(0);
    }
    // Kept in the content table, as another process reads the version.
    expect((await contentStore().versionMeta(5))?.scores).toEqual(listed?.scores);
  }, 120_000);
});
