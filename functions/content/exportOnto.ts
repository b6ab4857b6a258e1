import { isDeepStrictEqual } from "node:util";
import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  parse,
  parseDocument,
  Scalar,
  type YAMLSeq,
} from "yaml";
import type { Lang } from "../contracts/lang.ts";
import { LANGS } from "../contracts/lang.ts";
import type { ContentBundle, HeldOutCase } from "../domain/content/bundle.ts";
import { bundleFiles, caseItem } from "./bundleYaml.ts";

/**
 * A content version written onto a folder that already holds content (the repository's
 * bot-content/), so that `git diff` after `content:export` shows what the studio changed and
 * nothing else. `bundleFiles` writes one fixed layout, but the shipped files are hand-written:
 * comments that say where a set of test messages came from, sections of out-of-scope
 * examples, messages in the order they were written. Exporting version 1 over them rewrote
 * every such file (4,300 changed lines for no change of content).
 *
 * So a file whose content is unchanged is left alone, and a changed list file is edited in
 * place: its lines and comments stay, removed entries go, added ones come in beside their
 * kind. Topic and referral files have nothing hand-written worth keeping; a changed one is
 * written whole in the fixed layout.
 */

const RENDER = { lineWidth: 0 } as const;

/** The files of `bundle` that differ from the folder's, as their new text, by path. */
export function filesOnto(
  bundle: ContentBundle,
  existing: (path: string) => string | undefined,
): Map<string, string> {
  const changed = new Map<string, string>();
  for (const [path, fresh] of bundleFiles(bundle)) {
    const old = existing(path);
    const text = old === undefined ? fresh : (fitted(path, old, fresh, bundle) ?? fresh);
    if (text !== old) changed.set(path, text);
  }
  return changed;
}

/** `old` edited to hold what `fresh` holds; `undefined` when it cannot be (unreadable YAML). */
function fitted(
  path: string,
  old: string,
  fresh: string,
  bundle: ContentBundle,
): string | undefined {
  let before: unknown;
  try {
    before = parse(old);
  } catch {
    return undefined;
  }
  const after: unknown = parse(fresh);
  const split = /^(tests|dev)\/(fi|sv)\.yaml$/.exec(path);
  if (split) {
    const cases = bundle[split[1] as "tests" | "dev"][split[2] as Lang];
    return sameCases(before, cases) ? old : heldOutOnto(old, cases);
  }
  if (isDeepStrictEqual(before, after)) return old;
  if (path === "out-of-scope.yaml") {
    return listsOnto(old, (doc) =>
      LANGS.map((lang) => ({
        seq: doc.get(lang, true),
        wanted: bundle.outOfScope[lang].map((text) => ({
          key: text,
          node: () => new Scalar(text),
        })),
        keyOf: (node: unknown) => (isScalar(node) ? String(node.value) : undefined),
      })),
    );
  }
  const uncovered = /^uncovered\/(fi|sv)\.yaml$/.exec(path);
  if (uncovered && bundle.uncovered) {
    const cases = bundle.uncovered[uncovered[1] as Lang];
    return listsOnto(old, (doc) => [
      {
        seq: doc.get("cases", true),
        wanted: cases.map((c) => ({
          key: JSON.stringify([c.text, c.matter]),
          node: () => caseItem(c.text, "matter", c.matter),
        })),
        keyOf: (node: unknown) => caseKey(node, "matter"),
      },
    ]);
  }
  return undefined;
}

/** Whether a parsed held-out file has exactly `cases`, in any order. */
function sameCases(parsed: unknown, cases: readonly HeldOutCase[]): boolean {
  const listed = (parsed as { cases?: { text?: unknown; intent?: unknown }[] } | null)?.cases;
  if (!Array.isArray(listed) || listed.length !== cases.length) return false;
  const key = (c: { text?: unknown; intent?: unknown }) => JSON.stringify([c.text, c.intent]);
  const a = listed.map(key).sort();
  const b = cases.map(key).sort();
  return a.every((k, i) => k === b[i]);
}

function caseKey(node: unknown, field: "intent" | "matter"): string | undefined {
  if (!isMap(node)) return undefined;
  return JSON.stringify([node.get("text"), node.get(field)]);
}

interface ListEdit {
  seq: unknown;
  /** The entries the list must hold, in order: their key and a node for a new one. */
  wanted: { key: string; node: () => Node }[];
  keyOf: (node: unknown) => string | undefined;
}

/**
 * Lists whose order is content (out-of-scope examples train the recogniser in their order;
 * uncovered questions are kept as written): each becomes `wanted` in its order, reusing the
 * old entries' nodes and so their comments.
 */
function listsOnto(
  old: string,
  edits: (doc: ReturnType<typeof parseDocument>) => ListEdit[],
): string | undefined {
  const doc = parseDocument(old);
  for (const edit of edits(doc)) {
    if (!isSeq(edit.seq)) return undefined;
    const seq = edit.seq as YAMLSeq;
    const kept = keepComments(seq, (node) => {
      const key = edit.keyOf(node);
      return key !== undefined && edit.wanted.some((w) => w.key === key);
    });
    const pool = new Map<string, Node[]>();
    for (const node of kept) {
      const key = edit.keyOf(node) as string;
      pool.set(key, [...(pool.get(key) ?? []), node]);
    }
    seq.items = edit.wanted.map((w) => pool.get(w.key)?.shift() ?? w.node());
  }
  return doc.toString(RENDER);
}

/**
 * A held-out file edited to hold `cases`: its lines stay in their order with their comments,
 * a message no longer there goes, and a new one comes right after the last line of its
 * intent (or at the end, under its own heading). The order of held-out messages is no part of
 * the content (they are scored, never trained on).
 */
function heldOutOnto(old: string, cases: readonly HeldOutCase[]): string | undefined {
  const doc = parseDocument(old);
  const seq = doc.get("cases", true);
  if (!isSeq(seq)) return undefined;
  const wanted = new Map<string, number>();
  for (const c of cases) {
    const key = JSON.stringify([c.text, c.intent]);
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  }
  const items = keepComments(seq, (node) => {
    const key = caseKey(node, "intent");
    const left = key === undefined ? 0 : (wanted.get(key) ?? 0);
    if (left === 0) return false;
    wanted.set(key as string, left - 1);
    return true;
  });
  for (const c of cases) {
    const key = JSON.stringify([c.text, c.intent]);
    const left = wanted.get(key) ?? 0;
    if (left === 0) continue;
    wanted.set(key, left - 1);
    const item = caseItem(c.text, "intent", c.intent);
    let at = -1;
    items.forEach((node, i) => {
      if (isMap(node) && node.get("intent") === c.intent) at = i;
    });
    if (at < 0) {
      item.commentBefore = ` --- ${c.intent} ---`;
      items.push(item);
    } else items.splice(at + 1, 0, item);
  }
  seq.items = items;
  return doc.toString(RENDER);
}

/**
 * The entries of `seq` that `keep` keeps. A comment above a dropped entry heads a section or
 * says where messages came from: it moves to the next entry that stays.
 */
function keepComments(seq: YAMLSeq, keep: (node: unknown) => boolean): Node[] {
  const kept: Node[] = [];
  let carried: string | undefined;
  for (const node of seq.items as Node[]) {
    if (keep(node)) {
      if (carried !== undefined) {
        node.commentBefore = node.commentBefore ? `${carried}\n${node.commentBefore}` : carried;
        carried = undefined;
      }
      kept.push(node);
    } else if (node.commentBefore) {
      carried = carried ? `${carried}\n${node.commentBefore}` : node.commentBefore;
    }
  }
  return kept;
}
