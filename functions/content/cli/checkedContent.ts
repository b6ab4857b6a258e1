import { resolve } from "node:path";
import type { BotContent } from "../../contracts/content.ts";
import { checkContent, formatProblems } from "../checkContent.ts";
import { DEFAULT_CONTENT_DIR } from "../loadContent.ts";

/** The content directory a command works on: `--content <dir>`, else the repository's. */
export function contentDirFrom(option: string | undefined): string {
  return resolve(option ?? DEFAULT_CONTENT_DIR);
}

/**
 * Validated content for a command-line tool. When the content has errors, prints them as
 * `content:check` does (file, line, what is wrong, how to fix it) to stderr and exits 1: a
 * content owner gets the same message from every command, never a stack trace.
 */
export function checkedContentOrExit(dir: string): BotContent {
  const { problems, content } = checkContent(dir);
  if (content) return content;
  const errors = problems.filter((p) => p.severity === "error");
  process.stderr.write(
    `${formatProblems(errors)}\n\nThe bot content has ${errors.length} error(s) in ${dir}; fix them first (npm run content:check lists warnings too).\n`,
  );
  process.exit(1);
}
