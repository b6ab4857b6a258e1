import "./quietSdkWarning.ts";
import { parseArgs } from "node:util";
import { LANGS } from "../../contracts/lang.ts";
import { MIN_ACCURACY, MIN_NONE_RECALL } from "../scoreBundle.ts";
import {
  confusionLines,
  evaluate,
  leakedCases,
  leakKey,
  loadTestCases,
  percent,
  type Split,
} from "../testSet.ts";
import { checkedContentOrExit, contentDirFrom } from "./checkedContent.ts";
import {
  chooseRecognizer,
  intentAtThreshold,
  RecogniserUnavailableError,
  recognizeAll,
} from "./chosenRecognizer.ts";

// The CI gate is the publish gate: one pair of numbers for both (scoreBundle.ts).

// --verbose lists every mistake; --quiet-leaks prints only the count of leaked messages;
// --dev scores the development split (bot-content/dev) that tuning is done against;
// --content <dir> scores other content than bot-content/;
// --recogniser lex scores the deployed Lex bot instead of the embedded recogniser (needs AWS);
// --thresholds 0.5,0.6 adds what top-1 and none recall would be at those confidence thresholds.
const { values: options } = parseArgs({
  options: {
    verbose: { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    "quiet-leaks": { type: "boolean", default: false },
    content: { type: "string" },
    recogniser: { type: "string", default: "embedded" },
    thresholds: { type: "string" },
  },
});
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
const verbose = options.verbose;
const split: Split = options.dev ? "dev" : "tests";
const otherSplit: Split = split === "dev" ? "tests" : "dev";
const quietLeaks = options["quiet-leaks"];
const dir = contentDirFrom(options.content);
// Bad content stops here with the content check's own messages.
const content = checkedContentOrExit(dir);
const recognizer = await chooseRecognizer(options.recogniser, content).catch((error: unknown) => {
  if (!(error instanceof RecogniserUnavailableError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
console.log(`recogniser: ${options.recogniser}`);
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
  const recognized = await recognizeAll(
    recognizer,
    heldOut.map((c) => c.text),
    lang,
  );
  const recognitionOf = (text: string) => recognized.get(text) ?? { intent: "", confidence: 0 };
  const result = evaluate(heldOut, recognitionOf);
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
  const lines = confusionLines(result);
  if (lines.length > 0) {
    console.log("confusions (expected -> got: count):");
    for (const line of lines) console.log(`  ${line}`);
  }
  for (const threshold of thresholds) {
    const at = evaluate(heldOut, (text) => {
      const r = recognized.get(text);
      return { intent: r ? intentAtThreshold(r, threshold) : "", confidence: r?.confidence ?? 0 };
    });
    console.log(
      `at threshold ${threshold.toFixed(2)}: top-1 ${percent(at.accuracy)}, topics only ${percent(at.topicAccuracy)}, none recall ${percent(at.noneRecall)}`,
    );
  }
  if (verbose) {
    for (const m of result.mistakes) {
      console.log(`  ${m.expected} -> ${m.got} (${m.confidence.toFixed(2)}): ${m.text}`);
    }
  }
}

console.log(failed ? "\ncontent:test FAILED" : "\ncontent:test passed");
process.exit(failed ? 1 : 0);
