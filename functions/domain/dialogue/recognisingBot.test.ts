import { describe, expect, it } from "vitest";
import { REFUND_CUSTOMER } from "../../../tests/support/taxData.ts";
import { loadBotContent } from "../../content/loadContent.ts";
import { sampleChat } from "../chat/chatStoreContract.ts";
import type { Chat } from "../chat/model.ts";
import { manualClock } from "../clock.ts";
import type { Recogniser } from "../ports.ts";
import { createDialogue, type Dialogue } from "./dialogue.ts";
import { phrase } from "./phrases.ts";
import { createRecognisingBot } from "./recognisingBot.ts";
import { createTopicLibrary } from "./topicLibrary.ts";

const chat: Chat = sampleChat("c1", { lang: "sv" });

const library = createTopicLibrary(loadBotContent());

describe("recognising bot", () => {
  it("keeps the chat going with other channels when the recogniser fails", async () => {
    // Prepare
    const failing: Recogniser = {
      recognise: async () => {
        throw new Error("model not loaded");
      },
    };
    let asked = false;
    const dialogue: Dialogue = {
      welcome: () => [],
      answer: async () => {
        asked = true;
        throw new Error("must not be called");
      },
    };
    const failures: unknown[][] = [];
    const bot = createRecognisingBot({
      recogniser: failing,
      dialogue,
      recogniserFailed: (...args) => failures.push(args),
    });
    // Act
    const turn = await bot.reply(chat, "skattekort");
    // Assess
    expect(asked).toBe(false);
    expect(turn.missed).toBe(true);
    expect(turn.messages[0]?.text).toMatch(/Chattboten kan inte svara/);
    expect(turn.messages[0]?.actions?.map((a) => a.type)).toEqual([
      "handoff",
      "callback",
      "appointment",
    ]);
    expect(failures).toEqual([[expect.any(Error), "c1"]]);
  });

  it("outside the advisors' hours offers no person on a miss nor with the recogniser down", async () => {
    // Prepare
    const away = () => "måndag 30.11 kl. 9.00";
    const dialogue = createDialogue({ library });
    const missing: Recogniser = {
      recognise: async () => ({
        intent: "none",
        confidence: 0.9,
        detectedLang: "sv",
        alternatives: [{ intent: "none", confidence: 0.9 }],
      }),
    };
    const failing: Recogniser = {
      recognise: async () => {
        throw new Error("model not loaded");
      },
    };
    // Act
    const miss = await createRecognisingBot({ recogniser: missing, dialogue }).reply(
      chat,
      "båtskatt",
      undefined,
      away,
    );
    const down = await createRecognisingBot({ recogniser: failing, dialogue }).reply(
      chat,
      "skattekort",
      undefined,
      away,
    );
    // Assess
    for (const turn of [miss, down]) {
      expect(turn.messages[0]?.text).toMatch(/De är tillbaka måndag 30\.11 kl\. 9\.00\.$/);
      expect(turn.messages[0]?.actions?.map((a) => a.type)).not.toContain("handoff");
    }
  });

  it("answers another agency's matter with the referral: not a miss, no advisor offer", async () => {
    // Prepare: the recogniser says vehicle tax is Traficom's; the customer missed once before.
    const recogniser: Recogniser = {
      recognise: async () => ({
        intent: "none",
        confidence: 0.99,
        detectedLang: "sv",
        alternatives: [{ intent: "none", confidence: 0.99 }],
        referral: "traficom",
      }),
    };
    const bot = createRecognisingBot({ recogniser, dialogue: createDialogue({ library }) });
    // Act
    const turn = await bot.reply(
      { ...chat, missesInRow: 1 },
      "Fordonsskatten har förfallit, var betalar jag den?",
    );
    // Assess
    expect(turn).toMatchObject({ referral: "traficom", missed: false });
    expect(turn.topic).toBeUndefined();
    expect(turn.messages[0]?.text).toMatch(/^Fordonsskatten sköts av Traficom/);
    expect(turn.messages.flatMap((m) => m.actions ?? []).map((a) => a.type)).toEqual(["link"]);
  });

  it("says which two topics a which-one offered, in the order of its quick replies", async () => {
    // Prepare: residual tax and the refund, too close to pick one.
    const recogniser: Recogniser = {
      recognise: async () => ({
        intent: "residual-tax",
        confidence: 0.56,
        detectedLang: "sv",
        alternatives: [
          { intent: "residual-tax", confidence: 0.56 },
          { intent: "tax-refund", confidence: 0.43 },
        ],
      }),
    };
    const bot = createRecognisingBot({ recogniser, dialogue: createDialogue({ library }) });
    // Act
    const turn = await bot.reply(chat, "kvarskatt eller återbäring");
    // Assess
    expect(turn.clarified).toEqual(["residual-tax", "tax-refund"]);
    expect(turn.messages[0]?.quickReplies?.slice(0, 2).map((q) => q.value)).toEqual([
      library.answer("residual-tax", "sv").title,
      library.answer("tax-refund", "sv").title,
    ]);
  });

  it("hands the dialogue the chat's bound sign-in, so a signed-in customer gets their own figures", async () => {
    // Prepare: a chat signed in strongly until 09:00, asking about the refund at 08:00.
    const recogniser: Recogniser = {
      recognise: async () => ({
        intent: "tax-refund",
        confidence: 0.9,
        detectedLang: "sv",
        alternatives: [{ intent: "tax-refund", confidence: 0.9 }],
      }),
    };
    const dialogue = createDialogue({
      library,
      clock: manualClock(new Date("2026-11-24T08:00:00.000Z")),
      customerData: {
        find: async (subject) =>
          subject === REFUND_CUSTOMER.subject ? REFUND_CUSTOMER : undefined,
      },
    });
    const bot = createRecognisingBot({ recogniser, dialogue });
    const signedIn: Chat = {
      ...chat,
      authenticated: true,
      subject: "subject-1",
      assurance: "substantial",
      signInExpiresAt: "2026-11-24T09:00:00.000Z",
    };
    // Act
    const turn = await bot.reply(signedIn, "När får jag min skatteåterbäring?");
    // Assess
    expect(turn).toMatchObject({ topic: "tax-refund", missed: false });
    expect(turn.messages[0]?.text).toMatch(/1\s234,56/);
    expect(turn.recognition).toEqual([{ intent: "tax-refund", confidence: 0.9 }]);
  });

  it("says which language it took the message to be in: the detected one, not the chat's", async () => {
    // Prepare: a Finnish chat; the recogniser finds the message Swedish and misses it.
    const recogniser: Recogniser = {
      recognise: async () => ({
        intent: "none",
        confidence: 0.2,
        detectedLang: "sv",
        alternatives: [{ intent: "none", confidence: 0.2 }],
      }),
    };
    const bot = createRecognisingBot({ recogniser, dialogue: createDialogue({ library }) });
    // Act
    const turn = await bot.reply({ ...chat, lang: "fi" }, "Hur beskattas personaloptioner?");
    // Assess: answered in Swedish, and the turn says so (the inbox keeps the question as Swedish).
    expect(turn).toMatchObject({ missed: true, lang: "sv", questionLang: "sv" });
    expect(turn.messages[0]?.text.startsWith(phrase("noAnswer", "sv"))).toBe(true);
  });

  it("answers one word of the other language in the chat's, and says the word's language apart", async () => {
    // Prepare: a Swedish chat; the recogniser reads "verokortti" as Finnish, the tax card.
    const recogniser: Recogniser = {
      recognise: async () => ({
        intent: "tax-card",
        confidence: 0.95,
        detectedLang: "fi",
        alternatives: [{ intent: "tax-card", confidence: 0.95 }],
      }),
    };
    const bot = createRecognisingBot({ recogniser, dialogue: createDialogue({ library }) });
    // Act
    const turn = await bot.reply(chat, "verokortti");
    // Assess: the Swedish answer, no offer to switch; the question is Finnish for the inbox.
    expect(turn).toMatchObject({ topic: "tax-card", lang: "sv", questionLang: "fi" });
    expect(turn.messages).toHaveLength(1);
    expect(turn.messages[0]?.text).toContain(library.answer("tax-card", "sv").paragraphs[0]);
  });
});
