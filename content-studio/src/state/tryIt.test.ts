// Teaching from Try it: the topic proposed, the save sent as the editor sends it, and what the
// owner is told when the check refuses it or the topic has the message already.
import { describe, expect, it } from "vitest";
import type { DraftTopic, TryOutcome } from "../api.ts";
import { formatPercent, text } from "../i18n.ts";
import { signOut } from "./app.ts";
import { draftAnswer, draftNaming, signedInWithFakeServer } from "./fakeServer.ts";
import { draft } from "./topics.ts";
import * as tryIt from "./tryIt.ts";

const t = text.value;
const TRY = "/api/content/try";
const TOPIC = "/api/content/draft/topics/ev-charging";
const QUESTION = "ladataanko sähköautoa töissä verovapaasti?";

const outcome = (top: [string, number][]): TryOutcome => ({
  top: top.map(([intent, confidence]) => ({ intent, confidence })),
  answer: { messages: [] },
  why: { kind: "none", answersFrom: 0.6, closeFrom: 0.7, offeredFrom: 0.3 },
});
const tried = (draftTop: [string, number][]) => ({
  status: 200,
  body: { draft: outcome(draftTop), live: outcome([["none", 0.5]]) },
});

const evCharging: DraftTopic = {
  id: "ev-charging",
  fi: { title: "Sähköauton lataus", utterances: ["sähköauton lataus työpaikalla"], answer: "a" },
  sv: { title: "Laddning av elbil", utterances: ["laddning av elbil på jobbet"], answer: "b" },
  tests: { fi: ["saako sähköauton ladata töissä"], sv: [] },
};
const read = (revision: string, topic = evCharging) => ({
  status: 200,
  body: { topic, retired: false, revision },
});
const savedAs = (revision: string, warnings: unknown[] = []) => ({
  status: 200,
  body: { ok: true, warnings, revision },
});

describe("teaching the tried message from Try it", () => {
  const fake = signedInWithFakeServer(() => signOut());

  function naming() {
    draft.value = {
      ...draftNaming([
        { id: "ev-charging", fi: "Sähköauton lataus", sv: "Laddning av elbil" },
        { id: "car-benefit", fi: "Autoetu", sv: "Bilförmån" },
        { id: "old-topic", fi: "Vanha", sv: "Gammal" },
      ]),
    };
    const retired = draft.value.topics.find((topic) => topic.id === "old-topic");
    if (retired) retired.retired = true;
  }

  async function tryQuestion(text = QUESTION) {
    naming();
    const server = fake.current();
    server.on("POST", TRY, () =>
      tried([
        ["ev-charging", 0.455],
        ["car-benefit", 0.2],
      ]),
    );
    tryIt.lang.value = "fi";
    await tryIt.run(text);
    return server;
  }

  it("proposes the draft's likeliest topic in use, passing over no topic, referrals and retired ones", () => {
    naming();
    const topics = draft.value?.topics ?? [];
    expect(tryIt.proposedTopic(outcome([["ev-charging", 0.45]]), topics)).toBe("ev-charging");
    expect(
      tryIt.proposedTopic(
        outcome([
          ["none", 0.5],
          ["kela", 0.3],
          ["old-topic", 0.2],
          ["car-benefit", 0.1],
        ]),
        topics,
      ),
    ).toBe("car-benefit");
    expect(tryIt.proposedTopic(outcome([["none", 0.9]]), topics)).toBe("");
  });

  it("adds the message to the proposed topic's training sentences in its language, over the revision read, and tries it again", async () => {
    const server = await tryQuestion();
    expect(tryIt.teachTopic.value).toBe("ev-charging");
    server.on("GET", TOPIC, () => read("r1"));
    server.on("PUT", TOPIC, () => savedAs("r2"));
    server.on("GET", "/api/content/draft", () => draftAnswer({ topics: draft.value?.topics }));
    server.on("POST", TRY, () => tried([["ev-charging", 0.78]]));

    expect(await tryIt.teach()).toBe(true);

    const put = server.calls.find((c) => c.method === "PUT");
    expect(put?.condition).toBe('"r1"');
    expect(put?.body).toEqual({
      ...evCharging,
      fi: { ...evCharging.fi, utterances: [...evCharging.fi.utterances, QUESTION] },
    });
    // Tried again, in the message's own language, after the save.
    const tries = server.calls.filter((c) => c.path === TRY);
    expect(tries.map((c) => c.body)).toEqual([
      { text: QUESTION, lang: "fi" },
      { text: QUESTION, lang: "fi" },
    ]);
    expect(tryIt.result.value?.draft.top[0]).toEqual({ intent: "ev-charging", confidence: 0.78 });
    expect(tryIt.teachOutcome.value).toMatchObject({ kind: "added", topicId: "ev-charging" });
    expect(tryIt.teachOutcome.value?.text).toBe(
      t.tryTaught(
        "Sähköauton lataus (ev-charging)",
        "training",
        "suomi",
        `Sähköauton lataus (ev-charging) ${formatPercent(0.78, t)}`,
      ),
    );
    expect(tryIt.teachRefusal.value).toBeUndefined();
  });

  it("adds it as a test message of a topic the owner chose, masked data and spaces taken out", async () => {
    const masked = "  saako  [ID-CODE] autoedun\nverovapaasti  ";
    const server = await tryQuestion(masked);
    tryIt.chosenTopic.value = "car-benefit";
    tryIt.teachSplit.value = "tests";
    const carBenefit = { ...evCharging, id: "car-benefit", tests: { fi: [], sv: ["bilförmån"] } };
    server.on("GET", "/api/content/draft/topics/car-benefit", () => read("c1", carBenefit));
    server.on("PUT", "/api/content/draft/topics/car-benefit", () => savedAs("c2"));
    server.on("POST", TRY, () => tried([["car-benefit", 0.5]]));

    expect(await tryIt.teach()).toBe(true);

    const put = server.calls.find((c) => c.method === "PUT");
    expect(put?.body).toEqual({
      ...carBenefit,
      tests: { fi: ["saako autoedun verovapaasti"], sv: ["bilförmån"] },
    });
    expect(tryIt.teachOutcome.value?.topicId).toBe("car-benefit");
  });

  it("says what was saved, and no new top candidate, when trying the message again fails", async () => {
    const server = await tryQuestion();
    server.on("GET", TOPIC, () => read("r1"));
    server.on("PUT", TOPIC, () => savedAs("r2"));
    server.on("POST", TRY, () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "" } },
    }));

    expect(await tryIt.teach()).toBe(true);

    expect(tryIt.error.value).toBe(t.noAnswer);
    expect(tryIt.teachOutcome.value?.text).toBe(
      t.tryTaught("Sähköauton lataus (ev-charging)", "training", "suomi"),
    );
  });

  it("shows the check's refusal beside the action and saves nothing else", async () => {
    const server = await tryQuestion();
    server.on("GET", TOPIC, () => read("r1"));
    const problem = {
      path: "fi.utterances[1]",
      message: "Lause on testiviesti aiheessa car-benefit.",
      fix: "Poista se toisesta.",
    };
    server.on("PUT", TOPIC, () => ({
      status: 400,
      body: { error: { code: "CONTENT_INVALID", message: "1 problem", problems: [problem] } },
    }));

    expect(await tryIt.teach()).toBe(false);

    expect(tryIt.teachRefusal.value).toEqual({
      message: t.tryTeachRefused,
      problems: [expect.objectContaining(problem)],
    });
    expect(tryIt.teachOutcome.value).toBeUndefined();
    // Not tried again: nothing changed in the draft.
    expect(server.calls.filter((c) => c.path === TRY)).toHaveLength(1);
  });

  it("says the topic has the message already, ignoring case, and sends no save", async () => {
    const server = await tryQuestion("SÄHKÖAUTON lataus työpaikalla");
    server.on("GET", TOPIC, () => read("r1"));

    expect(await tryIt.teach()).toBe(true);

    expect(server.calls.some((c) => c.method === "PUT")).toBe(false);
    expect(tryIt.teachOutcome.value).toMatchObject({
      kind: "already",
      text: t.tryTeachAlready("Sähköauton lataus (ev-charging)", "training", "suomi"),
    });
  });

  it("adds the message to the topic as someone saved it meanwhile, never over their save", async () => {
    const server = await tryQuestion();
    const theirs = { ...evCharging, fi: { ...evCharging.fi, answer: "their answer" } };
    server.on("GET", TOPIC, () => read("r1"));
    server.on("PUT", TOPIC, () => ({
      status: 412,
      body: { error: { code: "EDIT_CONFLICT", message: "", current: { revision: "r2" } } },
    }));
    server.on("GET", TOPIC, () => read("r2", theirs));
    server.on("PUT", TOPIC, () => savedAs("r3"));
    server.on("POST", TRY, () => tried([["ev-charging", 0.7]]));

    expect(await tryIt.teach()).toBe(true);

    const puts = server.calls.filter((c) => c.method === "PUT");
    expect(puts.map((c) => c.condition)).toEqual(['"r1"', '"r2"']);
    expect(puts[1]?.body).toMatchObject({ fi: { answer: "their answer" } });
  });

  it("asks for a topic when the draft proposes none, and sends nothing", async () => {
    naming();
    const server = fake.current();
    server.on("POST", TRY, () => tried([["none", 0.9]]));
    await tryIt.run("kissan ruokinta");

    expect(await tryIt.teach()).toBe(false);

    expect(tryIt.teachRefusal.value?.message).toBe(t.topicMissing);
    expect(server.calls.filter((c) => c.method !== "POST")).toHaveLength(0);
  });

  it("refuses a message of nothing but masked data without asking the server", async () => {
    const server = await tryQuestion("[ID-CODE] [IBAN]");

    expect(await tryIt.teach()).toBe(false);

    expect(tryIt.teachRefusal.value?.message).toBe(t.tryTeachNothing);
    expect(server.calls.filter((c) => c.path === TOPIC)).toHaveLength(0);
  });

  it("forgets the outcome and the topic chosen when another message is tried", async () => {
    const server = await tryQuestion("SÄHKÖAUTON lataus työpaikalla");
    server.on("GET", TOPIC, () => read("r1"));
    await tryIt.teach();
    tryIt.chosenTopic.value = "car-benefit";
    server.on("POST", TRY, () => tried([["ev-charging", 0.3]]));

    await tryIt.run("toinen viesti");

    expect(tryIt.teachOutcome.value).toBeUndefined();
    expect(tryIt.teachTopic.value).toBe("ev-charging");
  });
});
