import { Document, type Node, Scalar, YAMLMap, YAMLSeq } from "yaml";
import type { ReferralGroup, TopicFile, TopicLocale, UncoveredCase } from "../contracts/content.ts";
import { LANGS, type Lang } from "../contracts/lang.ts";
import type { ContentBundle, HeldOutCase, HeldOutSplit } from "../domain/content/bundle.ts";

/**
 * A content version written back as the files of bot-content/, in one fixed layout: key
 * order, quoting and line breaks never depend on how the version was made, so `git diff`
 * after `content:export` shows what changed in content and nothing else.
 */

const DEMO_HEADER =
  " Demo content written for this project; not official guidance of the Finnish Tax Administration.";
const TEST_HEADER: Record<HeldOutSplit, string> = {
  tests:
    " Held-out test messages: never copy these into bot-content/topics.\n Exported with npm run content:export; grouped by the intent they should get.",
  dev: " Development messages: what content is tuned against; never copied into topics.\n Exported with npm run content:export; grouped by the intent they should get.",
};

const LOCALE_KEYS = ["title", "utterances", "answer", "links", "personal"] as const;

function str(value: string): Scalar {
  const node = new Scalar(value);
  // Answers keep their paragraphs as written: a literal block, never folded.
  if (value.includes("\n")) node.type = Scalar.BLOCK_LITERAL;
  return node;
}

function plainList(items: readonly string[], flow = false): YAMLSeq {
  const seq = new YAMLSeq();
  for (const item of items) seq.add(str(item));
  seq.flow = flow;
  return seq;
}

function localeNode(locale: TopicLocale): YAMLMap {
  const map = new YAMLMap();
  for (const key of LOCALE_KEYS) {
    const value = locale[key];
    if (value === undefined) continue;
    if (key === "utterances") map.add({ key, value: plainList(value as string[]) });
    else if (key === "links") {
      const seq = new YAMLSeq();
      for (const link of value as NonNullable<TopicLocale["links"]>) {
        const item = new YAMLMap();
        item.add({ key: "label", value: str(link.label) });
        item.add({ key: "url", value: str(link.url) });
        seq.add(item);
      }
      map.add({ key, value: seq });
    } else if (key === "personal") {
      const personal = new YAMLMap();
      for (const [variant, text] of Object.entries(value as Record<string, string>)) {
        // Quoted: a template may start with a {placeholder}, which YAML would read as a map.
        const node = new Scalar(text);
        node.type = Scalar.QUOTE_DOUBLE;
        personal.add({ key: variant, value: node });
      }
      map.add({ key, value: personal });
    } else {
      const text = value as string;
      map.add({ key, value: str(key === "answer" && !text.endsWith("\n") ? `${text}\n` : text) });
    }
  }
  return map;
}

function render(doc: Document): string {
  const text = doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    indentSeq: true,
    flowCollectionPadding: false,
  });
  // The header comment sits right above the content, as in the hand-written files.
  return text.replace(/^((?:#.*\n)+)\n/, "$1");
}

/** One topic file's text. */
export function topicYaml(topic: TopicFile): string {
  const root = new YAMLMap();
  root.add({ key: "id", value: topic.id });
  if (topic.demo !== undefined) root.add({ key: "demo", value: topic.demo });
  if (topic.action) root.add({ key: "action", value: topic.action });
  if (topic.followUps) root.add({ key: "followUps", value: plainList(topic.followUps, true) });
  // Plain, as people write it: the YAML parser reads 2027-01-31 back as text, not a timestamp.
  if (topic.reviewBy) root.add({ key: "reviewBy", value: topic.reviewBy });
  for (const lang of LANGS) root.add({ key: lang, value: localeNode(topic[lang]) });
  const doc = new Document();
  doc.contents = root as unknown as Node;
  if (topic.demo) doc.commentBefore = DEMO_HEADER;
  return render(doc);
}

/** One referral group file's text. */
export function referralYaml(group: ReferralGroup): string {
  const root = new YAMLMap();
  root.add({ key: "id", value: group.id });
  for (const lang of LANGS) {
    const locale = group[lang];
    const map = new YAMLMap();
    map.add({ key: "title", value: str(locale.title) });
    const answer = locale.answer.endsWith("\n") ? locale.answer : `${locale.answer}\n`;
    map.add({ key: "answer", value: str(answer) });
    const link = new YAMLMap();
    link.add({ key: "label", value: str(locale.link.label) });
    link.add({ key: "url", value: str(locale.link.url) });
    map.add({ key: "link", value: link });
    map.add({ key: "sentences", value: plainList(locale.sentences) });
    root.add({ key: lang, value: map });
  }
  const doc = new Document();
  doc.contents = root as unknown as Node;
  doc.commentBefore = REFERRAL_HEADER;
  return render(doc);
}

const REFERRAL_HEADER =
  " Another agency's matter (or small talk): the bot answers these with a pointer, not a topic.";

/** out-of-scope.yaml's text. */
export function outOfScopeYaml(outOfScope: Record<Lang, string[]>): string {
  const root = new YAMLMap();
  for (const lang of LANGS) root.add({ key: lang, value: plainList(outOfScope[lang]) });
  const doc = new Document();
  doc.contents = root as unknown as Node;
  doc.commentBefore =
    " Negative examples: messages the bot must answer as out of scope (intent none).\n Another agency's matters belong in referrals/, where they get that agency's pointer.";
  return render(doc);
}

/** A held-out file's text: cases grouped by intent in first-seen order, one per line. */
export function heldOutYaml(
  split: HeldOutSplit,
  lang: Lang,
  cases: readonly HeldOutCase[],
): string {
  const groups = new Map<string, HeldOutCase[]>();
  for (const c of cases) groups.set(c.intent, [...(groups.get(c.intent) ?? []), c]);
  const seq = new YAMLSeq();
  for (const [intent, group] of groups) {
    group.forEach((c, i) => {
      const item = caseItem(c.text, "intent", c.intent);
      if (i === 0) item.commentBefore = ` --- ${intent} ---`;
      seq.add(item);
    });
  }
  return caseFile(lang, seq, TEST_HEADER[split]);
}

/** One case as a flow map: its text double-quoted, then the one field that labels it. */
export function caseItem(text: string, key: "intent" | "matter", value: string): YAMLMap {
  const item = new YAMLMap();
  item.flow = true;
  const quoted = new Scalar(text);
  quoted.type = Scalar.QUOTE_DOUBLE;
  item.add({ key: "text", value: quoted });
  item.add({ key, value });
  return item;
}

/** A file of cases (held-out or uncovered): its language, then the cases under `header`. */
function caseFile(lang: Lang, cases: YAMLSeq, header: string): string {
  const root = new YAMLMap();
  root.add({ key: "lang", value: lang });
  root.add({ key: "cases", value: cases });
  const doc = new Document();
  doc.contents = root as unknown as Node;
  doc.commentBefore = header;
  // One case a line, padded like the hand-written files: "- { text: "…", intent: x }".
  return render(doc).replace(/^( {2}- )\{(.*)\}$/gm, "$1{ $2 }");
}

const UNCOVERED_HEADER = [
  " Uncovered set: realistic personal-taxation questions that NO topic is about. The bot must",
  " not answer these with a topic's text; it should say it has no answer and point onwards.",
  " Kept apart from training (topics/, out-of-scope.yaml) and from tests/ and dev/: written",
  " fresh, one matter per `matter` tag. content:test reports the share answered with a topic.",
].join("\n");

/** An uncovered file's text: the questions in their order, one per line. */
export function uncoveredYaml(lang: Lang, cases: readonly UncoveredCase[]): string {
  const seq = new YAMLSeq();
  for (const c of cases) seq.add(caseItem(c.text, "matter", c.matter));
  return caseFile(lang, seq, UNCOVERED_HEADER);
}

/** Every file of bot-content/ for `bundle`, by path relative to the content folder. */
export function bundleFiles(bundle: ContentBundle): Map<string, string> {
  const files = new Map<string, string>();
  for (const topic of [...bundle.topics].sort((a, b) => a.id.localeCompare(b.id))) {
    files.set(`topics/${topic.id}.yaml`, topicYaml(topic));
  }
  for (const group of [...(bundle.referrals ?? [])].sort((a, b) => a.id.localeCompare(b.id))) {
    files.set(`referrals/${group.id}.yaml`, referralYaml(group));
  }
  files.set("out-of-scope.yaml", outOfScopeYaml(bundle.outOfScope));
  for (const split of ["tests", "dev"] as const) {
    for (const lang of LANGS)
      files.set(`${split}/${lang}.yaml`, heldOutYaml(split, lang, bundle[split][lang]));
  }
  // A version stored before the uncovered set was kept has none: its files are left as they are.
  const { uncovered } = bundle;
  if (uncovered) {
    for (const lang of LANGS)
      files.set(`uncovered/${lang}.yaml`, uncoveredYaml(lang, uncovered[lang]));
  }
  return files;
}
