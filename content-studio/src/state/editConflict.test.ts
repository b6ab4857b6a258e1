import { describe, expect, it } from "vitest";
import * as editor from "./editor.ts";
import { draftAnswer, signedInWithFakeServer } from "./fakeServer.ts";
import * as referrals from "./referrals.ts";
import { draft } from "./topics.ts";

const TOPIC = "/api/content/draft/topics/capital-gains";
const GROUP = "/api/content/draft/referrals/kela";

const topicAt = (revision: string, title = "Myyntivoitto") => ({
  status: 200,
  body: {
    topic: {
      id: "capital-gains",
      fi: { title, utterances: ["osakkeet"], answer: "a" },
      sv: { title: "Vinst", utterances: ["aktier"], answer: "b" },
      tests: { fi: [], sv: [] },
    },
    retired: false,
    system: false,
    revision,
  },
});

/** 412 as the API answers a write over a revision someone has saved past. */
const savedMeanwhile = (revision: string) => ({
  status: 412,
  body: {
    error: {
      code: "EDIT_CONFLICT",
      message: "Sanna muutti aihetta capital-gains sen jälkeen, kun avasit sen.",
      current: { updatedBy: "Sanna", updatedAt: "2026-12-05T08:00:00.000Z", revision },
    },
  },
});

const saved = (revision: string) => ({
  status: 200,
  body: { ok: true, warnings: [], revision },
});

describe("two people editing one topic in the studio", () => {
  const fake = signedInWithFakeServer(() => {
    draft.value = undefined;
    editor.startNew();
  });

  function served() {
    const server = fake.current();
    server.on("GET", "/api/content/draft", () => draftAnswer());
    server.on("GET", "/api/content/topics", () => ({
      status: 200,
      body: { version: 3, topics: [] },
    }));
    server.on("POST", "/api/content/draft/validate/topics/capital-gains", () => ({
      status: 200,
      body: { problems: [] },
    }));
    return server;
  }
  const writes = () =>
    fake
      .current()
      .calls.filter((c) => c.method !== "GET" && !c.path.includes("/validate/"))
      .map((c) => `${c.method} ${c.condition ?? "-"}`);

  it("saves over the revision it opened, and then over the one it saved", async () => {
    const server = served();
    server.on("GET", TOPIC, () => topicAt("r1"));
    server.on("PUT", TOPIC, () => saved("r2"));
    server.on("PUT", TOPIC, () => saved("r3"));
    await editor.open("capital-gains");

    expect(await editor.save()).toBe(true);
    expect(await editor.save()).toBe(true);

    expect(writes()).toEqual(['PUT "r1"', 'PUT "r2"']);
  });

  it("creates a new topic only if nobody has its id", async () => {
    const server = served();
    server.on("PUT", TOPIC, () => saved("r1"));
    editor.update(() => ({
      ...topicFormOf("Myyntivoitto"),
    }));

    expect(await editor.save()).toBe(true);

    expect(writes()).toEqual(["PUT *"]);
  });

  it("says when someone took a new topic's id first, and offers theirs, not saving over it", async () => {
    const server = served();
    server.on("PUT", TOPIC, () => savedMeanwhile("r1"));
    editor.update(() => topicFormOf("Myyntivoitto"));

    expect(await editor.save()).toBe(false);

    expect(editor.conflict.value?.on).toBe("create");
    expect(editor.outcome.value?.text).toMatch(/^Sanna ehti jo tallentaa saman tunnuksen/);
    expect(await editor.saveMine()).toBe(false);
    // Typing on drops the choices with their explanation; the next save asks again.
    editor.update((f) => ({ ...f, id: "capital-gains-2" }));
    expect([editor.conflict.value, editor.outcome.value]).toEqual([undefined, undefined]);
    expect(writes()).toEqual(["PUT *"]);
  });

  it("keeps the form after a refused save, says who saved when, and saves over theirs on request", async () => {
    const server = served();
    server.on("GET", TOPIC, () => topicAt("r1"));
    server.on("PUT", TOPIC, () => savedMeanwhile("r2"));
    server.on("PUT", TOPIC, () => saved("r3"));
    await editor.open("capital-gains");
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Oma otsikko" } }));

    expect(await editor.save()).toBe(false);

    expect(editor.form.value.fi.title).toBe("Oma otsikko");
    expect(editor.conflict.value).toMatchObject({ on: "save", updatedBy: "Sanna", revision: "r2" });
    expect(editor.outcome.value).toEqual({
      kind: "error",
      text: "Sanna tallensi tämän sen jälkeen, kun avasit sen (5.12.2026 klo 10.00). Muutoksiasi ei tallennettu, mutta ne ovat yhä lomakkeella. Voit avata tallennetun version (omat muutoksesi jäävät pois) tai tallentaa omasi sen päälle.",
    });

    expect(await editor.saveMine()).toBe(true);
    expect(writes()).toEqual(['PUT "r1"', 'PUT "r2"']);
    expect(editor.conflict.value).toBeUndefined();
    const lastPut = fake.current().calls.findLast((c) => c.method === "PUT");
    expect(lastPut?.body).toMatchObject({ fi: { title: "Oma otsikko" } });
  });

  it("names the service, not its id, when the service wrote the topic meanwhile", async () => {
    const server = served();
    server.on("GET", TOPIC, () => topicAt("r1"));
    server.on("PUT", TOPIC, () => {
      const refused = savedMeanwhile("r2");
      refused.body.error.current.updatedBy = "system";
      return refused;
    });
    await editor.open("capital-gains");
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Oma otsikko" } }));

    expect(await editor.save()).toBe(false);

    expect(editor.outcome.value?.text).toMatch(/^Palvelu tallensi tämän /);
  });

  it("opens their version instead, dropping this form's changes", async () => {
    const server = served();
    server.on("GET", TOPIC, () => topicAt("r1"));
    server.on("PUT", TOPIC, () => savedMeanwhile("r2"));
    server.on("GET", TOPIC, () => topicAt("r2", "Sannan otsikko"));
    server.on("PUT", TOPIC, () => saved("r3"));
    await editor.open("capital-gains");
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Oma otsikko" } }));
    await editor.save();

    await editor.openTheirs();

    expect(editor.form.value.fi.title).toBe("Sannan otsikko");
    expect(editor.conflict.value).toBeUndefined();
    expect(await editor.save()).toBe(true);
    expect(writes()).toEqual(['PUT "r1"', 'PUT "r2"']);
  });

  it("refuses to retire over a save made meanwhile, offering only their version", async () => {
    const server = served();
    server.on("GET", TOPIC, () => topicAt("r1"));
    server.on("DELETE", TOPIC, () => savedMeanwhile("r2"));
    await editor.open("capital-gains");

    expect(await editor.retire()).toBe(false);

    expect(editor.conflict.value?.on).toBe("retire");
    expect(editor.outcome.value?.text).toMatch(/Mitään ei poistettu käytöstä\./);
    expect(await editor.saveMine()).toBe(false);
    expect(writes()).toEqual(['DELETE "r1"']);
  });
});

describe("two people editing one referral group in the studio", () => {
  const fake = signedInWithFakeServer(() => {
    draft.value = undefined;
  });
  const group = {
    id: "kela",
    fi: {
      title: "Kela",
      answer: "Kela hoitaa.",
      link: { label: "kela.fi", url: "https://www.kela.fi/" },
      sentences: ["kela asia"],
    },
    sv: {
      title: "FPA",
      answer: "FPA sköter.",
      link: { label: "fpa.fi", url: "https://www.kela.fi/" },
      sentences: ["fpa sak"],
    },
  };
  function served() {
    const server = fake.current();
    server.on("GET", "/api/content/draft", () => draftAnswer({ referrals: [group] }));
    server.on("GET", "/api/content/topics", () => ({
      status: 200,
      body: { version: 3, topics: [] },
    }));
    server.on("POST", "/api/content/draft/validate/referrals/kela", () => ({
      status: 200,
      body: { problems: [] },
    }));
    return server;
  }
  const puts = () =>
    fake
      .current()
      .calls.filter((c) => c.method === "PUT")
      .map((c) => c.condition);

  it("saves over the revision it read on opening, and offers saving over a later one", async () => {
    const server = served();
    server.on("GET", GROUP, () => ({ status: 200, body: { referral: group, revision: "k1" } }));
    server.on("PUT", GROUP, () => savedMeanwhile("k2"));
    server.on("PUT", GROUP, () => saved("k3"));
    await referrals.openReferral("kela");

    expect(await referrals.saveReferral()).toBe(false);
    expect(referrals.conflict.value).toMatchObject({ on: "save", revision: "k2" });
    expect(await referrals.saveMyReferral()).toBe(true);

    expect(puts()).toEqual(['"k1"', '"k2"']);
  });

  it("offers to bring back a group someone removed, creating it only if still gone", async () => {
    const server = served();
    server.on("GET", GROUP, () => ({ status: 200, body: { referral: group, revision: "k1" } }));
    // Removed meanwhile: no item, so the refusal names nobody and no revision.
    server.on("PUT", GROUP, () => ({
      status: 412,
      body: { error: { code: "EDIT_CONFLICT", message: "Removed." } },
    }));
    server.on("PUT", GROUP, () => saved("k2"));
    await referrals.openReferral("kela");

    expect(await referrals.saveReferral()).toBe(false);
    expect(referrals.outcome.value?.text).toMatch(/^Joku poisti tämän/);
    expect(await referrals.saveMyReferral()).toBe(true);

    expect(puts()).toEqual(['"k1"', "*"]);
  });

  it("blocks saving, removing and discarding a group it could not read on opening", async () => {
    const server = served();
    server.on("GET", GROUP, () => ({ status: 503, body: {} }));
    await referrals.openReferral("kela");

    expect(referrals.referralForm.value.fi.title).toBe("Kela");
    expect(referrals.referralSaveBlocked.value).toBe(true);
    expect(await referrals.saveReferral()).toBe(false);
    expect(await referrals.retireReferral()).toBe(false);
    expect(await referrals.revertReferral()).toBe(false);
    expect(
      server.calls.filter((c) => c.method !== "GET" && !c.path.includes("/validate/")),
    ).toEqual([]);
  });

  it("brings a removed group back only if nobody has done so meanwhile, and says so if someone has", async () => {
    const server = served();
    server.on("POST", `${GROUP}/revert`, () => savedMeanwhile("k5"));

    expect(await referrals.restoreReferral("kela")).toBe(false);

    const revert = server.calls.find((c) => c.path === `${GROUP}/revert`);
    expect(revert?.condition).toBe("*");
    expect(referrals.restoreOutcome.value?.text).toMatch(/^Joku palautti ohjausryhmän kela jo\./);
    // The list is read again: it showed the group as removed.
    expect(server.calls.filter((c) => c.path === "/api/content/draft")).toHaveLength(1);
  });
});

/** A complete new topic's form with `title` in Finnish. */
function topicFormOf(title: string) {
  const form = editor.form.value;
  return {
    ...form,
    id: "capital-gains",
    fi: { ...form.fi, title, utterances: "osakkeet", answer: "a" },
    sv: { ...form.sv, title: "Vinst", utterances: "aktier", answer: "b" },
  };
}
