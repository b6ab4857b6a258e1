/**
 * Makes a content version live in the Amazon Lex V2 bot at run time, without `cdk deploy`
 * (Lex Models V2 API). For each locale it syncs the bot's DRAFT intents to the content (the
 * intents the bot stack deploys: lexIntents in lexBotDefinition.ts), then builds both
 * locales, cuts a bot version and waits until it is available. Only then does it move the
 * live alias to that version, keeping the alias's own settings (code hook, logs, sentiment).
 * Any failure before that throws LexPublishError and leaves the alias where it was, so
 * customers keep the old version. A content version whose intents the live bot version was
 * cut from already (named in its description) changes nothing in Lex: answers live in the
 * content table, which the code hook reads.
 */
import { createHash } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import {
  BuildBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  DeleteIntentCommand,
  DescribeBotAliasCommand,
  type DescribeBotAliasResponse,
  DescribeBotLocaleCommand,
  DescribeBotVersionCommand,
  DescribeIntentCommand,
  type DescribeIntentResponse,
  type IntentSummary,
  type LexModelsV2Client,
  ListIntentsCommand,
  UpdateBotAliasCommand,
  UpdateIntentCommand,
} from "@aws-sdk/client-lex-models-v2";
import type { BotContent } from "../../content/loadContent.ts";
import { LANGS } from "../../contracts/lang.ts";
import { systemClock } from "../../domain/clock.ts";
import type { Clock } from "../../domain/ports.ts";
import type { Logger } from "../../observability/logger.ts";
import { LEX_LOCALES } from "../recogniser/lexRecogniser.ts";
import { type LexIntent, LexLimitError, lexIntents } from "./lexBotDefinition.ts";

/** Where publishing stopped: the content check, the draft sync, the build, the version, the alias. */
export type LexPublishStep = "check" | "sync" | "build" | "version" | "alias";

/**
 * Publishing to Lex stopped. The message is plain enough for the studio to show as it is:
 * the step, the locale and Lex's own reasons. The live alias was not moved.
 */
export class LexPublishError extends Error {
  override name = "LexPublishError";

  constructor(
    message: string,
    readonly step: LexPublishStep,
    /** The locale the step failed in (fi_FI, sv_SE), when it is about one. */
    readonly localeId?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface LexPublisherDeps {
  client: LexModelsV2Client;
  botId: string;
  /** The alias the gateway calls (`live`); the only one publishing moves. */
  aliasId: string;
  /** Waits between polls; tests pass one that advances a manual clock. */
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
  /** How often build and version status are asked for. */
  pollIntervalMs?: number;
  logger?: Logger;
}

export interface LexPublishOptions {
  /** The content version being published; named in the bot version's description. */
  contentVersion: number;
  /** Limit for the whole publish, builds included. */
  timeoutMs?: number;
}

/** What changed in one locale's draft. */
export interface LexLocaleChanges {
  created: string[];
  updated: string[];
  deleted: string[];
}

export interface LexPublishResult {
  /** The bot version the live alias now points at. */
  botVersion: string;
  /** The version it pointed at before (for the audit trail and a manual rollback). */
  previousBotVersion?: string;
  /** Intents created, updated and deleted per locale id. */
  changes: Record<string, LexLocaleChanges>;
  /**
   * The live bot version already recognises exactly these intents (the version changed only
   * what Lex does not hold: answers, links, test messages, review dates), so nothing was
   * synced, built or moved.
   */
  unchanged?: true;
}

/** Lex builds a locale of ~20 intents in a minute or two; a Lambda may run 15 minutes. */
export const DEFAULT_PUBLISH_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

const DRAFT = "DRAFT";
const FALLBACK_SIGNATURE = "AMAZON.FallbackIntent";
const UNCHANGED = "The live bot still answers with the previous version.";
/** Bot version states it does not come back from. */
const VERSION_FAILED = new Set(["Failed", "Deleting", "Inactive"]);

/**
 * Syncs, builds and versions the bot from `content`, then points the live alias at the new
 * version. Throws LexPublishError, with the alias untouched, when any step fails or the
 * builds and version do not finish within `timeoutMs`.
 */
export async function publishLexVersion(
  deps: LexPublisherDeps,
  content: BotContent,
  opts: LexPublishOptions,
): Promise<LexPublishResult> {
  const clock = deps.clock ?? systemClock;
  const limitMs = opts.timeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
  const time: Deadline = { clock, deadline: clock.now().getTime() + limitMs, limitMs };
  const wanted = intentsOf(content);
  const locales = LANGS.map((lang) => ({ localeId: LEX_LOCALES[lang], intents: wanted[lang] }));
  const intents = intentsDigest(locales);

  // Most versions change answers, not sentences: a build of the same intents takes minutes
  // and Lex's build charges for nothing.
  const live = await liveBotVersionWith(deps, intents);
  if (live) {
    deps.logger?.info("lex bot already has these intents", {
      botId: deps.botId,
      botVersion: live,
      contentVersion: opts.contentVersion,
    });
    return { botVersion: live, previousBotVersion: live, changes: {}, unchanged: true };
  }

  const changes: Record<string, LexLocaleChanges> = {};
  for (const { localeId, intents } of locales) {
    changes[localeId] = await syncLocale(deps, localeId, intents);
  }
  deps.logger?.info("lex draft synced", { botId: deps.botId, changes });

  const localeIds = locales.map((l) => l.localeId);
  await buildLocales(deps, localeIds, time);
  const botVersion = await createVersion(deps, localeIds, opts.contentVersion, intents, time);
  const previousBotVersion = await moveAlias(deps, botVersion);
  deps.logger?.info("lex alias moved", {
    botId: deps.botId,
    aliasId: deps.aliasId,
    botVersion,
    previousBotVersion,
    contentVersion: opts.contentVersion,
  });
  return { botVersion, ...(previousBotVersion ? { previousBotVersion } : {}), changes };
}

/** Names the intents a bot version was cut from, in its description. */
function intentsDigest(locales: { localeId: string; intents: LexIntent[] }[]): string {
  return `intents ${createHash("sha256").update(JSON.stringify(locales)).digest("hex").slice(0, 16)}`;
}

/**
 * The live alias's bot version when its description names `intents` (cut by this publisher
 * from the same intents); otherwise, or when Lex cannot say, undefined and the publish goes
 * the whole way.
 */
async function liveBotVersionWith(
  deps: LexPublisherDeps,
  intents: string,
): Promise<string | undefined> {
  try {
    const alias = await deps.client.send(
      new DescribeBotAliasCommand({ botId: deps.botId, botAliasId: deps.aliasId }),
    );
    const botVersion = alias.botVersion;
    if (!botVersion || botVersion === DRAFT) return undefined;
    const version = await deps.client.send(
      new DescribeBotVersionCommand({ botId: deps.botId, botVersion }),
    );
    return version.botStatus === "Available" && version.description?.endsWith(`(${intents})`)
      ? botVersion
      : undefined;
  } catch (error) {
    deps.logger?.warn("could not compare the live bot version's intents; publishing in full", {
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

function intentsOf(content: BotContent) {
  try {
    return lexIntents(content).intents;
  } catch (error) {
    if (error instanceof LexLimitError) {
      throw new LexPublishError(`${error.message} ${UNCHANGED}`, "check", undefined, {
        cause: error,
      });
    }
    throw error;
  }
}

// --- draft intents -----------------------------------------------------------------------

/** Makes the locale's DRAFT intents exactly `wanted`: delete retired, update changed, create new. */
async function syncLocale(
  deps: LexPublisherDeps,
  localeId: string,
  wanted: LexIntent[],
): Promise<LexLocaleChanges> {
  const where = { botId: deps.botId, botVersion: DRAFT, localeId };
  const changes: LexLocaleChanges = { created: [], updated: [], deleted: [] };
  const existing = await lexCall("sync", localeId, "list the draft's intents", () =>
    listIntents(deps.client, where),
  );
  const wantedNames = new Set(wanted.map((i) => i.name));

  // Retired topics first: frees quota, and a sentence moved to another topic is not in two.
  for (const summary of existing.values()) {
    const name = summary.intentName ?? "";
    // The locale's fallback intent cannot be deleted; the definition always has one.
    if (wantedNames.has(name) || summary.parentIntentSignature === FALLBACK_SIGNATURE) continue;
    await lexCall("sync", localeId, `delete intent "${name}"`, () =>
      deps.client.send(new DeleteIntentCommand({ ...where, intentId: summary.intentId })),
    );
    changes.deleted.push(name);
  }

  for (const intent of wanted) {
    const current = existing.get(intent.name);
    if (!current?.intentId) {
      await lexCall("sync", localeId, `create intent "${intent.name}"`, () =>
        deps.client.send(new CreateIntentCommand({ ...where, ...intentSettings(intent) })),
      );
      changes.created.push(intent.name);
      continue;
    }
    const intentId = current.intentId;
    const described = await lexCall("sync", localeId, `read intent "${intent.name}"`, () =>
      deps.client.send(new DescribeIntentCommand({ ...where, intentId })),
    );
    if (sameIntent(described, intent)) continue;
    // Sent in full, so the intent ends up as the definition says whatever Lex kept before.
    await lexCall("sync", localeId, `update intent "${intent.name}"`, () =>
      deps.client.send(new UpdateIntentCommand({ ...where, intentId, ...intentSettings(intent) })),
    );
    changes.updated.push(intent.name);
  }
  return changes;
}

async function listIntents(
  client: LexModelsV2Client,
  where: { botId: string; botVersion: string; localeId: string },
): Promise<Map<string, IntentSummary>> {
  const byName = new Map<string, IntentSummary>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListIntentsCommand({ ...where, maxResults: 1000, nextToken }),
    );
    for (const summary of page.intentSummaries ?? []) {
      if (summary.intentName) byName.set(summary.intentName, summary);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return byName;
}

/** The intent as Lex gets it: name, title, utterances and the fulfillment code hook. */
function intentSettings(intent: LexIntent) {
  return {
    intentName: intent.name,
    description: intent.description,
    parentIntentSignature: intent.parentIntentSignature,
    sampleUtterances: intent.sampleUtterances,
    // Exactly as the bot stack deploys it: answers come from the code hook, Lex classifies.
    fulfillmentCodeHook: { ...intent.fulfillmentCodeHook },
  };
}

function sameIntent(current: DescribeIntentResponse, wanted: LexIntent): boolean {
  const utterances = (list?: { utterance?: string }[]) => (list ?? []).map((u) => u.utterance);
  return (
    (current.description ?? "") === (wanted.description ?? "") &&
    current.parentIntentSignature === wanted.parentIntentSignature &&
    current.fulfillmentCodeHook?.enabled === wanted.fulfillmentCodeHook.enabled &&
    JSON.stringify(utterances(current.sampleUtterances)) ===
      JSON.stringify(utterances(wanted.sampleUtterances))
  );
}

// --- build and version -------------------------------------------------------------------

interface Deadline {
  clock: Clock;
  /** Epoch milliseconds after which no further poll is made. */
  deadline: number;
  limitMs: number;
}

function seconds(time: Deadline): number {
  return Math.round(time.limitMs / 1000);
}

/** Starts every locale's build, then polls until all are Built; any Failed one stops it. */
async function buildLocales(
  deps: LexPublisherDeps,
  localeIds: string[],
  time: Deadline,
): Promise<void> {
  // When each build was submitted: a status read older than that is the previous build's.
  const submitted = new Map<string, Date | undefined>();
  for (const localeId of localeIds) {
    const started = await lexCall("build", localeId, "start the build", () =>
      deps.client.send(
        new BuildBotLocaleCommand({ botId: deps.botId, botVersion: DRAFT, localeId }),
      ),
    );
    submitted.set(localeId, started.lastBuildSubmittedDateTime);
  }
  const pending = new Set(localeIds);
  for (;;) {
    for (const localeId of [...pending]) {
      const locale = await lexCall("build", localeId, "read the build status", () =>
        deps.client.send(
          new DescribeBotLocaleCommand({ botId: deps.botId, botVersion: DRAFT, localeId }),
        ),
      );
      const since = submitted.get(localeId);
      const stale =
        since && locale.lastBuildSubmittedDateTime && locale.lastBuildSubmittedDateTime < since;
      if (stale) continue;
      if (locale.botLocaleStatus === "Built") {
        pending.delete(localeId);
        deps.logger?.info("lex locale built", { botId: deps.botId, localeId });
      } else if (locale.botLocaleStatus === "Failed") {
        throw new LexPublishError(
          `Lex could not build ${localeId}: ${reasons(locale.failureReasons)}. ${UNCHANGED}`,
          "build",
          localeId,
        );
      }
    }
    if (pending.size === 0) return;
    const waiting = [...pending];
    await waitOrGiveUp(deps, time, () => {
      throw new LexPublishError(
        `Lex did not finish building ${waiting.join(" and ")} within ${seconds(time)} s. ${UNCHANGED}`,
        "build",
        waiting[0],
      );
    });
  }
}

/** Cuts a bot version of every locale's DRAFT and waits until it is Available. */
async function createVersion(
  deps: LexPublisherDeps,
  localeIds: string[],
  contentVersion: number,
  intents: string,
  time: Deadline,
): Promise<string> {
  const created = await lexCall("version", undefined, "create a bot version", () =>
    deps.client.send(
      new CreateBotVersionCommand({
        botId: deps.botId,
        description: `Content version ${contentVersion}, published from the content studio (${intents})`,
        botVersionLocaleSpecification: Object.fromEntries(
          localeIds.map((id) => [id, { sourceBotVersion: DRAFT }]),
        ),
      }),
    ),
  );
  const botVersion = created.botVersion;
  if (!botVersion) {
    throw new LexPublishError(
      `Lex created a bot version but did not say its number. ${UNCHANGED}`,
      "version",
    );
  }
  let { botStatus } = created;
  let failureReasons: string[] | undefined;
  while (botStatus !== "Available") {
    if (botStatus && VERSION_FAILED.has(botStatus)) {
      throw new LexPublishError(
        `Lex could not create bot version ${botVersion} (${botStatus}): ${reasons(failureReasons)}. ${UNCHANGED}`,
        "version",
      );
    }
    await waitOrGiveUp(deps, time, () => {
      throw new LexPublishError(
        `Lex bot version ${botVersion} was not ready within ${seconds(time)} s. ${UNCHANGED}`,
        "version",
      );
    });
    ({ botStatus, failureReasons } = await lexCall(
      "version",
      undefined,
      "read the bot version",
      () => deps.client.send(new DescribeBotVersionCommand({ botId: deps.botId, botVersion })),
    ));
  }
  return botVersion;
}

// --- alias -------------------------------------------------------------------------------

/** Points the live alias at `botVersion`, sending back its other settings as they are. */
async function moveAlias(deps: LexPublisherDeps, botVersion: string): Promise<string | undefined> {
  const ids = { botId: deps.botId, botAliasId: deps.aliasId };
  const alias: DescribeBotAliasResponse = await lexCall(
    "alias",
    undefined,
    "read the live alias",
    () => deps.client.send(new DescribeBotAliasCommand(ids)),
  );
  // The update carries the alias's whole configuration: its code hook per locale, log and
  // sentiment settings go back exactly as read, so only the version changes.
  await lexCall("alias", undefined, `move the live alias to bot version ${botVersion}`, () =>
    deps.client.send(
      new UpdateBotAliasCommand({
        ...ids,
        botAliasName: alias.botAliasName,
        description: alias.description,
        botVersion,
        botAliasLocaleSettings: alias.botAliasLocaleSettings,
        conversationLogSettings: alias.conversationLogSettings,
        sentimentAnalysisSettings: alias.sentimentAnalysisSettings,
      }),
    ),
  );
  return alias.botVersion;
}

// --- helpers -----------------------------------------------------------------------------

async function waitOrGiveUp(
  deps: LexPublisherDeps,
  { clock, deadline }: Deadline,
  giveUp: () => never,
): Promise<void> {
  const interval = deps.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  if (clock.now().getTime() + interval > deadline) giveUp();
  await (deps.sleep ?? ((ms: number) => delay(ms)))(interval);
}

/** One Lex call; a failure becomes a LexPublishError naming the step, locale and what it did. */
async function lexCall<T>(
  step: LexPublishStep,
  localeId: string | undefined,
  doing: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof LexPublishError) throw error;
    const where = localeId ? ` in ${localeId}` : "";
    const said = (error instanceof Error ? error.message : String(error)).replace(/\.\s*$/, "");
    const unchanged = step === "alias" ? "The live alias was not moved." : UNCHANGED;
    throw new LexPublishError(`Could not ${doing}${where}: ${said}. ${unchanged}`, step, localeId, {
      cause: error,
    });
  }
}

function reasons(list: readonly string[] | undefined): string {
  return list?.length ? list.join("; ") : "Lex gave no reason";
}
