import { describe, expect, it, vi } from "vitest";
import { UI } from "../i18n.ts";
import { session } from "./app.ts";
import { draftAnswer, draftNaming, signedInWithFakeServer } from "./fakeServer.ts";
import {
  DRAFT_STALE_MS,
  draft,
  draftItemLabel,
  draftItemName,
  loadDraft,
  refreshStaleDraft,
  SEARCH_DEBOUNCE_MS,
  searchHits,
  searchOutOfScope,
  setQuery,
  watchDraft,
} from "./topics.ts";

const draftWaiting = (pendingReview: number[]) => draftAnswer({ pendingReview });

describe("the draft every page reads", () => {
  const fake = signedInWithFakeServer(() => {
    draft.value = undefined;
  });
  const draftReads = () => fake.current().calls.filter((c) => c.path === "/api/content/draft");

  it("is read again on a move to another page only once it is older than half a minute", async () => {
    fake.current().on("GET", "/api/content/draft", () => draftWaiting([]));
    await loadDraft();
    const readAt = Date.now();

    refreshStaleDraft(readAt + DRAFT_STALE_MS - 1_000);
    expect(draftReads()).toHaveLength(1);

    // Meanwhile someone published: the count in the navigation follows.
    fake.current().on("GET", "/api/content/draft", () => draftWaiting([7]));
    refreshStaleDraft(readAt + DRAFT_STALE_MS + 1_000);
    await expect.poll(() => draft.value?.pendingReview).toEqual([7]);
    expect(draftReads()).toHaveLength(2);
  });

  it("is read again while a page stays open, but not while the tab is hidden", async () => {
    vi.useFakeTimers();
    let state = "visible";
    const listeners: (() => void)[] = [];
    vi.stubGlobal("document", {
      get visibilityState() {
        return state;
      },
      addEventListener: (_: string, f: () => void) => listeners.push(f),
      removeEventListener: () => {},
    });
    try {
      fake.current().on("GET", "/api/content/draft", () => draftWaiting([]));
      await loadDraft();
      const stop = watchDraft();

      state = "hidden";
      await vi.advanceTimersByTimeAsync(DRAFT_STALE_MS * 3);
      expect(draftReads()).toHaveLength(1);

      // Shown again: read at once, and a version someone published is counted.
      fake.current().on("GET", "/api/content/draft", () => draftWaiting([8]));
      state = "visible";
      for (const listener of listeners) listener();
      await vi.advanceTimersByTimeAsync(0);
      expect(draft.value?.pendingReview).toEqual([8]);

      fake.current().on("GET", "/api/content/draft", () => draftWaiting([8, 9]));
      await vi.advanceTimersByTimeAsync(DRAFT_STALE_MS + 1);
      expect(draft.value?.pendingReview).toEqual([8, 9]);
      stop();
      await vi.advanceTimersByTimeAsync(DRAFT_STALE_MS * 3);
      expect(draftReads()).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps a signed-in studio signed in when a background read is refused, so no form is emptied", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("document", {
      visibilityState: "visible",
      addEventListener: () => {},
      removeEventListener: () => {},
    });
    try {
      fake.current().on("GET", "/api/content/draft", () => draftWaiting([]));
      await loadDraft();
      fake.current().on("GET", "/api/content/draft", () => ({
        status: 401,
        body: { error: { code: "UNAUTHORIZED", message: "expired" } },
      }));
      const stop = watchDraft();
      await vi.advanceTimersByTimeAsync(DRAFT_STALE_MS + 10_000);
      stop();

      expect(draftReads()).toHaveLength(2);
      expect(session.value).toEqual({ token: "tok" });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("naming a draft topic or referral group", () => {
  it("names it by its title in the studio's language with the id after it, an unknown id as the id", () => {
    draft.value = draftNaming([{ id: "grants", fi: "Avustukset", sv: "" }]);
    expect(draftItemName("grants", UI.fi)).toBe("Avustukset (grants)");
    // No Swedish title yet: the Finnish one, marked as Finnish, rather than the id alone.
    expect(draftItemLabel("grants", UI.sv)).toEqual({
      name: "Avustukset",
      lang: "fi",
      id: "grants",
    });
    expect(draftItemName("kela", UI.sv, "referral")).toBe("FPA (hänvisningsgrupp kela)");
    expect(draftItemName("pension", UI.sv)).toBe("pension");
    draft.value = undefined;
  });
});

describe("a topic search that matches the out-of-scope lists", () => {
  const fake = signedInWithFakeServer(() => {
    setQuery("");
  });

  it("keeps the matched out-of-scope sentences beside the topics, and forgets them with the query", async () => {
    vi.useFakeTimers();
    try {
      fake.current().on("GET", "/api/content/search?q=apuraha", () => ({
        status: 200,
        body: { topics: [], outOfScope: [{ lang: "fi", text: "apurahan verotus" }] },
      }));
      setQuery("apuraha");
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 1);
      expect(searchHits.value).toEqual([]);
      expect(searchOutOfScope.value).toEqual([{ lang: "fi", text: "apurahan verotus" }]);

      setQuery("");
      expect(searchOutOfScope.value).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
