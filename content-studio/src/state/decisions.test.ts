import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DecidedVersion } from "../api.ts";
import { session, signOut } from "./app.ts";
import {
  forgetShownDecisions,
  shownDecisions,
  takeUnseenDecisions,
  unseenDecisions,
} from "./decisions.ts";
import { draftAnswer, memoryStorage, signedInWithFakeServer, tokenOf } from "./fakeServer.ts";
import { loadDraft } from "./topics.ts";

const rejected: DecidedVersion = {
  version: 7,
  outcome: "rejected",
  state: "rejected",
  by: "henrik",
  byName: "Henrik Saarinen",
  at: "2026-12-02T10:05:00.000Z",
  reason: "Lähde puuttuu.",
};
const approved: DecidedVersion = {
  version: 8,
  outcome: "approved",
  state: "live",
  by: "henrik",
  byName: "Henrik Saarinen",
  at: "2026-12-02T11:00:00.000Z",
};

describe("an author's versions decided since they last looked", () => {
  const fake = signedInWithFakeServer(() => signOut());
  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
    session.value = { token: tokenOf("outi") };
  });

  /** The draft as the navigation reads it every half minute, with these decisions in it. */
  async function readDraft(decided: DecidedVersion[]) {
    fake.current().on("GET", "/api/content/draft", () => draftAnswer({ decided }));
    await loadDraft({ background: true });
  }

  it("counts them until the Versions page shows them, then only newer ones", async () => {
    await readDraft([rejected]);
    expect(unseenDecisions.value.map((d) => d.version)).toEqual([7]);

    // The Versions page lists it, with its reason, and the navigation stops counting it.
    takeUnseenDecisions();
    expect(shownDecisions.value).toEqual([rejected]);
    expect(unseenDecisions.value).toEqual([]);

    // One decided while the page is open joins the list, newest first.
    await readDraft([approved, rejected]);
    expect(unseenDecisions.value.map((d) => d.version)).toEqual([8]);
    takeUnseenDecisions();
    expect(shownDecisions.value.map((d) => d.version)).toEqual([8, 7]);

    // Left and come back to (a reload): seen is seen, kept in the browser for this person.
    expect(localStorage.getItem("studio.decisionsSeen.v1:outi")).toBe(approved.at);
    forgetShownDecisions();
    session.value = { token: tokenOf("outi") };
    await readDraft([approved, rejected]);
    expect(unseenDecisions.value).toEqual([]);
    expect(shownDecisions.value).toEqual([]);
  });

  it("keeps what one person has seen apart from another's on the same browser", async () => {
    await readDraft([rejected]);
    takeUnseenDecisions();
    signOut();

    session.value = { token: tokenOf("sanna") };
    await readDraft([rejected]);
    expect(unseenDecisions.value.map((d) => d.version)).toEqual([7]);
    expect(shownDecisions.value).toEqual([]);
  });
});
