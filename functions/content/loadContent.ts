import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { type ContentProblem, checkContent, formatProblems } from "./checkContent.ts";
import { type BotContent, outOfScopeFileSchema, topicFileSchema } from "./schema.ts";

export type { BotContent, Topic } from "./schema.ts";

/** Where content lives in this repository. */
export const DEFAULT_CONTENT_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../bot-content",
);

/** Content that failed validation; `problems` says where and how to fix it. */
export class ContentError extends Error {
  override readonly name = "ContentError";
  constructor(readonly problems: ContentProblem[]) {
    super(`bot content is invalid:\n${formatProblems(problems)}`);
  }
}

/** Loads and validates all bot content; throws ContentError when anything is wrong. */
export function loadBotContent(dir: string = DEFAULT_CONTENT_DIR): BotContent {
  const { problems, content } = checkContent(dir);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !content) throw new ContentError(errors);
  return content;
}

const snapshotSchema = z.object({
  topics: z.array(topicFileSchema),
  outOfScope: outOfScopeFileSchema,
});

/**
 * Validated content as JSON, for bundling into a Lambda: parsing YAML costs ~100 ms at a
 * cold start, JSON a few. Produce it from `loadBotContent()` at build time.
 */
export function botContentToJson(content: BotContent): string {
  return JSON.stringify({ topics: [...content.topics.values()], outOfScope: content.outOfScope });
}

/** Content from `botContentToJson` output; throws if the snapshot does not match the schema. */
export function botContentFromJson(json: string): BotContent {
  const snapshot = snapshotSchema.parse(JSON.parse(json));
  return {
    topics: new Map(snapshot.topics.map((t) => [t.id, t])),
    outOfScope: snapshot.outOfScope,
  };
}
