import * as z from "zod";
import {
  type BotContent,
  outOfScopeFileSchema,
  referralGroupSchema,
  topicFileSchema,
} from "../contracts/content.ts";
import { PARSE_ONCE } from "../contracts/validation.ts";

/**
 * Validated bot content as one JSON file, for the Lambda bundle: written at synth from
 * `loadBotContent()`, read at cold start. Kept apart from loadContent.ts so the function
 * bundles neither the YAML parser nor the content checks.
 */

const snapshotSchema = z.object({
  topics: z.array(topicFileSchema),
  outOfScope: outOfScopeFileSchema,
  referrals: z.array(referralGroupSchema).default([]),
});

/** Validated content as JSON: parsing YAML costs ~100 ms at a cold start, JSON a few. */
export function botContentToJson(content: BotContent): string {
  return JSON.stringify({
    topics: [...content.topics.values()],
    outOfScope: content.outOfScope,
    referrals: content.referrals ?? [],
  });
}

/** Content from `botContentToJson` output; throws if the snapshot does not match the schema. */
export function botContentFromJson(json: string): BotContent {
  const snapshot = snapshotSchema.parse(JSON.parse(json), PARSE_ONCE);
  return {
    topics: new Map(snapshot.topics.map((t) => [t.id, t])),
    outOfScope: snapshot.outOfScope,
    referrals: snapshot.referrals,
  };
}
