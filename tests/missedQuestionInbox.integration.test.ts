/**
 * The missed-question inbox through the real local stack: customers' questions the bot missed
 * reach the content API grouped and masked; content owners teach, dismiss and export them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDay } from "../functions/domain/reports/reportEvents.ts";
import type { LocalServer } from "../functions/local/localServer.ts";
import { contentApiAt } from "./support/contentApi.ts";
import { devToken } from "./support/devToken.ts";
import {
  collect,
  connectCustomer,
  eventually,
  firstBotReply,
  startTestStack,
} from "./support/localStack.ts";
import { TIP_QUESTION_FI, tipsTopic } from "./support/tipsTopic.ts";

let stack: LocalServer;
let owner: string;
let reviewer: string;
let advisor: string;
let supervisor: string;
const today = reportDay(new Date());
const yesterday = reportDay(new Date(Date.now() - 86_400_000));
const PERIOD = `from=${yesterday}&to=${today}`;

beforeAll(async () => {
  stack = await startTestStack();
  [owner, reviewer, advisor, supervisor] = await Promise.all([
    devToken(stack.url, "content-owner"),
    devToken(stack.url, "content-reviewer"),
    devToken(stack.url, "advisor-fi"),
    devToken(stack.url, "supervisor"),
  ]);
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const api = contentApiAt(() => stack.url);

interface Sample {
  id: string;
  text: string;
  lang: string;
  status: string;
  reasons: string[];
  chosen?: string;
  outcome: string;
  handoff?: string;
  taughtTo?: { topicId: string; split: string };
  referredTo?: string;
  uncoveredMatter?: string;
  reopened?: {
    was: string;
    topicId?: string;
    split?: string;
    referral?: string;
    matter?: string;
    gone: boolean;
  };
}
interface Group {
  size: number;
  choices?: { topic: string; count: number }[];
  ids: string[];
  samples: Sample[];
}

/** Asks `text` as the only question of a new chat, waits for the answer, ends the chat. */
async function askOnce(text: string, lang: "fi" | "sv" = "fi"): Promise<void> {
  await firstBotReply(stack.url, text, lang, { end: true });
}

async function inbox(query = ""): Promise<Group[]> {
  const res = await api("GET", `misses?${PERIOD}${query}`, owner);
  expect(res.status).toBe(200);
  return res.body.groups as Group[];
}

/** The inbox's sample for a question asked as `text` (masked), once it is there. */
async function sampleFor(masked: string, query = "&status=all"): Promise<Sample> {
  let found: Sample | undefined;
  const deadline = Date.now() + 5_000;
  while (!found && Date.now() < deadline) {
    found = (await inbox(query)).flatMap((g) => g.samples).find((s) => s.text === masked);
    if (!found) await new Promise((r) => setTimeout(r, 50));
  }
  if (!found) throw new Error(`"${masked}" did not reach the inbox`);
  return found;
}

/** `text` asked in a chat, found in the open inbox and taught to tax-card's training sentences. */
async function askedThenTaught(text: string) {
  await askOnce(text);
  const sample = await sampleFor(text, "");
  const taught = await api("POST", "misses/actions", owner, {
    action: "teach",
    ids: [sample.id],
    topicId: "tax-card",
    split: "training",
  });
  return { sample, taught };
}

describe("who may read the inbox", () => {
  it("answers 401 without a token and 403 to advisors and supervisors", async () => {
    expect((await api("GET", `misses?${PERIOD}`, undefined)).status).toBe(401);
    for (const token of [advisor, supervisor]) {
      const forbidden = await api("GET", `misses?${PERIOD}`, token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toMatchObject({ error: { code: "FORBIDDEN" } });
      expect((await api("GET", `misses.csv?${PERIOD}`, token)).status).toBe(403);
      expect((await api("GET", `feedback?${PERIOD}`, token)).status).toBe(403);
      expect(
        (await api("POST", "misses/actions", token, { action: "dismiss", ids: [] })).status,
      ).toBe(403);
      expect(
        (
          await api("POST", "misses/actions", token, {
            action: "uncovered",
            ids: [],
            matter: "dog-tax",
          })
        ).status,
      ).toBe(403);
    }
  });

  it("lets content owners and reviewers read it", async () => {
    expect((await api("GET", `misses?${PERIOD}`, owner)).status).toBe(200);
    const res = await api("GET", `misses?${PERIOD}`, reviewer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: yesterday, to: today, groups: expect.any(Array) });
  });

  it("refuses a bad period with 400 naming the field", async () => {
    const cases: [string, string][] = [
      [`from=2026-13-01&to=${today}`, "from"],
      [`from=${today}&to=yesterday`, "to"],
      [`to=${today}`, "from"],
      [`from=2026-12-10&to=2026-12-01`, "to"],
      [`from=2026-01-01&to=2026-12-31`, "to"],
      [`${PERIOD}&lang=en`, "lang"],
    ];
    for (const [query, field] of cases) {
      const res = await api("GET", `misses?${query}`, owner);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
      expect(String((res.body.error as { message: string }).message), query).toContain(field);
    }
  });
});

describe("what the inbox keeps of a chat", () => {
  it("never holds an identity code, IBAN, phone number or e-mail address", async () => {
    // Prepare: questions the bot cannot answer, each with personal data in one format.
    const asked: [string, string][] = [
      ["plörö vänkä 010190-123A hömppä", "plörö vänkä [ID-CODE] hömppä"],
      ["plörö vänkä 131052-308T hömppä", "plörö vänkä [ID-CODE] hömppä"],
      ["plörö tili FI21 1234 5600 0007 85 hömppä", "plörö tili [IBAN] hömppä"],
      ["plörö numeroni +358 40 1234567 hömppä", "plörö numeroni [PHONE] hömppä"],
      ["plörö numero 040 123 4567 hömppä", "plörö numero [PHONE] hömppä"],
      ["plörö maija.meikalainen@example.fi hömppä", "plörö [EMAIL] hömppä"],
    ];
    // Act
    for (const [text] of asked) await askOnce(text);
    // Assess: each is there, masked, and what the chat did next is known.
    for (const [, masked] of asked) {
      const sample = await sampleFor(masked);
      expect(sample.reasons).toContain("missed");
      expect(sample.outcome).toBe("left");
    }
    const everything = [
      (await api("GET", `misses?${PERIOD}&status=all`, owner)).text,
      (await api("GET", `misses.csv?${PERIOD}&status=all`, owner)).text,
    ].join("\n");
    for (const secret of [
      "010190-123A",
      "131052-308T",
      "FI21",
      "5600 0007",
      "+358",
      "1234567",
      "040 123",
      "maija.meikalainen",
      "example.fi",
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("keeps a Swedish question asked in a Finnish chat as Swedish, and teaches it as Swedish", async () => {
    // Prepare: the bot finds it Swedish and answers in Swedish, but has no answer.
    const text = "Hur beskattas personaloptioner?";
    await askOnce(text, "fi");
    // Act
    const sample = await sampleFor(text, "&lang=sv");
    const taught = await api("POST", "misses/actions", owner, {
      action: "teach",
      ids: [sample.id],
      topicId: "fringe-benefits",
      split: "training",
    });
    // Assess
    expect(sample).toMatchObject({ lang: "sv", reasons: ["missed"] });
    expect(taught).toMatchObject({ status: 200, body: { applied: 1 } });
    const topic = await api("GET", "draft/topics/fringe-benefits", owner);
    const { fi, sv } = topic.body.topic as Record<"fi" | "sv", { utterances: string[] }>;
    expect(sv.utterances).toContain(text);
    expect(fi.utterances).not.toContain(text);
  });

  it("keeps an answered question when the customer asks for a person right after it", async () => {
    // Prepare
    const text = "Miten saan uuden verokortin?";
    let routed: unknown;
    const socket = await connectCustomer(stack.url);
    try {
      const messages = collect(socket, "chat:message");
      const start = await socket.emitWithAck("chat:start", { lang: "fi" });
      if (!start.ok) throw new Error("start failed");
      await eventually(() => messages.length >= 2);
      const before = messages.length;
      await socket.emitWithAck("chat:message", { text });
      await eventually(() => messages.slice(before).find((m) => m.from === "bot"));
      // Act
      routed = await socket.emitWithAck("chat:handoff", {});
    } finally {
      socket.disconnect();
    }
    // Assess: kept, with where the request went (the stack's hours and advisors decide it).
    expect(routed).toMatchObject({ ok: true });
    const sample = await sampleFor(text);
    expect(sample.reasons).toContain("person-requested");
    expect(sample.outcome).toBe("handed-off");
    const { outcome, reason } = routed as { outcome: string; reason?: string };
    expect(sample.handoff).toBe(outcome === "unavailable" ? reason : outcome);
  });

  it("keeps a question the bot asked which-one about with the topic the customer picked, not the pick", async () => {
    // Prepare: residual tax and the refund are too close for the bot to pick one.
    const text = "Maksanko jäännösveroa vai saanko veronpalautusta?";
    const socket = await connectCustomer(stack.url);
    let picked: { value: string; topic?: string | undefined };
    try {
      const messages = collect(socket, "chat:message");
      const start = await socket.emitWithAck("chat:start", { lang: "fi" });
      if (!start.ok) throw new Error("start failed");
      await eventually(() => messages.length >= 2);
      let before = messages.length;
      await socket.emitWithAck("chat:message", { text });
      const which = await eventually(() =>
        messages.slice(before).find((m) => m.from === "bot" && m.quickReplies),
      );
      expect(which.text).toMatch(/Kumpaa tarkoitat\?/);
      const value = which.quickReplies?.[0]?.value ?? "";
      // Act: the customer taps the first topic offered.
      before = messages.length;
      await socket.emitWithAck("chat:message", { text: value });
      const answer = await eventually(() =>
        messages.slice(before).find((m) => m.from === "bot" && m.topic),
      );
      picked = { value, topic: answer.topic };
      await socket.emitWithAck("chat:end", {});
    } finally {
      socket.disconnect();
    }
    // Assess: the question is kept with the pick, answered; the title tapped is not kept.
    expect(picked.topic).toBeDefined();
    const sample = await sampleFor(text);
    expect(sample).toMatchObject({
      reasons: ["clarified"],
      chosen: picked.topic,
      outcome: "answered",
    });
    const groups = await inbox("&status=all");
    expect(groups.flatMap((g) => g.samples).map((s) => s.text)).not.toContain(picked.value);
    const group = groups.find((g) => g.samples.some((s) => s.id === sample.id));
    expect(group?.choices).toContainEqual({ topic: picked.topic, count: 1 });
    // The CSV names the pick in a column of its own, read by name.
    const csv = (await api("GET", `misses.csv?${PERIOD}&status=all`, owner)).text;
    const [header, ...rows] = csv.replace(/^\ufeff/, "").split("\r\n");
    const columns = header?.split(";") ?? [];
    expect(columns.slice(-2)).toEqual(["chosen", "went_to"]);
    const row = rows.map((r) => r.split(";")).find((r) => r[columns.indexOf("id")] === sample.id);
    expect(row?.[columns.indexOf("chosen")]).toBe(picked.topic);
  });

  it("exports the inbox as CSV with the reports' conventions", async () => {
    await askOnce("plörö csv-vienti hömppä");
    await sampleFor("plörö csv-vienti hömppä");
    const res = await api("GET", `misses.csv?${PERIOD}`, owner);
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/csv");
    expect(res.text.startsWith("\ufeffgroup;group_size;id;at;lang;text;reasons")).toBe(true);
    expect(res.text).toContain("plörö csv-vienti hömppä");
    expect(res.text.split("\r\n").length).toBeGreaterThan(2);
  });
});

describe("acting on inbox questions", () => {
  it("teaches a question to a topic's training sentences, and keeps it out of the test split", async () => {
    // Prepare
    const text = "plörö opetettava hömppä";
    // Act
    const { sample, taught } = await askedThenTaught(text);
    // Assess
    expect(taught).toMatchObject({ status: 200, body: { ok: true, applied: 1 } });
    const topic = await api("GET", "draft/topics/tax-card", owner);
    expect((topic.body.topic as { fi: { utterances: string[] } }).fi.utterances).toContain(text);
    // The answer names the topic's revision now, so a form that asked can save on over it.
    expect(taught.body.revision).toBe(topic.body.revision);
    expect((await inbox()).flatMap((g) => g.ids)).not.toContain(sample.id);
    // Listed with where it went.
    expect(await sampleFor(text)).toMatchObject({
      status: "taught",
      taughtTo: { topicId: "tax-card", split: "training" },
    });
    const again = await api("POST", "misses/actions", owner, {
      action: "teach",
      ids: [sample.id],
      topicId: "tax-refund",
      split: "tests",
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: "CONTENT_INVALID" } });
    expect(JSON.stringify((again.body.error as { problems: unknown }).problems)).toContain(text);
    const audit = await api("GET", "audit?limit=20", owner);
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: "inbox-teach", topic: "tax-card" }),
    );
  });

  it("dismisses questions, refuses unknown actions and ids", async () => {
    const text = "plörö hylättävä hömppä";
    await askOnce(text);
    const sample = await sampleFor(text, "");
    const dismissed = await api("POST", "misses/actions", owner, {
      action: "dismiss",
      ids: [sample.id],
    });
    expect(dismissed).toMatchObject({ status: 200, body: { ok: true, applied: 1 } });
    expect((await sampleFor(text)).status).toBe("dismissed");
    const audit = await api("GET", "audit?limit=20", owner);
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: "inbox-dismiss" }));

    const bad = await api("POST", "misses/actions", owner, { action: "dismiss", ids: ["x"] });
    expect(bad.status).toBe(400);
    expect(String((bad.body.error as { message: string }).message)).toContain("ids");
    const split = await api("POST", "misses/actions", owner, {
      action: "teach",
      ids: [sample.id],
      topicId: "tax-card",
      split: "dev",
    });
    expect(split.status).toBe(400);
    const gone = await api("POST", "misses/actions", owner, {
      action: "dismiss",
      ids: [`${today}.01JE0000000000000000000000`],
    });
    expect(gone.status).toBe(404);
  });

  it("refers a question to another agency: into the draft group's sentences, audited", async () => {
    const text = "rekkarikilpien vaihto mopoon";
    await askOnce(text);
    const sample = await sampleFor(text, "");
    const refer = await api("POST", "misses/actions", owner, {
      action: "refer",
      ids: [sample.id],
      referral: "traficom",
    });
    expect(refer).toMatchObject({ status: 200, body: { ok: true, applied: 1 } });
    expect(await sampleFor(text)).toMatchObject({ status: "referred", referredTo: "traficom" });
    const group = await api("GET", "draft/referrals/traficom", owner);
    expect(JSON.stringify(group.body)).toContain(text);
    // The trail notes what was done in English, and tells it in the studio's language.
    const notes = async (headers?: Record<string, string>) => {
      const audit = await api("GET", "audit?limit=2", owner, undefined, headers);
      return (audit.body.entries as { action: string; referral?: string; detail?: string }[]).map(
        (e) => [e.action, e.referral, e.detail],
      );
    };
    expect(await notes()).toEqual([
      ["inbox-refer", "traficom", "1 question referred to traficom"],
      ["draft-save", "traficom", "added 1 fi sentence(s)"],
    ]);
    expect(await notes({ "accept-language": "fi" })).toEqual([
      [
        "inbox-refer",
        "traficom",
        "Merkitty 1 vastaamaton kysymys toisen viranomaisen asiaksi (ohjausryhmä traficom).",
      ],
      ["draft-save", "traficom", "Lisätty 1 suomenkielinen lause."],
    ]);
  });

  it("keeps questions as uncovered ones in the draft's set, in their languages, under the matter the set has, and lists them open again once removed", async () => {
    // Prepare: the same Finnish question twice, and a Swedish one.
    const fiText = "plörö pidettävä hömppä";
    const svText = "Hur beskattas min grävlingsflöjt?";
    await askOnce(fiText);
    await askOnce(fiText);
    await askOnce(svText, "sv");
    await sampleFor(svText, "&lang=sv");
    let ids: string[] = [];
    for (const deadline = Date.now() + 5_000; ids.length < 3 && Date.now() < deadline; ) {
      ids = (await inbox("&status=all"))
        .flatMap((g) => g.samples)
        .filter((s) => s.text === fiText || s.text === svText)
        .map((s) => s.id);
      if (ids.length < 3) await new Promise((r) => setTimeout(r, 50));
    }
    expect(ids).toHaveLength(3);
    const before = (await api("GET", "draft/uncovered", owner)).body.uncovered as Record<
      "fi" | "sv",
      { text: string; matter: string }[]
    >;

    // Act
    const kept = await api("POST", "misses/actions", owner, {
      action: "uncovered",
      ids,
      matter: "inbox-test",
    });

    // Assess: each text once, in its language, with the matter; the questions leave the open list.
    expect(kept).toMatchObject({ status: 200, body: { ok: true, applied: 3 } });
    const set = (await api("GET", "draft/uncovered", owner)).body.uncovered as typeof before;
    expect(set.fi).toEqual([...before.fi, { text: fiText, matter: "inbox-test" }]);
    expect(set.sv).toEqual([...before.sv, { text: svText, matter: "inbox-test" }]);
    const open = (await inbox()).flatMap((g) => g.ids);
    expect(ids.filter((id) => open.includes(id))).toEqual([]);
    expect(await sampleFor(fiText)).toMatchObject({
      status: "uncovered",
      uncoveredMatter: "inbox-test",
    });
    const csv = await api("GET", `misses.csv?${PERIOD}&status=all`, owner);
    // Its status, and last where it went: the matter.
    expect(csv.text).toMatch(new RegExp(`${ids[0]};.*;left;uncovered;.*;inbox-test\r\n`));
    // In the trail as the inbox's action and as a save of the set, told in Finnish too.
    const notes = async (headers?: Record<string, string>) => {
      const audit = await api("GET", "audit?limit=2", owner, undefined, headers);
      return (audit.body.entries as { action: string; uncovered?: true; detail?: string }[]).map(
        (e) => [e.action, e.uncovered, e.detail],
      );
    };
    expect(await notes()).toEqual([
      ["inbox-uncovered", undefined, "3 questions kept as uncovered questions (matter inbox-test)"],
      ["draft-save", true, "added: fi 1, sv 1; removed: fi 0, sv 0"],
    ]);
    expect((await notes({ "accept-language": "fi" }))[0]?.[2]).toBe(
      "Lisätty 3 vastaamatonta kysymystä kysymyksiin, joihin mikään aihe ei vastaa (asia inbox-test).",
    );

    // Kept again: nothing new for the set, the same answer.
    const again = await api("POST", "misses/actions", owner, {
      action: "uncovered",
      ids: [ids[0]],
      matter: "inbox-test",
    });
    expect(again).toMatchObject({ status: 200, body: { applied: 1 } });
    expect(again.body.alreadyKept).toBeUndefined();
    expect(
      ((await api("GET", "draft/uncovered", owner)).body.uncovered as typeof before).fi,
    ).toEqual(set.fi);

    // Kept again under another matter: it keeps the one the set has, and the answer says so.
    const elsewhere = await api("POST", "misses/actions", owner, {
      action: "uncovered",
      ids: [ids[0]],
      matter: "other-test",
    });
    expect(elsewhere).toMatchObject({
      status: 200,
      body: { ok: true, applied: 1, alreadyKept: [{ id: ids[0], matter: "inbox-test" }] },
    });
    expect((await api("GET", "draft/uncovered", owner)).body.uncovered).toEqual(set);
    expect(await sampleFor(fiText)).toMatchObject({ uncoveredMatter: "inbox-test" });
    expect((await notes())[0]).toEqual([
      "inbox-uncovered",
      undefined,
      "1 question already kept under matter inbox-test",
    ]);

    // Act: the owner removes the Finnish one on the set's page.
    const opened = await api("GET", "draft/uncovered", owner);
    const removed = await api(
      "PUT",
      "draft/uncovered",
      owner,
      { fi: before.fi, sv: set.sv },
      { "if-match": opened.etag ?? "" },
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);

    // Assess: open again, saying what it was kept as; the Swedish one stays kept.
    const reopened = await sampleFor(fiText, "");
    expect(reopened).toMatchObject({
      status: "open",
      reopened: { was: "uncovered", matter: "inbox-test", gone: false },
    });
    expect((await sampleFor(svText)).status).toBe("uncovered");
    const csvAfter = await api("GET", `misses.csv?${PERIOD}&status=all`, owner);
    expect(csvAfter.text).toContain("uncovered:inbox-test");

    // Clean up: the set as seeded, for the publishes of later tests.
    const last = await api("GET", "draft/uncovered", owner);
    await api("PUT", "draft/uncovered", owner, before, { "if-match": last.etag ?? "" });
  });

  it("refuses to keep a trained question or one without a matter id, writing nothing", async () => {
    // Prepare: a question taught to a topic, so its text is a training sentence.
    const text = "plörö opetettu ennen hömppä";
    const { sample, taught } = await askedThenTaught(text);
    expect(taught.status).toBe(200);
    const before = await api("GET", "draft/uncovered", owner);

    // Act
    const trained = await api("POST", "misses/actions", owner, {
      action: "uncovered",
      ids: [sample.id],
      matter: "inbox-test",
    });
    const [dogTax, ...badMatters] = await Promise.all(
      [{ matter: "Dog tax" }, { matter: "" }, {}].map((extra) =>
        api("POST", "misses/actions", owner, { action: "uncovered", ids: [sample.id], ...extra }),
      ),
    );

    // Assess
    expect(trained.status).toBe(400);
    expect(trained.body).toMatchObject({ error: { code: "CONTENT_INVALID" } });
    expect(JSON.stringify((trained.body.error as { problems: unknown }).problems)).toContain(text);
    const messageOf = (answer: { body: Record<string, unknown> } | undefined) =>
      String((answer?.body.error as { message?: string } | undefined)?.message);
    for (const bad of [dogTax, ...badMatters]) {
      expect(bad?.status).toBe(400);
      expect(bad?.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
      expect(messageOf(bad)).toContain("matter");
    }
    expect(messageOf(dogTax)).toContain('"Dog tax" must be a matter id such as dog-tax');
    const after = await api("GET", "draft/uncovered", owner);
    expect(after.body).toEqual(before.body);
    expect((await sampleFor(text)).status).toBe("taught");
  });

  it("shows per topic how often the bot answered with it and how it helped", async () => {
    type Row = { topicId: string; lang: string; answers: number; helpful: number };
    const taxCard = async () => {
      const res = await api("GET", `feedback?${PERIOD}`, owner);
      expect(res.status).toBe(200);
      const rows = res.body.topics as Row[];
      return rows.find((r) => r.topicId === "tax-card" && r.lang === "sv");
    };
    const before = (await taxCard())?.answers ?? 0;
    await askOnce("Hur får jag ett skattekort?", "sv");
    // The report counters are written a moment after the answer.
    let after = await taxCard();
    for (const deadline = Date.now() + 5_000; (after?.answers ?? 0) <= before; ) {
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
      after = await taxCard();
    }
    expect(after?.answers).toBe(before + 1);
    expect((await api("GET", "feedback?from=x&to=y", owner)).status).toBe(400);
  });
});

/**
 * The content moves under taught questions (a rollback goes live, an owner discards a change)
 * and over open ones (a version that answers them goes live). Runs last: it publishes and rolls
 * back the draft the tests above taught into.
 */
describe("the inbox as the content changes", () => {
  /** Every question of the period with `text`, whatever its status, as listed now. */
  async function samplesWith(text: string): Promise<Sample[]> {
    return (await inbox("&status=all")).flatMap((g) => g.samples).filter((s) => s.text === text);
  }
  async function openIds(): Promise<string[]> {
    return (await inbox()).flatMap((g) => g.ids);
  }
  async function answers(ids: string[]) {
    const res = await api("POST", "misses/answers", owner, { ids });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      liveVersion: number;
      answers: { id: string; live?: { topic: string }; draft?: { topic: string } }[];
    };
  }
  async function teach(id: string, topicId: string, split: "training" | "tests") {
    const res = await api("POST", "misses/actions", owner, {
      action: "teach",
      ids: [id],
      topicId,
      split,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  async function publishAndApprove(comment: string): Promise<number> {
    const published = await api("POST", "publish", owner, { comment });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const version = published.body.version as number;
    const approved = await api("POST", `versions/${version}/approve`, reviewer);
    expect(approved.body, JSON.stringify(approved.body)).toMatchObject({ state: "live" });
    return version;
  }

  const PENSION_Q = "plörö kärsämö hömppä";
  const COMMUTE_Q = "plörö vinkulo hömppä";

  it("brings questions back when a rollback takes their teaching away, and says which the bot answers now", async () => {
    // Prepare: the tip question twice (two customers), and two the bot cannot place.
    for (const text of [TIP_QUESTION_FI, TIP_QUESTION_FI, PENSION_Q, COMMUTE_Q]) {
      await askOnce(text);
    }
    await sampleFor(PENSION_Q);
    await sampleFor(COMMUTE_Q);
    let tips = await samplesWith(TIP_QUESTION_FI);
    for (const deadline = Date.now() + 5_000; tips.length < 2 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
      tips = await samplesWith(TIP_QUESTION_FI);
    }
    const [tipFirst, tipSecond] = tips.map((s) => s.id);
    const pensionId = (await sampleFor(PENSION_Q)).id;
    const commuteId = (await sampleFor(COMMUTE_Q)).id;
    if (!tipFirst || !tipSecond) throw new Error("the tip questions were not kept");

    // A new topic from the first tip question (as the studio does), two into existing ones.
    const saved = await api("PUT", "draft/topics/tips", owner, {
      ...tipsTopic,
      fi: { ...tipsTopic.fi, utterances: [...tipsTopic.fi.utterances, TIP_QUESTION_FI] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await teach(tipFirst, "tips", "training");
    await teach(pensionId, "pension", "training");
    await teach(commuteId, "work-deductions", "tests");
    expect(await openIds()).not.toEqual(expect.arrayContaining([tipFirst]));
    // The other customer's question is still open: the draft answers it, live does not yet.
    expect((await answers([tipSecond, pensionId])).answers).toEqual([
      { id: tipSecond, draft: expect.objectContaining({ topic: "tips" }) },
    ]);

    // Act 1: the teaching goes live.
    const taughtVersion = await publishAndApprove("Vastaamattomat: juomarahat ja kaksi muuta");

    // Assess 1: the live version now answers the open question; the taught ones stay taught.
    const afterLive = await answers([tipSecond]);
    expect(afterLive.liveVersion).toBe(taughtVersion);
    expect(afterLive.answers).toEqual([
      {
        id: tipSecond,
        live: expect.objectContaining({ topic: "tips" }),
        draft: expect.objectContaining({ topic: "tips" }),
      },
    ]);
    expect(await openIds()).not.toEqual(expect.arrayContaining([tipFirst, pensionId, commuteId]));

    // Act 2: roll back to version 1; the reviewer approves; the draft follows.
    const rollback = await api("POST", "versions/1/rollback", owner);
    const approved = await api("POST", `versions/${rollback.body.version}/approve`, reviewer);
    expect(approved.body).toMatchObject({ state: "live" });

    // Assess 2: the taught questions are open again, each saying where it had been taught.
    expect(await openIds()).toEqual(
      expect.arrayContaining([tipFirst, tipSecond, pensionId, commuteId]),
    );
    const listed = new Map((await inbox()).flatMap((g) => g.samples).map((s) => [s.id, s]));
    expect(listed.get(tipFirst)).toMatchObject({
      status: "open",
      reopened: { was: "taught", topicId: "tips", split: "training", gone: true },
    });
    expect(listed.get(pensionId)?.reopened).toEqual({
      was: "taught",
      topicId: "pension",
      split: "training",
      gone: false,
    });
    expect(listed.get(commuteId)?.reopened).toMatchObject({
      topicId: "work-deductions",
      split: "tests",
    });
    expect(listed.get(tipSecond)?.reopened).toBeUndefined();
    // The CSV counts them the same way, and says why.
    const csv = (await api("GET", `misses.csv?${PERIOD}`, owner)).text;
    const line = csv.split("\r\n").find((l) => l.split(";")[2] === pensionId) ?? "";
    // status, reopened, and the referral column after them (none: a topic answered it); by
    // place, as columns are only ever added after these.
    expect(line.split(";").slice(12, 15)).toEqual(["open", "taught:pension", ""]);
    // Neither version answers the tip question any more.
    expect((await answers([tipSecond, tipFirst])).answers).toEqual([]);
  }, 180_000);

  it("brings a question back when the owner discards the topic's draft change after a rejection", async () => {
    // Prepare: taught again, published, rejected.
    const pensionId = (await sampleFor(PENSION_Q)).id;
    await teach(pensionId, "pension", "training");
    expect(await openIds()).not.toContain(pensionId);
    const published = await api("POST", "publish", owner, { comment: "eläke" });
    const version = published.body.version as number;
    const rejected = await api("POST", `versions/${version}/reject`, reviewer, { comment: "ei" });
    expect(rejected.body).toMatchObject({ state: "rejected" });

    // Act
    const reverted = await api("POST", "draft/topics/pension/revert", owner);

    // Assess
    expect(reverted.body).toMatchObject({ result: "reverted" });
    expect(await openIds()).toContain(pensionId);
    expect((await sampleFor(PENSION_Q, "")).reopened).toMatchObject({ topicId: "pension" });
  }, 120_000);

  it("answers which questions the bot answers only to content owners, a page at a time", async () => {
    const id = (await sampleFor(PENSION_Q)).id;
    expect((await api("POST", "misses/answers", advisor, { ids: [id] })).status).toBe(403);
    const tooMany = await api("POST", "misses/answers", owner, {
      ids: Array.from({ length: 101 }, () => id),
    });
    expect(tooMany.status).toBe(400);
    expect(String((tooMany.body.error as { message: string }).message)).toContain("ids");
    const bad = await api("POST", "misses/answers", owner, { ids: ["x"] });
    expect(bad.status).toBe(400);
  });
});
