import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedRecogniser } from "../functions/adapters/recogniser/embedded/embeddedRecogniser.ts";
import { loadConfig } from "../functions/config.ts";
import { loadBotContent } from "../functions/content/loadContent.ts";
import type { Lang } from "../functions/contracts/lang.ts";
import { phrase } from "../functions/domain/dialogue/phrases.ts";
import type { Recogniser } from "../functions/domain/ports.ts";
import { IN_MEMORY, startLocalServer } from "../functions/local/localServer.ts";
import { collect, connectCustomer, eventually, OPEN_HOUR_ISO } from "./support/localStack.ts";

// The recogniser (embedded here, Lex V2 in AWS) failing: the bot says so and offers a person
// or another channel, and the chat goes on once it is back.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Trained once for both languages' cases: training on a loaded CI machine takes seconds.
let real: Recogniser;
beforeAll(() => {
  real = createEmbeddedRecogniser(loadBotContent());
});

/** The real recogniser behind a switch that makes every call fail while it is down. */
function switchableRecogniser(): Recogniser & { down: boolean } {
  const switchable = {
    down: false,
    recognise(text: string, lang: Lang) {
      if (switchable.down) return Promise.reject(new Error("recogniser unavailable"));
      return real.recognise(text, lang);
    },
  };
  return switchable;
}

async function stackWith(recogniser: Recogniser) {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    DYNAMODB_PORT: "0",
    DATA_DIR: IN_MEMORY,
    LOG_LEVEL: "silent",
    // An open hour: the apology offers a person only while one can join.
    FAKE_TIME: OPEN_HOUR_ISO,
  });
  const stack = await startLocalServer(config, { recogniser });
  cleanups.push(() => stack.close());
  return stack;
}

describe("recogniser failing", () => {
  it.each([
    ["fi", "Miten saan verokortin?"],
    ["sv", "Hur får jag ett skattekort?"],
  ] as const)(
    "in %s: the bot says it cannot answer now, offers other channels, and goes on when it is back",
    async (lang, question) => {
      const recogniser = switchableRecogniser();
      const stack = await stackWith(recogniser);
      const socket = await connectCustomer(stack.url);
      cleanups.push(() => {
        socket.disconnect();
      });
      const seen = collect(socket, "chat:message");
      const start = await socket.emitWithAck("chat:start", { lang });
      expect(start.ok).toBe(true);
      await eventually(() => seen.filter((m) => m.from === "bot").length >= 2);

      recogniser.down = true;
      const ack = await socket.emitWithAck("chat:message", {
        text: question,
        clientId: "rec-down-1",
      });

      expect(ack.ok).toBe(true);
      const apology = await eventually(() =>
        seen.find((m) => m.from === "bot" && m.text === phrase("recogniserDown", lang)),
      );
      expect(apology.actions?.map((a) => a.type)).toEqual(
        expect.arrayContaining(["handoff", "callback"]),
      );

      recogniser.down = false;
      const next = await socket.emitWithAck("chat:message", {
        text: question,
        clientId: "rec-up-01",
      });
      expect(next.ok).toBe(true);
      const answer = await eventually(() => seen.find((m) => m.from === "bot" && m.topic));
      expect(answer.topic).toBe("tax-card");
    },
    // A whole local stack per case (it trains its own content in a worker at low priority,
    // which a loaded machine starves): 13 s of 20 on the CI machine, once over.
    60_000,
  );
});
