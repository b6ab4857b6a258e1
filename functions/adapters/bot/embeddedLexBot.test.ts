import { describe, expect, it } from "vitest";
import type { Chat } from "../../domain/chat/model.ts";
import type { Recognizer } from "../../domain/ports.ts";
import type { FulfillmentHandler } from "../../lex/fulfillmentHandler.ts";
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
});
