import "./quietSdkWarning.ts";
import { ZodError } from "zod";
import { LANGS, type Lang } from "../../contracts/lang.ts";
import { describeValidationError } from "../../contracts/validation.ts";
import { dialogueSettingsFor } from "../../domain/dialogue/answerTurn.ts";
import type { Recognition } from "../../domain/ports.ts";
import { chatOutcomes, decidedBy } from "../chatOutcomes.ts";
import { MIN_ACCURACY, MIN_NONE_RECALL, MIN_TOPIC_RECALL, scoreCases } from "../scoreBundle.ts";
import { figuresUnderSeed, SHIPPED_SEED, seedsFor, spreadLines } from "../seedSpread.ts";
import {
  confusionLines,
  evaluate,
  leakedCases,
  leakKey,
  loadTestCases,
  percent,
  type Split,
  type TestCase,
} from "../testSet.ts";
import {
  loadUncoveredCases,
  MAX_UNCOVERED_ANSWERED,
  scoreUncovered,
  uncoveredOverlaps,
} from "../uncoveredSet.ts";
import { argsOrExit } from "./args.ts";
import { checkedContentOrExit, contentDirFrom } from "./checkedContent.ts";
import {
  chooseRecogniser,
  intentAtThreshold,
  RecogniserUnavailableError,
  recogniseAll,
} from "./chosenRecogniser.ts";

// The CI gate is the publish gate: one pair of numbers for both (scoreBundle.ts).

// --verbose lists every mistake; --quiet-leaks prints only the count of leaked messages;
// --dev scores the development split (bot-content/dev) that tuning is done against;
// --content <dir> scores other content than bot-content/;
// --recogniser lex scores the deployed Lex bot instead of the embedded recogniser (needs AWS);
// --thresholds 0.5,0.6 adds what top-1 and none recall would be at those confidence thresholds;
// --seeds N also trains the embedded recogniser in N-1 other orders and prints each figure's
// mean and range (seedSpread.ts): the gate stays the shipped seed's.
const { values: options } = argsOrExit(
  {
    options: {
      verbose: { type: "boolean", default: false },
      dev: { type: "boolean", default: false },
      "quiet-leaks": { type: "boolean", default: false },
      content: { type: "string" },
      recogniser: { type: "string", default: "embedded" },
      thresholds: { type: "string" },
      seeds: { type: "string" },
    },
  },
  "Usage: npm run content:test -- [--dev] [--verbose] [--quiet-leaks] [--content DIR] [--recogniser embedded|lex] [--thresholds 0.5,0.6] [--seeds N]",
);
const thresholds = (options.thresholds ?? "")
  .split(",")
  .filter((t) => t.trim() !== "")
  .map(Number);
if (thresholds.some((t) => !(t >= 0 && t <= 1))) {
  process.stderr.write(
    `--thresholds is "${options.thresholds}"; expected numbers from 0 to 1, comma-separated\n`,
  );
  process.exit(2);
}
/** More training orders than this take minutes and tell no more. */
const MAX_SEEDS = 20;
const seedCount = options.seeds === undefined ? 1 : Number(options.seeds);
if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > MAX_SEEDS) {
  process.stderr.write(
    `--seeds is "${options.seeds}"; expected a whole number of training orders from 1 to ${MAX_SEEDS}\n`,
  );
  process.exit(2);
}
if (seedCount > 1 && options.recogniser !== "embedded") {
  process.stderr.write("--seeds trains the embedded recogniser; leave out --recogniser lex\n");
  process.exit(2);
}
const verbose = options.verbose;
const split: Split = options.dev ? "dev" : "tests";
const otherSplit: Split = split === "dev" ? "tests" : "dev";
const quietLeaks = options["quiet-leaks"];
const dir = contentDirFrom(options.content);
// Bad content stops here with the content check's own messages.
const content = checkedContentOrExit(dir);
const recogniser = await chooseRecogniser(options.recogniser, content).catch((error: unknown) => {
  if (!(error instanceof RecogniserUnavailableError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
console.log(`recogniser: ${options.recogniser}`);
const has = (topic: string) => content.topics.has(topic);
// The chat's figures use the thresholds the dialogue has with this recogniser.
const decisionSettings = dialogueSettingsFor(options.recogniser === "lex" ? "lex" : "embedded");
let failed = false;

for (const lang of LANGS) {
  const cases = loadTestCases(dir, lang, split);
  console.log(`\n== ${lang}: ${cases.length} ${split === "dev" ? "dev" : "test"} messages ==`);
  if (cases.length === 0) {
    console.log(`FAIL no messages in bot-content/${split}/${lang}.yaml`);
    failed = true;
    continue;
  }
  const leaked = new Set(leakedCases(content, lang, cases));
  if (leaked.size > 0) {
    failed = true;
    console.log(`FAIL ${leaked.size} test message(s) also appear in the training sentences:`);
    if (!quietLeaks) for (const c of leaked) console.log(`  "${c.text}" (${c.intent})`);
    console.log(
      "  Test messages must be new wording; remove them from the topic or the test file.",
    );
    console.log(`  They are left out of the scores below (${cases.length - leaked.size} scored).`);
  }
  // A message in both splits would let tuning on dev leak into the test score.
  const otherKeys = new Set(loadTestCases(dir, lang, otherSplit).map((c) => leakKey(c.text)));
  const shared = cases.filter((c) => otherKeys.has(leakKey(c.text)));
  if (shared.length > 0) {
    failed = true;
    console.log(
      `FAIL ${shared.length} message(s) appear in both bot-content/dev and bot-content/tests:`,
    );
    for (const c of shared) console.log(`  "${c.text}" (${c.intent})`);
  }
  // Classified as in a chat in this language, language switching included.
  const heldOut = cases.filter((c) => !leaked.has(c));
  // Recognised up front, a few at a time (Lex answers over the network); the report below
  // reads the results whichever recogniser gave them.
  const classified = await recogniseAll(
    recogniser,
    [...heldOut.map((c) => c.text), ...uncoveredTexts(lang)],
    lang,
  );
  const classify: Classify = (text) => classified.get(text) ?? NOT_RECOGNISED;
  const result = evaluate(heldOut, classify);
  const accOk = result.accuracy >= MIN_ACCURACY;
  const noneOk = result.noneRecall >= MIN_NONE_RECALL;
  console.log(
    `top-1 accuracy   ${percent(result.accuracy)} (gate ${percent(MIN_ACCURACY)}) ${accOk ? "ok" : "FAIL"}`,
  );
  console.log(`topics only      ${percent(result.topicAccuracy)}`);
  console.log(
    `none recall      ${percent(result.noneRecall)} (gate ${percent(MIN_NONE_RECALL)}) ${noneOk ? "ok" : "FAIL"}`,
  );
  failed ||= !accOk || !noneOk;
  printChatOutcomes(heldOut, classify);
  failed = printPerTopic(heldOut, classify) || failed;
  failed = printUncovered(lang, classify) || failed;
  for (const threshold of thresholds) {
    const at = evaluate(heldOut, (text) => ({
      ...classify(text),
      intent: intentAtThreshold(classify(text), threshold),
    }));
    console.log(
      `at threshold ${threshold.toFixed(2)}: top-1 ${percent(at.accuracy)}, topics only ${percent(at.topicAccuracy)}, none recall ${percent(at.noneRecall)}`,
    );
  }
  const lines = confusionLines(result);
  if (lines.length > 0) {
    console.log("confusions (expected -> got: count):");
    for (const line of lines) console.log(`  ${line}`);
  }
  if (verbose) {
    for (const m of result.mistakes) {
      console.log(`  ${m.expected} -> ${m.got} (${m.confidence.toFixed(2)}): ${m.text}`);
    }
  }
}

type Classify = (text: string) => Recognition;

/** Stands in for a text recogniseAll was not given; never reached when the lists agree. */
const NOT_RECOGNISED: Recognition = {
  intent: "",
  confidence: 0,
  detectedLang: "fi",
  alternatives: [],
};

/** The uncovered questions' texts, or none when the file is unreadable (printUncovered says why). */
function uncoveredTexts(lang: Lang): string[] {
  try {
    return loadUncoveredCases(dir, lang).map((c) => c.text);
  } catch {
    return [];
  }
}

/**
 * What a customer would get for the questions about a topic, after the dialogue's rules
 * (decision.ts): the top-1 figure above is the recogniser's, this is the chat's.
 */
function printChatOutcomes(cases: readonly TestCase[], classify: Classify): void {
  const counts = chatOutcomes(cases, classify, has, decisionSettings);
  const share = (n: number) => percent(counts.total ? n / counts.total : 0);
  console.log(
    `in the chat      answered right ${share(counts.right)}, asked between two ${share(
      counts.askedWithRight + counts.askedWithout,
    )} (right one offered ${share(counts.askedWithRight)}), no answer ${share(
      counts.noAnswer,
    )}, wrong answer ${share(counts.wrong)}`,
  );
}

/** Recall, precision and support per topic; a topic under the floor fails the run. */
function printPerTopic(cases: readonly TestCase[], classify: Classify): boolean {
  const report = scoreCases(cases, (text) => classify(text).intent);
  const low = report.perTopic.filter((t) => t.recall < MIN_TOPIC_RECALL);
  console.log(
    `per topic        ${report.perTopic.length} topics; recall under ${percent(MIN_TOPIC_RECALL)}: ${
      low.length === 0 ? "none ok" : `${low.length} FAIL`
    }`,
  );
  for (const t of report.perTopic) {
    const mark = t.recall < MIN_TOPIC_RECALL ? "  FAIL" : "";
    console.log(
      `  ${t.topic.padEnd(26)} recall ${percent(t.recall).padStart(7)}  precision ${percent(
        t.precision,
      ).padStart(7)}  (${t.support} messages)${mark}`,
    );
  }
  return low.length > 0;
}

/** The honesty score on bot-content/uncovered; more than the target answered fails the run. */
function printUncovered(lang: (typeof LANGS)[number], classify: Classify): boolean {
  let cases: ReturnType<typeof loadUncoveredCases>;
  try {
    cases = loadUncoveredCases(dir, lang);
  } catch (error) {
    const why = error instanceof ZodError ? describeValidationError(error) : String(error);
    console.log(`uncovered        FAIL bot-content/uncovered/${lang}.yaml: ${why}`);
    return true;
  }
  if (cases.length === 0) {
    console.log(`uncovered        FAIL no questions in bot-content/uncovered/${lang}.yaml`);
    return true;
  }
  const overlaps = uncoveredOverlaps(dir, content, lang, cases);
  for (const c of overlaps) {
    console.log(`  FAIL uncovered question also in training or tests: "${c.text}"`);
  }
  const score = scoreUncovered(cases, decidedBy(classify, has, decisionSettings));
  const ok = score.answered <= MAX_UNCOVERED_ANSWERED;
  console.log(
    `uncovered        ${score.cases} questions on ${score.matters} matters: answered with a topic ${percent(
      score.answered,
    )} (at most ${percent(MAX_UNCOVERED_ANSWERED)}) ${ok ? "ok" : "FAIL"}; asked between two ${percent(
      score.clarified,
    )}; recogniser alone ${percent(score.recognisedAsTopic)}`,
  );
  if (verbose || !ok) {
    for (const a of score.answeredWith) console.log(`  answered with ${a.topic}: ${a.text}`);
  }
  return !ok || overlaps.length > 0;
}

if (seedCount > 1) printSeedSpread(seedCount);

/** The figures over `count` training orders, the shipped seed first (seedSpread.ts). */
function printSeedSpread(count: number): void {
  const seeds = seedsFor(count);
  const inputs = {
    content,
    settings: decisionSettings,
    cases: { fi: casesWithoutLeaks("fi"), sv: casesWithoutLeaks("sv") },
    uncovered: { fi: uncoveredCases("fi"), sv: uncoveredCases("sv") },
  };
  const runs = seeds.map((seed) => figuresUnderSeed(inputs, seed));
  for (const lang of LANGS) {
    console.log(
      `\n== ${lang}: ${split === "dev" ? "dev" : "test"} messages over ${count} training orders (seeds ${seeds.join(", ")}; the gate is seed ${SHIPPED_SEED}'s) ==`,
    );
    for (const line of spreadLines(runs.map((r) => r[lang]))) console.log(line);
  }
}

function casesWithoutLeaks(lang: Lang): TestCase[] {
  const cases = loadTestCases(dir, lang, split);
  const leaked = new Set(leakedCases(content, lang, cases));
  return cases.filter((c) => !leaked.has(c));
}

function uncoveredCases(lang: Lang) {
  try {
    return loadUncoveredCases(dir, lang);
  } catch {
    return [];
  }
}

console.log(failed ? "\ncontent:test FAILED" : "\ncontent:test passed");
process.exit(failed ? 1 : 0);
