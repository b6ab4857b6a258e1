import { describe, expect, it } from "vitest";
import { draftAnswer, signedInWithFakeServer } from "./fakeServer.ts";
import { DRAFT_STALE_MS, draft, loadDraft, refreshStaleDraft } from "./topics.ts";

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
});
