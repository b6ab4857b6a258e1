import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BotContent } from "../contracts/content.ts";
import type { ContentBundle } from "../domain/content/bundle.ts";
import { type ContentProblem, checkContent, formatProblems } from "./checkContent.ts";

export type { BotContent, Topic } from "../contracts/content.ts";

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

/** The content directory as a bundle (topics and held-out splits); throws ContentError when invalid. */
export function loadContentBundle(dir: string = DEFAULT_CONTENT_DIR): ContentBundle {
  const { problems, bundle, content } = checkContent(dir);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !content) throw new ContentError(errors);
  return bundle;
}

/** Loads and validates all bot content; throws ContentError when anything is wrong. */
export function loadBotContent(dir: string = DEFAULT_CONTENT_DIR): BotContent {
  const { problems, content } = checkContent(dir);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !content) throw new ContentError(errors);
  return content;
}
