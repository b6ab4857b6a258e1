import type { ReferralGroup, TopicFile } from "../../contracts/content.ts";
import { LANGS } from "../../contracts/lang.ts";
import { type ContentBundle, heldOutFor } from "./bundle.ts";

export interface TopicChange {
  /** A topic id, a referral group id (kind "referral"), or "out-of-scope" for the examples. */
  id: string;
  /** Set for a referral group's change; topics and out-of-scope have none. */
  kind?: "referral";
  change: "added" | "removed" | "changed";
  /** Which parts changed, e.g. "fi.answer", "sv.utterances", "tests.fi", "followUps". */
  fields: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function topicFields(before: TopicFile, after: TopicFile): string[] {
  const fields: string[] = [];
  for (const key of ["demo", "action", "followUps"] as const) {
    if (!same(before[key], after[key])) fields.push(key);
  }
  for (const lang of LANGS) {
    for (const key of ["title", "utterances", "answer", "links", "personal"] as const) {
      if (!same(before[lang][key], after[lang][key])) fields.push(`${lang}.${key}`);
    }
  }
  return fields;
}

function referralFields(before: ReferralGroup, after: ReferralGroup): string[] {
  return LANGS.flatMap((lang) =>
    (["title", "answer", "link", "sentences"] as const)
      .filter((key) => !same(before[lang][key], after[lang][key]))
      .map((key) => `${lang}.${key}`),
  );
}

/** What changes, topic by topic, when `after` replaces `before`; unchanged topics are left out. */
export function diffBundles(before: ContentBundle, after: ContentBundle): TopicChange[] {
  const changes: TopicChange[] = [];
  const old = new Map(before.topics.map((t) => [t.id, t]));
  const now = new Map(after.topics.map((t) => [t.id, t]));
  for (const topic of after.topics) {
    const prior = old.get(topic.id);
    if (!prior) {
      changes.push({ id: topic.id, change: "added", fields: [] });
      continue;
    }
    const fields = topicFields(prior, topic);
    const a = heldOutFor(before, topic.id);
    const b = heldOutFor(after, topic.id);
    for (const split of ["tests", "dev"] as const) {
      for (const lang of LANGS) {
        if (!same(a[split][lang], b[split][lang])) fields.push(`${split}.${lang}`);
      }
    }
    if (fields.length > 0) changes.push({ id: topic.id, change: "changed", fields });
  }
  for (const topic of before.topics) {
    if (!now.has(topic.id)) changes.push({ id: topic.id, change: "removed", fields: [] });
  }
  const scopeFields = LANGS.filter((l) => !same(before.outOfScope[l], after.outOfScope[l])).map(
    (l) => `outOfScope.${l}`,
  );
  const none = ["tests", "dev"].flatMap((split) =>
    LANGS.filter(
      (l) =>
        !same(
          heldOutFor(before, "none")[split as "tests"][l],
          heldOutFor(after, "none")[split as "tests"][l],
        ),
    ).map((l) => `${split}.${l}`),
  );
  if (scopeFields.length + none.length > 0) {
    changes.push({ id: "out-of-scope", change: "changed", fields: [...scopeFields, ...none] });
  }
  // Versions stored before referrals existed have none.
  const oldReferrals = new Map((before.referrals ?? []).map((r) => [r.id, r]));
  const newReferrals = new Map((after.referrals ?? []).map((r) => [r.id, r]));
  for (const [id, group] of newReferrals) {
    const prior = oldReferrals.get(id);
    const fields = prior ? referralFields(prior, group) : [];
    if (!prior) changes.push({ id, kind: "referral", change: "added", fields });
    else if (fields.length > 0) changes.push({ id, kind: "referral", change: "changed", fields });
  }
  for (const id of oldReferrals.keys()) {
    if (!newReferrals.has(id))
      changes.push({ id, kind: "referral", change: "removed", fields: [] });
  }
  return changes;
}
