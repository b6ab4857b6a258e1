import { loadBotContent } from "../../functions/content/loadContent.ts";
import type { BotContent } from "../../functions/contracts/content.ts";

let content: BotContent | undefined;

/**
 * The bot content shipped in bot-content/, read once per test worker: reading and checking
 * it takes a second or more each time, and the unit tier shares modules between files.
 * Shared, so a test must not change it.
 */
export function shippedBotContent(): BotContent {
  content ??= loadBotContent();
  return content;
}
