import { LexRuntimeV2Client, RecognizeTextCommand } from "@aws-sdk/client-lex-runtime-v2";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import type { Chat } from "../../domain/chat/model.ts";
import { createLogger } from "../../observability/logger.ts";
import { createLexBot } from "./lexBot.ts";

const lex = mockClient(LexRuntimeV2Client);
afterEach(() => lex.reset());

const chat: Chat = {
  chatId: "01JCHAT0000000000000000000",
  lang: "sv",
  state: "bot",
  startedAt: "2026-11-23T08:00:00.000Z",
  resumeSecretHash: "x",
  topics: [],
  missesInRow: 1,
  handledBy: "bot",
  authenticated: true,
  subject: "subject-1",
  assurance: "high",
  signInExpiresAt: "2026-11-23T09:00:00.000Z",
};

describe("Lex-backed bot", () => {
  it("asks the chat's locale with the chat's dialogue state and returns the hook's answer", async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves({
      messages: [
        { contentType: "PlainText", content: "Skattekortet beställer du i MinSkatt." },
        {
          contentType: "CustomPayload",
          content: JSON.stringify({
            kind: "asiointi.message/v1",
            topic: "tax-card",
            confidence: 0.9,
          }),
        },
      ],
      interpretations: [
        { intent: { name: "TaxCard" }, nluConfidence: { score: 0.9 } },
        { intent: { name: "FallbackIntent" } },
        { intent: { name: "TaxRefund" }, nluConfidence: { score: 0.3 } },
      ],
      sessionState: { sessionAttributes: { missesInRow: "0", contentVersion: "7" } },
    });
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("silent"),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });
    // Act
    const turn = await bot.reply(chat, "skattekort");
    // Assess
    expect(turn).toEqual({
      messages: [
        {
          from: "bot",
          text: "Skattekortet beställer du i MinSkatt.",
          topic: "tax-card",
          confidence: 0.9,
        },
      ],
      topic: "tax-card",
      missed: false,
      // What the inbox keeps of a question: Lex's guesses and the version that answered.
      recognition: [
        { intent: "tax-card", confidence: 0.9 },
        { intent: "tax-refund", confidence: 0.3 },
        { intent: "none", confidence: expect.closeTo(0.1, 5) },
      ],
      contentVersion: 7,
    });
    const input = lex.commandCalls(RecognizeTextCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      botId: "BOT",
      botAliasId: "ALIAS",
      localeId: "sv_SE",
      sessionId: chat.chatId,
      sessionState: {
        sessionAttributes: {
          chatLang: "sv",
          missesInRow: "1",
          authenticated: "true",
          // A miss already in the chat: a greeting now gets the short reply.
          answeredBefore: "true",
          subject: "subject-1",
          assurance: "high",
          // The code hook checks it too: Lex keeps session attributes between turns.
          signInExpiresAt: "2026-11-23T09:00:00.000Z",
        },
      },
    });
  });

  it("hands over when the code hook says the topic does, even with no person button to tell it by", async () => {
    // Prepare: the human-advisor topic on a Saturday, answered without the button.
    lex.on(RecognizeTextCommand).resolves({
      messages: [
        {
          contentType: "PlainText",
          content: "Jag ska se om jag kan bjuda in en kundrådgivare till chatten.",
        },
        {
          contentType: "CustomPayload",
          content: JSON.stringify({ kind: "asiointi.message/v1", topic: "human-advisor" }),
        },
      ],
      sessionState: { sessionAttributes: { missesInRow: "0", handsOver: "true" } },
    });
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("silent"),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });
    // Act
    const turn = await bot.reply(chat, "jag vill prata med en människa");
    // Assess
    expect(turn).toMatchObject({ topic: "human-advisor", handsOver: true, missed: false });
    expect(turn.messages[0]?.actions).toBeUndefined();
    // A code hook from before the answer said the closed outcome: routing still says it.
    expect(turn.saidAdvisorsAway).toBeUndefined();
  });

  it("tells routing when the code hook's answer said itself that advisors are away", async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves({
      messages: [
        { contentType: "PlainText", content: "Kundrådgivarna är inte på plats nu." },
        {
          contentType: "CustomPayload",
          content: JSON.stringify({ kind: "asiointi.message/v1", topic: "human-advisor" }),
        },
      ],
      sessionState: {
        sessionAttributes: { missesInRow: "0", handsOver: "true", advisorsAwaySaid: "true" },
      },
    });
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("silent"),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });
    // Act
    const turn = await bot.reply(chat, "jag vill prata med en människa");
    // Assess
    expect(turn).toMatchObject({ handsOver: true, saidAdvisorsAway: true });
  });

  it("returns a which-one's two topics from the code hook's attribute, none from a bad one", async () => {
    // Prepare
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("silent"),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });
    const answering = (clarified: string) =>
      lex.on(RecognizeTextCommand).resolves({
        messages: [{ contentType: "PlainText", content: "Vilket menar du?" }],
        sessionState: { sessionAttributes: { missesInRow: "0", clarified } },
      });
    // Act
    answering("residual-tax tax-refund");
    const which = await bot.reply(chat, "kvarskatt och skatteåterbäring");
    answering("residual-tax");
    const one = await bot.reply(chat, "kvarskatt");
    answering("");
    const none = await bot.reply(chat, "skattekort");
    // Assess
    expect(which.clarified).toEqual(["residual-tax", "tax-refund"]);
    expect(one.clarified).toBeUndefined();
    expect(none.clarified).toBeUndefined();
  });

  it("hands the code hook the question a 'something else' declined the choices for", async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves({ messages: [], sessionState: {} });
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("silent"),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });
    // Act
    await bot.reply(chat, "Något annat", "lättföretagare moms");
    await bot.reply(chat, "skattekort");
    // Assess
    const [declined, plain] = lex
      .commandCalls(RecognizeTextCommand)
      .map((call) => call.args[0].input.sessionState?.sessionAttributes);
    expect(declined).toMatchObject({ choiceQuestion: "lättföretagare moms" });
    expect(plain).not.toHaveProperty("choiceQuestion");
  });

  it("offers other channels, and logs no message text, when Lex fails", async () => {
    // Prepare
    lex.on(RecognizeTextCommand).rejects(new Error("ThrottlingException"));
    const lines: string[] = [];
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("error", (l) => lines.push(l)),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });
    // Act
    const turn = await bot.reply(chat, "mitt personnummer 010101-123N");
    // Assess
    expect(turn.missed).toBe(true);
    expect(turn.messages[0]?.actions?.map((a) => a.type)).toContain("callback");
    expect(lines.join("\n")).toContain("lex failed");
    expect(lines.join("\n")).not.toContain("010101");
  });

  it("when Lex fails outside the advisors' hours, offers no person and says when one is in", async () => {
    lex.on(RecognizeTextCommand).rejects(new Error("ThrottlingException"));
    const bot = createLexBot({
      botId: "BOT",
      botAliasId: "ALIAS",
      logger: createLogger("silent"),
      client: new LexRuntimeV2Client({ region: "eu-north-1" }),
    });

    const turn = await bot.reply(chat, "skattekort", undefined, () => "i morgon kl. 9.00");

    expect(turn.messages[0]?.text).toMatch(/De är tillbaka i morgon kl\. 9\.00\.$/);
    expect(turn.messages[0]?.actions?.map((a) => a.type)).toEqual(["callback", "appointment"]);
  });
});
