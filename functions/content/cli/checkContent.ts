import { resolve } from "node:path";
import { reportDay } from "../../domain/reports/reportEvents.ts";
import { checkContent, formatProblems } from "../checkContent.ts";
import { DEFAULT_CONTENT_DIR } from "../loadContent.ts";
import { argsOrExit } from "./args.ts";

// Usage: npm run content:check [-- <content dir>]. Warnings are printed but do not fail.
const {
  positionals: [given],
} = argsOrExit(
  { allowPositionals: true, options: {} },
  "Usage: npm run content:check [-- <content dir>]",
);
const dir = resolve(given ?? DEFAULT_CONTENT_DIR);
// Today in Helsinki, the agency's day: topics past their review date are warned about.
const { problems, content } = checkContent(dir, { today: reportDay(new Date()) });
const errors = problems.filter((p) => p.severity === "error").length;
const warnings = problems.length - errors;

if (problems.length > 0) console.log(`${formatProblems(problems)}\n`);
if (errors > 0) {
  console.log(`Content check failed: ${errors} error(s), ${warnings} warning(s) in ${dir}`);
  process.exit(1);
}
const topics = content?.topics.size ?? 0;
const referrals = content?.referrals.length ?? 0;
console.log(
  `Content OK: ${topics} topics and ${referrals} referral groups in fi and sv, ${warnings} warning(s).`,
);
