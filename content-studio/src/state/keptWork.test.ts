import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session, signOut } from "./app.ts";
import * as editor from "./editor.ts";
import {
  draftAnswer,
  kelaGroup,
  memoryStorage,
  signedInWithFakeServer,
  tokenOf,
} from "./fakeServer.ts";
import { KEPT_FOR_MS } from "./keptForms.ts";
import * as scope from "./outOfScope.ts";
import * as referrals from "./referrals.ts";

const TOPIC = "/api/content/draft/topics/capital-gains";
const topicAnswer =
  (revision: string, title = "Myyntivoitto") =>
  () => ({
    status: 200,
    body: {
      topic: {
        id: "capital-gains",
        fi: { title, utterances: ["osakkeet"], answer: "a" },
        sv: { title: "Vinst", utterances: ["aktier"], answer: "b" },
        tests: { fi: [], sv: [] },
      },
      retired: false,
      revision,
    },
  });

describe("an unsaved topic form kept in the browser", () => {
  let storage: Storage;
  // Signed out after each test: every store forgets, as for the next person.
  const fake = signedInWithFakeServer(() => signOut());
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal("localStorage", storage);
    session.value = { token: tokenOf("outi") };
  });
  afterEach(() => vi.useRealTimers());

  /** Outi opens the topic (read at `revision`) and types a new title. */
  async function typeTitle(revision = "r1") {
    const server = fake.current();
    server.on("GET", "/api/content/draft", () => draftAnswer());
    server.on("GET", TOPIC, topicAnswer(revision));
    await editor.open("capital-gains");
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Luovutusvoitto" } }));
    expect(editor.unsaved.value).toBe(true);
  }

  /** The page is left and the topic opened again, read at `revision` this time. */
  async function openAgain(revision: string) {
    editor.startNew();
    fake.current().on("GET", TOPIC, topicAnswer(revision));
    await editor.open("capital-gains");
  }

  it("gives the work back when the same person opens the topic again, with its save over what it was read at", async () => {
    await typeTitle("r1");
    await openAgain("r1");

    expect(editor.form.value.fi.title).toBe("Luovutusvoitto");
    expect(editor.restored.value).toMatchObject({ savedSince: false });
    expect(editor.unsaved.value).toBe(true);

    const server = fake.current();
    server.on("PUT", TOPIC, () => ({
      status: 200,
      body: { ok: true, warnings: [], revision: "r2" },
    }));
    expect(await editor.save()).toBe(true);
    expect(server.calls.find((c) => c.method === "PUT")).toMatchObject({ condition: '"r1"' });
    // Saved: nothing is kept, and opening it again shows what was read.
    expect(storage.length).toBe(0);
    expect(editor.unsaved.value).toBe(false);
    await openAgain("r2");
    expect(editor.restored.value).toBeUndefined();
  });

  it("gives back work an earlier build kept, from before topics had a review date", async () => {
    await typeTitle("r1");
    // What the build before review dates kept: the same form without the field.
    const key = storage.key(0) as string;
    const kept = JSON.parse(storage.getItem(key) as string);
    delete kept.form.reviewBy;
    storage.setItem(key, JSON.stringify(kept));

    await openAgain("r1");

    expect(editor.form.value.fi.title).toBe("Luovutusvoitto");
    expect(editor.form.value.reviewBy).toBe("");
    expect(editor.restored.value).toMatchObject({ savedSince: false });
  });

  it("says when someone saved the topic since, and its save still expects the revision it was read at", async () => {
    await typeTitle("r1");
    await openAgain("r7");

    expect(editor.restored.value).toMatchObject({ savedSince: true });
    const server = fake.current();
    server.on("PUT", TOPIC, () => ({
      status: 412,
      body: { error: { code: "EDIT_CONFLICT", message: "x", current: { revision: "r7" } } },
    }));
    expect(await editor.save()).toBe(false);
    expect(server.calls.find((c) => c.method === "PUT")).toMatchObject({ condition: '"r1"' });
    expect(editor.conflict.value).toMatchObject({ revision: "r7", on: "save" });
  });

  it("tells a save since by the person themself (a save that timed out here and landed) from someone else's, by identity", async () => {
    await typeTitle("r1");
    // Outi's save had no answer here but landed; reopened, the topic names her by subject.
    editor.startNew();
    const server = fake.current();
    const savedBy = (subject: string) => () => ({
      status: 200,
      body: {
        ...topicAnswer("r2")().body,
        updatedBy: "Outi Lahtinen",
        updatedBySubject: subject,
      },
    });
    server.on("GET", TOPIC, savedBy("outi"));
    await editor.open("capital-gains");
    expect(editor.restored.value).toMatchObject({ savedSince: true, byYou: true });

    // Another Outi Lahtinen (a namesake, another subject) saved it: that is someone else.
    editor.startNew();
    server.on("GET", TOPIC, savedBy("outi-2"));
    await editor.open("capital-gains");
    expect(editor.restored.value).toMatchObject({ savedSince: true, byYou: false });
  });

  it("is dropped on request, and the form shows the topic as read", async () => {
    await typeTitle("r1");
    await openAgain("r1");

    editor.discardRestored();

    expect(editor.form.value.fi.title).toBe("Myyntivoitto");
    expect(editor.unsaved.value).toBe(false);
    expect(storage.length).toBe(0);
  });

  it("is forgotten when the form is typed back to what was read", async () => {
    await typeTitle("r1");
    expect(storage.length).toBe(1);
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Myyntivoitto" } }));
    expect(storage.length).toBe(0);
  });

  it("is not given to anyone else who signs in on this browser", async () => {
    await typeTitle("r1");
    session.value = { token: tokenOf("henrik") };
    await openAgain("r1");

    expect(editor.form.value.fi.title).toBe("Myyntivoitto");
    expect(editor.restored.value).toBeUndefined();
  });

  it("is dropped once it is older than it is kept for, and when it is no form of this studio", async () => {
    await typeTitle("r1");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + KEPT_FOR_MS + 1000);
    await openAgain("r1");
    expect(editor.restored.value).toBeUndefined();
    expect(storage.length).toBe(0);

    vi.useRealTimers();
    const key = "studio.unsaved.v1:outi:topic:capital-gains";
    storage.setItem(
      key,
      JSON.stringify({ form: { title: "x" }, keptAt: new Date().toISOString() }),
    );
    await openAgain("r1");
    expect(editor.form.value.fi.title).toBe("Myyntivoitto");
    expect(storage.getItem(key)).toBeNull();
  });

  it("keeps a new topic's form under 'new' until it is saved", async () => {
    fake.current().on("GET", "/api/content/draft", () => draftAnswer());
    editor.startNew();
    editor.update((f) => ({ ...f, id: "share-options", fi: { ...f.fi, title: "Optiot" } }));
    editor.startNew();

    expect(editor.form.value).toMatchObject({ id: "share-options", fi: { title: "Optiot" } });
    expect(editor.restored.value).toMatchObject({ savedSince: false });
    // Discarded, the new form is empty again.
    editor.discardRestored();
    expect(editor.form.value.id).toBe("");
  });
});

describe("an unsaved referral group form kept in the browser", () => {
  const fake = signedInWithFakeServer(() => signOut());
  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
    session.value = { token: tokenOf("outi") };
  });

  it("gives the work back on opening the group again", async () => {
    const server = fake.current();
    const group = kelaGroup;
    const draft = () => draftAnswer({ referrals: [group] });
    const read = () => ({ status: 200, body: { referral: group, revision: "g1" } });
    server.on("GET", "/api/content/draft", draft);
    server.on("GET", "/api/content/draft/referrals/kela", read);
    await referrals.openReferral("kela");
    referrals.updateReferral((f) => ({ ...f, fi: { ...f.fi, title: "Kela-asiat" } }));
    expect(referrals.referralUnsaved.value).toBe(true);

    await referrals.openReferral("new");
    server.on("GET", "/api/content/draft/referrals/kela", read);
    await referrals.openReferral("kela");

    expect(referrals.referralForm.value.fi.title).toBe("Kela-asiat");
    expect(referrals.referralRestored.value).toMatchObject({ savedSince: false });
  });
});

describe("unsaved out-of-scope lists kept in the browser", () => {
  const fake = signedInWithFakeServer(() => signOut());
  const LISTS = "/api/content/draft/out-of-scope";
  const listsAt = (revision: string) => () => ({
    status: 200,
    body: { outOfScope: { fi: ["kissa"], sv: ["katt"] }, revision },
  });
  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
    session.value = { token: tokenOf("outi") };
  });

  it("gives the work back on opening the page again, its save still over the revision read", async () => {
    const server = fake.current();
    server.on("GET", LISTS, listsAt("s1"));
    await scope.openOutOfScope();
    scope.updateOutOfScope("fi", "kissa\ntyösuhdeoptio");
    expect(scope.outOfScopeUnsaved.value).toBe(true);

    // Someone saved the lists meanwhile: the work comes back, saying so, and expects s1.
    server.on("GET", LISTS, listsAt("s2"));
    await scope.openOutOfScope();
    expect(scope.outOfScopeForm.value.fi).toBe("kissa\ntyösuhdeoptio");
    expect(scope.outOfScopeRestored.value).toMatchObject({ savedSince: true });
    server.on("PUT", LISTS, () => ({
      status: 200,
      body: { ok: true, warnings: [], revision: "s3" },
    }));
    expect(await scope.saveOutOfScope()).toBe(true);
    expect(server.calls.find((c) => c.method === "PUT")?.condition).toBe('"s1"');

    // Saved, nothing is kept: the next opening shows the lists as read.
    server.on("GET", LISTS, listsAt("s3"));
    await scope.openOutOfScope();
    expect(scope.outOfScopeRestored.value).toBeUndefined();
    expect(scope.outOfScopeForm.value.fi).toBe("kissa");
  });

  it("drops the work given back on request", async () => {
    const server = fake.current();
    server.on("GET", LISTS, listsAt("s1"));
    await scope.openOutOfScope();
    scope.updateOutOfScope("sv", "katt\nhund");
    server.on("GET", LISTS, listsAt("s1"));
    await scope.openOutOfScope();
    expect(scope.outOfScopeRestored.value).toMatchObject({ savedSince: false });

    scope.discardRestoredOutOfScope();

    expect(scope.outOfScopeForm.value.sv).toBe("katt");
    expect(scope.outOfScopeUnsaved.value).toBe(false);
    server.on("GET", LISTS, listsAt("s1"));
    await scope.openOutOfScope();
    expect(scope.outOfScopeRestored.value).toBeUndefined();
  });
});
