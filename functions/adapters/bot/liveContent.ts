import { createHash } from "node:crypto";
import {
  againstLive,
  changedAnswers,
  classifySplitYielding,
  gateIssues,
  recogniseYielding,
  scoreClassified,
  scoreUncoveredRecognised,
  textsOf,
  versionScores,
} from "../../content/scoreBundle.ts";
import type { BotContent } from "../../contracts/content.ts";
import type { Lang } from "../../contracts/lang.ts";
import {
  type ContentBundle,
  contentOf,
  recognitionInputs,
  uncoveredOf,
} from "../../domain/content/bundle.ts";
import type { ContentDeployer, GateAgainst } from "../../domain/content/contentWorkflow.ts";
import type { AgainstLive } from "../../domain/content/versions.ts";
import type { Bot, BotTurn } from "../../domain/dialogue/bot.ts";
import type { Recogniser, Recognition } from "../../domain/ports.ts";
import { RecentlyUsed } from "../../domain/recentlyUsed.ts";
import type { Logger } from "../../observability/logger.ts";
import { DEFAULT_CLASSIFIER_OPTIONS } from "../recogniser/embedded/intentClassifier.ts";

/** The order the embedded recogniser ships with: what `trained` trains. */
const SHIPPED_SEED = DEFAULT_CLASSIFIER_OPTIONS.training.seed;

/** A recogniser that also answers synchronously, as the embedded one does (scoring, try-it). */
export interface TrainedRecogniser extends Recogniser {
  classify(text: string, lang: Lang): Recognition;
  /** Intents of the messages training was asked to classify (`toClassify`), in their order. */
  classified?: Record<Lang, string[]>;
  /** The messages those are for. */
  classifiedTexts?: Record<Lang, string[]>;
}

/** Trains a recogniser for `content`; may classify `toClassify` with it on the way. */
export type Train = (
  content: BotContent,
  toClassify?: Record<Lang, string[]>,
) => Promise<TrainedRecogniser>;

/** One content version ready to answer: its recogniser and the bot built on it. */
export interface ServedContent {
  version: number;
  content: BotContent;
  recogniser: TrainedRecogniser;
  bot: Bot;
}

/** Trained recognisers kept for bundles seen recently: the draft, the pending, the live. */
const CACHED_TRAININGS = 4;

/**
 * The content this process answers from, and the bot customers talk to. `serve` swaps a new
 * version in between two messages: a reply already under way finishes on the version it
 * started with, the next one uses the new version. Training runs through `train` (a worker
 * thread in the service), so the event loop keeps serving chats meanwhile.
 */
export function createLiveContent(deps: {
  train: Train;
  makeBot: (recogniser: Recogniser, content: BotContent) => Bot;
  logger: Logger;
  /** Answers with this recogniser whatever the content (fault tests). */
  fixedRecogniser?: Recogniser;
  /** Readies a version outside this process before it goes live (the Lex build in AWS). */
  prepareElsewhere?: (version: number, content: BotContent) => Promise<void>;
  /**
   * Trains the embedded recogniser in the order `seed` gives, off the event loop as `train`
   * does (Test all over several orders). Without it this process trains no other order.
   */
  trainInOrder?: (content: BotContent, seed: number) => Promise<TrainedRecogniser>;
}) {
  let served: ServedContent | undefined;
  const trainings = new RecentlyUsed<string, Promise<TrainedRecogniser>>(CACHED_TRAININGS);

  /**
   * The recogniser for `bundle`, trained once however often it is asked for. Bundles that
   * differ only in what no recogniser reads (answers, links, held-out messages) share one: a
   * draft whose answers were edited is tried and published without training.
   */
  function trained(bundle: ContentBundle, train: Train = deps.train): Promise<TrainedRecogniser> {
    const key = recognitionKey(bundle);
    let training = trainings.get(key);
    if (!training) {
      // The test split goes along, so the publish gate's classifications happen in training.
      training = train(contentOf(bundle), testTexts(bundle));
      // A failed training is not remembered: the next call tries again.
      training.catch(() => trainings.delete(key));
      trainings.set(key, training);
    }
    return training;
  }

  /**
   * The digest of what `bundle`'s recogniser learns from. A publishing round asks for the same
   * stored bundle several times (gate, prepare, serve, Try it); the stores hand out one frozen
   * copy, so its digest (a JSON of every sentence, ~1 ms) is worked out once. A bundle that is
   * not frozen could still change, and is digested each time.
   */
  function recognitionKey(bundle: ContentBundle): string {
    const known = digests.get(bundle);
    if (known) return known;
    const key = createHash("sha256")
      .update(JSON.stringify(recognitionInputs(bundle)))
      .digest("base64url");
    if (Object.isFrozen(bundle)) digests.set(bundle, key);
    return key;
  }
  const digests = new WeakMap<ContentBundle, string>();

  const bot: Bot = {
    welcome(lang, advisorsAway) {
      return current().bot.welcome(lang, advisorsAway);
    },
    async reply(chat, text, choiceQuestion, advisorsAway): Promise<BotTurn> {
      const answering = current();
      const turn = await answering.bot.reply(chat, text, choiceQuestion, advisorsAway);
      return { ...turn, contentVersion: answering.version };
    },
  };

  function current(): ServedContent {
    if (!served) throw new Error("no content version is served yet");
    return served;
  }

  async function serve(
    version: number,
    bundle: ContentBundle,
    options: { train?: Train } = {},
  ): Promise<ServedContent> {
    const content = contentOf(bundle);
    const recogniser = await trained(bundle, options.train);
    const next: ServedContent = {
      version,
      content,
      recogniser,
      bot: deps.makeBot(deps.fixedRecogniser ?? recogniser, content),
    };
    served = next;
    deps.logger.info("content version served", { version });
    return next;
  }

  /**
   * The test split's intents from `recogniser`, in the bundle's order. Those its training
   * classified are taken from it (a cached recogniser may have been trained with other test
   * messages: only the ones it saw), the rest classified a few dozen per turn of the event loop.
   */
  async function testIntents(
    recogniser: TrainedRecogniser,
    bundle: ContentBundle,
  ): Promise<Record<Lang, string[]>> {
    const texts = testTexts(bundle);
    const { classified, classifiedTexts } = recogniser;
    if (classified && sameTexts(classifiedTexts, texts)) return classified;
    const known = (lang: Lang) => {
      const intents = classified?.[lang] ?? [];
      return new Map((classifiedTexts?.[lang] ?? []).map((text, i) => [text, intents[i]] as const));
    };
    const seen = { fi: known("fi"), sv: known("sv") };
    return classifySplitYielding(bundle, "tests", (text, lang) => {
      const intent = seen[lang].get(text);
      return intent !== undefined ? { intent } : recogniser.classify(text, lang);
    });
  }

  /**
   * The test split's new mistakes and fixes against live version `against`, whose recogniser
   * is the one serving it or the one cached for it: a publish trains nothing more for it here.
   */
  async function comparedWithLive(
    bundle: ContentBundle,
    recogniser: TrainedRecogniser,
    intents: Record<Lang, string[]>,
    against: GateAgainst,
  ): Promise<Record<Lang, AgainstLive>> {
    const started = performance.now();
    const liveRecogniser =
      served?.version === against.version ? served.recogniser : await trained(against.bundle);
    // A version that teaches the recogniser nothing new (answers edited) answers as live does.
    const liveIntents =
      liveRecogniser === recogniser ? intents : await testIntents(liveRecogniser, bundle);
    const changed = changedAnswers(bundle, "tests", intents, liveIntents);
    deps.logger.info("publish gate compared with live", {
      against: against.version,
      changed: changed.length,
      ms: Math.round(performance.now() - started),
    });
    return againstLive(against.version, changed);
  }

  const deployer: ContentDeployer = {
    async gate(bundle, against) {
      const recogniser = await trained(bundle);
      // Classified in training when the split is the one training saw.
      const intents = await testIntents(recogniser, bundle);
      const report = scoreClassified(bundle, "tests", intents);
      // The uncovered questions are decided on as the chat would, from the whole recognition
      // (training gives back intents only), a few dozen per turn of the event loop.
      const recognised = await recogniseYielding(textsOf(uncoveredOf(bundle)), (text, lang) =>
        recogniser.classify(text, lang),
      );
      const uncovered = scoreUncoveredRecognised(bundle, recognised);
      const issues = gateIssues(report, uncovered);
      // A version the gate refuses is not kept: nothing to compare for.
      const compared =
        against && issues.length === 0
          ? await comparedWithLive(bundle, recogniser, intents, against)
          : undefined;
      const scores = versionScores(report, uncovered, compared);
      return { issues, scores };
    },
    async prepare(version, bundle) {
      await trained(bundle);
      await deps.prepareElsewhere?.(version, contentOf(bundle));
    },
    async serve(version, bundle) {
      await serve(version, bundle);
    },
  };

  const trainInOrder = deps.trainInOrder;
  return {
    /** The bot customers talk to: always the version served now. */
    bot,
    current,
    /** The version served now, if any. */
    version: () => served?.version,
    trained,
    /**
     * `bundle`'s recogniser trained in the order `seed` gives, or undefined when this process
     * cannot train other orders. The shipped order's is `trained`'s, the one Test all and the
     * gate score; the others are not kept, so they do not push the draft's and live's out.
     */
    trainedInOrder: trainInOrder
      ? (bundle: ContentBundle, seed: number) =>
          seed === SHIPPED_SEED ? trained(bundle) : trainInOrder(contentOf(bundle), seed)
      : undefined,
    /** A bot answering from `bundle` with `recogniser`, as customers would get it (try-it). */
    botFor: (bundle: ContentBundle, recogniser: Recogniser) =>
      deps.makeBot(recogniser, contentOf(bundle)),
    serve,
    deployer,
  };
}

export type LiveContent = ReturnType<typeof createLiveContent>;

/**
 * Keeps this process on the live version when another process (a gateway task, the API)
 * moves it: reads the pointer every `intervalMs` and serves what it points at.
 */
export function followLiveVersion(deps: {
  live: () => Promise<{ version: number } | undefined>;
  bundle: (version: number) => Promise<ContentBundle | undefined>;
  content: LiveContent;
  intervalMs: number;
  logger: Logger;
}): { stop(): void; check(): Promise<void> } {
  let running: Promise<void> | undefined;
  const check = async () => {
    const pointer = await deps.live();
    if (!pointer || pointer.version === deps.content.version()) return;
    const bundle = await deps.bundle(pointer.version);
    if (!bundle) return;
    await deps.content.serve(pointer.version, bundle);
  };
  const timer = setInterval(() => {
    if (running) return;
    running = check()
      .catch((error: unknown) =>
        deps.logger.warn("following the live content version failed", { error: error as Error }),
      )
      .finally(() => {
        running = undefined;
      });
  }, deps.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), check };
}

function testTexts(bundle: ContentBundle): Record<Lang, string[]> {
  return { fi: bundle.tests.fi.map((c) => c.text), sv: bundle.tests.sv.map((c) => c.text) };
}

function sameTexts(a: Record<Lang, string[]> | undefined, b: Record<Lang, string[]>): boolean {
  return (
    a !== undefined &&
    a.fi.length === b.fi.length &&
    a.sv.length === b.sv.length &&
    a.fi.every((t, i) => t === b.fi[i]) &&
    a.sv.every((t, i) => t === b.sv[i])
  );
}
