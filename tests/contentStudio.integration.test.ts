import { describe, expect, it } from "vitest";
import { createDynamoClients } from "../functions/adapters/dynamodb/client.ts";
import { createDynamoContentStore } from "../functions/adapters/dynamodb/dynamoContentStore.ts";
import { tableNames } from "../functions/adapters/dynamodb/tables.ts";
import type { ChatMessage } from "../functions/contracts/protocol.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { contentApiAt } from "./support/contentApi.ts";
import { useContentStack } from "./support/contentStack.ts";
import { DIVORCE_QUESTION_FI, DIVORCE_QUESTION_SV, divorceTopic } from "./support/divorceTopic.ts";
import { firstBotReply } from "./support/localStack.ts";
import { STOCK_OPTION_SENTENCES, stockOptionsTopic } from "./support/stockOptionsTopic.ts";

let stack: LocalServer;
let owner: string;
let reviewer: string;
let advisor: string;

useContentStack((started) => {
  ({ stack, owner, reviewer, advisor } = started);
});

const api = contentApiAt(() => stack.url);

/** The bot's first reply to `text` in a fresh chat in `lang`. */
function botReply(text: string, lang: "fi" | "sv" = "fi"): Promise<ChatMessage> {
  return firstBotReply(stack.url, text, lang);
}

describe("who may use the content API", () => {
  it("refuses a request without a token with 401 and an advisor's token with 403", async () => {
    expect((await api("GET", "draft", undefined)).status).toBe(401);
    const forbidden = await api("GET", "draft", advisor);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await api("PUT", "draft/topics/x-y", advisor, divorceTopic)).status).toBe(403);
    // What the draft would change says what content says: editors only.
    expect((await api("GET", "draft/diff", advisor)).status).toBe(403);
    expect(await api("GET", "draft/diff", owner)).toMatchObject({
      status: 200,
      body: { topics: [] },
    });
  });

  it("lets any staff member read the live topic names (the console names topics from them)", async () => {
    const { status, body } = await api("GET", "topics", advisor);
    expect(status).toBe(200);
    expect(body.version).toBeTypeOf("number");
    expect(body.topics).toContainEqual({
      id: "tax-refund",
      fi: { title: "Veronpalautus" },
      sv: { title: expect.any(String) },
      system: true,
    });
  });
});

describe("a content owner adds a topic, a reviewer approves it, and the bot answers from it", () => {
  it("walks draft → try → publish → four-eyes approval → live → rollback", async () => {
    // The question is not ours yet: the live bot does not answer it with the divorce topic.
    expect((await botReply(DIVORCE_QUESTION_FI)).topic).not.toBe("divorce-taxation");

    // A broken topic is refused naming the field, and nothing is written.
    const broken = await api("PUT", "draft/topics/divorce-taxation", owner, {
      ...divorceTopic,
      fi: { ...divorceTopic.fi, answer: "x".repeat(701) },
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({
      error: {
        code: "CONTENT_INVALID",
        problems: [expect.objectContaining({ path: "fi.answer" })],
      },
    });
    expect((await api("GET", "draft/topics/divorce-taxation", owner)).status).toBe(404);

    const saved = await api("PUT", "draft/topics/divorce-taxation", owner, divorceTopic);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, warnings: expect.any(Array) });

    const tried = await api("POST", "try", owner, { text: DIVORCE_QUESTION_FI, lang: "fi" });
    expect(tried.status, JSON.stringify(tried.body)).toBe(200);
    type Tried = {
      top: { intent: string; confidence: number }[];
      answer: { topic?: string };
      why: { kind: string; answersFrom: number; closeFrom: number };
    };
    const draftTry = tried.body.draft as Tried;
    const liveTry = tried.body.live as Tried;
    expect(draftTry.top[0]?.intent).toBe("divorce-taxation");
    expect(draftTry.answer.topic).toBe("divorce-taxation");
    // Why: answered, by the thresholds the chat uses, the runner-up under the close mark.
    expect(draftTry.why).toMatchObject({ kind: "answer", answersFrom: 0.6 });
    expect(draftTry.top[0]?.confidence).toBeGreaterThanOrEqual(draftTry.why.answersFrom);
    expect(draftTry.top[1]?.confidence ?? 0).toBeLessThan(draftTry.why.closeFrom);
    expect(liveTry.top[0]?.intent).not.toBe("divorce-taxation");
    expect(liveTry.why.kind).not.toBe("answer");

    const published = await api("POST", "publish", owner, {
      comment: "Taxation in a divorce and property division",
    });
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ version: 2, state: "pending-review" });
    // The draft's diff says its content waits for review as version 2: nothing new to send.
    expect((await api("GET", "draft/diff", owner)).body).toMatchObject({
      against: 1,
      pendingWithDraft: 2,
    });

    // Four-eyes: the author cannot approve, and an owner without the reviewer role neither.
    const selfApproval = await api("POST", "versions/2/approve", owner);
    expect(selfApproval.status).toBe(403);
    // Still pending, still not answered.
    expect((await botReply(DIVORCE_QUESTION_FI)).topic).not.toBe("divorce-taxation");

    const approved = await api("POST", "versions/2/approve", reviewer);
    expect(approved.body).toEqual({ version: 2, state: "live" });
    expect((await api("GET", "topics", advisor)).body.version).toBe(2);

    // No restart: the running service answers from the new version in both languages.
    expect((await botReply(DIVORCE_QUESTION_FI)).topic).toBe("divorce-taxation");
    expect((await botReply(DIVORCE_QUESTION_SV, "sv")).topic).toBe("divorce-taxation");

    // Roll back to version 1: a new version, reviewed like any other.
    const rollback = await api("POST", "versions/1/rollback", owner);
    expect(rollback.body).toEqual({ version: 3, state: "pending-review" });
    expect((await api("POST", "versions/3/approve", reviewer)).body).toEqual({
      version: 3,
      state: "live",
    });
    expect((await botReply(DIVORCE_QUESTION_FI)).topic).not.toBe("divorce-taxation");
    // The draft follows the rollback, so the next publish does not bring the topic back:
    // nobody had changed it in the draft since it went live, so it is retired there.
    expect((await api("GET", "draft/topics/divorce-taxation", owner)).body).toMatchObject({
      retired: true,
    });
    const afterRollback = (await api("GET", "draft/diff", owner)).body.topics as { id: string }[];
    expect(afterRollback).toEqual([]);

    const versions = (await api("GET", "versions", owner)).body as {
      live: number;
      versions: { version: number; state: string; rollbackOf?: number }[];
    };
    expect(versions.live).toBe(3);
    expect(versions.versions.map((v) => [v.version, v.state])).toEqual([
      [3, "live"],
      [2, "superseded"],
      [1, "superseded"],
    ]);
    // The studio reads the history a page at a time.
    const page = async (query: string) => {
      const body = (await api("GET", `versions?${query}`, owner)).body as typeof versions & {
        more: boolean;
      };
      return [body.versions.map((v) => v.version), body.more];
    };
    expect(await page("limit=2")).toEqual([[3, 2], true]);
    expect(await page("limit=2&before=2")).toEqual([[1], false]);
    for (const bad of ["limit=0", "limit=x", "limit=2.5", "before=x"]) {
      const badPage = await api("GET", `versions?${bad}`, owner);
      expect(badPage.status).toBe(400);
      const field = bad.split("=")[0];
      const expected = field === "limit" ? "from 1 to 500" : "of at least 1";
      expect(JSON.stringify(badPage.body)).toContain(
        `${field}: must be a whole number ${expected}`,
      );
    }
    const badVersion = await api("POST", "versions/x/approve", reviewer);
    expect(badVersion.status).toBe(400);
    expect(JSON.stringify(badVersion.body)).toContain(
      '"version: must be a whole number of at least 1"',
    );
    const trail = (await api("GET", "audit", owner)).body.entries as { action: string }[];
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["seed", "draft-save", "publish", "approve", "live", "rollback"]),
    );
  }, 120_000);

  it("answers SELF_APPROVAL when a reviewer approves their own version", async () => {
    expect((await api("PUT", "draft/topics/divorce-taxation", reviewer, divorceTopic)).status).toBe(
      200,
    );
    const published = await api("POST", "publish", reviewer, { comment: "mine" });
    const version = published.body.version as number;
    const self = await api("POST", `versions/${version}/approve`, reviewer);
    expect(self.status).toBe(403);
    expect(self.body).toMatchObject({ error: { code: "SELF_APPROVAL" } });
    const rejected = await api("POST", `versions/${version}/reject`, owner, { comment: "no" });
    // Rejecting needs the reviewer role too.
    expect(rejected.status).toBe(403);
    expect((await api("POST", `versions/${version}/withdraw`, reviewer)).status).toBe(200);

    // The owner saves over the reviewer's topic and publishes: the reviewer's words are still
    // in it, so the reviewer may not approve it either, and the version names them.
    const answer = `${divorceTopic.fi.answer} Tarkistettu.`;
    const over = { ...divorceTopic, fi: { ...divorceTopic.fi, answer } };
    expect((await api("PUT", "draft/topics/divorce-taxation", owner, over)).status).toBe(200);
    const theirs = (await api("POST", "publish", owner, { comment: "over" })).body
      .version as number;
    const listed = (await api("GET", "versions", reviewer)).body.versions as {
      version: number;
      editors?: { subject: string; name: string }[];
    }[];
    expect(listed.find((v) => v.version === theirs)?.editors).toEqual([
      { subject: expect.any(String), name: "Henrik Saarinen" },
    ]);
    const refused = await api("POST", `versions/${theirs}/approve`, reviewer, undefined, {
      "accept-language": "fi",
    });
    expect([refused.status, refused.body.error]).toEqual([
      403,
      {
        code: "SELF_APPROVAL",
        message:
          "Osa tämän version muutoksista on sinun, joten toisen tarkastajan pitää hyväksyä se.",
      },
    ]);
    // Left as found: no version waiting, the topic out of the draft.
    expect((await api("POST", `versions/${theirs}/withdraw`, owner)).status).toBe(200);
    expect((await api("DELETE", "draft/topics/divorce-taxation", owner)).status).toBe(200);
  }, 120_000);
});

describe("discarding the draft's changes to a topic", () => {
  type TopicBody = Record<string, unknown> & { followUps?: string[] };
  const draftTopic = async (id: string) =>
    (await api("GET", `draft/topics/${id}`, owner)).body as { topic: TopicBody; retired: boolean };

  it("brings back the live topic, refusing while it would follow up to a retired one", async () => {
    const live = (await draftTopic("authorisations")).topic;
    expect(live.followUps).toEqual(["omavero", "contact-info"]);
    // The draft drops the follow-up to omavero and retires omavero.
    const edited = { ...live, followUps: ["contact-info"] };
    expect((await api("PUT", "draft/topics/authorisations", owner, edited)).status).toBe(200);
    expect((await api("DELETE", "draft/topics/omavero", owner)).status).toBe(200);

    // Live authorisations would follow up to a topic the draft retired: refused, nothing written.
    const refused = await api("POST", "draft/topics/authorisations/revert", owner, undefined, {
      "accept-language": "fi",
    });
    expect(refused.status).toBe(400);
    const [problem] = (refused.body.error as { problems: { path: string; code: string }[] })
      .problems;
    expect(problem).toMatchObject({ path: "followUps[0]", code: "followUpUnknown" });
    expect((await draftTopic("authorisations")).topic.followUps).toEqual(["contact-info"]);

    // Omavero first, then authorisations: the draft equals live again.
    expect(await api("POST", "draft/topics/omavero/revert", owner)).toMatchObject({
      status: 200,
      body: { ok: true, result: "reverted" },
    });
    expect((await draftTopic("omavero")).retired).toBe(false);
    expect(await api("POST", "draft/topics/authorisations/revert", owner)).toMatchObject({
      status: 200,
      body: { ok: true, result: "reverted" },
    });
    expect((await draftTopic("authorisations")).topic).toEqual(live);
    // Whatever else earlier tests left in the draft, these two no longer differ from live.
    const diff = (await api("GET", "draft/diff", owner)).body.topics as { id: string }[];
    expect(diff.map((c) => c.id)).not.toContain("authorisations");
    expect(diff.map((c) => c.id)).not.toContain("omavero");
    const trail = (await api("GET", "audit?limit=2", owner)).body.entries as unknown[];
    expect(trail).toEqual([
      expect.objectContaining({ action: "draft-revert", topic: "authorisations" }),
      expect.objectContaining({ action: "draft-revert", topic: "omavero" }),
    ]);
  });

  it("is for editors only, and names an unknown topic", async () => {
    expect((await api("POST", "draft/topics/vat/revert", advisor)).status).toBe(403);
    expect((await api("POST", "draft/topics/no-such-topic/revert", owner)).status).toBe(404);
  });
});

describe("the publish gate on a topic that lost its messages", () => {
  it("is told by test-all before publishing, and refuses the publish naming the topic", async () => {
    const read = await api("GET", "draft/topics/yle-tax", owner);
    const topic = read.body.topic as Record<string, unknown> & { tests: { fi: string[] } };
    // Its Finnish test messages now ask about VAT: the topic answers almost none of them,
    // though the language as a whole still scores near the target.
    const lost = {
      ...topic,
      tests: {
        ...topic.tests,
        fi: [
          "mikä on alv-kanta kampaamopalveluissa",
          "arvonlisäveron tilityskausi pienyrittäjälle",
          "pitääkö alv lisätä laskuun ulkomaiselle asiakkaalle",
          "alvin vähennysoikeus yrityksen autosta",
          "käännetty arvonlisävero rakennusalalla miten toimii",
          "alv-rekisteriin ilmoittautuminen toiminimellä",
          "arvonlisävero verkkokaupan myynneistä eu-maihin",
          "alv:n alarajahuojennus kun liikevaihto pieni",
        ],
      },
    };
    expect((await api("PUT", "draft/topics/yle-tax", owner, lost)).status).toBe(200);
    try {
      const tested = await api("POST", "test-all", owner, {}, { "accept-language": "fi" });
      expect(tested.status).toBe(200);
      expect(tested.body.gate).toContainEqual(
        expect.objectContaining({
          code: "gateTopicRecall",
          message: expect.stringMatching(/^Suomi: aihe yle-tax vastasi oikein 0\s% .*\(8\)/),
        }),
      );

      const refused = await api("POST", "publish", owner, { comment: "broken" });
      expect(refused.status).toBe(400);
      const problems = (refused.body.error as { problems: { code: string; params: unknown }[] })
        .problems;
      expect(problems).toContainEqual(
        expect.objectContaining({
          code: "gateTopicRecall",
          params: expect.objectContaining({ topic: "yle-tax" }),
        }),
      );
    } finally {
      expect((await api("POST", "draft/topics/yle-tax/revert", owner)).status).toBe(200);
    }
    const passing = await api("POST", "test-all", owner, {});
    expect(passing.body.gate).toEqual([]);
  });
});

describe("two content owners saving one topic", () => {
  type Read = { topic: Record<string, unknown> & { fi: { title: string } }; revision: string };
  const read = async (id: string) => {
    const answer = await api("GET", `draft/topics/${id}`, owner);
    return { ...(answer.body as Read), etag: answer.etag };
  };
  const titled = (topic: Read["topic"], title: string) => ({
    ...topic,
    fi: { ...topic.fi, title },
  });

  it("saves over the revision read, and refuses an older one with 412 saying who saved since", async () => {
    const opened = await read("church-tax");
    expect(opened.etag).toBe(`"${opened.revision}"`);
    const ifMatch = { "if-match": opened.etag ?? "" };

    const first = await api(
      "PUT",
      "draft/topics/church-tax",
      reviewer,
      titled(opened.topic, "Kirkollisvero (tarkastaja)"),
      ifMatch,
    );
    expect(first.status).toBe(200);
    expect(first.body.revision).not.toBe(opened.revision);
    expect(first.etag).toBe(`"${first.body.revision}"`);

    // The owner opened it before the reviewer saved: refused, told in Finnish, nothing written.
    const second = await api(
      "PUT",
      "draft/topics/church-tax",
      owner,
      titled(opened.topic, "Kirkollisvero (omistaja)"),
      { ...ifMatch, "accept-language": "fi" },
    );
    expect(second.status).toBe(412);
    expect(second.body.error).toMatchObject({
      code: "EDIT_CONFLICT",
      message: expect.stringMatching(/muutti aihetta church-tax sen jälkeen, kun avasit sen/),
      current: {
        revision: first.body.revision,
        updatedBy: "Henrik Saarinen",
        // By identity too: the studio tells a person's own save from a namesake's by it.
        updatedBySubject: "c2e94a07-3f6b-4d18-b5a9-7e1c8d2f4a63",
      },
    });
    const reread = await read("church-tax");
    expect(reread.topic.fi.title).toBe("Kirkollisvero (tarkastaja)");
    expect(reread).toMatchObject({
      updatedBy: "Henrik Saarinen",
      updatedBySubject: "c2e94a07-3f6b-4d18-b5a9-7e1c8d2f4a63",
    });
    // Retiring or discarding from the older reading is refused the same way.
    expect((await api("DELETE", "draft/topics/church-tax", owner, undefined, ifMatch)).status).toBe(
      412,
    );
    expect(
      (await api("POST", "draft/topics/church-tax/revert", owner, undefined, ifMatch)).status,
    ).toBe(412);

    // Saved over the revision the conflict named, it goes through; without If-Match, as ever.
    const current = (second.body.error as { current: { revision: string } }).current;
    const over = await api(
      "PUT",
      "draft/topics/church-tax",
      owner,
      titled(opened.topic, "Kirkollisvero (omistaja)"),
      { "if-match": `"${current.revision}"` },
    );
    expect(over.status).toBe(200);
    // Retired meanwhile: the conflict says so (a save would bring it back).
    const retired = await api("DELETE", "draft/topics/church-tax", reviewer, undefined, {
      "if-match": over.etag ?? "",
    });
    expect(retired.status).toBe(200);
    const stale = await api("PUT", "draft/topics/church-tax", owner, opened.topic, {
      "if-match": over.etag ?? "",
    });
    expect(stale.body.error).toMatchObject({ code: "EDIT_CONFLICT", current: { retired: true } });
    // A DELETE cannot create, so If-None-Match there is malformed, not a conflict.
    const noneMatch = await api("DELETE", "draft/topics/church-tax", owner, undefined, {
      "if-none-match": "*",
    });
    expect([noneMatch.status, (noneMatch.body.error as { code: string }).code]).toEqual([
      400,
      "VALIDATION_FAILED",
    ]);
    const back = await api("POST", "draft/topics/church-tax/revert", owner, undefined, {
      "if-match": retired.etag ?? "",
    });
    expect(back.body).toMatchObject({ ok: true, result: "reverted" });
    expect((await read("church-tax")).topic.fi.title).toBe(opened.topic.fi.title);
  });

  it("creates with If-None-Match only a topic nobody has, and names a malformed header", async () => {
    // Its own sentences: an earlier test may have saved the divorce topic with the same ones.
    const own = (texts: string[]) => texts.map((text) => `${text} ensi vuonna`);
    const divorce = {
      ...divorceTopic,
      id: "divorce-taxation-next",
      fi: { ...divorceTopic.fi, utterances: own(divorceTopic.fi.utterances) },
      sv: { ...divorceTopic.sv, utterances: own(divorceTopic.sv.utterances) },
      tests: { fi: own(divorceTopic.tests.fi), sv: own(divorceTopic.tests.sv) },
    };
    const create = (token = owner, topic = divorce) =>
      api("PUT", `draft/topics/${divorce.id}`, token, topic, { "if-none-match": "*" });
    const made = await create();
    expect(made.status).toBe(200);
    // Sent again after its answer was lost: its own save, answered as made, written once.
    const again = await create();
    expect([again.status, again.body.revision]).toEqual([200, made.body.revision]);
    const saves = await api("GET", `audit?topic=${divorce.id}`, owner);
    expect((saves.body.entries as { action: string }[]).map((e) => e.action)).toEqual([
      "draft-save",
    ]);
    // Anyone else's create, or other content, finds the id taken.
    expect((await create(reviewer)).body.error).toMatchObject({ code: "EDIT_CONFLICT" });
    const retitled = {
      ...divorce,
      fi: { ...divorce.fi, title: "Avioero ja ositus verotuksessa 2027" },
    };
    expect((await create(owner, retitled)).body.error).toMatchObject({ code: "EDIT_CONFLICT" });

    const bad = await api("PUT", `draft/topics/${divorce.id}`, owner, divorce, {
      "if-match": "some-revision",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^If-Match: must be the one quoted revision/),
    });
    expect((await api("DELETE", `draft/topics/${divorce.id}`, owner)).status).toBe(200);
  });
});

const OUT_OF_SCOPE_BODY = "{ fi: [...], sv: [...] } with the sentences, as in out-of-scope.yaml";

describe("a body that is no topic at all", () => {
  it.each([
    ["PUT", "draft/topics/vat", "with the topic's fields, as in its YAML file"],
    ["PUT", "draft/topics/vat?inProgress=true", "with the topic's fields, as in its YAML file"],
    ["POST", "draft/validate/topics/vat", "with the topic's fields, as in its YAML file"],
    ["PUT", "draft/referrals/kela", "with the referral group's fields, as in its YAML file"],
    [
      "POST",
      "draft/validate/referrals/kela",
      "with the referral group's fields, as in its YAML file",
    ],
    ["PUT", "draft/out-of-scope", OUT_OF_SCOPE_BODY],
    ["POST", "draft/validate/out-of-scope", OUT_OF_SCOPE_BODY],
  ])(
    "%s %s refuses a body that is not an object, naming it, and writes nothing",
    async (method, path, what) => {
      const before = await api("GET", "draft", owner);
      for (const body of [undefined, null, [], "vat"]) {
        const refused = await api(method, path, owner, body);
        expect(refused.status).toBe(400);
        expect(refused.body.error).toEqual({
          code: "VALIDATION_FAILED",
          message: `body: must be a JSON object ${what}`,
        });
      }
      expect((await api("GET", "draft", owner)).body).toEqual(before.body);
    },
  );
});

describe("the check's findings in the studio's language", () => {
  type Shown = { path: string; message: string; fix: string; code?: string };
  const byPath = (problems: Shown[]) =>
    Object.fromEntries(problems.map((p) => [p.path, p])) as Record<string, Shown>;

  it("tells the as-you-type check and a refused save in Finnish or Swedish when asked, in English otherwise", async () => {
    const { body } = await api("GET", "draft/topics/vat", owner);
    const vat = body.topic as Record<string, unknown> & { fi: Record<string, unknown> };
    const broken = {
      ...vat,
      fi: { ...vat.fi, title: "", links: [{ label: "Alv", url: "https://example.com/alv" }] },
    };

    // fetch's own "accept-language: *" and no preference at all both get content:check's English.
    const en = await api("POST", "draft/validate/topics/vat", owner, broken);
    const fi = await api("POST", "draft/validate/topics/vat", owner, broken, {
      "accept-language": "fi-FI,fi;q=0.9,en;q=0.5",
    });
    const sv = await api("PUT", "draft/topics/vat", owner, broken, { "accept-language": "sv" });

    const told = {
      en: byPath(en.body.problems as Shown[]),
      fi: byPath(fi.body.problems as Shown[]),
      sv: byPath((sv.body.error as { problems: Shown[] }).problems),
    };
    for (const problems of Object.values(told)) {
      expect(problems["fi.title"]?.code).toBe("empty");
      expect(problems["fi.links[0].url"]?.code).toBe("hostNotAllowed");
    }
    expect(told.en["fi.title"]?.message).toBe("fi.title: must not be empty");
    expect(told.en["fi.links[0].url"]?.message).toMatch(
      /^fi\.links\[1\]\.url: link host example\.com is not allowed; use one of vero\.fi, /,
    );
    expect(told.fi["fi.title"]).toMatchObject({
      message: "Kenttä on tyhjä.",
      fix: "Kirjoita kenttään tekstiä.",
    });
    expect(told.fi["fi.links[0].url"]?.message).toMatch(
      /^Sivusto example\.com ei ole sallittujen joukossa\. Sallitut: vero\.fi, /,
    );
    expect(sv.status).toBe(400);
    expect(told.sv["fi.title"]).toMatchObject({
      message: "Fältet är tomt.",
      fix: "Skriv text i fältet.",
    });
    expect(told.sv["fi.links[0].url"]?.message).toMatch(
      /^Webbplatsen example\.com är inte godkänd\./,
    );

    // The refusal wrote nothing: the draft's vat keeps its title.
    const after = await api("GET", "draft/topics/vat", owner);
    expect((after.body.topic as { fi: { title: string } }).fi.title).toBe(vat.fi.title);
  });

  it("tells a refusal's findings again in another language from their code and particulars", async () => {
    const { body } = await api("GET", "draft/topics/vat", owner);
    const vat = body.topic as Record<string, unknown> & { fi: Record<string, unknown> };
    const broken = {
      ...vat,
      fi: { ...vat.fi, links: [{ label: "Alv", url: "https://example.com/alv" }] },
    };
    type Kept = { code: string; params: Record<string, unknown>; message: string };
    const refused = async (lang: string) =>
      (
        (await api("PUT", "draft/topics/vat", owner, broken, { "accept-language": lang })).body
          .error as { problems: Kept[] }
      ).problems;
    const [fi, sv] = [await refused("fi"), await refused("sv")];
    const findings = fi.map(({ code, params }) => ({ code, params }));

    const retold = await api("POST", "tell", owner, { findings }, { "accept-language": "sv" });

    expect(retold.status).toBe(200);
    expect((retold.body.told as { message: string }[]).map((t) => t.message)).toEqual(
      sv.map((p) => p.message),
    );
    const unknown = await api("POST", "tell", owner, {
      findings: [{ code: "noSuch", params: {} }],
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body.error as { message: string }).message).toMatch(/^findings\[0\]: /);
    expect((await api("POST", "tell", advisor, { findings })).status).toBe(403);
  });

  it("tells a refusal and a version's stand-in reason in the language asked for", async () => {
    const { body } = await api("GET", "draft/topics/vat", owner);
    const vat = body.topic as Record<string, unknown> & { fi: { utterances: string[] } };
    const changed = {
      ...vat,
      fi: { ...vat.fi, utterances: [...vat.fi.utterances, "paljonko alvia kirjoista maksetaan"] },
    };
    expect((await api("PUT", "draft/topics/vat", owner, changed)).status).toBe(200);
    try {
      const published = await api("POST", "publish", owner, { comment: "alv kirjoista" });
      const version = published.body.version as number;
      // Rejected without a comment: the reason is the service's own words, so they are told.
      expect((await api("POST", `versions/${version}/reject`, reviewer, {})).status).toBe(200);

      const reasonIn = async (lang?: string) => {
        const page = await api("GET", "versions?limit=5", owner, undefined, {
          ...(lang ? { "accept-language": lang } : {}),
        });
        const versions = page.body.versions as { version: number; error?: string }[];
        return versions.find((v) => v.version === version)?.error;
      };
      expect(await reasonIn()).toBe("rejected in review");
      expect(await reasonIn("sv")).toBe("avvisad vid granskningen");
      // So is the comment the service wrote on version 1; a person's comment stays as written.
      const commentsIn = async (lang: string) => {
        const page = await api("GET", "versions", owner, undefined, { "accept-language": lang });
        const versions = page.body.versions as { version: number; comment: string }[];
        return [1, version].map((v) => versions.find((x) => x.version === v)?.comment);
      };
      // The gate's numbers stay with the version: what the reviewer compares against live.
      const listed = await api("GET", "versions", owner);
      const scored = (listed.body.versions as { version: number; scores?: unknown }[]).find(
        (v) => v.version === version,
      );
      const kept = {
        total: expect.any(Number),
        accuracy: expect.any(Number),
        noneRecall: expect.any(Number),
        // The honesty figure: the uncovered questions the chat would answer with a topic.
        uncoveredAnswered: expect.any(Number),
        uncoveredCases: expect.any(Number),
        // Its new mistakes and fixes against the live version it was published on.
        againstLive: {
          version: expect.any(Number),
          newMistakes: expect.any(Number),
          fixed: expect.any(Number),
        },
      };
      expect(scored?.scores).toEqual({ fi: kept, sv: kept });
      type Kept = {
        total: number;
        accuracy: number;
        uncoveredAnswered: number;
        uncoveredCases: number;
      };
      const { fi, sv } = (scored?.scores ?? {}) as { fi?: Kept; sv?: Kept };
      expect(fi?.total).toBeGreaterThan(300);
      expect(fi?.accuracy).toBeGreaterThanOrEqual(0.93);
      // The version was published with the repository's uncovered questions, under the limit.
      expect(fi?.uncoveredCases).toBeGreaterThan(50);
      expect(sv?.uncoveredCases).toBeGreaterThan(50);
      expect(fi?.uncoveredAnswered).toBeLessThanOrEqual(0.05);
      // Testing the version again gives the gate's numbers, and what it changes against live.
      const tested = await api("POST", `versions/${version}/test`, reviewer);
      expect(tested.status).toBe(200);
      expect(tested.body).toMatchObject({ version, against: expect.any(Number) });
      const splits = tested.body.splits as { tests: { fi: { total: number; accuracy: number } } };
      expect(splits.tests.fi.total).toBe(fi?.total);
      expect(splits.tests.fi.accuracy).toBeCloseTo(fi?.accuracy ?? -1, 6);
      // ... and the kept share is the one the version's test tells of the same questions.
      const uncovered = tested.body.uncovered as Record<
        "fi" | "sv",
        { cases: number; answered: number }
      >;
      for (const [lang, own] of [
        ["fi", fi],
        ["sv", sv],
      ] as const) {
        expect(uncovered[lang].cases).toBe(own?.uncoveredCases);
        expect(uncovered[lang].answered).toBeCloseTo(own?.uncoveredAnswered ?? -1, 6);
      }
      expect(tested.body.changed).toEqual(expect.any(Array));
      expect((await api("POST", "versions/999/test", reviewer)).status).toBe(404);
      expect((await api("POST", `versions/${version}/test`, advisor)).status).toBe(403);
      expect(await commentsIn("sv")).toEqual([
        "Innehåll från mappen bot-content/ i källkoden.",
        "alv kirjoista",
      ]);

      const again = await api("POST", `versions/${version}/approve`, reviewer, undefined, {
        "accept-language": "fi",
      });
      expect(again.status).toBe(409);
      expect(again.body.error).toEqual({
        code: "CONFLICT",
        message: `Versio ${version} on tilassa ”hylätty”; vain tarkastusta odottavan version voi hyväksyä.`,
      });
      // Without a preference the refusal keeps the wording clients outside the studio know.
      const inEnglish = await api("POST", `versions/${version}/approve`, reviewer);
      expect(inEnglish.body.error).toEqual({
        code: "CONFLICT",
        message: `Version ${version} is rejected; only a version pending review can be approved.`,
      });
    } finally {
      expect((await api("PUT", "draft/topics/vat", owner, vat)).status).toBe(200);
    }
  });

  it("tells a save's warnings in the language asked for", async () => {
    const { body } = await api("GET", "draft/topics/vat", owner);
    const vat = body.topic as Record<string, unknown> & { tests: { fi: string[]; sv: string[] } };
    const fewer = { ...vat, tests: { ...vat.tests, sv: vat.tests.sv.slice(0, 1) } };

    const saved = await api("PUT", "draft/topics/vat", owner, fewer, { "accept-language": "sv" });
    try {
      expect(saved.status).toBe(200);
      const warnings = saved.body.warnings as Shown[];
      expect(warnings.find((w) => w.code === "tooFewTests")).toMatchObject({
        path: "tests.sv",
        message:
          "Ämnet vat har 1 testmeddelande (svenska). Minst 8 behövs för att resultatet ska säga något.",
      });
    } finally {
      // Put back as it was, so the draft equals the live version again.
      expect((await api("PUT", "draft/topics/vat", owner, vat)).status).toBe(200);
    }
  });
});

describe("a topic's review date", () => {
  type Shown = { path: string; message: string; code?: string; severity?: string };

  it("refuses a date not written YYYY-MM-DD naming reviewBy, and keeps a good one through GET, the list and the diff", async () => {
    const { body } = await api("GET", "draft/topics/vat", owner);
    const vat = body.topic as Record<string, unknown>;
    expect(vat.reviewBy).toBeUndefined();
    try {
      const refused = await api("PUT", "draft/topics/vat", owner, {
        ...vat,
        reviewBy: "31.12.2027",
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: {
          code: "CONTENT_INVALID",
          problems: [
            expect.objectContaining({
              path: "reviewBy",
              code: "notADate",
              message: 'reviewBy: "31.12.2027" is not a date written YYYY-MM-DD',
            }),
          ],
        },
      });
      expect((await api("GET", "draft/topics/vat", owner)).body.topic).toEqual(vat);

      // Long past on any clock: saved, with a warning at the field, told in Finnish when asked.
      const overdue = await api(
        "PUT",
        "draft/topics/vat",
        owner,
        { ...vat, reviewBy: "2020-01-31" },
        { "accept-language": "fi" },
      );
      expect(overdue.status).toBe(200);
      expect((overdue.body.warnings as Shown[]).filter((w) => w.path === "reviewBy")).toEqual([
        expect.objectContaining({
          code: "reviewOverdue",
          message: "Aiheen vat vastaus piti tarkistaa viimeistään 31.1.2020.",
        }),
      ]);
      expect((await api("GET", "draft/topics/vat", owner)).body.topic).toEqual({
        ...vat,
        reviewBy: "2020-01-31",
      });
      const listed = async () =>
        ((await api("GET", "draft", owner)).body.topics as Record<string, unknown>[]).find(
          (t) => t.id === "vat",
        );
      expect(await listed()).toMatchObject({ reviewBy: "2020-01-31", reviewOverdue: true });
      expect((await api("GET", "draft/diff", owner)).body.topics).toContainEqual(
        expect.objectContaining({ id: "vat", change: "changed", fields: ["reviewBy"] }),
      );

      const ahead = await api("PUT", "draft/topics/vat", owner, { ...vat, reviewBy: "2999-12-31" });
      expect(ahead.status).toBe(200);
      expect((ahead.body.warnings as Shown[]).some((w) => w.path === "reviewBy")).toBe(false);
      const later = await listed();
      expect(later?.reviewBy).toBe("2999-12-31");
      expect(later?.reviewOverdue).toBeUndefined();
    } finally {
      // Put back as it was, so the draft equals the live version again.
      expect((await api("PUT", "draft/topics/vat", owner, vat)).status).toBe(200);
    }
  });
});

describe("referrals to other agencies", () => {
  it.each([
    ["fi", "Ajoneuvovero on erääntynyt, mihin sen maksan?", /^Ajoneuvovero on Traficomin asia/],
    [
      "sv",
      "Fordonsskatten har förfallit, var betalar jag den?",
      /^Fordonsskatten sköts av Traficom/,
    ],
  ] as const)(
    "answers a %s vehicle-tax question with Traficom's referral and link",
    async (lang, text, answer) => {
      const reply = await botReply(text, lang);

      expect(reply.text).toMatch(answer);
      expect(reply.topic).toBeUndefined();
      expect(reply.actions?.map((a) => a.type)).toEqual(["link"]);
      const link = reply.actions?.[0] as { url: string };
      expect(new URL(link.url).hostname).toBe("www.traficom.fi");
    },
  );

  it("refuses a broken referral group naming the fields, saves a good one and shows it in the draft", async () => {
    const draft = await api("GET", "draft", owner);
    const referrals = draft.body.referrals as { id: string; fi: { title: string } }[];
    const {
      updatedBy: _by,
      updatedAt: _at,
      ...traficom
    } = referrals.find((r) => r.id === "traficom") as Record<string, unknown> & {
      fi: Record<string, unknown>;
    };

    const broken = await api("PUT", "draft/referrals/traficom", owner, {
      ...traficom,
      fi: {
        ...traficom.fi,
        answer: "x".repeat(301),
        link: { label: "Autot", url: "https://example.com/ajoneuvovero" },
      },
    });
    expect(broken.status).toBe(400);
    const problems = broken.body.error as { code: string; problems: { path: string }[] };
    expect(problems.code).toBe("CONTENT_INVALID");
    expect(problems.problems.map((p) => p.path).sort()).toEqual(["fi.answer", "fi.link.url"]);

    const renamed = { ...traficom, fi: { ...traficom.fi, title: "Ajoneuvovero (Traficom)" } };
    const saved = await api("PUT", "draft/referrals/traficom", owner, renamed);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, warnings: expect.any(Array) });
    const after = await api("GET", "draft", owner);
    expect(after.body.referrals).toContainEqual(
      expect.objectContaining({
        id: "traficom",
        fi: expect.objectContaining({ title: "Ajoneuvovero (Traficom)" }),
      }),
    );
    expect(after.body.changes).toContainEqual({
      id: "traficom",
      kind: "referral",
      change: "changed",
      // A saved answer loses the line end YAML's literal block gives it, as topics' do.
      fields: expect.arrayContaining(["fi.title"]),
    });

    // Put back as it was, so the draft equals the live version again.
    expect((await api("PUT", "draft/referrals/traficom", owner, traficom)).status).toBe(200);
  });
});

describe("the audit trail a page at a time, and one item's history", () => {
  type Entry = { at: string; action: string; topic?: string; referral?: string };
  type Page = { entries: Entry[]; next?: string };
  const page = async (query: string) => {
    const answer = await api("GET", `audit?${query}`, owner);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as Page;
  };

  it("pages without gaps or repeats, and gives one topic's or referral group's entries", async () => {
    // A topic saved twice (renamed, then named back) and a referral group saved once.
    const read = (await api("GET", "draft/topics/dividends", owner)).body as {
      topic: Record<string, unknown> & { fi: { title: string } };
    };
    const renamed = { ...read.topic, fi: { ...read.topic.fi, title: "Osingot (muutettu)" } };
    expect((await api("PUT", "draft/topics/dividends", owner, renamed)).status).toBe(200);
    expect((await api("PUT", "draft/topics/dividends", owner, read.topic)).status).toBe(200);
    const kela = (await api("GET", "draft/referrals/kela", owner)).body.referral;
    expect((await api("PUT", "draft/referrals/kela", owner, kela)).status).toBe(200);

    // The whole trail two entries at a time is the trail read at once.
    const first = await page("limit=2");
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0]).toMatchObject({ action: "draft-save", referral: "kela" });
    // Opaque, and safe in a query string as it is.
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await page(`limit=2&before=${first.next}`);
    expect([...first.entries, ...second.entries]).toEqual((await page("limit=4")).entries);

    // The topic's own history, newest first, a page at a time; nothing of anything else.
    const newest = await page("limit=1&topic=dividends");
    expect(newest.entries).toEqual([
      expect.objectContaining({ action: "draft-save", topic: "dividends" }),
    ]);
    const older = await page(`limit=1&topic=dividends&before=${newest.next}`);
    expect(older.entries).toEqual([
      expect.objectContaining({ action: "draft-save", topic: "dividends" }),
    ]);
    expect((older.entries[0]?.at ?? "") <= (newest.entries[0]?.at ?? "")).toBe(true);
    // Nothing older of it: the last page says so.
    expect(older.next).toBeUndefined();
    const both = await page("limit=5&topic=dividends");
    expect(both.entries).toEqual([...newest.entries, ...older.entries]);
    expect(both.next).toBeUndefined();

    const group = await page("limit=5&referral=kela");
    expect(group.entries.length).toBeGreaterThan(0);
    expect(group.entries.every((e) => e.referral === "kela" && e.topic === undefined)).toBe(true);
  });

  it("refuses a malformed query naming the field", async () => {
    const refused = async (query: string) => {
      const answer = await api("GET", `audit?${query}`, owner);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
      return (answer.body.error as { message: string }).message;
    };
    expect(await refused("before=not-a-cursor")).toBe(
      "query: before: must be the next of an earlier page",
    );
    // A position spelled out is no cursor either: only what `next` gave is.
    expect(await refused(`before=${encodeURIComponent("2026-12-01T10:00:00.000Z#01J")}`)).toMatch(
      /^query: before: /,
    );
    expect(await refused("topic=Not_An_Id")).toBe(
      "query: topic: must be a topic id such as capital-gains",
    );
    expect(await refused("referral=x%20y")).toBe(
      "query: referral: must be a referral group id such as traficom",
    );
    expect(await refused("topic=vat&referral=kela")).toBe(
      "query: referral: only one of topic, referral, outOfScope and uncovered: one item's history at a time",
    );
    expect(await refused("topic=vat&outOfScope=true")).toMatch(/^query: referral: only one of/);
    expect(await refused("outOfScope=true&uncovered=true")).toMatch(
      /^query: referral: only one of/,
    );
    expect(await refused("outOfScope=yes")).toBe(
      `query: outOfScope: must be "true" (only the out-of-scope lists' entries)`,
    );
    expect(await refused("uncovered=1")).toBe(
      `query: uncovered: must be "true" (only the uncovered questions' entries)`,
    );
    expect(await refused("limit=501")).toBe("query: limit: must be a whole number from 1 to 500");
    expect((await api("GET", "audit?topic=vat", advisor)).status).toBe(403);
  });
});

describe("versions waiting for review when another goes live", () => {
  type Listed = { version: number; state: string; error?: string; basedOn?: number };
  type TopicBody = Record<string, unknown> & { fi: { answer: string } };
  const listed = async (lang = "fi") =>
    (await api("GET", "versions", owner, undefined, { "accept-language": lang })).body as {
      live: number;
      versions: Listed[];
      reviewRequired: boolean;
    };
  const draftTopic = async (id: string) =>
    ((await api("GET", `draft/topics/${id}`, owner)).body as { topic: TopicBody }).topic;
  /** Saves topic `id` with its Finnish answer replaced (nothing the recogniser learns). */
  const answer = async (id: string, text: string) => {
    const topic = await draftTopic(id);
    const saved = await api("PUT", `draft/topics/${id}`, owner, {
      ...topic,
      fi: { ...topic.fi, answer: text },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  };
  const publish = async (comment: string) => {
    const published = await api("POST", "publish", owner, { comment });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    return published.body.version as number;
  };
  /** The service's content table, to write what only another process or an older build could. */
  const contentStore = () =>
    createDynamoContentStore(
      createDynamoClients({ region: "eu-north-1", endpoint: stack.dynamoEndpoint }).doc,
      tableNames("asiointi-local-").content,
    );

  it("supersedes the rest, refuses a stale approval and the same draft twice, and lets the author withdraw", async () => {
    expect((await listed()).reviewRequired).toBe(true);
    const original = await draftTopic("vat");
    await answer("vat", `${original.fi.answer} Ensimmäinen muutos.`);
    const first = await publish("eka");
    // The same draft again: a reviewer has it already.
    const twice = await api(
      "POST",
      "publish",
      owner,
      { comment: "eka taas" },
      {
        "accept-language": "fi",
      },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error).toEqual({
      code: "ALREADY_PENDING",
      message: `Tarkastusta odottavassa versiossa ${first} on jo täsmälleen tämä sisältö: uutta julkaistavaa ei ole.`,
    });

    await answer("vat", `${original.fi.answer} Toinen muutos.`);
    const second = await publish("toka");
    expect((await api("POST", `versions/${second}/approve`, reviewer)).body).toEqual({
      version: second,
      state: "live",
    });

    // The first was published against the version live before: approving it would undo the
    // second, so it is superseded, saying why in the studio's language.
    const after = await listed();
    expect(after.versions.find((v) => v.version === first)).toMatchObject({
      state: "superseded",
      error: `Versio ${second} otettiin käyttöön ennen kuin tämä versio hyväksyttiin, ja tämän hyväksyminen olisi kumonnut sen muutokset. Julkaise luonnos uudelleen.`,
    });
    expect((await api("POST", `versions/${first}/approve`, reviewer)).body).toMatchObject({
      error: { code: "CONFLICT" },
    });

    // One that missed the sweep (another process, an older build) is refused when approved.
    const store = contentStore();
    const base = after.versions.find((v) => v.version === second)?.basedOn as number;
    const missed = await store.nextVersionNumber();
    await store.putVersion(
      {
        version: missed,
        state: "pending-review",
        author: "someone-else",
        authorName: "Someone Else",
        createdAt: new Date().toISOString(),
        comment: "missed",
        basedOn: base,
      },
      (await store.versionBundle(base)) as NonNullable<
        Awaited<ReturnType<typeof store.versionBundle>>
      >,
    );
    const stale = await api("POST", `versions/${missed}/approve`, reviewer);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: "VERSION_STALE",
      message: `Version ${missed} was published when version ${base} was live, but version ${second} is live now: approving it would undo the changes of version ${second}. Publish the draft again and review the new version.`,
    });
    expect((await listed()).versions.find((v) => v.version === missed)?.state).toBe("superseded");
    expect((await listed()).live).toBe(second);

    // The author takes back a version of their own; nobody else can.
    await answer("vat", `${original.fi.answer} Kolmas muutos.`);
    const third = await publish("kolmas");
    const notTheirs = await api("POST", `versions/${third}/withdraw`, reviewer);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body).toMatchObject({ error: { code: "NOT_AUTHOR" } });
    expect((await api("POST", `versions/${third}/withdraw`, advisor)).status).toBe(403);
    expect(await api("POST", `versions/${third}/withdraw`, owner)).toMatchObject({
      status: 200,
      body: { version: third, state: "rejected" },
    });
    expect((await listed("sv")).versions.find((v) => v.version === third)).toMatchObject({
      state: "rejected",
      error: "Skaparen återkallade publiceringen.",
    });
    const trail = (await api("GET", "audit?limit=20", owner)).body.entries as {
      action: string;
      actor: string;
      version?: number;
    }[];
    expect(trail).toContainEqual(expect.objectContaining({ action: "withdraw", version: third }));
    expect(trail).toContainEqual(
      expect.objectContaining({ action: "supersede", actor: "system", version: first }),
    );
    // The draft's vat as live has it again, for the rollback below.
    expect((await api("POST", "draft/topics/vat/revert", owner)).status).toBe(200);
  }, 180_000);

  it("keeps the draft's unpublished changes when a rollback goes live", async () => {
    const before = await listed();
    const target = before.versions.find((v) => v.version === before.live)?.basedOn as number;
    const targetVat = (await contentStore().versionBundle(target))?.topics.find(
      (t) => t.id === "vat",
    );
    // Unpublished: an owner's change to church-tax, made against the live version.
    const churchTax = await draftTopic("church-tax");
    const edited = `${churchTax.fi.answer} Luonnoksen muutos.`;
    await answer("church-tax", edited);

    const rollback = (await api("POST", `versions/${target}/rollback`, owner)).body
      .version as number;
    expect((await api("POST", `versions/${rollback}/approve`, reviewer)).body).toEqual({
      version: rollback,
      state: "live",
    });

    // vat, unchanged in the draft, has the rolled-back content; church-tax is as its owner
    // left it, and still to publish.
    expect((await draftTopic("vat")).fi.answer).toBe(targetVat?.fi.answer);
    expect((await draftTopic("church-tax")).fi.answer).toBe(edited);
    const diff = (await api("GET", "draft/diff", owner)).body.topics as { id: string }[];
    expect(diff.map((c) => c.id)).toContain("church-tax");
    expect(diff.map((c) => c.id)).not.toContain("vat");
    const [live] = (
      await api("GET", "audit?limit=1", owner, undefined, { "accept-language": "fi" })
    ).body.entries as { action: string; version: number; detail: string }[];
    expect(live).toMatchObject({ action: "live", version: rollback });
    expect(live?.detail).toMatch(
      new RegExp(`^Luonnos päivitettiin version ${target} sisältöön niiltä osin .*säilyi\\.$`),
    );
  }, 180_000);
});

describe("the out-of-scope examples in the studio", () => {
  type Lists = { fi: string[]; sv: string[] };
  type Problem = { path: string; code?: string; message: string };
  const read = async () => {
    const answer = await api("GET", "draft/out-of-scope", owner);
    expect(answer.status).toBe(200);
    return { ...(answer.body as { outOfScope: Lists; revision: string }), etag: answer.etag };
  };
  const without = (lists: Lists) => ({
    fi: lists.fi.filter((t) => t !== STOCK_OPTION_SENTENCES.fi),
    sv: lists.sv.filter((t) => t !== STOCK_OPTION_SENTENCES.sv),
  });
  const problemsOf = (answer: { body: Record<string, unknown> }) =>
    (answer.body.error as { problems: Problem[] }).problems;

  it("moves an out-of-scope example into a new topic in two saves, shown in the draft's diff", async () => {
    const live = await read();
    expect(live.outOfScope.fi).toContain(STOCK_OPTION_SENTENCES.fi);
    expect(live.outOfScope.sv).toContain(STOCK_OPTION_SENTENCES.sv);
    expect(live.etag).toBe(`"${live.revision}"`);

    // The topic first: refused, naming the sentences and the list they are in.
    const refused = await api(
      "PUT",
      `draft/topics/${stockOptionsTopic.id}`,
      owner,
      stockOptionsTopic,
      {
        "accept-language": "fi",
      },
    );
    expect(refused.status).toBe(400);
    expect(problemsOf(refused)).toEqual([
      expect.objectContaining({
        path: "fi.utterances[0]",
        code: "sentenceShared",
        message: expect.stringContaining("aiheiden ulkopuoliset lauseet (suomi)"),
        // Where the other half of the fix is made, and that it is a save of its own.
        fix: expect.stringContaining("poista se sivulla Aiheen ulkopuoliset"),
        page: "out-of-scope",
      }),
      expect.objectContaining({ path: "sv.utterances[0]", code: "sentenceShared" }),
    ]);
    // The as-you-type check says the same.
    const checked = await api(
      "POST",
      `draft/validate/topics/${stockOptionsTopic.id}`,
      owner,
      stockOptionsTopic,
    );
    expect(checked.body.problems).toContainEqual(
      expect.objectContaining({ code: "sentenceShared", page: "out-of-scope" }),
    );
    // A search for the matter says it is deliberately left without a topic.
    const searched = await api(
      "GET",
      `search?q=${encodeURIComponent(STOCK_OPTION_SENTENCES.fi)}`,
      owner,
    );
    expect(searched.body.outOfScope).toContainEqual({
      lang: "fi",
      text: STOCK_OPTION_SENTENCES.fi,
    });

    // Save 1: the example leaves the out-of-scope lists (over the revision read).
    const saved = await api("PUT", "draft/out-of-scope", owner, without(live.outOfScope), {
      "if-match": live.etag ?? "",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ok: true, warnings: [] });
    expect(saved.body.revision).not.toBe(live.revision);
    expect(saved.etag).toBe(`"${saved.body.revision}"`);
    // Save 2: the topic that teaches it now.
    const topic = await api(
      "PUT",
      `draft/topics/${stockOptionsTopic.id}`,
      owner,
      stockOptionsTopic,
    );
    expect(topic.status, JSON.stringify(topic.body)).toBe(200);

    // The reviewer sees what the lists lost before approving, and nothing of the none messages.
    const diff = (await api("GET", "draft/diff", owner)).body.topics as Record<string, unknown>[];
    expect(diff).toContainEqual({
      id: "out-of-scope",
      change: "changed",
      fields: ["outOfScope.fi", "outOfScope.sv"],
      details: [
        { field: "outOfScope.fi", added: [], removed: [STOCK_OPTION_SENTENCES.fi] },
        { field: "outOfScope.sv", added: [], removed: [STOCK_OPTION_SENTENCES.sv] },
      ],
    });
    // The draft's summary: the lists' change is among its changes, and `changed` is topics only.
    const summary = (await api("GET", "draft", owner)).body as {
      changed: string[];
      changes: { id: string }[];
    };
    expect(summary.changes.map((c) => c.id)).toContain("out-of-scope");
    expect(summary.changed).toContain(stockOptionsTopic.id);
    expect(summary.changed).not.toContain("out-of-scope");
    const trail = (await api("GET", "audit?limit=2", owner, undefined, { "accept-language": "fi" }))
      .body.entries;
    expect(trail).toEqual([
      expect.objectContaining({ action: "draft-save", topic: stockOptionsTopic.id }),
      expect.objectContaining({
        action: "draft-save",
        outOfScope: true,
        detail: "Lisätty: suomeksi 0, ruotsiksi 0. Poistettu: suomeksi 1, ruotsiksi 1.",
      }),
    ]);

    // The lists' own history: their save, not the topic's.
    const history = (await api("GET", "audit?outOfScope=true&limit=5", owner)).body.entries as {
      action: string;
      outOfScope?: boolean;
      topic?: string;
    }[];
    expect(history[0]).toMatchObject({ action: "draft-save", outOfScope: true });
    expect(history.every((e) => e.outOfScope === true && e.topic === undefined)).toBe(true);

    // Live's lists cannot come back while the topic teaches the sentence: refused, naming it.
    const blocked = await api("POST", "draft/out-of-scope/revert", owner);
    expect(blocked.status).toBe(400);
    expect(problemsOf(blocked)).toContainEqual(
      expect.objectContaining({
        code: "sentenceShared",
        path: expect.stringMatching(/^fi\[\d+\]$/),
      }),
    );
    // Back as live, for the tests after this one: the topic retired, then the lists.
    expect((await api("DELETE", `draft/topics/${stockOptionsTopic.id}`, owner)).status).toBe(200);
    const reverted = await api("POST", "draft/out-of-scope/revert", owner, undefined, {
      "if-match": saved.etag ?? "",
    });
    expect(reverted.body).toMatchObject({ ok: true, result: "reverted" });
    expect((await read()).outOfScope).toEqual(live.outOfScope);
    expect((await api("POST", "draft/out-of-scope/revert", owner)).body).toMatchObject({
      ok: true,
      result: "unchanged",
    });
  }, 60_000);

  it("refuses a save over a revision someone has saved past with 412, naming them", async () => {
    const opened = await read();
    const theirs = await api(
      "PUT",
      "draft/out-of-scope",
      reviewer,
      { ...opened.outOfScope, fi: [...opened.outOfScope.fi, "mistä saa halvimmat lentoliput"] },
      { "if-match": opened.etag ?? "" },
    );
    expect(theirs.status).toBe(200);

    const stale = await api(
      "PUT",
      "draft/out-of-scope",
      owner,
      { ...opened.outOfScope, fi: [...opened.outOfScope.fi, "paras pizza helsingissä"] },
      { "if-match": opened.etag ?? "", "accept-language": "fi" },
    );

    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: "EDIT_CONFLICT",
      message: expect.stringMatching(
        /muutti aiheen ulkopuolisia viestejä sen jälkeen, kun avasit ne/,
      ),
      current: { revision: theirs.body.revision, updatedBy: expect.any(String) },
    });
    expect((await read()).outOfScope.fi).toContain("mistä saa halvimmat lentoliput");
    expect((await read()).outOfScope.fi).not.toContain("paras pizza helsingissä");
    // Discarding from the older reading is refused the same way; the lists cannot be created.
    const revert = await api("POST", "draft/out-of-scope/revert", owner, undefined, {
      "if-match": opened.etag ?? "",
    });
    expect(revert.status).toBe(412);
    const create = await api("PUT", "draft/out-of-scope", owner, opened.outOfScope, {
      "if-none-match": "*",
    });
    expect([create.status, (create.body.error as { code: string }).code]).toEqual([
      400,
      "VALIDATION_FAILED",
    ]);
    // Over the revision the conflict named, the discard goes through: live's lists again.
    const current = (stale.body.error as { current: { revision: string } }).current;
    const back = await api("POST", "draft/out-of-scope/revert", owner, undefined, {
      "if-match": `"${current.revision}"`,
    });
    expect(back.body).toMatchObject({ ok: true, result: "reverted" });
    expect((await read()).outOfScope).toEqual(opened.outOfScope);
  });

  it("checks the lists as they are typed, saving nothing, and is for editors only", async () => {
    const before = await read();
    const typed = { fi: [...before.outOfScope.fi, "", "verokortti"], sv: before.outOfScope.sv };

    const checked = await api("POST", "draft/validate/out-of-scope", owner, typed, {
      "accept-language": "sv",
    });

    expect(checked.status).toBe(200);
    const problems = checked.body.problems as (Problem & { severity: string })[];
    const at = before.outOfScope.fi.length;
    expect(problems.map((p) => [p.severity, p.path, p.code])).toEqual([
      ["error", `fi[${at}]`, "empty"],
      ["error", `fi[${at + 1}]`, "sentenceShared"],
    ]);
    expect(problems[1]?.message).toMatch(/finns på två ställen: meningarna utanför ämnena/);
    expect((await read()).revision).toBe(before.revision);

    for (const [method, path] of [
      ["GET", "draft/out-of-scope"],
      ["PUT", "draft/out-of-scope"],
      ["POST", "draft/validate/out-of-scope"],
      ["POST", "draft/out-of-scope/revert"],
    ] as const) {
      const body = method === "GET" ? undefined : before.outOfScope;
      expect((await api(method, path, advisor, body)).status).toBe(403);
    }
  });
});

describe("a new topic saved unfinished (in progress)", () => {
  // Its own sentences: earlier tests may have saved the divorce topic with the same ones.
  const own = (texts: string[]) => texts.map((text) => `${text} viime vuonna`);
  const id = "divorce-taxation-last-year";
  const finnishOnly = {
    id,
    fi: { ...divorceTopic.fi, utterances: own(divorceTopic.fi.utterances) },
    tests: { fi: own(divorceTopic.tests.fi), sv: [] },
  };
  const whole = {
    ...divorceTopic,
    ...finnishOnly,
    sv: { ...divorceTopic.sv, utterances: own(divorceTopic.sv.utterances) },
    tests: { fi: own(divorceTopic.tests.fi), sv: own(divorceTopic.tests.sv) },
  };

  it("keeps a Finnish-only topic in the draft out of use, shows it, and finishes it with a save that passes", async () => {
    const saved = await api("PUT", `draft/topics/${id}?inProgress=true`, owner, finnishOnly, {
      "if-none-match": "*",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      ok: true,
      inProgress: true,
      warnings: expect.any(Array),
      revision: expect.any(String),
    });
    expect(saved.etag).toBe(`"${saved.body.revision}"`);
    const problems = saved.body.problems as { path: string; code?: string }[];
    expect(problems).toContainEqual(expect.objectContaining({ path: "sv", code: "missing" }));

    // Read back as sent; in the topics list with what it has; in no change to publish.
    const read = await api("GET", `draft/topics/${id}`, owner);
    expect(read.body).toMatchObject({ topic: finnishOnly, inProgress: true, retired: false });
    expect(read.etag).toBe(saved.etag);
    const draft = await api("GET", "draft", owner);
    expect(draft.body.topics).toContainEqual(
      expect.objectContaining({
        id,
        inProgress: true,
        problems: problems.length,
        fi: {
          title: divorceTopic.fi.title,
          utterances: divorceTopic.fi.utterances.length,
          tests: divorceTopic.tests.fi.length,
        },
        sv: { title: "", utterances: 0, tests: 0 },
      }),
    );
    expect(draft.body.changed).not.toContain(id);
    // A topic in use lists its follow-ups: retiring one of them can name who offers it.
    const payment = (draft.body.topics as { id: string; followUps?: string[] }[]).find(
      (t) => t.id === "payment",
    );
    expect(payment?.followUps).toContain("late-payment-interest");
    // Found by its words: an owner looks for the topic waiting for its translation.
    const sentence = finnishOnly.fi.utterances[0] ?? "";
    const found = await api("GET", `search?q=${encodeURIComponent(sentence)}`, owner);
    expect(found.body.topics).toEqual([
      {
        id,
        fi: { title: divorceTopic.fi.title },
        sv: { title: "" },
        match: sentence,
        inProgress: true,
      },
    ]);
    const diff = await api("GET", "draft/diff", owner);
    expect(diff.body.inProgress).toEqual([{ id, title: divorceTopic.fi.title }]);
    expect((diff.body.topics as { id: string }[]).map((t) => t.id)).not.toContain(id);

    // A save the usual way that still fails is refused, and the work stays as it was.
    const ifMatch = { "if-match": saved.etag ?? "" };
    const refused = await api("PUT", `draft/topics/${id}`, owner, finnishOnly, ifMatch);
    expect([refused.status, (refused.body.error as { code: string }).code]).toEqual([
      400,
      "CONTENT_INVALID",
    ]);
    expect((await api("GET", `draft/topics/${id}`, owner)).body.inProgress).toBe(true);

    // With the Swedish added it passes: finished, in use, and a change to publish.
    const finished = await api("PUT", `draft/topics/${id}`, owner, whole, ifMatch);
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    expect(finished.body.inProgress).toBeUndefined();
    const after = await api("GET", `draft/topics/${id}`, owner);
    expect(after.body).toMatchObject({
      retired: false,
      topic: { sv: { title: divorceTopic.sv.title } },
    });
    expect(after.body.inProgress).toBeUndefined();
    expect((await api("GET", "draft", owner)).body.changed).toContain(id);
    expect((await api("GET", "draft/diff", owner)).body.inProgress).toBeUndefined();
    const trail = await api("GET", `audit?topic=${id}`, owner);
    expect(trail.body.entries).toEqual([
      expect.objectContaining({ action: "draft-save", topic: id }),
      expect.objectContaining({ action: "draft-save", topic: id, inProgress: true }),
    ]);
    expect((await api("DELETE", `draft/topics/${id}`, owner)).status).toBe(200);
  });

  it("refuses an unfinished save of a live topic or with a malformed flag, naming inProgress", async () => {
    const live = await api("PUT", "draft/topics/church-tax?inProgress=true", owner, {
      fi: { title: "Kirkollisvero" },
    });
    expect(live.status).toBe(400);
    expect(live.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^inProgress: "church-tax" is a topic of the live version/),
    });
    const malformed = await api("PUT", `draft/topics/${id}?inProgress=yes`, owner, finnishOnly);
    expect(malformed.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^query: inProgress: /),
    });
    const renamed = await api("PUT", `draft/topics/${id}?inProgress=true`, owner, {
      ...finnishOnly,
      id: "church-tax",
    });
    expect((renamed.body.error as { code: string }).code).toBe("CONTENT_INVALID");
  });

  it("is removed by DELETE, and tells its problems in the language asked for", async () => {
    const other = `${id}-2`;
    const saved = await api(
      "PUT",
      `draft/topics/${other}?inProgress=true`,
      owner,
      { fi: { title: "" } },
      { "accept-language": "sv" },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual(
      expect.objectContaining({ path: "sv", message: "Den svenska delen saknas." }),
    );
    const removed = await api("DELETE", `draft/topics/${other}`, owner, undefined, {
      "if-match": saved.etag ?? "",
    });
    expect(removed.status).toBe(200);
    expect((await api("GET", `draft/topics/${other}`, owner)).status).toBe(404);
    expect(
      ((await api("GET", "draft", owner)).body.topics as { id: string }[]).map((t) => t.id),
    ).not.toContain(other);
  });
});
