import { describe, expect, it } from "vitest";
import { draftAnswer, draftNaming, signedInWithFakeServer } from "./fakeServer.ts";
import * as referrals from "./referrals.ts";
import { draft } from "./topics.ts";

/** The draft as GET draft answers it, kela removed from it when `removed`. */
const draftWith = (removed: boolean) =>
  draftAnswer({
    changes: removed ? [{ id: "kela", kind: "referral", change: "removed", fields: [] }] : [],
  });

describe("referral groups the draft removed", () => {
  const fake = signedInWithFakeServer(() => {
    draft.value = undefined;
  });

  /** The server brings kela back, and its draft then has it again. */
  function bringsKelaBack() {
    fake.current().on("POST", "/api/content/draft/referrals/kela/revert", () => ({
      status: 200,
      body: { ok: true, result: "reverted", warnings: [] },
    }));
    fake.current().on("GET", "/api/content/draft", () => draftWith(false));
    fake.current().on("GET", "/api/content/topics", () => ({
      status: 200,
      body: { version: 3, topics: [] },
    }));
  }

  it("lists them, and brings one back with its live content", async () => {
    draft.value = draftWith(true).body as typeof draft.value;
    expect(referrals.removedReferralIds.value).toEqual(["kela"]);

    bringsKelaBack();

    expect(await referrals.restoreReferral("kela")).toBe(true);
    expect(referrals.removedReferralIds.value).toEqual([]);
    expect(referrals.restoreOutcome.value).toEqual({
      kind: "ok",
      text: "Ohjausryhmän kela luonnoksen muutokset peruttu: se on taas sama kuin käytössä olevassa versiossa.",
    });
  });

  it("names the group by its title in what it says", async () => {
    draft.value = {
      ...draftNaming([]),
      changes: [{ id: "kela", kind: "referral", change: "removed", fields: [] }],
    } as typeof draft.value;
    bringsKelaBack();

    expect(await referrals.restoreReferral("kela")).toBe(true);
    expect(referrals.restoreOutcome.value?.text).toMatch(/^Ohjausryhmän Kela \(kela\) luonnoksen/);
  });

  it("says what the check found when bringing one back is refused", async () => {
    draft.value = draftWith(true).body as typeof draft.value;
    fake.current().on("POST", "/api/content/draft/referrals/kela/revert", () => ({
      status: 400,
      body: {
        error: {
          code: "CONTENT_INVALID",
          problems: [{ path: "fi.sentences[0]", message: "Lause on jo aiheessa vat.", fix: "" }],
        },
      },
    }));

    expect(await referrals.restoreReferral("kela")).toBe(false);
    expect(referrals.restoreOutcome.value).toEqual({
      kind: "error",
      text: "Muutoksia ei peruttu: Lause on jo aiheessa vat.",
    });
    expect(referrals.removedReferralIds.value).toEqual(["kela"]);
  });
});
