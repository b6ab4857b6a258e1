/**
 * The publish gate holds a draft to what content:test holds bot-content/ to: the tax questions
 * no topic covers (bot-content/uncovered) must not be answered with a topic's text. Against
 * the real local stack (dynalite, the embedded recogniser trained as the service trains it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoContentStore } from "../functions/adapters/dynamodb/dynamoContentStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { ChatOutcomes } from "../functions/content/chatOutcomes.ts";
import { loadContentBundle } from "../functions/content/loadContent.ts";
import type { ContentBundle } from "../functions/domain/content/bundle.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { contentApiAt } from "./support/contentApi.ts";
import { devToken } from "./support/devToken.ts";
import { startTestStack } from "./support/localStack.ts";

let stack: LocalServer;
let owner: string;

beforeAll(async () => {
  stack = await startTestStack();
  owner = await devToken(stack.url, "content-owner");
}, 60_000);
afterAll(async () => {
  await stack.close();
});

const api = contentApiAt(() => stack.url);

/** Uncovered Finnish questions (bot-content/uncovered/fi.yaml) the draft teaches VAT. */
const TAUGHT = [
  "koiravero helsinki",
  "pitääkö koirasta maksaa koiraveroa",
  "onko veneestä maksettava jotain veroa",
  "veneen veroton myynti",
  "paljonko alkoholivero on",
  "tupakkaveron korotus",
];

/** How many uncovered questions a language ships with (bot-content/uncovered, the same in both). */
const SHIPPED = loadContentBundle().uncovered?.fi.length ?? 0;

interface UncoveredReport {
  cases: number;
  answered: number;
  clarified: number;
  answeredWith: { text: string; topic: string }[];
}

describe("the publish gate on the questions no topic covers", () => {
  it("reports the chat's outcomes and the uncovered score with test all, as shipped", async () => {
    const tested = await api("POST", "test-all", owner, {});

    expect(tested.status).toBe(200);
    const uncovered = tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>;
    for (const lang of ["fi", "sv"] as const) {
      // bot-content/uncovered's questions, on which content:test passes.
      expect(uncovered[lang].cases).toBe(SHIPPED);
      expect(uncovered[lang].answered).toBeLessThanOrEqual(0.05);
      const splits = tested.body.splits as Record<
        "tests" | "dev",
        Record<"fi" | "sv", { chat: ChatOutcomes; perTopic: { support: number }[] }>
      >;
      const chat = splits.tests[lang].chat;
      const topicMessages = splits.tests[lang].perTopic.reduce((n, t) => n + t.support, 0);
      expect(chat.total).toBe(topicMessages);
      expect(
        chat.right + chat.wrong + chat.askedWithRight + chat.askedWithout + chat.noAnswer,
      ).toBe(chat.total);
      expect(chat.right / chat.total).toBeGreaterThan(0.8);
      expect(splits.dev[lang].chat.total).toBeGreaterThan(0);
    }
    expect(tested.body.uncoveredChanged).toEqual([]);
    expect(tested.body.gate).toEqual([]);
  });

  it("refuses to publish a draft whose change answers them with a topic, and test all says so first", async () => {
    const read = await api("GET", "draft/topics/vat", owner);
    const topic = read.body.topic as Record<string, unknown> & { fi: { utterances: string[] } };
    // The questions themselves are a test set: a topic may not train on them word for word.
    const copied = {
      ...topic,
      fi: { ...topic.fi, utterances: [...topic.fi.utterances, ...TAUGHT] },
    };
    const refusedCopy = await api("PUT", "draft/topics/vat", owner, copied);
    expect(refusedCopy.status).toBe(400);
    expect(JSON.stringify(refusedCopy.body)).toContain("heldOutTrained");
    // Worded a little otherwise, they teach vat the same matters.
    const reworded = TAUGHT.flatMap((t) => [`${t} nyt`, `${t} tänä vuonna`, `kysyisin ${t}`]);
    const taught = {
      ...topic,
      fi: { ...topic.fi, utterances: [...topic.fi.utterances, ...reworded] },
    };
    expect((await api("PUT", "draft/topics/vat", owner, taught)).status).toBe(200);
    try {
      const tested = await api("POST", "test-all", owner, {}, { "accept-language": "sv" });
      expect(tested.status).toBe(200);
      const uncovered = tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>;
      expect(uncovered.fi.answered).toBeGreaterThan(0.05);
      // vat now answers taught questions (which ones depends on the training).
      const answeredByVat = uncovered.fi.answeredWith
        .filter((a) => a.topic === "vat")
        .map((a) => a.text);
      expect(answeredByVat.filter((text) => TAUGHT.includes(text)).length).toBeGreaterThanOrEqual(
        3,
      );
      // Newly answered: the live version gives them no topic.
      expect(tested.body.uncoveredChanged).toEqual(
        expect.arrayContaining(answeredByVat.map((text) => ({ text, lang: "fi", draft: "vat" }))),
      );
      expect(tested.body.gate).toContainEqual(
        expect.objectContaining({
          code: "gateUncovered",
          path: "uncovered",
          message: expect.stringMatching(
            /^Finska: .* skulle \d+\/\d+ .* få ett ämnes text som svar \(.*vat.*\)/,
          ),
          fix: expect.stringMatching(/utanför ämnena/),
        }),
      );

      const refused = await api("POST", "publish", owner, { comment: "alv kaikesta" });
      expect(refused.status).toBe(400);
      const problems = (refused.body.error as { problems: { code: string; params: unknown }[] })
        .problems;
      expect(problems).toContainEqual(
        expect.objectContaining({
          code: "gateUncovered",
          params: expect.objectContaining({
            lang: "fi",
            cases: SHIPPED,
            topics: expect.arrayContaining(["vat"]),
          }),
        }),
      );
      // Refused: no version was made of it.
      const versions = await api("GET", "versions", owner);
      expect((versions.body.versions as unknown[]).length).toBe(1);
    } finally {
      expect((await api("POST", "draft/topics/vat/revert", owner)).status).toBe(200);
    }
    const passing = await api("POST", "test-all", owner, {});
    expect(passing.body.gate).toEqual([]);
  });

  it("scores a stored version's uncovered set with its test, as the draft's", async () => {
    const tested = await api("POST", "versions/1/test", owner);

    expect(tested.status).toBe(200);
    const uncovered = tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>;
    expect(uncovered.fi.cases).toBe(SHIPPED);
    expect(uncovered.sv.cases).toBe(SHIPPED);
    expect(tested.body.uncoveredChanged).toEqual([]);
  });

  it("is edited in the studio: saved over the revision read, checked, in the diff, audit and test all, and discarded", async () => {
    type Question = { text: string; matter: string };
    type Lists = Record<"fi" | "sv", Question[]>;
    const opened = await api("GET", "draft/uncovered", owner);
    expect(opened.status).toBe(200);
    const live = opened.body.uncovered as Lists;
    expect([live.fi.length, live.sv.length]).toEqual([SHIPPED, SHIPPED]);
    expect(opened.etag).toBe(`"${opened.body.revision}"`);

    // The schema's refusals name the question and its field; nothing is written.
    const broken = await api("PUT", "draft/uncovered", owner, {
      fi: live.fi.map((q, i) => (i === 3 ? { ...q, text: " " } : q)),
      sv: live.sv.map((q, i) => (i === 0 ? { ...q, matter: "Dog tax" } : q)),
    });
    expect(broken.status).toBe(400);
    const brokenProblems = (broken.body.error as { code: string; problems: { path: string }[] })
      .problems;
    expect((broken.body.error as { code: string }).code).toBe("CONTENT_INVALID");
    expect(brokenProblems.map((p) => p.path)).toEqual(["fi[3].text", "sv[0].matter"]);
    const notLists = await api("PUT", "draft/uncovered", owner, [live.fi]);
    expect(notLists.status).toBe(400);
    expect(notLists.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^body: must be a JSON object \{ fi: /),
    });
    // A question the content trains on measures nothing: refused as a held-out message is.
    const vat = (await api("GET", "draft/topics/vat", owner)).body.topic as Record<
      string,
      unknown
    > & { fi: { utterances: string[] }; tests: Record<"fi" | "sv", string[]> };
    const trained = vat.fi.utterances[0] as string;
    const checked = await api("POST", "draft/validate/uncovered", owner, {
      ...live,
      fi: [...live.fi, { text: trained, matter: "vat" }],
    });
    expect(checked.body.problems).toEqual([
      expect.objectContaining({
        path: `fi[${SHIPPED}].text`,
        code: "heldOutTrained",
        severity: "error",
      }),
    ]);
    expect((await api("GET", "draft/uncovered", owner)).body.revision).toBe(opened.body.revision);

    // "The topic covers this now": a test message of vat while the set still has it is refused,
    const [moved, dropped] = [TAUGHT[0] as string, TAUGHT[1] as string];
    const withTest = { ...vat, tests: { ...vat.tests, fi: [...vat.tests.fi, moved] } };
    const early = await api("PUT", "draft/topics/vat", owner, withTest);
    expect(early.status).toBe(400);
    expect((early.body.error as { problems: unknown[] }).problems).toContainEqual(
      expect.objectContaining({ code: "heldOutRepeated", page: "uncovered" }),
    );
    // so the set is saved first (over the revision read), then the topic.
    const added = { text: "saako lemmikin hoitokuluista verovähennyksen", matter: "pet-costs" };
    const edited = {
      ...live,
      fi: [...live.fi.filter((q) => q.text !== moved && q.text !== dropped), added],
    };
    const saved = await api("PUT", "draft/uncovered", owner, edited, {
      "if-match": opened.etag ?? "",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, warnings: [] });
    expect(saved.etag).toBe(`"${saved.body.revision}"`);
    expect((await api("PUT", "draft/topics/vat", owner, withTest)).status).toBe(200);
    try {
      // Over the revision read before: someone else's save since is not overwritten.
      const theirs = {
        ...edited,
        fi: [...edited.fi, { text: "paljonko on venevero", matter: "boat" }],
      };
      const stale = await api("PUT", "draft/uncovered", owner, theirs, {
        "if-match": opened.etag ?? "",
        "accept-language": "fi",
      });
      expect(stale.status).toBe(412);
      expect(stale.body.error).toMatchObject({
        code: "EDIT_CONFLICT",
        message: expect.stringMatching(/muutti kysymyksiä, joihin mikään aihe ei vastaa,/),
      });

      const diff = (await api("GET", "draft/diff", owner)).body.topics as Record<string, unknown>[];
      expect(diff).toContainEqual({
        id: "uncovered",
        kind: "uncovered",
        change: "changed",
        fields: ["uncovered.fi"],
        details: [
          {
            field: "uncovered.fi",
            added: [`${added.text} (pet-costs)`],
            // In the set's order: "pitääkö koirasta…" comes before "koiravero helsinki".
            removed: [dropped, moved].map((text) => `${text} (dog-tax)`),
          },
        ],
      });
      const history = (await api("GET", "audit?uncovered=true&limit=5", owner)).body
        .entries as Record<string, unknown>[];
      expect(history[0]).toMatchObject({
        action: "draft-save",
        uncovered: true,
        detail: "added: fi 1, sv 0; removed: fi 2, sv 0",
      });
      expect(history.every((e) => e.uncovered === true && e.topic === undefined)).toBe(true);

      // Test all scores the set as edited.
      const tested = await api("POST", "test-all", owner, {});
      expect((tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>).fi.cases).toBe(
        SHIPPED - 1,
      );

      // Editors only.
      expect((await api("GET", "draft/uncovered", undefined)).status).toBe(401);
      const advisor = await devToken(stack.url, "advisor-fi");
      for (const [method, path] of [
        ["GET", "draft/uncovered"],
        ["PUT", "draft/uncovered"],
        ["POST", "draft/validate/uncovered"],
        ["POST", "draft/uncovered/revert"],
      ] as const) {
        expect((await api(method, path, advisor, method === "GET" ? undefined : live)).status).toBe(
          403,
        );
      }
    } finally {
      // Back as live, for the tests after this one: the topic, then the set.
      expect((await api("POST", "draft/topics/vat/revert", owner)).status).toBe(200);
      const reverted = await api("POST", "draft/uncovered/revert", owner, undefined, {
        "if-match": saved.etag ?? "",
      });
      expect(reverted.body).toMatchObject({ ok: true, result: "reverted" });
    }
    expect((await api("GET", "draft/uncovered", owner)).body.uncovered).toEqual(live);
    const [revert] = (await api("GET", "audit?uncovered=true&limit=1", owner)).body
      .entries as Record<string, unknown>[];
    expect(revert).toMatchObject({
      action: "draft-revert",
      uncovered: true,
      detail: "added: fi 2, sv 0; removed: fi 1, sv 0",
    });
    expect((await api("GET", "draft/diff", owner)).body.topics).toEqual([]);
  }, 120_000);

  it("publishes an import that changes only the uncovered questions, listed as their own change", async () => {
    // What content:import does: the whole draft replaced, here with one question more.
    const store = createDynamoContentStore(
      createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint }).doc,
      tableNames("asiointi-local-").content,
    );
    const draft = (await store.draft())?.bundle as ContentBundle;
    const uncovered = draft.uncovered as NonNullable<ContentBundle["uncovered"]>;
    const added = { text: "paljonko on koiravero espoossa", matter: "dog-tax" };
    await store.replaceDraft(
      { ...draft, uncovered: { ...uncovered, fi: [...uncovered.fi, added] } },
      {
        updatedBy: "cli:test",
        updatedByName: "test",
        updatedAt: new Date().toISOString(),
        retired: false,
        revision: "import-1",
      },
    );

    const diff = await api("GET", "draft/diff", owner);
    expect(diff.body.topics).toEqual([
      expect.objectContaining({
        id: "uncovered",
        kind: "uncovered",
        change: "changed",
        fields: ["uncovered.fi"],
        details: [{ field: "uncovered.fi", added: [`${added.text} (dog-tax)`], removed: [] }],
      }),
    ]);
    const published = await api("POST", "publish", owner, { comment: "koiravero" });
    expect(published.status).toBe(200);
    const version = published.body.version as number;
    const tested = await api("POST", `versions/${version}/test`, owner);
    expect((tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>).fi.cases).toBe(
      SHIPPED + 1,
    );
  });
});
