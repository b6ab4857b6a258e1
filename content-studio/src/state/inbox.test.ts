import { signal } from "@preact/signals";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MissGroup, MissSample, TopicSummary } from "../api.ts";
import { formatPercent, text, UI } from "../i18n.ts";
import { announcement, SLOW_ACTION_MS, session } from "./app.ts";
import * as editor from "./editor.ts";
import { draftNaming, fakeServer, signedInWithFakeServer } from "./fakeServer.ts";
import { feedback, helpfulnessOf, loadFeedback, orderTopics, type TopicOrder } from "./feedback.ts";
import * as inbox from "./inbox.ts";
import { draft } from "./topics.ts";

const sample = (id: string, text: string, lang: "fi" | "sv" = "fi"): MissSample => ({
  id,
  text,
  lang,
  at: "2026-11-24T08:00:00.000Z",
  reasons: ["missed"],
  guesses: [{ intent: "none", confidence: 0.4 }],
  outcome: "rephrased",
  status: "open",
});

const GROUPS: MissGroup[] = [
  {
    id: "g1",
    size: 3,
    trend: [
      { day: "2026-11-23", count: 1 },
      { day: "2026-11-24", count: 2 },
    ],
    guesses: [{ intent: "none", count: 3 }],
    ids: ["m1", "m2", "m3"],
    samples: [
      sample("m1", "ajoneuvovero erääntyi"),
      sample("m2", "mihin maksan ajoneuvoveron"),
      sample("m3", "fordonsskatt förföll", "sv"),
    ],
  },
  {
    id: "g2",
    size: 1,
    trend: [{ day: "2026-11-24", count: 1 }],
    guesses: [{ intent: "tax-card", count: 1 }],
    ids: ["m4"],
    samples: [sample("m4", "verokortti ulkomaille")],
  },
];

const MISSES = "/api/content/misses?from=2026-10-26&to=2026-11-24&status=open";

describe("missed-question inbox state", () => {
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
    vi.stubGlobal("location", { hash: "" });
    session.value = { token: "tok" };
    inbox.period.value = inbox.defaultPeriod(new Date("2026-11-24T10:00:00Z"));
    inbox.langFilter.value = "";
    inbox.statusFilter.value = "open";
    server.on("GET", MISSES, () => ({
      status: 200,
      body: { from: "2026-10-26", to: "2026-11-24", groups: GROUPS },
    }));
  });
  afterEach(() => {
    session.value = undefined;
    vi.unstubAllGlobals();
  });

  it("asks for the last 30 days in Helsinki by default, with the bearer token", async () => {
    // 23:30 UTC on the 23rd is already the 24th in Helsinki.
    expect(inbox.defaultPeriod(new Date("2026-11-23T23:30:00Z"))).toEqual({
      from: "2026-10-26",
      to: "2026-11-24",
    });

    await inbox.loadInbox();

    expect(server.calls).toEqual([
      { method: "GET", path: MISSES, body: undefined, auth: "Bearer tok" },
    ]);
    expect(inbox.groups.value?.map((g) => g.id)).toEqual(["g1", "g2"]);
    expect(inbox.shownPeriod.value).toEqual({ from: "2026-10-26", to: "2026-11-24" });
  });

  it("sends the language and 'all' statuses when chosen", async () => {
    inbox.langFilter.value = "sv";
    inbox.statusFilter.value = "all";
    const path = "/api/content/misses?from=2026-10-26&to=2026-11-24&lang=sv&status=all";
    server.on("GET", path, () => ({ status: 200, body: { from: "a", to: "b", groups: [] } }));

    await inbox.loadInbox();

    expect(server.calls.map((c) => c.path)).toEqual([path]);
    expect(inbox.groups.value).toEqual([]);
  });

  it("says which date is wrong instead of asking the server", async () => {
    inbox.period.value = { from: "2026-11-24", to: "2026-11-01" };

    await inbox.loadInbox();

    expect(server.calls).toHaveLength(0);
    expect(inbox.periodError.value).toMatchObject({ field: "to" });
  });

  it("teaches a whole group with the chosen split, and the group leaves the open list", async () => {
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 3 },
    }));

    const result = await inbox.act(
      { action: "teach", ids: ["m1", "m2", "m3"], topicId: "vehicle-tax", split: "tests" },
      { groupId: "g1", index: 0 },
    );

    expect(result).toEqual({ ok: true, applied: 3 });
    expect(server.calls.at(-1)?.body).toEqual({
      action: "teach",
      ids: ["m1", "m2", "m3"],
      topicId: "vehicle-tax",
      split: "tests",
    });
    expect(inbox.groups.value?.map((g) => g.id)).toEqual(["g2"]);
  });

  it("says in the form's own notice, once, after 5 s, that an action is taking longer, until it ends", async () => {
    await inbox.loadInbox();
    vi.useFakeTimers();
    try {
      let answer: (a: { status: number; body: unknown }) => void = () => {};
      server.on("POST", "/api/content/misses/actions", () => new Promise((r) => (answer = r)));
      const slow = signal("");

      const acting = inbox.act(
        { action: "dismiss", ids: ["m1"] },
        { groupId: "g1", index: 0 },
        { slow },
      );
      await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS - 1);
      expect(slow.value).toBe("");
      await vi.advanceTimersByTimeAsync(100);
      expect(slow.value).toBe(text.value.actionSlow);
      expect(announcement.value).toBe(text.value.actionSlow);

      answer({ status: 200, body: { ok: true, applied: 1 } });
      expect(await acting).toEqual({ ok: true, applied: 1 });
      expect(slow.value).toBe("");
    } finally {
      vi.useRealTimers();
    }
  });

  it("says what an action did: how many, to which topic or group by title, and that it needs publishing", async () => {
    // Prepare: the draft names the topic and the referral group.
    draft.value = draftNaming([{ id: "pension", fi: "Eläke", sv: "Pension" }]);
    await inbox.loadInbox();
    for (const applied of [3, 1, 2]) {
      server.on("POST", "/api/content/misses/actions", () => ({
        status: 200,
        body: { ok: true, applied },
      }));
    }
    try {
      // Act / Assess: a teach to the training sentences, where the group was.
      await inbox.act(
        { action: "teach", ids: ["m1", "m2", "m3"], topicId: "pension", split: "training" },
        { groupId: "g1", index: 0 },
      );
      expect(inbox.lastOutcome.value).toEqual({
        groupId: "g1",
        index: 0,
        text: "3 kysymystä opetettu aiheeseen Eläke luonnokseen. Botti oppii ne, kun versio on otettu käyttöön.",
        publish: true,
      });
      // A refer, by the group's title.
      await inbox.act(
        { action: "refer", ids: ["m4"], referral: "kela" },
        { groupId: "g2", index: 0 },
      );
      expect(inbox.lastOutcome.value).toMatchObject({
        groupId: "g2",
        text: "1 kysymys lisätty luonnoksen ohjaukseen Kela. Botti ohjaa sen sinne, kun versio on otettu käyttöön.",
        publish: true,
      });
      // A dismissal changes no content: nothing to publish.
      await inbox.act({ action: "dismiss", ids: ["m1", "m2"] }, { groupId: "g1", index: 0 });
      expect(inbox.lastOutcome.value).toMatchObject({
        text: "2 kysymystä hylätty. Niitä ei opeteta botille.",
        publish: false,
      });
      // A new load starts without an outcome.
      server.on("GET", MISSES, () => ({
        status: 200,
        body: { from: "2026-10-26", to: "2026-11-24", groups: GROUPS },
      }));
      await inbox.loadInbox();
      expect(inbox.lastOutcome.value).toBeUndefined();
    } finally {
      draft.value = undefined;
    }
  });

  it("keeps a group as uncovered questions under its matter, says so with the way to the set's page, and the group leaves", async () => {
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 3 },
    }));

    const result = await inbox.act(
      { action: "uncovered", ids: ["m1", "m2", "m3"], matter: "vehicle-tax" },
      { groupId: "g1", index: 0 },
    );

    expect(result).toEqual({ ok: true, applied: 3 });
    expect(server.calls.at(-1)?.body).toEqual({
      action: "uncovered",
      ids: ["m1", "m2", "m3"],
      matter: "vehicle-tax",
    });
    expect(inbox.groups.value?.map((g) => g.id)).toEqual(["g2"]);
    expect(inbox.lastOutcome.value).toEqual({
      groupId: "g1",
      index: 0,
      text: "3 kysymystä lisätty luonnoksen kysymyksiin, joihin mikään aihe ei vastaa (asia vehicle-tax). Julkaisun tarkistus testaa ne, kun luonnos julkaistaan.",
      publish: true,
      uncovered: true,
    });
    expect(inbox.afterAction(GROUPS, ["m4"], "uncovered", "all")[1]?.samples[0]?.status).toBe(
      "uncovered",
    );
  });

  it("keeps a question the set already has under another matter under that one, and says so by matter", async () => {
    // Prepare: every status listed, so the questions stay with where they went.
    inbox.statusFilter.value = "all";
    server.on("GET", MISSES.replace("status=open", "status=all"), () => ({
      status: 200,
      body: { from: "2026-10-26", to: "2026-11-24", groups: GROUPS },
    }));
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 3, alreadyKept: [{ id: "m2", matter: "dog-tax" }] },
    }));
    try {
      // Act
      await inbox.act(
        { action: "uncovered", ids: ["m1", "m2", "m3"], matter: "vehicle-tax" },
        { groupId: "g1", index: 0 },
      );
      // Assess: the outcome counts those added apart from the one kept already.
      expect(inbox.lastOutcome.value).toMatchObject({
        text: "2 kysymystä lisätty luonnoksen kysymyksiin, joihin mikään aihe ei vastaa (asia vehicle-tax). Julkaisun tarkistus testaa ne, kun luonnos julkaistaan. 1 kysymys oli jo pidetty testikysymyksenä toisella asialla (dog-tax), ja se pysyy siinä. Asian voi vaihtaa sivulla Kysymykset ilman aihetta.",
        publish: true,
        uncovered: true,
      });
      const shown = inbox.groups.value?.[0]?.samples ?? [];
      expect(shown.map((s) => inbox.statusText(s, UI.fi))).toEqual([
        "pidetty testikysymyksenä ilman aihetta (asia vehicle-tax)",
        "pidetty testikysymyksenä ilman aihetta (asia dog-tax)",
        "pidetty testikysymyksenä ilman aihetta (asia vehicle-tax)",
      ]);
    } finally {
      inbox.statusFilter.value = "open";
    }
  });

  it("has nothing to publish when every question was kept already, and says only that", () => {
    const said = inbox.outcomeOf(
      { action: "uncovered", ids: ["m1", "m2"], matter: "pet-tax" },
      2,
      UI.sv,
      [{ matter: "dog-tax" }, { matter: "dog-tax" }],
    );

    expect(said).toEqual({
      text: "2 frågor fanns redan som testfråga under ett annat ärende (dog-tax) och stannar där. Ärendet kan ändras på sidan Frågor utan ämne.",
      publish: false,
      uncovered: true,
    });
  });

  it("says where a handled question went: the topic or group by title in the studio's language, the matter", () => {
    draft.value = draftNaming([
      { id: "capital-gains", fi: "Luovutusvoitot", sv: "Överlåtelsevinster" },
    ]);
    try {
      const taught = {
        ...sample("t1", "osakkeiden myynti"),
        status: "taught" as const,
        taughtTo: { topicId: "capital-gains", split: "training" as const },
      };
      const tested = { ...taught, taughtTo: { topicId: "capital-gains", split: "tests" as const } };
      const referred = {
        ...sample("r1", "lapsilisä"),
        status: "referred" as const,
        referredTo: "kela",
      };
      const kept = {
        ...sample("u1", "koiravero"),
        status: "uncovered" as const,
        uncoveredMatter: "koiravero",
      };
      // Acted on before the inbox kept where: the status alone.
      const before = { ...sample("b1", "vanha"), status: "taught" as const };

      expect(
        [taught, tested, referred, kept, before].map((s) => inbox.statusText(s, UI.fi)),
      ).toEqual([
        "opetettu aiheeseen Luovutusvoitot",
        "testiviestinä aiheessa Luovutusvoitot",
        "toisen viranomaisen asia: Kela",
        "pidetty testikysymyksenä ilman aihetta (asia koiravero)",
        "opetettu",
      ]);
      expect([taught, referred].map((s) => inbox.statusText(s, UI.sv))).toEqual([
        "inlärd i ämnet Överlåtelsevinster",
        "en annan myndighets ärende: FPA",
      ]);
    } finally {
      draft.value = undefined;
    }
  });

  it("forgets where a question went once it is dismissed, and that it was open again", () => {
    const [taught] = inbox.afterAction(
      [
        {
          ...GROUPS[0],
          samples: [
            {
              ...sample("m1", "ajoneuvovero erääntyi"),
              reopened: { was: "taught", topicId: "tax-card", split: "training", gone: false },
            },
          ],
        } as MissGroup,
      ],
      ["m1"],
      "taught",
      "all",
      inbox.placesAfter({ action: "teach", ids: ["m1"], topicId: "pension", split: "tests" }),
    );
    expect(taught?.samples[0]).toMatchObject({
      status: "taught",
      taughtTo: { topicId: "pension", split: "tests" },
    });
    expect(taught?.samples[0]?.reopened).toBeUndefined();

    const [dismissed] = inbox.afterAction(taught ? [taught] : [], ["m1"], "dismissed", "all");
    expect(dismissed?.samples[0]?.status).toBe("dismissed");
    expect(dismissed?.samples[0]?.taughtTo).toBeUndefined();
  });

  it("suggests the matters the draft's uncovered questions use, each once, sorted", async () => {
    server.on("GET", "/api/content/draft/uncovered", () => ({
      status: 200,
      body: {
        uncovered: {
          fi: [
            { text: "koiravero", matter: "dog-tax" },
            { text: "lahjavero", matter: "gift-tax" },
          ],
          sv: [{ text: "hundskatt", matter: "dog-tax" }],
        },
        revision: "r1",
      },
    }));

    await inbox.loadUncoveredMatters();

    expect(inbox.uncoveredMatters.value).toEqual(["dog-tax", "gift-tax"]);
  });

  it("tells, before sending, which chosen questions the set keeps already and under what matter", () => {
    const set = {
      fi: [
        { text: "Paljonko koiravero on?", matter: "dog-tax" },
        { text: "lahjavero serkulta", matter: "gift-tax" },
      ],
      sv: [{ text: "hundskatt", matter: "dog-tax" }],
    };

    const kept = inbox.keptAlready(
      [
        // As the server compares: case, punctuation, ä/ö and the masking placeholders aside.
        { text: "paljonko KOIRAVERO on [ID-CODE]", lang: "fi" },
        { text: "Hundskatt!", lang: "sv" },
        { text: "lähjavero serkulta", lang: "fi" },
        // The same words in the other language's list are another question.
        { text: "hundskatt", lang: "fi" },
        { text: "venevero", lang: "fi" },
      ],
      set,
    );

    expect(kept).toEqual([
      { matter: "dog-tax", count: 2 },
      { matter: "gift-tax", count: 1 },
    ]);
    expect(inbox.keptAlready([{ text: "venevero", lang: "fi" }], set)).toEqual([]);
    expect(UI.fi.alreadyKeptHint(2, "dog-tax")).toBe(
      "2 kysymystä näistä on jo pidetty testikysymyksenä (asia dog-tax) ja pysyy siinä, vaikka kirjoittaisit toisen asian.",
    );
  });

  it("refuses a missing matter or one that is no id before sending, in the studio's language", () => {
    const fi = UI.fi;
    const sv = UI.sv;

    expect(inbox.matterProblem("  ", fi)).toBe("Asia: kirjoita asian tunnus, esimerkiksi dog-tax.");
    expect(inbox.matterProblem("Dog tax", sv)).toBe(
      "Ärende: ”Dog tax” är inget id. Använd små bokstäver, siffror och bindestreck, till exempel dog-tax.",
    );
    expect(inbox.matterProblem(" dog-tax ", fi)).toBe("");
  });

  it("takes one referred question out of its group and counts the group one smaller", async () => {
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 1 },
    }));

    await inbox.act(
      { action: "refer", ids: ["m2"], referral: "traficom" },
      { groupId: "g1", index: 0 },
    );

    const [first] = inbox.groups.value ?? [];
    expect(first).toMatchObject({ id: "g1", size: 2, ids: ["m1", "m3"] });
    expect(first?.samples.map((s) => s.id)).toEqual(["m1", "m3"]);
  });

  it("knows a group by the question it was formed around, whatever its place in the list", () => {
    // Prepare: g1 was formed around m3 (its id's question); a long text is cut at a word.
    const group: MissGroup = { ...(GROUPS[0] as MissGroup), id: "m3" };
    const long = `${"verokortti ".repeat(12)}ulkomaille`;
    const tail: MissGroup = { ...(GROUPS[1] as MissGroup), samples: [sample("m4", long)] };
    // Act: the group before it and one of its other questions are handled.
    const [after] = inbox.afterAction([tail, group], ["m4", "m1"], "dismissed", "open");
    // Assess
    expect(inbox.groupLabel(group)).toEqual({ text: "fordonsskatt förföll", lang: "sv" });
    expect(after && inbox.groupLabel(after)).toEqual({ text: "fordonsskatt förföll", lang: "sv" });
    // Without its own question among those listed, its newest.
    expect(inbox.groupLabel(GROUPS[0] as MissGroup)?.text).toBe("ajoneuvovero erääntyi");
    const cut = inbox.groupLabel(tail)?.text ?? "";
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toMatch(/^verokortti( verokortti)+…$/);
  });

  it("acts on a group's questions but those the owner took out, and forgets that on a new load", async () => {
    // Prepare
    await inbox.loadInbox();
    const group = GROUPS[0] as MissGroup;
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 2 },
    }));
    // Act: one question taken out, another taken out and put back.
    inbox.setChosen("m2", false);
    inbox.setChosen("m3", false);
    inbox.setChosen("m3", true);
    const chosen = inbox.chosenIds(group);
    await inbox.act(
      { action: "teach", ids: chosen, topicId: "vehicle-tax", split: "training" },
      { groupId: "g1", index: 0 },
    );
    // Assess: only the chosen were sent; the one left out stays, as the group.
    expect(chosen).toEqual(["m1", "m3"]);
    expect(server.calls.at(-1)?.body).toMatchObject({ ids: ["m1", "m3"] });
    expect(inbox.groups.value?.[0]).toMatchObject({ id: "g1", size: 1, ids: ["m2"] });
    // Its trend and the bot's guesses no longer count the two taught (both asked on the 24th).
    expect(inbox.groups.value?.[0]?.trend).toEqual([
      { day: "2026-11-23", count: 1 },
      { day: "2026-11-24", count: 0 },
    ]);
    expect(inbox.groups.value?.[0]?.guesses).toEqual([{ intent: "none", count: 1 }]);
    // Put back in for the next group action; a new load starts with every question in.
    inbox.chooseAll(["m1", "m2", "m3"]);
    expect(inbox.chosenIds(group)).toEqual(["m1", "m2", "m3"]);
    inbox.setChosen("m1", false);
    server.on("GET", MISSES, () => ({
      status: 200,
      body: { from: "2026-10-26", to: "2026-11-24", groups: GROUPS },
    }));
    await inbox.loadInbox();
    expect(inbox.chosenIds(group)).toEqual(["m1", "m2", "m3"]);
  });

  it("keeps handled questions with their new status when every status is listed", () => {
    const after = inbox.afterAction(GROUPS, ["m4"], "dismissed", "all");

    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({ size: 1, ids: ["m4"], openIds: [] });
    expect(after[1]?.samples[0]?.status).toBe("dismissed");
  });

  it("acts on a group's open questions only when every status is listed", () => {
    const mixed: MissGroup = {
      ...(GROUPS[0] as MissGroup),
      openIds: ["m1", "m3"],
      samples: (GROUPS[0] as MissGroup).samples.map((s) =>
        s.id === "m2" ? { ...s, status: "taught" } : s,
      ),
    };

    expect(inbox.chosenIds(mixed, new Set())).toEqual(["m1", "m3"]);
    expect(inbox.groupOffer(mixed, new Set(), UI.fi).label).toBe(
      "Käsittele ryhmän avoimet (2 kysymystä)",
    );
    expect(inbox.groupOffer(mixed, new Set(["m3"]), UI.fi).label).toBe("Käsittele valitut 1/2");
    const [after] = inbox.afterAction([mixed], ["m1"], "dismissed", "all");
    expect(after?.openIds).toEqual(["m3"]);
    expect(inbox.chosenIds(after as MissGroup, new Set())).toEqual(["m3"]);
  });

  it("returns a refused teach's problems and leaves the groups as they were", async () => {
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 400,
      body: {
        error: {
          code: "CONTENT_INVALID",
          message: "1 problem",
          problems: [{ path: "fi.tests[2]", message: "already a training sentence" }],
        },
      },
    }));

    const result = await inbox.act(
      { action: "teach", ids: ["m1"], topicId: "vehicle-tax", split: "tests" },
      { groupId: "g1", index: 0 },
    );

    expect(result).toMatchObject({
      ok: false,
      problems: [{ path: "fi.tests[2]", message: "already a training sentence" }],
    });
    expect(inbox.groups.value?.[0]?.size).toBe(3);
  });

  it("asks once per load what the bot now answers the questions shown, a request's worth at a time", async () => {
    // Prepare: a load, then the cards shown want their questions, one twice.
    await inbox.loadInbox();
    const many = Array.from({ length: 120 }, (_, i) => `q${i}`);
    server.on("POST", "/api/content/misses/answers", () => ({
      status: 200,
      body: { liveVersion: 3, answers: [{ id: "m1", live: { topic: "tips", confidence: 0.9 } }] },
    }));
    server.on("POST", "/api/content/misses/answers", () => ({
      status: 200,
      body: {
        liveVersion: 3,
        answers: [{ id: "q110", draft: { topic: "tips", confidence: 0.8 } }],
      },
    }));

    // Act
    inbox.wantAnswers(["m1", "m2"]);
    inbox.wantAnswers(["m2", ...many]);
    await inbox.flushAnswers();
    inbox.wantAnswers(["m1"]);
    await inbox.flushAnswers();

    // Assess: 122 questions in two requests (at most 100 each), none asked twice.
    const asked = server.calls.filter((c) => c.path === "/api/content/misses/answers");
    expect(asked.map((c) => (c.body as { ids: string[] }).ids.length)).toEqual([100, 22]);
    const firstIds = (asked[0]?.body as { ids: string[] } | undefined)?.ids;
    expect(firstIds?.slice(0, 3)).toEqual(["m1", "m2", "q0"]);
    expect(inbox.answeredNow.value.get("m1")?.live?.topic).toBe("tips");
    expect(inbox.answeredNow.value.get("q110")?.draft?.topic).toBe("tips");
    expect(inbox.answeredNow.value.has("m2")).toBe(false);

    // A new load forgets them: the content may have changed since.
    server.on("GET", MISSES, () => ({
      status: 200,
      body: { from: "2026-10-26", to: "2026-11-24", groups: GROUPS },
    }));
    await inbox.loadInbox();
    expect(inbox.answeredNow.value.size).toBe(0);
  });

  it("dismisses a question the bot now answers in one click, and says it was marked answered", async () => {
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 1 },
    }));

    const result = await inbox.dismissAsAnswered("m4", { groupId: "g2", index: 1 });

    expect(result).toEqual({ ok: true, applied: 1 });
    expect(server.calls.at(-1)?.body).toEqual({ action: "dismiss", ids: ["m4"] });
    expect(inbox.groups.value?.map((g) => g.id)).toEqual(["g1"]);
    expect(inbox.lastOutcome.value).toEqual({
      groupId: "g2",
      index: 1,
      text: "1 kysymys: merkitty vastatuksi (hylätty, ei opeteta).",
      publish: false,
    });
  });

  it("leaves a guess of no topic out of a group's guesses, keeping the topics in their order", () => {
    const guesses = [
      { intent: "none", count: 3 },
      { intent: "tax-card", count: 2 },
      { intent: "pension", count: 1 },
    ];
    expect(inbox.shownGuesses(guesses).map((g) => g.intent)).toEqual(["tax-card", "pension"]);
    expect(inbox.shownGuesses([{ intent: "none", count: 3 }])).toEqual([]);
  });

  it("offers the bot's guesses first in their order, then every topic in use by title", () => {
    // Prepare
    const topic = (id: string, fi: string, sv: string, retired = false): TopicSummary => ({
      id,
      system: false,
      retired,
      fi: { title: fi, utterances: 1, tests: 1 },
      sv: { title: sv, utterances: 1, tests: 1 },
    });
    const topics = [
      topic("tax-card", "Verokortti", "Skattekort"),
      topic("pension", "Eläke", "Pension"),
      topic("old-form", "Vanha lomake", "Gammal blankett", true),
      topic("vehicle-tax", "Ajoneuvovero", "Fordonsskatt"),
      { ...topic("crypto", "Kryptovarat", ""), inProgress: true, problems: 2 },
    ];
    // Act: a guess of no topic, a retired one, an unfinished one and one the draft lacks cannot
    // be offered.
    const fi = inbox.topicChoices(
      topics,
      ["none", "tax-card", "old-form", "crypto", "pension", "gone", "tax-card"],
      UI.fi,
    );
    const sv = inbox.topicChoices(topics, [], UI.sv);
    // Assess
    expect(fi.guessed).toEqual([
      { id: "tax-card", title: "Verokortti" },
      { id: "pension", title: "Eläke" },
    ]);
    expect(fi.all.map((t) => t.title)).toEqual(["Ajoneuvovero", "Eläke", "Verokortti"]);
    expect(sv.guessed).toEqual([]);
    expect(sv.all.map((t) => t.title)).toEqual(["Fordonsskatt", "Pension", "Skattekort"]);
  });

  it("offers the customers' picks first and ready to confirm, then the bot's other guesses", () => {
    // Prepare
    const topic = (id: string, fi: string, retired = false): TopicSummary => ({
      id,
      system: false,
      retired,
      fi: { title: fi, utterances: 1, tests: 1 },
      sv: { title: fi, utterances: 1, tests: 1 },
    });
    const topics = [
      topic("residual-tax", "Jäännösvero"),
      topic("tax-refund", "Veronpalautus"),
      topic("tax-card", "Verokortti"),
      topic("old-form", "Vanha lomake", true),
    ];
    // Act: the bot guessed residual tax most; customers picked the refund most.
    const picked = inbox.topicChoices(topics, ["residual-tax", "tax-refund", "tax-card"], UI.fi, [
      "tax-refund",
      "old-form",
      "residual-tax",
    ]);
    const unpicked = inbox.topicChoices(topics, ["residual-tax", "tax-card"], UI.fi);
    // Assess: each topic once, a retired pick left out.
    expect(picked.chosen.map((c) => c.id)).toEqual(["tax-refund", "residual-tax"]);
    expect(picked.guessed.map((c) => c.id)).toEqual(["tax-card"]);
    expect(inbox.preselectedTopic(picked)).toBe("tax-refund");
    expect(unpicked.chosen).toEqual([]);
    expect(inbox.preselectedTopic(unpicked)).toBe("residual-tax");
  });

  it("stops counting the picks of questions handled in a group", () => {
    // Prepare: a group whose customers picked the refund twice and residual tax once.
    const picked = (id: string, chosen: string): MissSample => ({
      ...sample(id, "jäännösvero vai palautus"),
      reasons: ["clarified"],
      chosen,
    });
    const group: MissGroup = {
      id: "c1",
      size: 3,
      trend: [{ day: "2026-11-24", count: 3 }],
      guesses: [{ intent: "residual-tax", count: 3 }],
      choices: [
        { topic: "tax-refund", count: 2 },
        { topic: "residual-tax", count: 1 },
      ],
      ids: ["c1", "c2", "c3"],
      samples: [
        picked("c1", "tax-refund"),
        picked("c2", "tax-refund"),
        picked("c3", "residual-tax"),
      ],
    };
    // Act
    const [refundsTaught] = inbox.afterAction([group], ["c1", "c2"], "taught", "open");
    const [mixedTaught] = inbox.afterAction([group], ["c1", "c3"], "taught", "open");
    // Assess
    expect(refundsTaught?.choices).toEqual([{ topic: "residual-tax", count: 1 }]);
    expect(mixedTaught?.choices).toEqual([{ topic: "tax-refund", count: 1 }]);
    expect(inbox.afterAction([group], ["c2"], "taught", "open")[0]?.choices).toEqual([
      { topic: "tax-refund", count: 1 },
      { topic: "residual-tax", count: 1 },
    ]);
  });

  it("draws every day of the period, days without questions as zero", () => {
    expect(
      inbox.trendDays([{ day: "2026-11-23", count: 4 }], { from: "2026-11-22", to: "2026-11-24" }),
    ).toEqual([
      { day: "2026-11-22", count: 0 },
      { day: "2026-11-23", count: 4 },
      { day: "2026-11-24", count: 0 },
    ]);
  });

  it("downloads the CSV with the bearer token", async () => {
    const clicks: string[] = [];
    vi.stubGlobal("URL", { createObjectURL: () => "blob:1", revokeObjectURL: () => undefined });
    vi.stubGlobal("document", {
      createElement: () => ({
        click() {
          clicks.push(this.download);
        },
        remove() {},
        download: "",
        href: "",
      }),
      body: { append() {} },
    });
    server.on("GET", "/api/content/misses.csv?from=2026-10-26&to=2026-11-24", () => ({
      status: 200,
      body: "csv",
    }));

    await inbox.exportCsv();

    expect(server.calls.at(-1)).toMatchObject({
      path: "/api/content/misses.csv?from=2026-10-26&to=2026-11-24",
      auth: "Bearer tok",
    });
    expect(clicks).toEqual(["vastaamattomat-kysymykset_2026-10-26_2026-11-24.csv"]);
    expect(inbox.exportError.value).toBe("");
  });
});

describe("the action a group offers", () => {
  it("gives a group of one question one button, with the question's guesses and pick", () => {
    const one: MissGroup = {
      ...(GROUPS[1] as MissGroup),
      samples: [
        {
          ...sample("m4", "verokortti ulkomaille"),
          guesses: [{ intent: "tax-card", confidence: 0.62 }],
          chosen: "tax-card",
        },
      ],
    };
    const offer = inbox.groupOffer(one, new Set(), UI.fi);
    expect(offer).toEqual({
      label: "Käsittele tämä kysymys",
      perQuestion: false,
      guesses: [{ id: "tax-card", note: formatPercent(0.62, UI.fi) }],
      choices: [{ id: "tax-card", note: "" }],
      choicesLabel: "Asiakkaan valinta",
    });
  });

  it("gives a larger group the group's button and each question its own", () => {
    const whole = inbox.groupOffer(GROUPS[0] as MissGroup, new Set(), UI.fi);
    expect(whole).toMatchObject({
      label: "Käsittele koko ryhmä (3 kysymystä)",
      perQuestion: true,
      guesses: [{ id: "none", note: "3 kysymyksessä" }],
    });
    expect(inbox.groupOffer(GROUPS[0] as MissGroup, new Set(["m2"]), UI.fi).label).toBe(
      "Käsittele valitut 2/3",
    );
  });
});

describe("a new topic from an inbox group", () => {
  const fake = signedInWithFakeServer();

  it("prefills the group's texts as training sentences in their own language, once each", () => {
    editor.startNewFrom({
      samples: [
        { id: "m1", text: "ajoneuvovero\nerääntyi", lang: "fi" },
        { id: "m2", text: "ajoneuvovero erääntyi", lang: "fi" },
        { id: "m3", text: "fordonsskatt förföll", lang: "sv" },
      ],
    });
    expect(location.hash).toBe("#/new");

    editor.startNew();

    expect(editor.form.value.fi.utterances).toBe("ajoneuvovero erääntyi");
    expect(editor.form.value.sv.utterances).toBe("fordonsskatt förföll");
    expect(editor.seed.value?.samples).toHaveLength(3);
  });

  it("after saving, teaches the questions still among its sentences with split training", async () => {
    editor.startNewFrom({
      samples: [
        { id: "m1", text: "ajoneuvovero erääntyi", lang: "fi" },
        { id: "m2", text: "mihin maksan ajoneuvoveron", lang: "fi" },
        { id: "m3", text: "fordonsskatt förföll", lang: "sv" },
      ],
    });
    editor.startNew();
    // The owner names the topic and drops one of the prefilled lines.
    editor.update((f) => ({
      ...f,
      id: "vehicle-tax",
      fi: { ...f.fi, utterances: "ajoneuvovero erääntyi\nmilloin ajoneuvovero maksetaan" },
    }));
    fake.current().on("PUT", "/api/content/draft/topics/vehicle-tax", () => ({
      status: 200,
      body: { ok: true, warnings: [], revision: "v1" },
    }));
    fake.current().on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 2, revision: "v2" },
    }));
    fake.current().on("PUT", "/api/content/draft/topics/vehicle-tax", () => ({
      status: 200,
      body: { ok: true, warnings: [], revision: "v3" },
    }));

    expect(await editor.save()).toBe(true);

    const teach = fake.current().calls.find((c) => c.path === "/api/content/misses/actions");
    expect(teach?.body).toEqual({
      action: "teach",
      ids: ["m1", "m3"],
      topicId: "vehicle-tax",
      split: "training",
    });
    expect(editor.outcome.value).toMatchObject({ kind: "ok" });
    expect(editor.outcome.value?.text).toMatch(/2 kysymystä/);
    expect(editor.seed.value).toBeUndefined();
    // Taught over the revision just saved; the next save goes over the teach's.
    expect(teach?.condition).toBe('"v1"');
    expect(await editor.save()).toBe(true);
    const puts = fake.current().calls.filter((c) => c.method === "PUT");
    expect(puts.map((c) => c.condition)).toEqual(["*", '"v2"']);
  });

  it("says in the Save row, once, after 5 s, that the saved topic's teach is taking longer, and stays busy teaching until it ends", async () => {
    editor.startNewFrom({ samples: [{ id: "m1", text: "ajoneuvovero erääntyi", lang: "fi" }] });
    editor.startNew();
    editor.update((f) => ({ ...f, id: "vehicle-tax" }));
    fake.current().on("PUT", "/api/content/draft/topics/vehicle-tax", () => ({
      status: 200,
      body: { ok: true, warnings: [], revision: "v1" },
    }));
    let answer: (a: { status: number; body: unknown }) => void = () => {};
    fake
      .current()
      .on("POST", "/api/content/misses/actions", () => new Promise((r) => (answer = r)));
    vi.useFakeTimers();
    try {
      const saving = editor.save();
      // While the topic's own PUT runs, Save is saving, not yet teaching.
      expect(editor.saving.value).toBe(true);
      expect(editor.teaching.value).toBe(false);
      // The save answers at once; the teach after it does not.
      const teaching = () =>
        fake.current().calls.some((c) => c.path === "/api/content/misses/actions");
      for (let i = 0; i < 50 && !teaching(); i++) await vi.advanceTimersByTimeAsync(0);
      expect(teaching()).toBe(true);
      // The topic is saved: Save says it is marking the questions, and is still busy.
      expect(editor.teaching.value).toBe(true);
      expect(editor.saving.value).toBe(true);
      await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS - 1);
      expect(editor.topicEdit.slow.value).toBe("");
      await vi.advanceTimersByTimeAsync(100);
      expect(editor.topicEdit.slow.value).toBe(text.value.seedTeachSlow);
      expect(announcement.value).toBe(text.value.seedTeachSlow);
      // Still saving: a second Save now would create the topic again and be refused.
      expect(editor.saving.value).toBe(true);

      answer({ status: 200, body: { ok: true, applied: 1, revision: "v2" } });
      expect(await saving).toBe(true);
      expect(editor.topicEdit.slow.value).toBe("");
      expect(editor.saving.value).toBe(false);
      expect(editor.teaching.value).toBe(false);
      expect(editor.outcome.value?.text).toMatch(/1 kysymys merkitty opetetuiksi/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("says the topic was saved but the questions not marked when the teach is refused", async () => {
    editor.startNewFrom({ samples: [{ id: "m1", text: "ajoneuvovero erääntyi", lang: "fi" }] });
    editor.startNew();
    editor.update((f) => ({ ...f, id: "vehicle-tax" }));
    fake.current().on("PUT", "/api/content/draft/topics/vehicle-tax", () => ({
      status: 200,
      body: { ok: true, warnings: [] },
    }));
    fake.current().on("POST", "/api/content/misses/actions", () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } },
    }));

    expect(await editor.save()).toBe(true);

    expect(editor.outcome.value?.kind).toBe("error");
    expect(editor.outcome.value?.text).toMatch(/tallennettu.*ei merkitty/);
  });

  it("starts an ordinary new topic empty, without a seed", () => {
    editor.startNew();
    expect(editor.form.value.fi.utterances).toBe("");
    expect(editor.seed.value).toBeUndefined();
  });
});

describe("answer helpfulness per topic", () => {
  afterEach(() => {
    session.value = undefined;
    vi.unstubAllGlobals();
  });

  it("loads the last 30 days and gives each language's share, zeros where nobody voted", async () => {
    const server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
    session.value = { token: "tok" };
    const path = "/api/content/feedback?from=2026-10-26&to=2026-11-24";
    server.on("GET", path, () => ({
      status: 200,
      body: {
        topics: [
          {
            topicId: "tax-card",
            lang: "fi",
            answers: 120,
            helpful: 3,
            unhelpful: 1,
            latestUnhelpful: [{ text: "verokortti ulkomaille", at: "2026-11-24T08:00:00Z" }],
          },
        ],
      },
    }));

    await loadFeedback(new Date("2026-11-24T10:00:00Z"));

    expect(server.calls.map((c) => c.path)).toEqual([path]);
    const h = helpfulnessOf(feedback.value, "tax-card");
    expect(h.fi).toMatchObject({ answers: 120, helpful: 3, unhelpful: 1, votes: 4, share: 0.75 });
    expect(h.fi.latestUnhelpful).toHaveLength(1);
    expect(h.sv).toEqual({ answers: 0, helpful: 0, unhelpful: 0, votes: 0, latestUnhelpful: [] });
  });
});

describe("the topic list's order", () => {
  const topics = [{ id: "vat" }, { id: "tax-card" }, { id: "pension" }, { id: "car-tax" }];
  const row = (
    topicId: string,
    lang: "fi" | "sv",
    answers: number,
    helpful = 0,
    unhelpful = 0,
  ) => ({
    topicId,
    lang,
    answers,
    helpful,
    unhelpful,
    latestUnhelpful: [],
  });
  // tax-card: 300 answers, 50 % helpful over 10 votes; vat: 40 answers, 50 % over 2 votes;
  // pension: 100 answers, 90 % over 10; car-tax: 500 answers, nobody voted.
  const list = [
    row("tax-card", "fi", 250, 4, 4),
    row("tax-card", "sv", 50, 1, 1),
    row("vat", "fi", 40, 1, 1),
    row("pension", "fi", 100, 9, 1),
    row("car-tax", "sv", 500),
  ];
  const ids = (order: TopicOrder) => orderTopics(topics, order, list).map((t) => t.id);

  it("goes by id, by answers in both languages, or least helpful first with the better-evidenced share ahead", () => {
    expect(ids("id")).toEqual(["car-tax", "pension", "tax-card", "vat"]);
    expect(ids("answers")).toEqual(["car-tax", "tax-card", "pension", "vat"]);
    expect(ids("helpful")).toEqual(["tax-card", "vat", "pension", "car-tax"]);
  });

  it("goes by id while the votes are not loaded", () => {
    expect(orderTopics(topics, "answers", undefined).map((t) => t.id)).toEqual([
      "car-tax",
      "pension",
      "tax-card",
      "vat",
    ]);
  });
});

describe("a question's likely topics", () => {
  it("leaves out a guess the recogniser gave practically nothing", () => {
    const guesses = [
      { intent: "residual-tax", confidence: 0.566 },
      { intent: "tax-refund", confidence: 0.427 },
      { intent: "yle-tax", confidence: 0.004 },
    ];
    expect(inbox.likelyGuesses(guesses).map((g) => g.intent)).toEqual([
      "residual-tax",
      "tax-refund",
    ]);
  });
});

describe("the answer review's sampled questions", () => {
  let server: ReturnType<typeof fakeServer>;
  const SAMPLED = `${MISSES}&kind=sampled`;
  const sure = (id: string, text: string, lang: "fi" | "sv" = "fi"): MissSample => ({
    ...sample(id, text, lang),
    reasons: ["sampled"],
    topic: "tax-card",
    guesses: [{ intent: "tax-card", confidence: 0.93 }],
    outcome: "answered",
  });
  const SAMPLED_GROUPS: MissGroup[] = [
    {
      id: "s1",
      size: 3,
      trend: [{ day: "2026-11-24", count: 3 }],
      guesses: [{ intent: "tax-card", count: 3 }],
      // s9 is beyond the samples shown.
      ids: ["s1", "s2", "s9"],
      samples: [sure("s1", "miten saan verokortin"), sure("s2", "verokortti netissä")],
    },
    {
      id: "s3",
      size: 1,
      trend: [{ day: "2026-11-24", count: 1 }],
      guesses: [{ intent: "tax-card", count: 1 }],
      ids: ["s3"],
      samples: [sure("s3", "hur får jag skattekort", "sv")],
    },
  ];
  const REVIEW = { fi: { reviewed: 4, confirmed: 3 }, sv: { reviewed: 0, confirmed: 0 } };

  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
    vi.stubGlobal("location", { hash: "" });
    session.value = { token: "tok" };
    inbox.period.value = inbox.defaultPeriod(new Date("2026-11-24T10:00:00Z"));
    inbox.langFilter.value = "";
    inbox.statusFilter.value = "open";
    server.on("GET", SAMPLED, () => ({
      status: 200,
      body: { from: "2026-10-26", to: "2026-11-24", groups: SAMPLED_GROUPS, review: REVIEW },
    }));
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 1 },
    }));
    inbox.showKind("sampled");
  });
  afterEach(() => {
    inbox.showKind("misses");
    session.value = undefined;
    vi.unstubAllGlobals();
  });

  it("asks for the sampled questions and keeps the review's figure; the misses' list asks without kind and has none", async () => {
    await inbox.loadInbox();
    expect(server.calls.map((c) => c.path)).toEqual([SAMPLED]);
    expect(inbox.groups.value?.map((g) => g.id)).toEqual(["s1", "s3"]);
    expect(inbox.review.value).toEqual(REVIEW);

    // Back to the misses: nothing of the samples stays shown while they load.
    inbox.showKind("misses");
    expect(inbox.groups.value).toBeUndefined();
    expect(inbox.review.value).toBeUndefined();
    server.on("GET", MISSES, () => ({
      status: 200,
      body: { from: "2026-10-26", to: "2026-11-24", groups: GROUPS },
    }));
    await inbox.loadInbox();
    expect(server.calls.at(-1)?.path).toBe(MISSES);
    expect(inbox.review.value).toBeUndefined();
  });

  it("confirms an answer right: sends confirm, the question leaves, the outcome says so and the figure counts it", async () => {
    await inbox.loadInbox();

    const result = await inbox.act({ action: "confirm", ids: ["s3"] }, { groupId: "s3", index: 1 });

    expect(result).toEqual({ ok: true, applied: 1 });
    expect(server.calls.at(-1)?.body).toEqual({ action: "confirm", ids: ["s3"] });
    expect(inbox.groups.value?.map((g) => g.id)).toEqual(["s1"]);
    expect(inbox.lastOutcome.value).toMatchObject({
      text: "1 vastaus merkitty oikeaksi.",
      publish: false,
    });
    expect(inbox.review.value).toEqual({
      fi: { reviewed: 4, confirmed: 3 },
      sv: { reviewed: 1, confirmed: 1 },
    });
  });

  it("counts a correction as reviewed but not right, in the group's language, those beyond the samples too", async () => {
    await inbox.loadInbox();
    server.on("POST", "/api/content/misses/actions", () => ({
      status: 200,
      body: { ok: true, applied: 2 },
    }));

    await inbox.act(
      { action: "teach", ids: ["s2", "s9"], topicId: "tax-refund", split: "tests" },
      { groupId: "s1", index: 0 },
    );

    expect(inbox.review.value).toEqual({
      fi: { reviewed: 6, confirmed: 3 },
      sv: { reviewed: 0, confirmed: 0 },
    });
  });

  it("moves a confirmed answer corrected later out of the right ones, without counting it twice", () => {
    const confirmed: MissGroup = {
      ...(SAMPLED_GROUPS[1] as MissGroup),
      samples: [{ ...(SAMPLED_GROUPS[1]?.samples[0] as MissSample), status: "confirmed" }],
    };
    const figure = { fi: { reviewed: 0, confirmed: 0 }, sv: { reviewed: 1, confirmed: 1 } };

    expect(inbox.reviewAfter(figure, [confirmed], ["s3"], "uncovered")).toEqual({
      fi: { reviewed: 0, confirmed: 0 },
      sv: { reviewed: 1, confirmed: 0 },
    });
    expect(inbox.reviewAfter(figure, [confirmed], ["s3"], "confirmed")).toEqual(figure);
  });

  it("says the figure as a share of the reviewed answers, whole percent, in the studio's language", () => {
    const said = (lang: "fi" | "sv", figure: { reviewed: number; confirmed: number }) =>
      inbox.reviewText(figure, UI[lang]).replace(/\s/g, " ");

    expect(said("fi", { reviewed: 48, confirmed: 45 })).toBe(
      "Tarkistetuista 48 vastauksesta 45 oikein (94 %)",
    );
    expect(said("sv", { reviewed: 48, confirmed: 45 })).toBe(
      "Av 48 granskade svar var 45 rätt (94 %)",
    );
    expect(said("fi", { reviewed: 0, confirmed: 0 })).toBe("Ei vielä tarkistettuja vastauksia");
  });

  it("downloads the sampled questions' CSV under its own name", async () => {
    const clicks: string[] = [];
    vi.stubGlobal("URL", { createObjectURL: () => "blob:1", revokeObjectURL: () => undefined });
    vi.stubGlobal("document", {
      createElement: () => ({
        click() {
          clicks.push(this.download);
        },
        remove() {},
        download: "",
        href: "",
      }),
      body: { append() {} },
    });
    const path = "/api/content/misses.csv?from=2026-10-26&to=2026-11-24&kind=sampled";
    server.on("GET", path, () => ({ status: 200, body: "csv" }));

    await inbox.exportCsv();

    expect(server.calls.at(-1)?.path).toBe(path);
    expect(clicks).toEqual(["vastausten-pistokoe_2026-10-26_2026-11-24.csv"]);
  });
});
