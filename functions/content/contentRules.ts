import {
  draftTestsSchema,
  outOfScopeFileSchema,
  referralGroupSchema,
  topicFileSchema,
  uncoveredListsSchema,
} from "../contracts/content.ts";
import type { ContentIssue, ContentRules } from "../domain/content/contentWorkflow.ts";
import {
  type ContentProblem,
  checkBundle,
  validateDraftOutOfScope,
  validateDraftReferral,
  validateDraftTopic,
  validateDraftUncovered,
} from "./rules.ts";

/**
 * content:check's rules as the studio's workflow applies them: to a topic, a referral group,
 * the out-of-scope lists, the uncovered questions, or a whole version.
 */
export const contentRules: ContentRules = {
  checkTopic(json, draft, context) {
    const problems = validateDraftTopic(json, draft, { today: context.today });
    const issues = problems.map((p) => issue(p, p.path));
    if (problems.some((p) => p.severity === "error")) return { issues };
    // The rules accepted it, so the schema does too; parsing gives the typed topic.
    const { tests, ...fields } = json as Record<string, unknown>;
    const topic = topicFileSchema.parse(fields);
    return {
      issues,
      topic,
      ...(tests !== undefined ? { tests: draftTestsSchema.parse(tests) } : {}),
    };
  },
  checkReferral(json, draft) {
    const problems = validateDraftReferral(json, draft);
    const issues = problems.map((p) => issue(p, p.path));
    if (problems.some((p) => p.severity === "error")) return { issues };
    return { issues, referral: referralGroupSchema.parse(json) };
  },
  checkOutOfScope(json, draft) {
    const problems = validateDraftOutOfScope(json, draft);
    const issues = problems.map((p) => issue(p, p.path));
    if (problems.some((p) => p.severity === "error")) return { issues };
    // Parsed, the sentences come trimmed, as the rules compared them.
    return { issues, outOfScope: outOfScopeFileSchema.parse(json) };
  },
  checkUncovered(json, draft) {
    const problems = validateDraftUncovered(json, draft);
    const issues = problems.map((p) => issue(p, p.path));
    if (problems.some((p) => p.severity === "error")) return { issues };
    // Parsed, the texts come trimmed, as the rules compared them.
    return { issues, uncovered: uncoveredListsSchema.parse(json) };
  },
  checkBundle(bundle, context) {
    // Across the whole content a field path alone is ambiguous: name the file too.
    return checkBundle(bundle, { today: context.today }).problems.map((p) =>
      issue(p, p.path ? `${p.file} ${p.path}` : p.file),
    );
  },
};

function issue(problem: ContentProblem, path: string): ContentIssue {
  return {
    severity: problem.severity,
    path,
    message: problem.message,
    fix: problem.fix,
    ...(problem.finding ? { finding: problem.finding } : {}),
  };
}
