import { describe, expect, it, vi } from "vitest";
import { sampleChat, sampleMessage } from "../chat/chatStoreContract.ts";
import { createMemoryChatStore } from "../chat/memoryChatStore.ts";
import type { Chat } from "../chat/model.ts";
import { issueChatToken } from "../chat/tokens.ts";
import { manualClock } from "../clock.ts";
import { submitSurvey } from "./submitSurvey.ts";

const NOW = new Date("2026-12-03T10:00:00.000Z");

/** An ended chat with a survey token, stored; `wrote` puts a customer message in it. */
async function endedChat(over: Partial<Chat>, wrote: boolean) {
  const store = createMemoryChatStore();
  const survey = issueChatToken("c1");
  await store.createChat(
    sampleChat("c1", {
      state: "ended",
      endedAt: NOW.toISOString(),
      endedBy: "customer",
      surveySecretHash: survey.secretHash,
      surveyExpiresAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
      ...over,
    }),
  );
  if (wrote) await store.appendMessage(sampleMessage("c1", "01A", "voiko verokorttia muuttaa"));
  if (over.customerWrote) {
    await store.saveBotState({ chatId: "c1" }, { topics: [], missesInRow: 1, customerWrote: true });
  }
  const transcriptReads = vi.spyOn(store, "listMessages");
  const submit = () =>
    submitSurvey(
      { store, clock: manualClock(NOW) },
      { surveyToken: survey.token, gotHelp: true, score: 5 },
    );
  return { store, submit, transcriptReads };
}

describe("which surveys count", () => {
  it("counts a chat whose customer wrote to the bot without reading its transcript", async () => {
    const { submit, transcriptReads } = await endedChat({ customerWrote: true }, true);
    expect(await submit()).toEqual({ counted: true });
    expect(transcriptReads).not.toHaveBeenCalled();
  });

  it("counts a chat whose customer wrote only to a person, from its transcript", async () => {
    const { submit, transcriptReads } = await endedChat({ handledBy: "advisor" }, true);
    expect(await submit()).toEqual({ counted: true });
    expect(transcriptReads).toHaveBeenCalledOnce();
  });

  it("does not count a chat in which the customer wrote nothing", async () => {
    const { submit } = await endedChat({}, false);
    expect(await submit()).toEqual({ counted: false });
  });
});
