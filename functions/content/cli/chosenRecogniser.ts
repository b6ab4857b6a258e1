/**
 * Which recogniser `content:test` scores: the embedded one (the default, trained here from
 * the content) or the deployed Lex V2 bot through RecognizeText (`--recogniser lex`). Both
 * sit behind the one `Recogniser` port, so the report that follows is the same code.
 */
import { LexRuntimeV2Client } from "@aws-sdk/client-lex-runtime-v2";
import { createEmbeddedRecogniser } from "../../adapters/recogniser/embedded/embeddedRecogniser.ts";
import { LexRecogniser } from "../../adapters/recogniser/lexRecogniser.ts";
import type { BotContent } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import { type IntentId, NO_INTENT } from "../../contracts/topics.ts";
import type { Recogniser, Recognition } from "../../domain/ports.ts";

export const RECOGNISERS = ["embedded", "lex"] as const;
export type RecogniserName = (typeof RECOGNISERS)[number];

/** What `--recogniser lex` needs, named as the gateway's configuration names it. */
const LEX_SETTINGS = {
  LEX_BOT_ID: "the bot's id (stack output BotId)",
  LEX_BOT_ALIAS_ID: "the live alias's id (stack output BotAliasId)",
  AWS_REGION: "the stage's region, e.g. eu-central-1",
} as const;

/** The recogniser cannot be used here; the message says what is missing and how to give it. */
export class RecogniserUnavailableError extends Error {
  override name = "RecogniserUnavailableError";
}

export interface ChooseOptions {
  env?: NodeJS.ProcessEnv;
  /** Injected in tests; otherwise a client for AWS_REGION with adaptive retries. */
  lexClient?: LexRuntimeV2Client;
}

/**
 * The recogniser named by `--recogniser`. Lex needs LEX_BOT_ID, LEX_BOT_ALIAS_ID, AWS_REGION
 * and AWS credentials; without them this rejects with RecogniserUnavailableError listing
 * each, before a single message is sent.
 */
export async function chooseRecogniser(
  name: string,
  content: BotContent,
  options: ChooseOptions = {},
): Promise<Recogniser> {
  if (name === "embedded") return createEmbeddedRecogniser(content);
  if (name !== "lex") {
    throw new RecogniserUnavailableError(
      `--recogniser is "${name}"; expected one of ${RECOGNISERS.join(", ")}`,
    );
  }
  const env = options.env ?? process.env;
  const missing = Object.entries(LEX_SETTINGS)
    .filter(([key]) => !env[key]?.trim())
    .map(([key, what]) => `  ${key}: ${what}`);
  const client =
    options.lexClient ??
    (missing.length === 0
      ? new LexRuntimeV2Client({ region: env.AWS_REGION, retryMode: "adaptive", maxAttempts: 6 })
      : undefined);
  if (client && !(await hasCredentials(client))) {
    missing.push(
      "  AWS credentials allowed lex:RecognizeText on the alias (e.g. aws sso login and AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)",
    );
  }
  if (missing.length > 0 || !client) {
    throw new RecogniserUnavailableError(
      `--recogniser lex sends the messages to the deployed Lex bot and needs:\n${missing.join("\n")}\nSet them in the environment, or leave out --recogniser to score the embedded recogniser.`,
    );
  }
  return new LexRecogniser({
    botId: env.LEX_BOT_ID as string,
    botAliasId: env.LEX_BOT_ALIAS_ID as string,
    client,
  });
}

async function hasCredentials(client: LexRuntimeV2Client): Promise<boolean> {
  try {
    const credentials = await client.config.credentials();
    return Boolean(credentials.accessKeyId);
  } catch {
    return false;
  }
}

/**
 * Every text's recognition in a chat of `lang`, at most `concurrency` at a time: Lex answers
 * over the network, and the report then reads the results synchronously.
 */
export async function recogniseAll(
  recogniser: Recogniser,
  texts: readonly string[],
  lang: Lang,
  concurrency = 4,
): Promise<Map<string, Recognition>> {
  const out = new Map<string, Recognition>();
  const queue = [...new Set(texts)];
  const worker = async () => {
    for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
      out.set(text, await recogniser.recognise(text, lang));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return out;
}

/**
 * The intent a recognition would have had with a higher confidence threshold: a topic below
 * it becomes `none`. Lex still returns the topics under its own threshold, so one run
 * measures every threshold from the deployed one up (`--thresholds`).
 */
export function intentAtThreshold(recognition: Recognition, threshold: number): IntentId {
  return recognition.intent !== NO_INTENT && recognition.confidence < threshold
    ? NO_INTENT
    : recognition.intent;
}
