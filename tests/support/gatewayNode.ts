/**
 * One gateway task for the multi-node test, in a process of its own as on Fargate: the
 * gateway's own composition root (startGateway) with Redis, DynamoDB and the identity issuer
 * from the environment. Two things differ from functions/gateway/server/main.ts: the bot is a
 * scripted stand-in (the Lex bot needs AWS), and FAKE_TIME sets the clock so that the human
 * service is open. Reports { type: "ready", url } over IPC; exits when the parent goes away.
 *
 * FAKE_TIME_AT is the real epoch millisecond at which FAKE_TIME held. With it every process
 * runs the same fake clock (tasks' clocks agree in AWS too); without it each process's clock
 * would start at FAKE_TIME when the process does, and message ids made on the two nodes
 * would not sort in the order they were made.
 */
import { loadConfig } from "../../functions/config.ts";
import { runningClockFrom, systemClock } from "../../functions/domain/clock.ts";
import type { Bot } from "../../functions/domain/dialogue/bot.ts";
import type { Clock } from "../../functions/domain/ports.ts";
import { startGateway } from "../../functions/gateway/server/gatewayServer.ts";
import { createLogger } from "../../functions/observability/logger.ts";

/** Echoes every message, except that asking for a person is the human-advisor topic. */
const scriptedBot: Bot = {
  welcome: (lang) => [{ from: "bot", text: lang === "sv" ? "Hej!" : "Hei!" }],
  async reply(_chat, text) {
    if (/asiakasneuvoja|rådgivare/i.test(text)) {
      return {
        topic: "human-advisor",
        handsOver: true,
        missed: false,
        messages: [
          {
            from: "bot",
            text: "Kutsun asiakasneuvojan.",
            actions: [{ type: "handoff", label: "Asiakasneuvoja" }],
          },
        ],
      };
    }
    return { missed: false, messages: [{ from: "bot", text: `kaiku: ${text}` }] };
  },
};

/** The shared fake clock: FAKE_TIME at real time FAKE_TIME_AT, running since. */
function clockFrom(fakeTime: string | undefined, at: string | undefined): Clock {
  if (!fakeTime) return systemClock;
  const since = at ? Date.now() - Number(at) : 0;
  return runningClockFrom(new Date(Date.parse(fakeTime) + since));
}

try {
  const base = loadConfig(process.env);
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error("REDIS_URL is required");
  const logger = createLogger(base.LOG_LEVEL);
  const gateway = await startGateway({
    config: { ...base, REDIS_URL: redisUrl },
    logger,
    bot: scriptedBot,
    clock: clockFrom(base.FAKE_TIME, process.env.FAKE_TIME_AT),
  });
  const stop = () => {
    gateway.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  // The test process is gone (crashed, killed): do not outlive it.
  process.once("disconnect", stop);
  process.send?.({ type: "ready", url: gateway.url });
} catch (error) {
  process.send?.({
    type: "failed",
    message: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
}
