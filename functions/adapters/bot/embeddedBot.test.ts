import { describe, expect, it } from "vitest";
import { loadBotContent } from "../../content/loadContent.ts";
import { sampleChat } from "../../domain/chat/chatStoreContract.ts";
import type { Chat } from "../../domain/chat/model.ts";
import { createLogger } from "../../observability/logger.ts";
import { embeddedBotMaker } from "./embeddedBot.ts";

describe("embedded bot", () => {
  it("logs a recogniser failure with the chat id, never the customer's words", async () => {
    // Prepare
    const lines: string[] = [];
    const makeBot = embeddedBotMaker({ logger: createLogger("error", (l) => lines.push(l)) });
    const bot = makeBot(
      {
        recognise: async () => {
          throw new Error("model not loaded");
        },
      },
      loadBotContent(),
    );
    const chat: Chat = sampleChat("c1");
    // Act
    const turn = await bot.reply(chat, "hetu 131052-308T verokortti");
    // Assess
    expect(turn.missed).toBe(true);
    const logged = lines.join("\n");
    expect(logged).toContain("recogniser failed");
    expect(logged).toContain("c1");
    expect(logged).not.toContain("verokortti");
    expect(logged).not.toContain("131052");
  });
});
