// The editors when the server is slow or gone: nothing is a dead end, and nothing is lost.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { REQUEST_TIMEOUT_MS } from "../api.ts";
import { text } from "../i18n.ts";
import { announcement, SLOW_ACTION_MS, session, signOut } from "./app.ts";
import * as editor from "./editor.ts";
import {
  capitalGainsTopic,
  draftAnswer,
  kelaGroup,
  memoryStorage,
  never,
  signedInWithFakeServer,
  tokenOf,
} from "./fakeServer.ts";
import * as scope from "./outOfScope.ts";
import * as referrals from "./referrals.ts";

const TOPIC = "/api/content/draft/topics/capital-gains";
const t = text.value;
const gone = () => ({
  status: 503,
  body: { error: { code: "SERVICE_UNAVAILABLE", message: "" } },
});
const topicAt = (revision: string) => () => ({
  status: 200,
  body: {
    topic: capitalGainsTopic,
    retired: false,
    revision,
  },
});

describe("the topic editor when the server is slow or gone", () => {
  const fake = signedInWithFakeServer(() => signOut());
  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
    session.value = { token: tokenOf("outi"), name: "Outi Omistaja" };
    fake.current().on("GET", "/api/content/draft", () => draftAnswer());
  });
  afterEach(() => vi.useRealTimers());

  /** Outi opens the topic (read at r1) and types a new title: the form is kept in the browser. */
  async function typeTitle() {
    fake.current().on("GET", TOPIC, topicAt("r1"));
    await editor.open("capital-gains");
    editor.update((f) => ({ ...f, fi: { ...f.fi, title: "Luovutusvoitto" } }));
  }

  it("says a topic it could not read keeps its unsaved work, and opens it with the work when tried again", async () => {
    await typeTitle();
    editor.startNew();
    fake.current().on("GET", TOPIC, gone);

    await editor.open("capital-gains");

    expect(editor.loading.value).toBe(false);
    expect(editor.loadError.value).toBe(`${t.noAnswer} ${t.keptWhileUnread}`);
    // "Try again" opens it once more: read now, with the work given back.
    fake.current().on("GET", TOPIC, topicAt("r1"));
    await editor.open("capital-gains");
    expect(editor.loadError.value).toBe("");
    expect(editor.form.value.fi.title).toBe("Luovutusvoitto");
    expect(editor.restored.value).toMatchObject({ savedSince: false });
  });

  it("does not promise kept work when the browser keeps none for the topic", async () => {
    fake.current().on("GET", TOPIC, gone);
    await editor.open("capital-gains");
    expect(editor.loadError.value).toBe(t.noAnswer);
  });

  it("tells a save with no answer as the service's failure, with the work kept and to be saved again", async () => {
    await typeTitle();
    fake.current().on("PUT", TOPIC, gone);

    expect(await editor.save()).toBe(false);

    expect(editor.outcome.value).toEqual({ kind: "error", text: t.saveFailed(t.noAnswer, true) });
    // The check refusing the content is the other kind: its problems are at the fields.
    fake.current().on("PUT", TOPIC, () => ({
      status: 400,
      body: { error: { code: "CONTENT_INVALID", message: "", problems: [] } },
    }));
    expect(await editor.save()).toBe(false);
    expect(editor.outcome.value).toMatchObject({ byCheck: true });
  });

  it("says a save is slow after 5 s, and one with no answer in 30 s failed, kept, to try again", async () => {
    await typeTitle();
    vi.useFakeTimers();
    fake.current().on("PUT", TOPIC, never);

    const saving = editor.save();
    await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS - 1);
    expect(editor.topicEdit.slow.value).toBe("");
    await vi.advanceTimersByTimeAsync(100);
    expect(editor.topicEdit.slow.value).toBe(t.saveSlow);
    expect(announcement.value).toBe(t.saveSlow);
    expect(editor.saving.value).toBe(true);

    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(await saving).toBe(false);
    expect(editor.saving.value).toBe(false);
    expect(editor.topicEdit.slow.value).toBe("");
    expect(editor.outcome.value).toEqual({ kind: "error", text: t.saveTimedOut(true) });
    expect(editor.unsaved.value).toBe(true);
  });

  it("says a retire or a discard is slow after 5 s in the Save row, as a save is, until it ends", async () => {
    await typeTitle();
    vi.useFakeTimers();
    const server = fake.current();
    let answer: (a: { status: number; body: unknown }) => void = () => {};
    server.on("DELETE", TOPIC, () => new Promise((resolve) => (answer = resolve)));

    const retiring = editor.retire();
    await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS - 1);
    expect(editor.topicEdit.slow.value).toBe("");
    await vi.advanceTimersByTimeAsync(100);
    expect(editor.topicEdit.slow.value).toBe(t.actionSlow);
    expect(announcement.value).toBe(t.actionSlow);
    answer(gone());
    await retiring;
    expect(editor.topicEdit.slow.value).toBe("");

    server.on("POST", `${TOPIC}/revert`, never);
    void editor.revert();
    await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS + 100);
    expect(editor.topicEdit.slow.value).toBe(t.actionSlow);
  });

  /**
   * A save that times out, then a re-save that meets the save of `updatedBy` (a name) with
   * `updatedBySubject` (who, by identity) as a conflict.
   */
  async function timedOutThenConflict(updatedBy: string, updatedBySubject: string) {
    await typeTitle();
    vi.useFakeTimers();
    const server = fake.current();
    server.on("PUT", TOPIC, never);
    const first = editor.save();
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    await first;
    vi.useRealTimers();
    server.on("PUT", TOPIC, () => ({
      status: 412,
      body: {
        error: {
          code: "EDIT_CONFLICT",
          message: "",
          current: { updatedBy, updatedBySubject, revision: "r2" },
        },
      },
    }));
    expect(await editor.save()).toBe(false);
    return server;
  }

  it("reads a conflict with the person's own save, after one timed out, as that save having landed", async () => {
    const server = await timedOutThenConflict("Outi Omistaja", "outi");

    expect(editor.outcome.value?.text).toMatch(
      /^Edellinen tallennuksesi ei vastannut ajoissa, mutta se ehti ilmeisesti perille: Outi Omistaja tallensi tämän\./,
    );
    expect(editor.conflict.value).toMatchObject({ on: "save", revision: "r2" });
    // Both saves expected what the form was read at: the landed one is not overwritten unseen.
    expect(server.calls.filter((c) => c.method === "PUT").map((c) => c.condition)).toEqual([
      '"r1"',
      '"r1"',
    ]);
  });

  it("reads a conflict with someone else's save as usual, timed out or not", async () => {
    await timedOutThenConflict("Henrik", "henrik");

    expect(editor.outcome.value?.text).toMatch(/^Henrik tallensi tämän sen jälkeen/);
  });

  it("reads a namesake's save as someone else's: the same display name is not the same person", async () => {
    await timedOutThenConflict("Outi Omistaja", "another-outi");

    expect(editor.outcome.value?.text).toMatch(/^Outi Omistaja tallensi tämän sen jälkeen/);
  });

  it("reads the person's own save met with no timeout here (a reload after it, another window) as theirs", async () => {
    await typeTitle();
    fake.current().on("PUT", TOPIC, () => ({
      status: 412,
      body: {
        error: {
          code: "EDIT_CONFLICT",
          message: "",
          current: { updatedBy: "Outi Omistaja", updatedBySubject: "outi", revision: "r2" },
        },
      },
    }));

    expect(await editor.save()).toBe(false);

    expect(editor.outcome.value?.text).toMatch(/^Olet itse tallentanut tämän sen jälkeen/);
    expect(editor.conflict.value).toMatchObject({ on: "save", revision: "r2" });
  });
});

describe("the referral and out-of-scope editors when the server is gone", () => {
  const fake = signedInWithFakeServer(() => signOut());
  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
    session.value = { token: tokenOf("outi") };
  });

  const GROUP = "/api/content/draft/referrals/kela";
  const group = kelaGroup;

  it("opens no form for a group it could read nothing of (not a new group), and opens it when tried again", async () => {
    const server = fake.current();
    server.on("GET", "/api/content/draft", gone);
    server.on("GET", GROUP, gone);

    await referrals.openReferral("kela");

    expect(referrals.openId.value).toBe("kela");
    expect(referrals.nothingRead.value).toBe(true);
    expect(referrals.readError.value).toBe(t.noAnswer);
    expect(referrals.referralSaveBlocked.value).toBe(true);

    server.on("GET", "/api/content/draft", () => draftAnswer({ referrals: [group] }));
    server.on("GET", GROUP, () => ({ status: 200, body: { referral: group, revision: "g1" } }));
    await referrals.openReferral("kela");
    expect(referrals.nothingRead.value).toBe(false);
    expect(referrals.readError.value).toBe("");
    expect(referrals.referralSaveBlocked.value).toBe(false);
    expect(referrals.referralForm.value.fi.title).toBe("Kela");
  });

  it("says lists it could not read keep their unsaved work, and gives it back when tried again", async () => {
    const LISTS = "/api/content/draft/out-of-scope";
    const lists = () => ({
      status: 200,
      body: { outOfScope: { fi: ["kissa"], sv: ["katt"] }, revision: "s1" },
    });
    const server = fake.current();
    server.on("GET", LISTS, lists);
    await scope.openOutOfScope();
    scope.updateOutOfScope("fi", "kissa\nkoira");

    server.on("GET", LISTS, gone);
    await scope.openOutOfScope();
    expect(scope.unreadable.value).toBe(true);
    expect(scope.readError.value).toBe(`${t.noAnswer} ${t.keptWhileUnread}`);

    server.on("GET", LISTS, lists);
    await scope.openOutOfScope();
    expect(scope.readError.value).toBe("");
    expect(scope.outOfScopeForm.value.fi).toBe("kissa\nkoira");
  });
});
