import { randomBytes } from "node:crypto";
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import {
  createTable,
  recordOperations,
  useEmbeddedTables,
} from "../../../tests/support/embeddedTables.ts";
import type { ContentBundle } from "../../domain/content/bundle.ts";
import {
  describeContentStoreContract,
  sampleBundle,
} from "../../domain/content/contentStoreContract.ts";
import { createDynamoContentStore } from "./dynamoContentStore.ts";
import { TABLES } from "./tables.ts";

type Topic = ContentBundle["topics"][number];

const tables = useEmbeddedTables("content-contract-");
/** DynamoDB operations sent, in order. */
const sent = recordOperations(tables);
let n = 0;

// A table of its own per test, so each starts empty as the contract expects.
describeContentStoreContract("DynamoDB", async (options) => {
  const name = `content-contract-${++n}`;
  const { client, doc } = tables.clients();
  await createTable(client, TABLES.content, name);
  return createDynamoContentStore(doc, name, options);
});

describe("the DynamoDB content store across processes", () => {
  it("gives each process the draft another process changed, though it keeps one in memory", async () => {
    const name = "content-contract-shared";
    const { client, doc } = tables.clients();
    await createTable(client, TABLES.content, name);
    const mine = createDynamoContentStore(doc, name);
    const theirs = createDynamoContentStore(doc, name);
    const who = {
      updatedBy: "u",
      updatedByName: "U",
      updatedAt: "t",
      retired: false,
      revision: "r",
    };
    await mine.replaceDraft(sampleBundle(["tax-card", "payment"]), who);
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual(["payment", "tax-card"]);

    const topic = sampleBundle(["vat"]).topics[0] as ContentBundle["topics"][number];
    await theirs.putDraftTopic({
      topic,
      tests: { fi: [], sv: [] },
      dev: { fi: [], sv: [] },
      meta: who,
    });
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual([
      "payment",
      "tax-card",
      "vat",
    ]);

    await theirs.replaceDraft(sampleBundle(["tax-card"]), who);
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual(["tax-card"]);
  });
});

describe("the draft a process keeps after its own edits", () => {
  const who = { updatedBy: "u", updatedByName: "U", updatedAt: "t", retired: false, revision: "r" };
  const held = { tests: { fi: ["verokortti?"], sv: [] }, dev: { fi: [], sv: ["skattekort?"] } };

  async function table(name: string) {
    const { client, doc } = tables.clients();
    await createTable(client, TABLES.content, name);
    return () => createDynamoContentStore(doc, name);
  }

  it("is brought up to date by the edit, not read whole again, and equals a fresh read", async () => {
    const store = await table("content-write-through");
    const mine = store();
    await mine.replaceDraft(sampleBundle(["tax-card", "payment"]), who);
    await mine.draft();

    const [vat, taxCard] = sampleBundle(["vat", "tax-card"]).topics as [Topic, Topic];
    sent.length = 0;
    await mine.putDraftTopic({ topic: vat, ...held, meta: who });
    await mine.putDraftTopic({
      topic: { ...taxCard, fi: { ...taxCard.fi, answer: "Uusi vastaus." } },
      ...held,
      meta: { ...who, retired: true },
    });
    await mine.putDraftReferral({ id: "ref-1", meta: who });
    await mine.putDraftOutOfScope({ outOfScope: { fi: ["kauppa"], sv: [] }, meta: who });
    const after = await mine.draft();

    // The edits and the revision's reads and moves; no query of the draft's items.
    expect(sent).not.toContain("Query");
    expect(after).toEqual(await store().draft());
    // An update of the scope item is its new lists on the item the cache had.
    expect(after?.bundle.outOfScope).toEqual({ fi: ["kauppa"], sv: [] });
    expect(after?.bundle.tests.fi).toContainEqual({ text: "poliisi", intent: "none" });
    expect(after?.scopeMeta?.revision).toBe("r");
    expect(after?.bundle.topics.map((t) => t.id)).toEqual(["payment", "vat"]);
    expect(after?.retired.map((t) => t.fi.answer)).toEqual(["Uusi vastaus."]);
    expect(after?.bundle.tests.fi).toContainEqual({ text: "verokortti?", intent: "vat" });
  });

  it("is read again when another process's edit was counted between its read and its edit", async () => {
    const store = await table("content-write-through-race");
    const mine = store();
    const theirs = store();
    await mine.replaceDraft(sampleBundle(["tax-card"]), who);
    await mine.draft();

    const [vat, payment] = sampleBundle(["vat", "payment"]).topics as [Topic, Topic];
    await theirs.putDraftTopic({ topic: vat, ...held, meta: who });
    await mine.putDraftTopic({ topic: payment, ...held, meta: who });

    sent.length = 0;
    expect((await mine.draft())?.bundle.topics.map((t) => t.id)).toEqual([
      "payment",
      "tax-card",
      "vat",
    ]);
    expect(sent).toContain("Query");
  });
});

/** A new table `name` holding a draft of the sample content, written by `who`. */
async function draftIn(name: string) {
  const { client, doc } = tables.clients();
  await createTable(client, TABLES.content, name);
  const who = { updatedBy: "u", updatedByName: "U", updatedAt: "t", retired: false };
  await createDynamoContentStore(doc, name).replaceDraft(sampleBundle(), {
    ...who,
    revision: "r1",
  });
  return { doc, who };
}

describe("a draft stored before the out-of-scope lists were edited on their own", () => {
  it("has a scope item with no revision, written as such, its none messages kept", async () => {
    const name = "content-legacy-scope";
    const { doc, who } = await draftIn(name);
    // The scope item as the whole-draft writes made it: the lists and the none messages only.
    const legacy = { fi: ["kela asia"], sv: ["fpa sak"] };
    await doc.send(
      new PutCommand({
        TableName: name,
        Item: {
          pk: "draft",
          sk: "scope",
          outOfScope: legacy,
          tests: { fi: ["poliisi"], sv: [] },
          dev: { fi: [], sv: ["polisen"] },
        },
      }),
    );
    const store = createDynamoContentStore(doc, name);
    expect((await store.draft())?.scopeMeta).toBeUndefined();

    const write = { outOfScope: { fi: ["kauppa"], sv: [] }, meta: { ...who, revision: "r2" } };
    expect(await store.putDraftOutOfScope(write, { revision: "r1" })).toBe(false);
    expect(await store.putDraftOutOfScope(write, { revision: undefined })).toBe(true);

    const draft = await createDynamoContentStore(doc, name).draft();
    expect(draft?.bundle.outOfScope).toEqual({ fi: ["kauppa"], sv: [] });
    expect(draft?.bundle.tests.fi).toContainEqual({ text: "poliisi", intent: "none" });
    expect(draft?.bundle.dev.sv).toEqual([{ text: "polisen", intent: "none" }]);
    expect(draft?.scopeMeta).toEqual({ ...who, revision: "r2" });
  });
});

describe("a draft stored before the studio edited the uncovered questions", () => {
  it("is read from its per-language items until a save writes the one item, which an import cleans up", async () => {
    const name = "content-legacy-uncovered";
    const { doc, who } = await draftIn(name);
    // The set as drafts kept it before: one item per language, no one named, no revision.
    const legacy = (lang: "fi" | "sv", text: string) =>
      doc.send(
        new PutCommand({
          TableName: name,
          Item: {
            pk: "draft",
            sk: `uncovered#${lang}`,
            lang,
            cases: [{ text, matter: "dog-tax" }],
          },
        }),
      );
    await legacy("fi", "koiravero");
    await legacy("sv", "hundskatt");
    const store = createDynamoContentStore(doc, name);
    const before = await store.draft();
    expect(before?.bundle.uncovered).toEqual({
      fi: [{ text: "koiravero", matter: "dog-tax" }],
      sv: [{ text: "hundskatt", matter: "dog-tax" }],
    });
    expect(before?.uncoveredMeta).toBeUndefined();

    const saved = { fi: [{ text: "lahjavero", matter: "gift-tax" }], sv: [] };
    const write = { uncovered: saved, meta: { ...who, revision: "r2" } };
    expect(await store.putDraftUncovered(write, { absent: true })).toBe(true);
    const after = await createDynamoContentStore(doc, name).draft();
    expect(after?.bundle.uncovered).toEqual(saved);
    expect(after?.uncoveredMeta).toEqual({ ...who, revision: "r2" });

    await store.replaceDraft(sampleBundle(), { ...who, revision: "r3" });
    const keys = await doc.send(
      new QueryCommand({
        TableName: name,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": "draft" },
      }),
    );
    expect(keys.Items?.filter((i) => String(i.sk).startsWith("uncovered"))).toEqual([]);
  });
});

describe("a conditional draft write whose answer was lost", () => {
  const who = { updatedBy: "u", updatedByName: "U", updatedAt: "t", retired: false };

  /**
   * Lets DynamoDB make the next `operation` and then loses its answer, as a timed-out or
   * reset connection does: the SDK retries, and the retry meets the write already made.
   */
  function loseNextAnswer(operation: string): { attempts: () => number; restore: () => void } {
    const { client } = tables.clients();
    let armed = true;
    let attempts = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName !== `${operation}Command`) return out;
        attempts++;
        if (armed) {
          armed = false;
          throw Object.assign(new Error("socket hang up"), {
            name: "TimeoutError",
            code: "ECONNRESET",
          });
        }
        return out;
      },
      { step: "deserialize", name: "loseNextAnswer" },
    );
    return {
      attempts: () => attempts,
      restore: () => client.middlewareStack.remove("loseNextAnswer"),
    };
  }

  async function storeWithDraft(name: string) {
    const { client, doc } = tables.clients();
    await createTable(client, TABLES.content, name);
    const store = createDynamoContentStore(doc, name);
    await store.replaceDraft(sampleBundle(["tax-card"]), { ...who, revision: "r1" });
    return store;
  }

  it("is reported made when the retry finds the write's own revision, not a conflict", async () => {
    const store = await storeWithDraft("content-lost-answer");
    const [taxCard] = sampleBundle(["tax-card"]).topics as [Topic];
    const edited = { ...taxCard, fi: { ...taxCard.fi, answer: "Uusi vastaus." } };
    const lost = loseNextAnswer("PutItem");
    try {
      const made = await store.putDraftTopic(
        {
          topic: edited,
          tests: { fi: [], sv: [] },
          dev: { fi: [], sv: [] },
          meta: { ...who, revision: "r2" },
        },
        { revision: "r1" },
      );
      expect(made).toBe(true);
    } finally {
      lost.restore();
    }
    // Sent twice: the retry was refused by the first attempt's own write.
    expect(lost.attempts()).toBe(2);
    const draft = await store.draft();
    expect(draft?.bundle.topics[0]?.fi.answer).toBe("Uusi vastaus.");
    expect(draft?.meta.get("tax-card")?.revision).toBe("r2");
  });

  it("stays refused when the item carries someone else's revision", async () => {
    const store = await storeWithDraft("content-lost-answer-other");
    const [taxCard] = sampleBundle(["tax-card"]).topics as [Topic];
    const write = { topic: taxCard, tests: { fi: [], sv: [] }, dev: { fi: [], sv: [] } };
    await store.putDraftTopic(
      { ...write, meta: { ...who, revision: "theirs" } },
      { revision: "r1" },
    );

    expect(
      await store.putDraftTopic(
        { ...write, meta: { ...who, revision: "mine" } },
        { revision: "r1" },
      ),
    ).toBe(false);
    expect((await store.draft())?.meta.get("tax-card")?.revision).toBe("theirs");
  });
});

describe("how a version is stored", () => {
  const meta = (version: number) => ({
    version,
    state: "pending-review" as const,
    author: "a",
    authorName: "A",
    createdAt: "t",
    comment: "",
  });

  async function table(name: string) {
    const { client, doc } = tables.clients();
    await createTable(client, TABLES.content, name);
    const items = async (version: number) =>
      (
        await doc.send(
          new QueryCommand({
            TableName: name,
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": `v#${String(version).padStart(6, "0")}` },
          }),
        )
      ).Items ?? [];
    return { doc, items };
  }

  it("is gzipped JSON in one item, and in parts when it outgrows one", async () => {
    const { doc, items } = await table("content-version-parts");
    const store = createDynamoContentStore(doc, "content-version-parts");
    await store.putVersion(meta(1), sampleBundle(["vat", "payment", "tax-card"]));
    expect((await items(1)).map((i) => i.sk)).toEqual(["gz#000"]);

    // Random text hardly compresses: ~700 kB of it needs more than one part.
    const big = sampleBundle(["vat"]);
    const topic = big.topics[0] as Topic;
    topic.fi.answer = randomBytes(520_000).toString("base64");
    await store.putVersion(meta(2), big);
    const parts = await items(2);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((i) => i.sk)).toEqual(parts.map((_, n) => `gz#00${n}`));
    expect(parts.every((i) => (i.part as Uint8Array).length <= 300_000)).toBe(true);
    const read = await createDynamoContentStore(doc, "content-version-parts").versionBundle(2);
    expect(read?.topics[0]?.fi.answer).toBe(topic.fi.answer);
  });

  it("is still read from the per-topic items of versions stored before", async () => {
    const { doc } = await table("content-version-old");
    const bundle = sampleBundle(["payment", "tax-card"]);
    const key = "v#000001";
    const texts = (split: "tests" | "dev", id: string) => ({
      fi: bundle[split].fi.filter((c) => c.intent === id).map((c) => c.text),
      sv: bundle[split].sv.filter((c) => c.intent === id).map((c) => c.text),
    });
    const old = [
      ...bundle.topics.map((topic) => ({
        pk: key,
        sk: `topic#${topic.id}`,
        topic,
        tests: texts("tests", topic.id),
        dev: texts("dev", topic.id),
      })),
      ...bundle.referrals.map((referral) => ({ pk: key, sk: `referral#${referral.id}`, referral })),
      {
        pk: key,
        sk: "scope",
        outOfScope: bundle.outOfScope,
        tests: texts("tests", "none"),
        dev: texts("dev", "none"),
      },
    ];
    for (const Item of old)
      await doc.send(new PutCommand({ TableName: "content-version-old", Item }));

    expect(await createDynamoContentStore(doc, "content-version-old").versionBundle(1)).toEqual(
      bundle,
    );
  });
});

describe("the version history", () => {
  it("is listed whole past DynamoDB's 1 MB page, and paged without reading it all", async () => {
    const name = "content-history";
    const { client, doc } = tables.clients();
    await createTable(client, TABLES.content, name);
    // Years of history in six metas: long comments make a query need more than one page.
    for (let version = 1; version <= 6; version++) {
      await doc.send(
        new PutCommand({
          TableName: name,
          Item: {
            pk: "versions",
            sk: `v#${String(version).padStart(6, "0")}`,
            version,
            state: version === 3 ? "building" : "superseded",
            author: "a",
            createdAt: "t",
            comment: "x".repeat(300_000),
          },
        }),
      );
    }
    const store = createDynamoContentStore(doc, name);
    sent.length = 0;
    expect((await store.listVersions()).map((m) => m.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(sent.filter((op) => op === "Query").length).toBeGreaterThan(1);

    sent.length = 0;
    expect((await store.listVersions({ before: 5, limit: 2 })).map((m) => m.version)).toEqual([
      4, 3,
    ]);
    expect(sent).toEqual(["Query"]);
    expect((await store.versionsIn("building")).map((m) => m.version)).toEqual([3]);
  });
});

describe("a version the process itself published", () => {
  it("is kept as written, not read back, and equals what another process reads", async () => {
    const { client, doc } = tables.clients();
    const name = "content-put-version";
    await createTable(client, TABLES.content, name);
    const mine = createDynamoContentStore(doc, name);
    // Topics out of id order: a read gives them in key order, and so must the kept copy.
    const bundle = sampleBundle(["vat", "payment", "tax-card"]);
    await mine.putVersion(
      {
        version: 1,
        state: "pending-review",
        author: "a",
        authorName: "A",
        createdAt: "t",
        comment: "",
      },
      bundle,
    );

    sent.length = 0;
    const kept = await mine.versionBundle(1);
    expect(sent).toEqual([]);
    expect(kept).toEqual(await createDynamoContentStore(doc, name).versionBundle(1));
    expect(kept?.topics.map((t) => t.id)).toEqual(["payment", "tax-card", "vat"]);
  });
});

describe("the audit trail", () => {
  it("gives a page in one query, one entry more read to know whether another follows", async () => {
    const name = "content-audit-pages";
    const { client, doc } = tables.clients();
    await createTable(client, TABLES.content, name);
    const store = createDynamoContentStore(doc, name);
    for (let i = 1; i <= 8; i++) {
      await store.audit({
        at: `2026-12-01T10:00:0${i}.000Z`,
        actor: "a",
        actorName: "A",
        action: "draft-save",
        topic: i % 2 ? "vat" : "payment",
      });
    }

    sent.length = 0;
    const page = await store.auditTrail({ limit: 3 });
    expect(page.entries.map((e) => e.at.slice(-6, -5))).toEqual(["8", "7", "6"]);
    // The position of the page's last entry, as the sort key has it.
    expect(page.next).toMatch(/^2026-12-01T10:00:06\.000Z#[0-9A-Z]{26}$/);
    const vat = await store.auditTrail({ limit: 3, topic: "vat", before: page.next as string });
    expect(vat.entries.map((e) => e.at.slice(-6, -5))).toEqual(["5", "3", "1"]);
    expect(vat.next).toBeUndefined();
    expect(sent).toEqual(["Query", "Query"]);
  });
});
