import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useEmbeddedTables } from "../../../tests/support/embeddedTables.ts";
import { DEFAULT_CONTENT_DIR } from "../../content/loadContent.ts";
import type { Chat } from "../../domain/chat/model.ts";
import { createLogger } from "../../observability/logger.ts";
import { createEmbeddedGatewayBot } from "./embeddedGatewayBot.ts";
import { loadGatewayConfig } from "./gatewayConfig.ts";

const PREFIX = "embedded-gateway-";
const tables = useEmbeddedTables(PREFIX);

const BASE_ENV = {
  NODE_ENV: "production",
  TABLE_PREFIX: PREFIX,
  REDIS_URL: "rediss://cache.internal:6380",
  OIDC_ISSUER: "https://issuer.example.fi",
  OIDC_JWKS_URL: "https://issuer.example.fi/jwks.json",
};

function chat(): Chat {
  return {
    chatId: "chat-1",
    lang: "fi",
    state: "bot",
    startedAt: "2026-11-23T10:00:00.000Z",
    resumeSecretHash: "x",
    topics: [],
    missesInRow: 0,
    handledBy: "bot",
    authenticated: false,
  } as Chat;
}

describe("the gateway's configuration picks the recogniser", () => {
  it("needs the Lex bot's ids by default, naming each", () => {
    expect(() => loadGatewayConfig(BASE_ENV)).toThrow(/LEX_BOT_ID: .*\n {2}LEX_BOT_ALIAS_ID: /);
  });

  it("needs no Lex bot with RECOGNISER=embedded, and refuses an unknown recogniser", () => {
    const config = loadGatewayConfig({ ...BASE_ENV, RECOGNISER: "embedded" });
    expect(config.RECOGNISER).toBe("embedded");
    expect(() => loadGatewayConfig({ ...BASE_ENV, RECOGNISER: "watson" })).toThrow(/RECOGNISER/);
  });
});

describe("the embedded recogniser in the gateway (no Lex in the stage)", () => {
  it("makes the image's bot content live in an empty table and answers from it", async () => {
    // Prepare
    const { doc } = tables.clients();
    const config = {
      TABLE_PREFIX: PREFIX,
      CONTENT_REVIEW_REQUIRED: false,
      CONTENT_POLL_SECONDS: 60,
      SITE_SEARCH_URL_FI: "https://haku.example.fi/?q={query}",
      SITE_SEARCH_URL_SV: "https://sok.example.fi/?q={query}",
      TRAINING_CPU_PERCENT: 100,
    };

    // Act
    const { bot, stop } = await createEmbeddedGatewayBot({
      doc,
      config,
      clock: { now: () => new Date("2026-11-23T10:00:00Z") },
      logger: createLogger("silent"),
      seedDir: join(DEFAULT_CONTENT_DIR),
    });
    const answer = await bot.reply(chat(), "mistä saan uuden verokortin");
    const miss = await bot.reply(chat(), "mihin aikaan alko aukeaa");
    stop();

    // Assess
    expect(answer).toMatchObject({ topic: "tax-card", missed: false, contentVersion: 1 });
    expect(answer.messages[0]?.text).toMatch(/verokort/i);
    expect(miss.topic).toBeUndefined();
  }, 60_000);
});
