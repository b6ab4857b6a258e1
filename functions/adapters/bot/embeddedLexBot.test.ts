import { describe, expect, it } from "vitest";
import { shippedBotContent } from "../../../tests/support/shippedContent.ts";
import { createTopicLibrary } from "../../content/topicLibrary.ts";
import type { Chat } from "../../domain/chat/model.ts";
import type { Recognizer } from "../../domain/ports.ts";
import { createFulfillmentHandler, type FulfillmentHandler } from "../../lex/fulfillmentHandler.ts";
import { createLogger } from "../../observability/logger.ts";
import { createEmbeddedLexBot } from "./embeddedLexBot.ts";

const chat: Chat = {
  chatId: "c1",
  lang: "sv",
  state: "bot",
  startedAt: "2026-11-23T08:00:00.000Z",
  resumeSecretHash: "x",
  topics: [],
  missesInRow: 0,
  handledBy: "bot",
  authenticated: false,
};

describe("embedded bot", () => {
  it("keeps the chat going with other channels when the recogniser fails", async () => {
    // Prepare
    const failing: Recognizer = {
      recognize: async () => {
        throw new Error("model not loaded");
      },
    };
    let fulfilled = false;
    const fulfill = (async () => {
      fulfilled = true;
      throw new Error("must not be called");
    }) as unknown as FulfillmentHandler;
    const lines: string[] = [];
    const bot = createEmbeddedLexBot({
      recognizer: failing,
      fulfill,
      logger: createLogger("error", (l) => lines.push(l)),
    });
    // Act
    const turn = await bot.reply(chat, "skattekort");
    // Assess
    expect(fulfilled).toBe(false);
    expect(turn.missed).toBe(true);
    expect(turn.messages[0]?.text).toMatch(/Chattboten kan inte svara/);
    expect(turn.messages[0]?.actions?.map((a) => a.type)).toEqual([
      "handoff",
      "callback",
      "appointment",
    ]);
    expect(lines.join("\n")).toContain("recogniser failed");
    expect(lines.join("\n")).not.toContain("skattekort");
  });

  it("answers another agency's matter with the referral: not a miss, no advisor offer", async () => {
    // Prepare: the recogniser says vehicle tax is Traficom's; the customer missed once before.
    const recognizer: Recognizer = {
      recognize: async () => ({
        intent: "none",
        confidence: 0.99,
        detectedLang: "sv",
        alternatives: [{ intent: "none", confidence: 0.99 }],
        referral: "traficom",
      }),
    };
    const fulfill = createFulfillmentHandler({
      library: createTopicLibrary(shippedBotContent()),
      logger: createLogger("silent"),
    });
    const bot = createEmbeddedLexBot({ recognizer, fulfill, logger: createLogger("silent") });
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
});
