import { describe, expect, it } from "vitest";
import { contentOf } from "../content/bundle.ts";
import { sampleBundle } from "../content/contentStoreContract.ts";
import { referralAnswerMessage, topicAnswerMessage } from "./answerPreview.ts";
import { createTopicLibrary } from "./topicLibrary.ts";

const library = createTopicLibrary(contentOf(sampleBundle()));

describe("an answer previewed as customers get it", () => {
  it("keeps only what the widget shows: no topic, confidence or referral id", () => {
    expect(topicAnswerMessage(library, "payment", "sv")).toEqual({
      from: "bot",
      text: "Om payment.",
    });
    expect(referralAnswerMessage(library, "kela", "fi")).toEqual({
      from: "bot",
      text: "asia kela.",
      actions: [{ type: "link", label: "kela.fi", url: "https://www.kela.fi/" }],
    });
  });

  it("has nothing for a topic or group the content lacks, rather than the chat's miss", () => {
    expect(topicAnswerMessage(library, "no-such-topic", "fi")).toBeUndefined();
    expect(referralAnswerMessage(library, "no-such-group", "sv")).toBeUndefined();
  });
});
