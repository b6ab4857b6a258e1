import { afterEach, describe, expect, it, vi } from "vitest";
import { type ContentVersion, LONG_REQUEST_TIMEOUT_MS } from "../api.ts";
import { setUiLang, text, UI } from "../i18n.ts";
import { announcement, route, SLOW_ACTION_MS } from "./app.ts";
import { never, signedInWithFakeServer } from "./fakeServer.ts";
import { recheckOnLanguageSwitch } from "./language.ts";
import * as versions from "./versions.ts";

const version = (n: number): ContentVersion => ({
  version: n,
  state: n === 45 ? "live" : "superseded",
  author: "owner",
  createdAt: "2026-12-01T10:00:00.000Z",
  comment: `v${n}`,
});
/** Versions from `newest` down to `oldest`. */
const range = (newest: number, oldest: number) =>
  Array.from({ length: newest - oldest + 1 }, (_, i) => version(newest - i));

describe("the version history in pages", () => {
  const fake = signedInWithFakeServer(() => {
    versions.list.value = undefined;
  });
  /** The newest 20 of 45 versions, as the studio first reads them. */
  async function showFirstPage() {
    fake.current().on("GET", "/api/content/versions?limit=20", () => ({
      status: 200,
      body: { live: 45, versions: range(45, 26), more: true },
    }));
    await versions.load();
  }

  const historyCalls = () =>
    fake
      .current()
      .calls.map((c) => c.path)
      .filter((p) => p.startsWith("/api/content/versions"));

  it("shows the newest page, appends older ones on request, and keeps them on reload", async () => {
    await showFirstPage();
    expect(versions.list.value?.versions.map((v) => v.version)).toEqual(
      range(45, 26).map((v) => v.version),
    );
    expect(versions.list.value?.more).toBe(true);

    fake.current().on("GET", "/api/content/versions?limit=20&before=26", () => ({
      status: 200,
      body: { live: 45, versions: range(25, 21), more: false },
    }));
    await versions.loadOlder();
    expect(versions.list.value?.versions.map((v) => v.version)).toEqual(
      range(45, 21).map((v) => v.version),
    );
    expect(versions.list.value?.more).toBe(false);

    // After an approval the list is read again, as long as the user had it.
    fake.current().on("GET", "/api/content/versions?limit=25", () => ({
      status: 200,
      body: { live: 46, versions: [version(46), ...range(45, 22)], more: true },
    }));
    await versions.load();
    expect(versions.list.value?.versions).toHaveLength(25);
    expect(versions.list.value?.live).toBe(46);
    expect(historyCalls()).toEqual([
      "/api/content/versions?limit=20",
      "/api/content/versions?limit=20&before=26",
      "/api/content/versions?limit=25",
    ]);
  });

  it("keeps the list as it was when an older page cannot be read", async () => {
    await showFirstPage();
    fake.current().on("GET", "/api/content/versions?limit=20&before=26", () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } },
    }));
    await versions.loadOlder();
    expect(versions.list.value?.versions).toHaveLength(20);
    expect(versions.listError.value).not.toBe("");
    expect(versions.loadingOlder.value).toBe(false);
  });
});

describe("a publish the check refuses", () => {
  const fake = signedInWithFakeServer(() => {
    versions.notice.value = undefined;
    versions.comment.value = "";
  });

  it("says nothing changed and lists every finding with its fix, in the studio's language", async () => {
    fake.current().on("POST", "/api/content/publish", () => ({
      status: 400,
      body: {
        error: {
          code: "CONTENT_INVALID",
          message: "The content has 2 problems; see problems.",
          problems: [
            {
              path: "tests",
              code: "gateAccuracy",
              message:
                "Suomi: testiviesteistä 91,2 % sai oikean vastauksen; vähintään 93 % tarvitaan.",
              fix: "Lisää opetuslauseita.",
            },
            {
              path: "topics/vat.yaml fi.utterances[3]",
              code: "curlyBraces",
              message: "Lauseessa on aaltosulje { tai }.",
              fix: "Poista aaltosulkeet.",
            },
          ],
        },
      },
    }));
    versions.comment.value = "Uusi aihe";

    expect(await versions.publish()).toBe(false);

    expect(versions.notice.value).toMatchObject({
      kind: "error",
      text: "Sisältö ei läpäissyt tarkistusta (2 virhettä). Mitään ei muutettu.",
      at: "publish",
    });
    // The findings are told by the server, in the language the studio asked for.
    const publishCall = vi
      .mocked(fetch)
      .mock.calls.find(([path]) => path === "/api/content/publish");
    expect(
      (publishCall?.[1]?.headers as Record<string, string> | undefined)?.["accept-language"],
    ).toBe("fi");
    expect(versions.notice.value?.problems?.map((p) => p.message)).toEqual([
      "Suomi: testiviesteistä 91,2 % sai oikean vastauksen; vähintään 93 % tarvitaan.",
      "Lauseessa on aaltosulje { tai }.",
    ]);
    // The comment stays, so publishing again after the fix needs no retyping.
    expect(versions.comment.value).toBe("Uusi aihe");
  });

  it("tells the findings again in Swedish after a switch, from what the refusal kept of each", async () => {
    fake.current().on("POST", "/api/content/publish", () => ({
      status: 400,
      body: {
        error: {
          code: "CONTENT_INVALID",
          message: "x",
          problems: [
            {
              path: "tests",
              code: "gateAccuracy",
              params: { lang: "fi", share: 0.912, min: 0.93 },
              message: "Suomi: testiviesteistä 91,2 % sai oikean vastauksen.",
              fix: "Lisää opetuslauseita.",
            },
          ],
        },
      },
    }));
    fake.current().on("POST", "/api/content/tell", (body) => ({
      status: 200,
      body: {
        told: (body as { findings: unknown[] }).findings.map(() => ({
          message: "Finska: 91,2 % av testmeddelandena fick rätt svar.",
          fix: "Lägg till träningsmeningar.",
        })),
      },
    }));
    versions.comment.value = "Uusi aihe";
    await versions.publish();
    route.value = { view: "versions" };
    const stop = recheckOnLanguageSwitch();
    try {
      setUiLang("sv");
      await expect.poll(() => versions.notice.value?.problems?.[0]?.message).toMatch(/^Finska/);
    } finally {
      stop();
      setUiLang("fi");
      route.value = { view: "topics" };
    }

    const tellCall = fake.current().calls.find((c) => c.path === "/api/content/tell");
    expect(tellCall?.body).toEqual({
      findings: [{ code: "gateAccuracy", params: { lang: "fi", share: 0.912, min: 0.93 } }],
    });
    expect(versions.notice.value).toMatchObject({
      text: "Innehållet klarade inte kontrollen (1 fel). Inget ändrades.",
      problems: [{ path: "tests", fix: "Lägg till träningsmeningar." }],
    });
  });
});

describe("what the publish panel offers for the draft", () => {
  const fake = signedInWithFakeServer(() => {
    versions.draftDiff.value = undefined;
    versions.lastCreated.value = undefined;
    versions.notice.value = undefined;
  });
  const change = { id: "vat", change: "changed" as const, fields: ["fi.answer"] };

  it("offers no form for a draft that is live already, pending review or not", () => {
    expect(versions.draftOffer({ against: 3, topics: [] })).toEqual({ kind: "nothing" });
    expect(versions.draftOffer({ against: 3, topics: [], pendingWithDraft: 4 })).toEqual({
      kind: "nothing",
    });
    expect(versions.draftOffer({ against: 3, topics: [change] })).toEqual({ kind: "send" });
    expect(versions.draftOffer(undefined)).toEqual({ kind: "loading" });
  });

  it("names the version just sent instead of the form, once the draft is read again", async () => {
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: { against: 1, topics: [change] },
    }));
    await versions.loadDraftDiff();
    expect(versions.draftOffer(versions.draftDiff.value)).toEqual({ kind: "send" });

    fake.current().on("POST", "/api/content/publish", () => ({
      status: 200,
      body: { version: 2, state: "pending-review" },
    }));
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: { against: 1, topics: [change], pendingWithDraft: 2 },
    }));
    versions.comment.value = "ALV:n vastaus";
    expect(await versions.publish()).toBe(true);

    expect(versions.draftOffer(versions.draftDiff.value)).toEqual({ kind: "pending", version: 2 });
    expect(versions.lastCreated.value).toMatchObject({ version: 2, state: "pending-review" });
  });
});

describe("a version approved after another went live", () => {
  const fake = signedInWithFakeServer(() => {
    versions.notice.value = undefined;
    versions.list.value = undefined;
  });
  const listCalls = () =>
    fake
      .current()
      .calls.filter((c) => c.method === "GET" && c.path.startsWith("/api/content/versions"));

  it("says why, and reads the list again, where the server now shows it superseded", async () => {
    const said =
      "Versio 9 julkaistiin, kun käytössä oli versio 8, mutta nyt käytössä on versio 10: sen hyväksyminen kumoaisi version 10 muutokset. Julkaise luonnos uudelleen ja tarkasta uusi versio.";
    fake.current().on("POST", "/api/content/versions/9/approve", () => ({
      status: 409,
      body: { error: { code: "VERSION_STALE", message: said } },
    }));
    fake.current().on("GET", "/api/content/versions?limit=20", () => ({
      status: 200,
      body: {
        live: 10,
        versions: [
          { ...version(10), state: "live" },
          { ...version(9), state: "superseded", error: "Versio 10 otettiin käyttöön ensin." },
        ],
        more: false,
      },
    }));

    expect(await versions.approve(9)).toBe(false);

    // Shown in version 9's row, where the approval was asked for.
    expect(versions.notice.value).toEqual({
      kind: "error",
      text: `Toiminto epäonnistui. Palvelimen viesti: ${said}`,
      at: 9,
    });
    expect(listCalls()).toHaveLength(1);
    expect(versions.list.value?.versions.find((v) => v.version === 9)?.state).toBe("superseded");
    expect(versions.confirming.value).toBeUndefined();
  });

  it("reads the list and the draft again after an approval that timed out, since it may have landed", async () => {
    vi.useFakeTimers();
    try {
      fake.current().on("POST", "/api/content/versions/9/approve", never);
      fake.current().on("GET", "/api/content/versions?limit=20", () => ({
        status: 200,
        body: { live: 9, versions: [{ ...version(9), state: "live" }], more: false },
      }));
      fake.current().on("GET", "/api/content/draft/diff", () => ({
        status: 200,
        body: { against: 9, topics: [], referrals: [] },
      }));

      const approving = versions.approve(9);
      await vi.advanceTimersByTimeAsync(LONG_REQUEST_TIMEOUT_MS);

      expect(await approving).toBe(false);
      expect(versions.notice.value?.text).toMatch(/Se saattoi silti mennä perille/);
      expect(listCalls()).toHaveLength(1);
      expect(versions.list.value?.versions[0]?.state).toBe("live");
      expect(fake.current().calls.map((c) => c.path)).toContain("/api/content/draft/diff");
    } finally {
      vi.useRealTimers();
    }
  });

  it("says once, after 5 s, that a publish or an approval is taking longer, until it ends", async () => {
    vi.useFakeTimers();
    try {
      fake.current().on("POST", "/api/content/versions/9/approve", never);
      const approving = versions.approve(9);
      await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS - 1);
      expect(versions.slow.value).toBe("");
      await vi.advanceTimersByTimeAsync(100);
      expect(versions.slow.value).toBe(text.value.actionSlow);
      expect(announcement.value).toBe(text.value.actionSlow);
      await vi.advanceTimersByTimeAsync(LONG_REQUEST_TIMEOUT_MS);
      await approving;
      expect(versions.slow.value).toBe("");

      versions.comment.value = "Uusi aihe";
      fake.current().on("POST", "/api/content/publish", never);
      void versions.publish();
      await vi.advanceTimersByTimeAsync(SLOW_ACTION_MS + 100);
      expect(versions.slow.value).toBe(text.value.actionSlow);
    } finally {
      vi.useRealTimers();
    }
  });

  it("leaves the list as it is after any other refusal", async () => {
    fake.current().on("POST", "/api/content/versions/9/approve", () => ({
      status: 409,
      body: { error: { code: "CONFLICT", message: "Version 8 is being built." } },
    }));

    expect(await versions.approve(9)).toBe(false);

    expect(listCalls()).toHaveLength(0);
  });
});

describe("the author withdrawing a version waiting for review", () => {
  const fake = signedInWithFakeServer(() => {
    versions.notice.value = undefined;
    versions.list.value = undefined;
  });

  it("asks the server, says it is done and reads the list again", async () => {
    fake.current().on("POST", "/api/content/versions/11/withdraw", () => ({
      status: 200,
      body: { version: 11, state: "rejected" },
    }));
    versions.confirming.value = { kind: "withdraw", version: 11 };

    expect(await versions.withdraw(11)).toBe(true);

    expect(fake.current().calls[0]).toMatchObject({
      method: "POST",
      path: "/api/content/versions/11/withdraw",
    });
    // In version 11's row, where the withdrawal was asked for, not at the page's top.
    expect(versions.notice.value).toEqual({
      kind: "ok",
      text: "Version 11 julkaisu peruttu.",
      at: 11,
    });
    expect(versions.confirming.value).toBeUndefined();
    expect(fake.current().calls.some((c) => c.path === "/api/content/versions?limit=20")).toBe(
      true,
    );
  });
});

describe("a rollback asked for with its reason", () => {
  const fake = signedInWithFakeServer(() => {
    versions.notice.value = undefined;
    versions.list.value = undefined;
    versions.rollbackComment.value = "";
    versions.rollbackError.value = "";
  });

  it("asks for the reason first and sends nothing without one", async () => {
    versions.confirming.value = { kind: "rollback", version: 3 };
    versions.rollbackComment.value = "   ";

    expect(await versions.rollback(3)).toBe(false);

    expect(versions.rollbackError.value).toBe("Kirjoita palautuksen syy.");
    expect(fake.current().calls).toEqual([]);
    // The question stays open at its field.
    expect(versions.confirming.value).toEqual({ kind: "rollback", version: 3 });
  });

  it("sends the reason with the rollback, and clears it once the version is made", async () => {
    fake.current().on("POST", "/api/content/versions/3/rollback", () => ({
      status: 200,
      body: { version: 12, state: "pending-review" },
    }));
    versions.confirming.value = { kind: "rollback", version: 3 };
    versions.rollbackComment.value = "  Väärä verokanta vastauksessa.  ";

    expect(await versions.rollback(3)).toBe(true);

    expect(fake.current().calls[0]).toMatchObject({
      method: "POST",
      path: "/api/content/versions/3/rollback",
      body: { comment: "Väärä verokanta vastauksessa." },
    });
    expect(versions.rollbackComment.value).toBe("");
    expect(versions.rollbackError.value).toBe("");
    expect(versions.notice.value?.text).toMatch(/^Versio 12 luotu palauttamaan version 3/);
    // In version 3's row, where the rollback was asked for (version 12 is the one it made).
    expect(versions.notice.value?.at).toBe(3);
  });
});

describe("a rollback's confirmation, on the draft's own changes it meets", () => {
  const fake = signedInWithFakeServer(() => {
    versions.rollbackCheck.value = undefined;
  });
  const title = (fi: string, sv: string) => ({ fi, sv });

  it("names each draft change the rolled-back content changes too, what each does, before anything is sent", async () => {
    // Prepare: the draft changed two topics, a referral group and the out-of-scope lists
    // against live version 5; version 3's content retires one of those topics, changes the
    // group, and changes a topic and a topic-id-alike the draft left alone.
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: {
        against: 5,
        topics: [
          {
            id: "tax-card",
            change: "changed",
            fields: ["fi.answer"],
            title: title("Verokortti", "Skattekort"),
          },
          {
            id: "capital-gains",
            change: "changed",
            fields: ["fi.answer"],
            title: title("Luovutusvoitot", "Överlåtelsevinster"),
          },
          {
            id: "kela",
            kind: "referral",
            change: "changed",
            fields: ["fi.sentences"],
            title: title("Kela", "FPA"),
          },
          { id: "out-of-scope", change: "changed", fields: ["outOfScope.fi"] },
        ],
      },
    }));
    fake.current().on("GET", "/api/content/versions/3/diff?against=5", () => ({
      status: 200,
      body: {
        version: 3,
        against: 5,
        topics: [
          {
            id: "capital-gains",
            change: "removed",
            fields: [],
            title: title("Luovutusvoitot", "Överlåtelsevinster"),
          },
          {
            id: "kela",
            kind: "referral",
            change: "changed",
            fields: ["fi.answer"],
            title: title("Kela", "FPA"),
          },
          { id: "kela", change: "added", fields: [], title: title("Kelan aihe", "FPA-ämne") },
          {
            id: "pension",
            change: "changed",
            fields: ["fi.answer"],
            title: title("Eläke", "Pension"),
          },
        ],
      },
    }));

    // Act: the confirmation opens.
    await versions.checkRollback(3);

    // Assess: only what both change, by kind, with what the draft and the rollback do to it.
    expect(versions.rollbackCheck.value).toEqual({
      version: 3,
      draftChanged: true,
      followUps: [],
      touches: [
        {
          id: "kela",
          kind: "referral",
          title: title("Kela", "FPA"),
          draft: "changed",
          rollback: "changed",
        },
        {
          id: "capital-gains",
          title: title("Luovutusvoitot", "Överlåtelsevinster"),
          draft: "changed",
          rollback: "removed",
        },
      ],
    });
    expect(fake.current().calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /api/content/draft/diff",
      "GET /api/content/versions/3/diff?against=5",
    ]);
    await vi.waitFor(() =>
      expect(announcement.value).toBe(
        "Palautus osuu 2 luonnoksen muutokseen: Kela (ohjausryhmä kela), Luovutusvoitot (capital-gains).",
      ),
    );
    const t = text.value;
    expect(t.rollbackTouchRollback(3, "removed")).toBe("versio 3 poistaisi sen käytöstä");
    expect(t.rollbackTouchesOutcome(3, 2)).toMatch(
      /asiakkaat saavat näihinkin version 3 sisällön, mutta luonnos pitää niistä oman versionsa/,
    );
  });

  it("reads no version diff and says nothing more for a draft with no changes of its own", async () => {
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: { against: 5, topics: [] },
    }));

    await versions.checkRollback(3);

    expect(versions.rollbackCheck.value).toEqual({
      version: 3,
      touches: [],
      draftChanged: false,
      followUps: [],
    });
    expect(fake.current().calls).toHaveLength(1);
  });

  it("warns of a kept draft topic whose follow-up the rolled-back content does not have, since the next publish would be refused", async () => {
    // Prepare: against live 5, the draft added a follow-up to inheritance-tax in church-tax,
    // kept live's follow-up to inheritance-tax in tax-card, and changed capital-gains (which
    // version 3 does not have either, so only the draft's copy says what it follows up with).
    // Version 3 does not have inheritance-tax; it does not have gift-tax either, but the
    // draft changed gift-tax itself and keeps it.
    const followUps = (added: string[], removed: string[] = []) => ({
      field: "followUps",
      added,
      removed,
    });
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: {
        against: 5,
        topics: [
          {
            id: "church-tax",
            change: "changed",
            fields: ["followUps"],
            details: [followUps(["inheritance-tax"])],
            title: title("Kirkollisvero", "Kyrkoskatt"),
          },
          {
            id: "tax-card",
            change: "changed",
            fields: ["fi.answer"],
            details: [{ field: "fi.answer", before: "a", after: "b" }],
            title: title("Verokortti", "Skattekort"),
          },
          {
            id: "capital-gains",
            change: "changed",
            fields: ["fi.answer"],
            title: title("Luovutusvoitot", "Överlåtelsevinster"),
          },
          {
            id: "pension",
            change: "changed",
            fields: ["followUps"],
            details: [followUps([], ["inheritance-tax"])],
            title: title("Eläke", "Pension"),
          },
          {
            id: "gift-tax",
            change: "changed",
            fields: ["fi.answer"],
            title: title("Lahja", "Gåva"),
          },
        ],
      },
    }));
    fake.current().on("GET", "/api/content/versions/3/diff?against=5", () => ({
      status: 200,
      body: {
        version: 3,
        against: 5,
        topics: [
          {
            id: "inheritance-tax",
            change: "removed",
            fields: [],
            title: title("Perintövero", "Arvsskatt"),
          },
          { id: "gift-tax", change: "removed", fields: [], title: title("Lahja", "Gåva") },
          {
            id: "capital-gains",
            change: "removed",
            fields: [],
            title: title("Luovutusvoitot", "Överlåtelsevinster"),
          },
          {
            id: "tax-card",
            change: "changed",
            fields: ["followUps"],
            details: [followUps([], ["inheritance-tax"])],
            title: title("Verokortti", "Skattekort"),
          },
          {
            id: "pension",
            change: "changed",
            fields: ["followUps"],
            details: [followUps([], ["inheritance-tax"])],
            title: title("Eläke", "Pension"),
          },
        ],
      },
    }));
    fake.current().on("GET", "/api/content/draft/topics/capital-gains", () => ({
      status: 200,
      body: {
        topic: { id: "capital-gains", followUps: ["gift-tax", "inheritance-tax"] },
        retired: false,
      },
    }));

    fake.current().on("GET", "/api/content/draft/topics/gift-tax", () => ({
      status: 200,
      body: { topic: { id: "gift-tax", followUps: [] }, retired: false },
    }));

    await versions.checkRollback(3);

    const check = versions.rollbackCheck.value;
    // Pension's draft took its follow-up away, and gift-tax stays in the draft: neither is named.
    expect(check && "followUps" in check ? check.followUps : check).toEqual([
      {
        topic: { id: "church-tax", title: title("Kirkollisvero", "Kyrkoskatt") },
        followUp: { id: "inheritance-tax", title: title("Perintövero", "Arvsskatt") },
      },
      {
        topic: { id: "capital-gains", title: title("Luovutusvoitot", "Överlåtelsevinster") },
        followUp: { id: "inheritance-tax", title: title("Perintövero", "Arvsskatt") },
      },
      {
        topic: { id: "tax-card", title: title("Verokortti", "Skattekort") },
        followUp: { id: "inheritance-tax", title: title("Perintövero", "Arvsskatt") },
      },
    ]);
    expect(fake.current().calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /api/content/draft/diff",
      "GET /api/content/versions/3/diff?against=5",
      "GET /api/content/draft/topics/capital-gains",
      "GET /api/content/draft/topics/gift-tax",
    ]);
    await vi.waitFor(() =>
      expect(announcement.value).toMatch(
        /Varoitus: luonnoksen aiheilla on 3 jatkoaihetta, joita version 3 sisällössä ei ole: Kirkollisvero \(church-tax\), jatkoaihe Perintövero \(inheritance-tax\), /,
      ),
    );
    expect(UI.sv.rollbackFollowUpsLead(3, 1)).toMatch(/^Varning: ett ämne i utkastet/);
  });

  it("reads no draft topic when the rolled-back content leaves no topic out", async () => {
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: {
        against: 5,
        topics: [{ id: "tax-card", change: "changed", fields: ["fi.answer"] }],
      },
    }));
    fake.current().on("GET", "/api/content/versions/3/diff?against=5", () => ({
      status: 200,
      body: {
        version: 3,
        against: 5,
        topics: [{ id: "tax-card", change: "removed", fields: [] }],
      },
    }));

    await versions.checkRollback(3);

    expect(fake.current().calls).toHaveLength(2);
    const check = versions.rollbackCheck.value;
    expect(check && "followUps" in check ? check.followUps : check).toEqual([]);
  });

  it("says it could not check when the version's diff cannot be read", async () => {
    fake.current().on("GET", "/api/content/draft/diff", () => ({
      status: 200,
      body: { against: 5, topics: [{ id: "tax-card", change: "changed", fields: ["fi.answer"] }] },
    }));
    fake.current().on("GET", "/api/content/versions/3/diff?against=5", () => ({
      status: 503,
      body: { error: { code: "SERVICE_UNAVAILABLE", message: "down" } },
    }));

    await versions.checkRollback(3);

    expect(versions.rollbackCheck.value).toEqual({ version: 3, touches: "error" });
  });
});

describe("a reviewer testing a version against live", () => {
  const fake = signedInWithFakeServer(() => {
    versions.versionTests.value = {};
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("says how many messages it gets newly wrong and how many it fixes", async () => {
    vi.useFakeTimers();
    const report = { accuracy: 0.95, noneRecall: 0.93, total: 2, perTopic: [], confusions: [] };
    fake.current().on("POST", "/api/content/versions/7/test", () => ({
      status: 200,
      body: {
        version: 7,
        against: 6,
        splits: { tests: { fi: report, sv: report }, dev: { fi: report, sv: report } },
        changed: [
          { text: "a", lang: "fi", split: "tests", expected: "vat", live: "none", draft: "vat" },
          { text: "b", lang: "fi", split: "dev", expected: "vat", live: "vat", draft: "none" },
          { text: "c", lang: "sv", split: "tests", expected: "none", live: "vat", draft: "none" },
        ],
        gate: [],
      },
    }));

    await versions.testVersion(7);
    await vi.advanceTimersByTimeAsync(60);

    expect(announcement.value).toBe(
      "Versio 7 testattu: 3 viestin aihe muuttuu. 1 uusi virhe, 2 korjattua.",
    );
  });
});

describe("a version published again after a rejection", () => {
  const fake = signedInWithFakeServer(() => {
    versions.sinceDiffs.value = {};
    versions.sinceExpanded.value = new Set();
  });
  const listed = (n: number, state: ContentVersion["state"], basedOn?: number) => ({
    ...version(n),
    state,
    ...(basedOn !== undefined ? { basedOn } : {}),
  });

  it("is compared with the newest rejected version published against the same live one", () => {
    const history = [
      listed(14, "pending-review", 10),
      listed(13, "rejected", 10),
      listed(12, "rejected", 10),
      listed(11, "rejected", 9),
      listed(10, "live", 9),
    ];
    expect(versions.rejectedBefore(listed(14, "pending-review", 10), history)?.version).toBe(13);
    // A rejection against another live version is no earlier round of this draft.
    expect(versions.rejectedBefore(listed(12, "rejected", 10), history)).toBeUndefined();
    expect(versions.rejectedBefore(listed(14, "pending-review"), history)).toBeUndefined();
  });

  it("reads the diff against that version once, when first shown", async () => {
    fake.current().on("GET", "/api/content/versions/14/diff?against=13", () => ({
      status: 200,
      body: { version: 14, against: 13, topics: [] },
    }));
    versions.toggleSinceDiff(14, 13);
    await vi.waitFor(() => expect(versions.sinceDiffs.value[14]).not.toBe("loading"));
    expect(versions.sinceDiffs.value[14]).toEqual({ version: 14, against: 13, topics: [] });
    versions.toggleSinceDiff(14, 13);
    versions.toggleSinceDiff(14, 13);
    expect(versions.sinceExpanded.value.has(14)).toBe(true);
    expect(fake.current().calls.map((c) => c.path)).toEqual([
      "/api/content/versions/14/diff?against=13",
    ]);
  });
});
