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
      // bot-content/uncovered has 72 questions a language, and content:test passes on them.
      expect(uncovered[lang].cases).toBe(72);
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
    const taught = {
      ...topic,
      fi: { ...topic.fi, utterances: [...topic.fi.utterances, ...TAUGHT] },
    };
    expect((await api("PUT", "draft/topics/vat", owner, taught)).status).toBe(200);
    try {
      const tested = await api("POST", "test-all", owner, {}, { "accept-language": "sv" });
      expect(tested.status).toBe(200);
      const uncovered = tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>;
      expect(uncovered.fi.answered).toBeGreaterThan(0.05);
      expect(uncovered.fi.answeredWith).toEqual(
        expect.arrayContaining(TAUGHT.slice(0, 4).map((text) => ({ text, topic: "vat" }))),
      );
      // Newly answered: the live version gives them no topic.
      expect(tested.body.uncoveredChanged).toEqual(
        expect.arrayContaining(
          TAUGHT.slice(0, 4).map((text) => ({ text, lang: "fi", draft: "vat" })),
        ),
      );
      expect(tested.body.gate).toContainEqual(
        expect.objectContaining({
          code: "gateUncovered",
          path: "uncovered",
          message: expect.stringMatching(
            /^Finska: .* skulle \d+\/72 .* få ett ämnes text som svar \(vat\)/,
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
          params: expect.objectContaining({ lang: "fi", cases: 72, topics: ["vat"] }),
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
    expect(uncovered.fi.cases).toBe(72);
    expect(uncovered.sv.cases).toBe(72);
    expect(tested.body.uncoveredChanged).toEqual([]);
  });

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
    expect((tested.body.uncovered as Record<"fi" | "sv", UncoveredReport>).fi.cases).toBe(73);
  });
});
