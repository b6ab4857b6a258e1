// Benchmark: our embedded recogniser against nlp.js on the same training content, scored on
// the held-out messages in bot-content/tests, and on bot-content/uncovered: the share of
// questions no topic covers that the chat would answer with a topic anyway (the dialogue's
// own rule, decision.ts, applied to each recogniser's guesses). Usage: npm run bench:nlu
import { createRequire } from "node:module";
import { EmbeddedRecogniser } from "../../functions/adapters/recogniser/embedded/embeddedRecogniser.ts";
import { DEFAULT_CONTENT_DIR, loadBotContent } from "../../functions/content/loadContent.ts";
import {
  evaluate,
  leakedCases,
  loadTestCases,
  percent,
  type TestCase,
} from "../../functions/content/testSet.ts";
import { loadUncoveredCases } from "../../functions/content/uncoveredSet.ts";
import type { BotContent } from "../../functions/contracts/content.ts";
import { LANGS, type Lang } from "../../functions/contracts/lang.ts";
import { type IntentId, NO_INTENT } from "../../functions/contracts/topics.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../../functions/domain/dialogue/answerTurn.ts";
import { decide } from "../../functions/domain/dialogue/decision.ts";

const require = createRequire(import.meta.url);

interface Guess {
  intent: IntentId;
  confidence: number;
  /** The likeliest intents, the winner first: what the dialogue's rule weighs. */
  alternatives: { intent: IntentId; confidence: number }[];
}

interface Contender {
  name: string;
  trainMs: number;
  classify: (text: string, lang: Lang) => Promise<Guess>;
}

const NLPJS_NONE = "None";

async function trainNlpJs(content: BotContent): Promise<Contender> {
  const { dockStart } = require("@nlpjs/basic");
  const { LangFi } = require("@nlpjs/lang-fi");
  const { LangSv } = require("@nlpjs/lang-sv");
  const started = performance.now();
  const dock = await dockStart({
    settings: { nlp: { languages: ["fi", "sv"], autoSave: false, autoLoad: false, log: false } },
    use: ["Basic"],
  });
  const container = dock.getContainer();
  container.use(LangFi);
  container.use(LangSv);
  const nlp = dock.get("nlp");
  nlp.settings.autoSave = false;
  for (const lang of LANGS) {
    nlp.addLanguage(lang);
    for (const topic of content.topics.values()) {
      for (const u of topic[lang].utterances) nlp.addDocument(lang, u, topic.id);
    }
    // nlp.js has no reject class of its own; out-of-scope examples become an intent it may pick.
    for (const u of content.outOfScope[lang]) nlp.addDocument(lang, u, NLPJS_NONE);
    // Referral groups are out of scope too: nlp.js has one None class for all of them.
    for (const group of content.referrals) {
      for (const u of group[lang].sentences) nlp.addDocument(lang, u, NLPJS_NONE);
    }
  }
  // nlp.js prints a line per training epoch; keep stdout to the table and the JSON line.
  const log = console.log;
  console.log = () => {};
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  const trainMs = performance.now() - started;
  return {
    name: "nlp.js 4",
    trainMs,
    classify: async (text, lang) => {
      const r = await nlp.process(lang, text);
      // Anything but a topic it was trained on (its own "None", our out-of-scope label) is none.
      const intent =
        typeof r.intent === "string" && content.topics.has(r.intent) ? r.intent : NO_INTENT;
      const ranked: { intent: string; score: number }[] = r.classifications ?? [];
      const alternatives = ranked
        .map((c) => ({
          intent: content.topics.has(c.intent) ? c.intent : NO_INTENT,
          confidence: c.score,
        }))
        .slice(0, 3);
      return { intent, confidence: r.score ?? 0, alternatives };
    },
  };
}

function trainOurs(content: BotContent): Contender {
  const started = performance.now();
  const recogniser = new EmbeddedRecogniser(content);
  const trainMs = performance.now() - started;
  return {
    name: "embedded",
    trainMs,
    classify: async (text, lang) => recogniser.classify(text, lang),
  };
}

interface Row {
  name: string;
  lang: Lang;
  accuracy: number;
  topicAccuracy: number;
  noneRecall: number;
  p50: number;
  p99: number;
  /**
   * p99 over messages of each message's fastest of 5 runs: the recogniser's own cost,
   * still meaningful when other processes preempt this one on a busy machine.
   */
  p99Best: number;
  trainMs: number;
  /** Share of bot-content/uncovered the chat would answer with a topic. */
  uncoveredAnswered: number;
}

async function measure(
  contender: Contender,
  lang: Lang,
  cases: TestCase[],
  uncovered: readonly string[],
): Promise<Row> {
  let answered = 0;
  for (const text of uncovered) {
    const guess = await contender.classify(text, lang);
    const recognition = { ...guess, detectedLang: lang };
    const has = (topic: string) => content.topics.has(topic);
    if (decide(recognition, has, DEFAULT_DIALOGUE_SETTINGS).kind === "answer") answered++;
  }
  const guesses = new Map<string, Guess>();
  for (const c of cases) guesses.set(c.text, await contender.classify(c.text, lang));
  const result = evaluate(cases, (text) => guesses.get(text) as Guess);
  // Latency after warm-up: the guesses above warmed the JIT; now time each message 5 times.
  const times: number[] = [];
  const best = cases.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < 5; round++) {
    for (const [i, c] of cases.entries()) {
      const t = performance.now();
      await contender.classify(c.text, lang);
      const elapsed = performance.now() - t;
      times.push(elapsed);
      best[i] = Math.min(best[i] as number, elapsed);
    }
  }
  times.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  const quantile = (xs: number[], q: number) =>
    xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] as number;
  const at = (q: number) => quantile(times, q);
  return {
    name: contender.name,
    lang,
    accuracy: result.accuracy,
    topicAccuracy: result.topicAccuracy,
    noneRecall: result.noneRecall,
    p50: at(0.5),
    p99: at(0.99),
    p99Best: quantile(best, 0.99),
    trainMs: contender.trainMs,
    uncoveredAnswered: uncovered.length ? answered / uncovered.length : 0,
  };
}

const content = loadBotContent(DEFAULT_CONTENT_DIR);
const ours = trainOurs(content);
const nlpjs = await trainNlpJs(content);
const rows: Row[] = [];
const scored: Record<string, number> = {};
const uncoveredCount: Record<string, number> = {};
for (const lang of LANGS) {
  const all = loadTestCases(DEFAULT_CONTENT_DIR, lang);
  const leaked = new Set(leakedCases(content, lang, all));
  // Messages that also appear in training would flatter both; score held-out ones only.
  const cases = all.filter((c) => !leaked.has(c));
  scored[lang] = cases.length;
  if (leaked.size > 0)
    console.log(`${lang}: ${leaked.size} test messages also in training, left out`);
  const uncovered = loadUncoveredCases(DEFAULT_CONTENT_DIR, lang).map((c) => c.text);
  uncoveredCount[lang] = uncovered.length;
  for (const contender of [ours, nlpjs]) {
    rows.push(await measure(contender, lang, cases, uncovered));
  }
}

const ms = (v: number) => `${v.toFixed(3)} ms`;
console.log(
  [
    "recogniser",
    "lang",
    "cases",
    "top-1",
    "topics",
    "none recall",
    "p50",
    "p99",
    "p99 best5",
    "train",
    "uncovered",
  ]
    .map((h, i) => h.padEnd(i === 0 ? 12 : 12))
    .join(""),
);
for (const r of rows) {
  console.log(
    [
      r.name,
      r.lang,
      String(scored[r.lang]),
      percent(r.accuracy),
      percent(r.topicAccuracy),
      percent(r.noneRecall),
      ms(r.p50),
      ms(r.p99),
      ms(r.p99Best),
      `${Math.round(r.trainMs)} ms`,
      percent(r.uncoveredAnswered),
    ]
      .map((c) => c.padEnd(12))
      .join(""),
  );
}
const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify({
    results: rows.map((r) => ({
      recogniser: r.name,
      lang: r.lang,
      cases: scored[r.lang],
      accuracy: round(r.accuracy),
      topicAccuracy: round(r.topicAccuracy),
      noneRecall: round(r.noneRecall),
      p50Ms: round(r.p50),
      p99Ms: round(r.p99),
      p99BestOf5Ms: round(r.p99Best),
      trainMs: Math.round(r.trainMs),
      uncoveredCases: uncoveredCount[r.lang],
      uncoveredAnswered: round(r.uncoveredAnswered),
    })),
  }),
);
