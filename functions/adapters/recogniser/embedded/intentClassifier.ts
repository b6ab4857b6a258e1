import type { BotContent } from "../../../contracts/content.ts";
import type { Lang } from "../../../contracts/lang.ts";
import { referralIntentName, referralOfIntent } from "../../../contracts/referrals.ts";
import { type IntentId, NO_INTENT } from "../../../contracts/topics.ts";
import type { IntentScore } from "../../../domain/ports.ts";
import { pace } from "../../threads/pacing.ts";
import { CompoundSplitter } from "./compounds.ts";
import {
  DEFAULT_FEATURE_OPTIONS,
  FeatureExtractor,
  type FeatureOptions,
  stems,
  words,
} from "./features.ts";
import { tokenize } from "./normalize.ts";
import {
  DEFAULT_TRAINING_OPTIONS,
  exampleKey,
  mix,
  SoftmaxRegression,
  type SoftmaxSnapshot,
  type TrainingOptions,
} from "./softmaxRegression.ts";
import { Speller, type SpellerParts } from "./speller.ts";
import { StringTable, type StringTableParts } from "./stringTable.ts";
import { type SparseVector, Vectorizer, type VectorizerSnapshot } from "./vectorizer.ts";

export interface Example {
  text: string;
  intent: IntentId;
}

/** Everything tunable about the classifier; defaults come from cross-validation. */
export interface ClassifierOptions {
  features: FeatureOptions;
  training: TrainingOptions;
  /** Below this probability the best topic is not trusted and the answer is `none`. */
  threshold: number;
  /** Below this share of recognisable words the message is treated as out of scope. */
  minCoverage: number;
  /**
   * Words the bot has never seen make a guess less trustworthy: the threshold rises by
   * this much times the share of unknown words ("lääkärin ajanvaraus" is not ours).
   */
  unknownWordPenalty: number;
  /** Share of training examples also taught with a greeting in front of them. */
  greetingAugmentation: number;
  spelling: boolean;
  /**
   * A stem seen this many times in out-of-scope examples and never in a topic marks the
   * message as another agency's matter ("kelan", "poliisin"); 0 turns the rule off.
   */
  outOfScopeStemCount: number;
  /**
   * A referral group is named only with at least this probability. A tax question in words
   * the bot has not learnt spreads its probability thinly; the likeliest label is then a
   * guess ("Onko tippi veronalaista tuloa?" gave small talk 0.09, a topic 0.08 and `none`
   * 0.06), and a guessed referral is no miss, so the question never reaches the inbox. The
   * held-out and dev referrals hold 0.21 and more.
   */
  referralThreshold: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  training: DEFAULT_TRAINING_OPTIONS,
  threshold: 0.25,
  minCoverage: 0.01,
  unknownWordPenalty: 0.2,
  greetingAugmentation: 0.3,
  spelling: true,
  outOfScopeStemCount: 3,
  referralThreshold: 0.2,
};

export interface Classification {
  intent: IntentId;
  confidence: number;
  /** Winner first, then the likeliest topics; at most 3. */
  alternatives: IntentScore[];
  /** Share of the message's words the bot has seen in topic utterances. */
  coverage: number;
  /** With intent `none`: the referral group the message belongs to (another agency's matter). */
  referral?: string;
}

/**
 * Labels that are not topics: `none` and the referral groups' classes. Referral examples are
 * out of scope like `none` ones; the groups only say where the customer should go instead.
 */
function isOutside(intent: IntentId): boolean {
  return intent === NO_INTENT || referralOfIntent(intent) !== undefined;
}

/** Per label, whether it is outside the topics; and the indices of those that are. */
interface OutsideLabels {
  at: boolean[];
  indices: number[];
}

function outsideLabels(labels: readonly IntentId[]): OutsideLabels {
  const at = labels.map(isOutside);
  return { at, indices: labels.flatMap((_, i) => (at[i] ? [i] : [])) };
}

const GREETING_TOPICS = new Set<IntentId>(["greeting", "goodbye"]);

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Training examples for one language: topic utterances, each referral group's sentences as
 * its own class (`referralIntentName`), and the out-of-scope ones as `none`.
 *
 * Topics and groups go in by id, whatever order the content arrived in. SGD's shuffle permutes
 * positions, so the same content in another order trains another model: files sort
 * `appointment-change.yaml` before `appointment.yaml`, storage keys sort `topic#appointment`
 * first, and the studio's Test all and the running service scored a few messages otherwise
 * than content:test and CI on the same content.
 */
export function trainingExamples(content: BotContent, lang: Lang): Example[] {
  const examples: Example[] = [];
  for (const topic of [...content.topics.values()].sort(byId)) {
    for (const text of topic[lang].utterances) examples.push({ text, intent: topic.id });
  }
  for (const group of [...(content.referrals ?? [])].sort(byId)) {
    const intent = referralIntentName(group.id);
    for (const text of group[lang].sentences) examples.push({ text, intent });
  }
  for (const text of content.outOfScope[lang]) examples.push({ text, intent: NO_INTENT });
  return examples;
}

/**
 * A trained classifier as plain data and typed arrays, for a worker thread to hand over
 * (structured clone; its typed arrays can be transferred, `recogniserSnapshotTransferList`).
 * Caches are not part of it: they fill again as messages arrive.
 */
export interface ClassifierSnapshot {
  lang: Lang;
  options: ClassifierOptions;
  /** Class labels in the model's order. */
  labels: IntentId[];
  /** Words of topic sentences in first-seen order (their counts ranked the speller's words). */
  words: StringTableParts;
  stems: StringTableParts;
  grams: StringTableParts;
  greetingWords: string[];
  outOfScopeStems: string[];
  vectorizer: VectorizerSnapshot;
  model: SoftmaxSnapshot;
  /** The speller's index, with `options.spelling`. */
  speller?: SpellerParts;
}

/** A per-language topic classifier; train once, then classify synchronously in microseconds. */
export class IntentClassifier {
  readonly lang: Lang;
  private readonly options: ClassifierOptions;
  private readonly labels: IntentId[];
  /** The labels that are no topic (`none`, referral groups), worked out from `labels` on first use. */
  private outside: OutsideLabels | undefined;
  private readonly vectorizer: Vectorizer;
  private readonly model: SoftmaxRegression;
  /**
   * Topic words in first-seen order, their stems and grams. Tables rather than Sets of a few
   * thousand strings each: a restored version arrives with them built.
   */
  private readonly knownWords: StringTable;
  private readonly knownStems: StringTable;
  private readonly knownGrams: StringTable;
  private readonly knownCache = new Map<string, boolean>();
  /** A word's in-vocabulary features by index, by written form: two typed arrays a word. */
  private readonly indexedWords = new Map<string, SparseVector>();
  private readonly speller: Speller | undefined;
  private readonly splitter: CompoundSplitter;
  private readonly extractor: FeatureExtractor;
  /** Words that mostly occur in greetings and farewells ("hei", "moi", "päivää"). */
  private readonly greetingWords: Set<string>;
  private readonly outOfScopeStems: Set<string>;

  /** Trains on `examples`. */
  constructor(lang: Lang, examples: readonly Example[], options?: ClassifierOptions);
  /** Restores a trained classifier; `IntentClassifier.fromSnapshot` says the same more plainly. */
  constructor(snapshot: ClassifierSnapshot);
  constructor(
    source: Lang | ClassifierSnapshot,
    examples: readonly Example[] = [],
    options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  ) {
    const snapshot = typeof source === "string" ? undefined : source;
    const lang = typeof source === "string" ? source : source.lang;
    this.lang = lang;
    this.options = snapshot ? snapshot.options : options;
    // The vocabulary comes first: the speller, the compound splitter and so the features
    // of every training sentence depend on it.
    if (snapshot) {
      const what = (part: string) => `classifier snapshot (${lang}) ${part}`;
      this.knownWords = StringTable.fromParts(snapshot.words, what("words"));
      this.knownStems = StringTable.fromParts(snapshot.stems, what("stems"));
      this.knownGrams = StringTable.fromParts(snapshot.grams, what("grams"));
      this.speller = this.options.spelling ? spellerOf(snapshot, this.knownWords) : undefined;
    } else {
      const counts = new Map<string, number>();
      const knownStems = new Set<string>();
      const knownGrams = new Set<string>();
      for (const { text, intent } of examples) {
        if (isOutside(intent)) continue;
        for (const raw of tokenize(text)) {
          for (const s of stems(raw, lang)) knownStems.add(s);
        }
        for (const w of words(text, lang)) {
          for (const g of wordGrams(w)) knownGrams.add(g);
          counts.set(w, (counts.get(w) ?? 0) + 1);
        }
      }
      this.knownWords = StringTable.of([...counts.keys()]);
      this.knownStems = StringTable.of([...knownStems]);
      this.knownGrams = StringTable.of([...knownGrams]);
      this.speller = this.options.spelling ? Speller.of(counts) : undefined;
    }
    const speller = this.speller;
    const splitter = new CompoundSplitter(
      lang,
      (w) => this.knownWords.has(w) || stems(w, lang).some((s) => this.knownStems.has(s)),
    );
    this.splitter = splitter;
    this.extractor = new FeatureExtractor(
      lang,
      this.options.features,
      speller ? (w) => speller.correct(w) : undefined,
      (w) => splitter.split(w),
    );

    if (snapshot) {
      this.greetingWords = new Set(snapshot.greetingWords);
      this.outOfScopeStems = new Set(snapshot.outOfScopeStems);
      this.labels = snapshot.labels;
      this.vectorizer = Vectorizer.fromSnapshot(snapshot.vectorizer);
      this.model = SoftmaxRegression.fromSnapshot(snapshot.model);
      if (
        this.model.classes !== this.labels.length ||
        snapshot.model.weights.length !== this.vectorizer.size * this.labels.length
      ) {
        throw new Error(`classifier snapshot (${lang}): model does not fit labels and vocabulary`);
      }
      // Messages' words are cached as indexed features (`indexed`), not a second time here.
      this.extractor.forgetWords();
      return;
    }
    this.greetingWords = greetingVocabulary(examples, lang);
    this.outOfScopeStems = outOfScopeVocabulary(examples, lang, options.outOfScopeStemCount);
    // The topics and referral groups in the examples, in their order, then `none`: topics
    // are whatever content has.
    this.labels = [
      ...new Set(examples.map((e) => e.intent).filter((intent) => intent !== NO_INTENT)),
      NO_INTENT,
    ];
    const augmented = augmentWithGreetings(
      examples,
      options.greetingAugmentation,
      options.training.seed,
    );
    const docs = augmented.map((e) => {
      pace();
      return this.features(e.text);
    });
    this.vectorizer = new Vectorizer().fit(docs);
    const xs = docs.map((d) => {
      pace();
      return this.vectorizer.transform(d);
    });
    const ys = augmented.map((e) => this.labels.indexOf(e.intent));
    this.model = new SoftmaxRegression(this.vectorizer.size, this.labels.length).train(
      xs,
      ys,
      options.training,
      augmented.map((e) => exampleKey(e.text, e.intent)),
    );
    // Trained: from here on a word is cached once, as indexed features.
    this.extractor.forgetWords();
  }

  /** The classifier `toSnapshot` described; it answers exactly as the one that was snapshotted. */
  static fromSnapshot(snapshot: ClassifierSnapshot): IntentClassifier {
    return new IntentClassifier(snapshot);
  }

  /** Everything `classify` depends on, as copies that are safe to transfer to another thread. */
  toSnapshot(): ClassifierSnapshot {
    return {
      lang: this.lang,
      options: structuredClone(this.options),
      labels: [...this.labels],
      words: this.knownWords.toParts(),
      stems: this.knownStems.toParts(),
      grams: this.knownGrams.toParts(),
      greetingWords: [...this.greetingWords],
      outOfScopeStems: [...this.outOfScopeStems],
      vectorizer: this.vectorizer.toSnapshot(),
      model: this.model.toSnapshot(),
      ...(this.speller ? { speller: this.speller.toParts() } : {}),
    };
  }

  /** The topic of `text` (or `none`) with a confidence in 0..1. */
  classify(text: string): Classification {
    const whole = this.classifyWhole(text);
    if (!GREETING_TOPICS.has(whole.intent)) return whole;
    // "Hei, milloin tulee palautus?" is about what it asks: judge the rest on its own.
    const rest = this.withoutOpeningGreeting(text);
    if (rest === undefined) return whole;
    const asked = this.classifyWhole(rest);
    return GREETING_TOPICS.has(asked.intent) ? whole : asked;
  }

  private withoutOpeningGreeting(text: string): string | undefined {
    const tokens = tokenize(text);
    let skip = 0;
    while (
      skip < tokens.length &&
      this.greetingWords.has(words(tokens[skip] as string, this.lang)[0] ?? "")
    ) {
      skip++;
    }
    if (skip === 0 || tokens.length - skip < 2) return undefined;
    return tokens.slice(skip).join(" ");
  }

  private classifyWhole(text: string): Classification {
    const { result, referral } = this.classifyByModel(text);
    if (result.intent === NO_INTENT || !this.mentionsOtherMatters(text)) return result;
    const none = { intent: NO_INTENT, confidence: round(1 - result.confidence / 2) };
    return {
      ...result,
      intent: NO_INTENT,
      confidence: none.confidence,
      alternatives: [none, ...result.alternatives].slice(0, 3),
      // A word only other agencies' matters use: their likeliest group, if any beats `none`.
      ...(referral ? { referral } : {}),
    };
  }

  private mentionsOtherMatters(text: string): boolean {
    if (this.outOfScopeStems.size === 0) return false;
    return tokenize(text).some((raw) =>
      stems(raw, this.lang).some((s) => this.outOfScopeStems.has(s)),
    );
  }

  /**
   * The model's verdict, and the referral group that would answer the message as out of
   * scope (`referral`, also when a topic wins: the other-matters rule may still overrule it).
   */
  private classifyByModel(text: string): { result: Classification; referral?: string } {
    const x = this.vector(text);
    const probs = this.model.probabilities(x);
    const score = (i: number): IntentScore => ({
      intent: this.labels[i] as IntentId,
      confidence: probs[i] as number,
    });
    // Every message ranks all labels (a few dozen); only the three likeliest topics and the
    // outside labels are ever read, so those are picked rather than all of them sorted. The
    // order is a stable sort's: by confidence, ties in label order.
    this.outside ??= outsideLabels(this.labels);
    const { at: outsideAt, indices: outsideIndices } = this.outside;
    const best: number[] = [];
    for (let i = 0; i < probs.length; i++) {
      if (outsideAt[i]) continue;
      const p = probs[i] as number;
      let at = best.length;
      while (at > 0 && (probs[best[at - 1] as number] as number) < p) at--;
      if (at < 3) best.splice(at, 0, i);
      if (best.length > 3) best.pop();
    }
    const topics = best.map(score);
    const coverage = this.coverage(text);
    const bestTopic = topics[0] ?? { intent: NO_INTENT, confidence: 0 };
    // Out of scope is `none` and the referral groups together: splitting it into groups
    // must not let a topic win that `none` alone would have beaten.
    const outside = outsideIndices.map(score).sort((a, b) => b.confidence - a.confidence);
    const outsideMass = outside.reduce((sum, s) => sum + s.confidence, 0);
    const trusted =
      bestTopic.intent !== NO_INTENT &&
      bestTopic.confidence > outsideMass &&
      bestTopic.confidence >=
        this.options.threshold + this.options.unknownWordPenalty * (1 - coverage) &&
      coverage >= this.options.minCoverage;
    const winner: IntentScore = trusted
      ? bestTopic
      : { intent: NO_INTENT, confidence: round(Math.max(1 - bestTopic.confidence, 0)) };
    const referral = this.referralOf(outside, bestTopic);
    const result: Classification = {
      intent: winner.intent,
      confidence: round(winner.confidence),
      alternatives: [winner, ...topics.filter((s) => s.intent !== winner.intent)]
        .slice(0, 3)
        .map((s) => ({ intent: s.intent, confidence: round(s.confidence) })),
      coverage,
      ...(!trusted && referral ? { referral } : {}),
    };
    return { result, ...(referral ? { referral } : {}) };
  }

  /**
   * The referral group of an out-of-scope message: the likeliest group, when it is likelier
   * than plain `none` and than any topic and holds `referralThreshold`. Pointing a tax
   * question at another agency is worse than not understanding it, so a doubtful group is no
   * referral.
   */
  private referralOf(outside: readonly IntentScore[], bestTopic: IntentScore): string | undefined {
    const best = outside[0];
    const group = best && referralOfIntent(best.intent);
    if (!best || !group || best.confidence < this.options.referralThreshold) return undefined;
    return best.confidence > bestTopic.confidence ? group : undefined;
  }

  private features(text: string): Map<string, number> {
    return this.extractor.extract(text);
  }

  /**
   * `vectorizer.transform(features(text))`, worked out per cached word: a word's features
   * are looked up in the vocabulary once, not on every message that uses the word (this
   * was a third of the recogniser's time).
   */
  private vector(text: string): SparseVector {
    const weights = new Map<number, number>();
    const add = (i: number, weight: number) => weights.set(i, (weights.get(i) ?? 0) + weight);
    for (const { written, bigram } of this.extractor.forms(text)) {
      const { indices, values } = this.indexed(written);
      for (let j = 0; j < indices.length; j++) add(indices[j] as number, values[j] as number);
      if (bigram) {
        const i = this.vectorizer.indexOf(bigram);
        if (i >= 0) add(i, this.extractor.bigramWeight);
      }
    }
    return this.vectorizer.fromIndexed(weights);
  }

  /** A word's in-vocabulary features by index, worked out once per word while it is cached. */
  private indexed(written: string): SparseVector {
    const cached = this.indexedWords.get(written);
    if (cached) return cached;
    const indices: number[] = [];
    const values: number[] = [];
    for (const [name, weight] of this.extractor.wordFeatures(written)) {
      const i = this.vectorizer.indexOf(name);
      if (i < 0) continue;
      indices.push(i);
      values.push(weight);
    }
    const result = { indices: Int32Array.from(indices), values: Float64Array.from(values) };
    if (this.indexedWords.size >= INDEXED_WORDS_LIMIT) this.indexedWords.clear();
    this.indexedWords.set(written, result);
    return result;
  }

  /** True for new compounds and inflections built from known parts ("kausiveroilmoitus"). */
  private mostlyKnownGrams(word: string): boolean {
    const grams = wordGrams(word);
    if (grams.length === 0) return false;
    const known = grams.filter((g) => this.knownGrams.has(g)).length;
    return known / grams.length >= KNOWN_GRAM_SHARE;
  }

  private coverage(text: string): number {
    const tokens = tokenize(text).filter((t) => t.length >= 2 && !/^\d+$/.test(t));
    if (tokens.length === 0) return 0;
    let known = 0;
    for (const raw of tokens) if (this.isKnown(raw)) known++;
    return known / tokens.length;
  }

  /** Whether the bot has seen this word, a form of it, a near spelling or its parts. */
  private isKnown(raw: string): boolean {
    const cached = this.knownCache.get(raw);
    if (cached !== undefined) return cached;
    const w = words(raw, this.lang)[0] ?? "";
    const known =
      this.knownWords.has(w) ||
      stems(raw, this.lang).some((s) => this.knownStems.has(s)) ||
      this.speller?.correct(w) !== undefined ||
      this.splitter.split(w).length > 0 ||
      this.mostlyKnownGrams(w);
    if (this.knownCache.size >= 50_000) this.knownCache.clear();
    this.knownCache.set(raw, known);
    return known;
  }
}

const KNOWN_GRAM_SHARE = 0.6;

/** The speller `snapshot` brought; one is required when its options turn spelling on. */
function spellerOf(snapshot: ClassifierSnapshot, known: StringTable): Speller {
  if (!snapshot.speller) {
    throw new Error(`classifier snapshot (${snapshot.lang}): spelling is on but has no speller`);
  }
  return Speller.fromParts(known, snapshot.speller);
}
/** Words whose indexed features are kept; like the other caches, emptied when full. */
const INDEXED_WORDS_LIMIT = 50_000;

function wordGrams(word: string): string[] {
  const padded = `<${word}>`;
  const out: string[] = [];
  for (let i = 0; i + 4 <= padded.length; i++) out.push(padded.slice(i, i + 4));
  return out;
}

function outOfScopeVocabulary(
  examples: readonly Example[],
  lang: Lang,
  minCount: number,
): Set<string> {
  if (minCount <= 0) return new Set();
  const outside = new Map<string, number>();
  const inside = new Set<string>();
  for (const e of examples) {
    for (const raw of tokenize(e.text)) {
      if (raw.length < 3) continue;
      for (const s of stems(raw, lang)) {
        if (isOutside(e.intent)) outside.set(s, (outside.get(s) ?? 0) + 1);
        else inside.add(s);
      }
    }
  }
  return new Set([...outside].filter(([s, n]) => n >= minCount && !inside.has(s)).map(([s]) => s));
}

function greetingVocabulary(examples: readonly Example[], lang: Lang): Set<string> {
  const inGreetings = new Map<string, number>();
  const elsewhere = new Map<string, number>();
  for (const e of examples) {
    const ws = words(e.text, lang);
    const target = GREETING_TOPICS.has(e.intent) && ws.length <= 3 ? inGreetings : elsewhere;
    for (const w of ws) target.set(w, (target.get(w) ?? 0) + 1);
  }
  return new Set([...inGreetings].filter(([w, n]) => n > (elsewhere.get(w) ?? 0)).map(([w]) => w));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Customers often open with a greeting and then ask; teaching some examples with a
 * greeting in front keeps a leading "hei" from outweighing the actual question.
 */
function augmentWithGreetings(
  examples: readonly Example[],
  share: number,
  seed: number,
): Example[] {
  const greetings = examples
    .filter((e) => e.intent === "greeting" && tokenize(e.text).length <= 3)
    .map((e) => e.text.replace(/[!.?]+$/, ""));
  if (share <= 0 || greetings.length === 0) return [...examples];
  const out = [...examples];
  // Drawn from each example's own key, so that adding a sentence elsewhere does not change
  // which examples get a greeting (a running random sequence would shift all after it).
  const unit = (h: number) => h / 4294967296;
  for (const e of examples) {
    if (GREETING_TOPICS.has(e.intent)) continue;
    const key = mix(exampleKey(e.text, e.intent) ^ mix(seed));
    if (unit(key) >= share) continue;
    const greeting = greetings[Math.floor(unit(mix(key)) * greetings.length)] as string;
    out.push({ text: `${greeting}, ${e.text}`, intent: e.intent });
  }
  return out;
}
