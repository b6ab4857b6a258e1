// Tuning aid: k-fold cross-validation over the training utterances plus the score on the
// dev split (bot-content/dev), so options are chosen without looking at bot-content/tests.
// Usage: npx tsx tests/bench/crossValidate.ts '[["name",{"threshold":0.3}],...]' [--no-cv]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import {
  type ClassifierOptions,
  DEFAULT_CLASSIFIER_OPTIONS,
  type Example,
  IntentClassifier,
  trainingExamples,
} from "../../functions/adapters/recogniser/embedded/intentClassifier.ts";
import { fold } from "../../functions/adapters/recogniser/embedded/normalize.ts";
import { DEFAULT_CONTENT_DIR } from "../../functions/content/loadContent.ts";
import { evaluate, loadTestCases } from "../../functions/content/testSet.ts";
import {
  type BotContent,
  outOfScopeFileSchema,
  type ReferralGroup,
  referralGroupSchema,
  type Topic,
  topicFileSchema,
} from "../../functions/contracts/content.ts";
import { LANGS, type Lang } from "../../functions/contracts/lang.ts";
import { referralOfIntent } from "../../functions/contracts/referrals.ts";
import { NO_INTENT, type TopicId } from "../../functions/contracts/topics.ts";

/** Reads whatever valid topics exist, so tuning can start while content is being written. */
export function readContentLeniently(dir = DEFAULT_CONTENT_DIR): BotContent {
  const topics = new Map<TopicId, Topic>();
  for (const f of readdirSync(join(dir, "topics")).filter((n) => n.endsWith(".yaml"))) {
    const parsed = topicFileSchema.safeParse(parse(readFileSync(join(dir, "topics", f), "utf8")));
    if (parsed.success) topics.set(parsed.data.id, parsed.data);
  }
  let outOfScope = { fi: [] as string[], sv: [] as string[] };
  try {
    outOfScope = outOfScopeFileSchema.parse(
      parse(readFileSync(join(dir, "out-of-scope.yaml"), "utf8")),
    );
  } catch {}
  const referrals: ReferralGroup[] = [];
  const referralDir = join(dir, "referrals");
  for (const f of existsSync(referralDir) ? readdirSync(referralDir) : []) {
    if (!f.endsWith(".yaml")) continue;
    const parsed = referralGroupSchema.safeParse(parse(readFileSync(join(referralDir, f), "utf8")));
    if (parsed.success) referrals.push(parsed.data);
  }
  return { topics, outOfScope, referrals };
}

type Variant = "plain" | "folded" | "greeted" | "typo";

function perturb(text: string, variant: Variant, lang: Lang, i: number): string {
  if (variant === "folded") return fold(text.toLowerCase());
  if (variant === "greeted")
    return `${lang === "fi" ? ["Hei", "Moi", "Hyvää päivää"][i % 3] : ["Hej", "Hejsan", "God dag"][i % 3]}, ${text}`;
  if (variant === "typo") {
    return text.replace(/\p{L}{6,}/u, (w) => {
      const p = 2 + (i % (w.length - 3));
      return w.slice(0, p) + (w[p + 1] ?? "") + (w[p] ?? "") + w.slice(p + 2);
    });
  }
  return text;
}

export function crossValidate(content: BotContent, lang: Lang, options: ClassifierOptions, k = 5) {
  const examples = trainingExamples(content, lang);
  const folds = examples.map((_, i) => (i * 7919) % k);
  const variants: Variant[] = ["plain", "folded", "greeted", "typo"];
  const score: Record<Variant, { topicOk: number; topics: number; noneOk: number; nones: number }> =
    {
      plain: { topicOk: 0, topics: 0, noneOk: 0, nones: 0 },
      folded: { topicOk: 0, topics: 0, noneOk: 0, nones: 0 },
      greeted: { topicOk: 0, topics: 0, noneOk: 0, nones: 0 },
      typo: { topicOk: 0, topics: 0, noneOk: 0, nones: 0 },
    };
  for (let f = 0; f < k; f++) {
    const train: Example[] = examples.filter((_, i) => folds[i] !== f);
    const test = examples.filter((_, i) => folds[i] === f);
    const classifier = new IntentClassifier(lang, train, options);
    test.forEach((e, i) => {
      for (const v of variants) {
        if (v === "greeted" && (e.intent === "greeting" || e.intent === "goodbye")) continue;
        const got = classifier.classify(perturb(e.text, v, lang, i)).intent;
        const s = score[v];
        // A referral group's sentence is out of scope: the recogniser answers it `none`.
        if (e.intent === NO_INTENT || referralOfIntent(e.intent)) {
          s.nones++;
          if (got === NO_INTENT) s.noneOk++;
        } else {
          s.topics++;
          if (got === e.intent) s.topicOk++;
        }
      }
    });
  }
  const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);
  return Object.fromEntries(
    variants.map((v) => [
      v,
      { acc: pct(score[v].topicOk, score[v].topics), none: pct(score[v].noneOk, score[v].nones) },
    ]),
  );
}

/** Train on all content, score the dev split: top-1 over all cases and none recall. */
export function devScore(content: BotContent, lang: Lang, options: ClassifierOptions) {
  const classifier = new IntentClassifier(lang, trainingExamples(content, lang), options);
  const r = evaluate(loadTestCases(DEFAULT_CONTENT_DIR, lang, "dev"), (text) =>
    classifier.classify(text),
  );
  const pct = (v: number) => Math.round(v * 1000) / 10;
  return { acc: pct(r.accuracy), none: pct(r.noneRecall) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const content = readContentLeniently();
  console.log(
    `topics: ${content.topics.size}, out-of-scope fi ${content.outOfScope.fi.length} sv ${content.outOfScope.sv.length}`,
  );
  const grid: [string, Partial<ClassifierOptions>][] = JSON.parse(
    process.argv[2] ?? '[["default",{}]]',
  );
  const cv = !process.argv.includes("--no-cv");
  for (const [name, patch] of grid) {
    const options = { ...DEFAULT_CLASSIFIER_OPTIONS, ...patch };
    for (const lang of LANGS) {
      const t = performance.now();
      const r = cv ? crossValidate(content, lang, options) : {};
      console.log(
        name,
        lang,
        JSON.stringify({ ...r, dev: devScore(content, lang, options) }),
        `${Math.round(performance.now() - t)} ms`,
      );
    }
  }
}
