import Negotiator from "negotiator";
import { FINDING_LANGS, type FindingLang, tell } from "../contracts/contentFindings.ts";
import type { ContentIssue } from "../domain/content/contentWorkflow.ts";

/**
 * The language a request wants the content check's findings in: Finnish or Swedish when its
 * Accept-Language prefers one (the studio sends its own language), English otherwise, as
 * content:check prints them. A browser's "fi-FI" counts as Finnish.
 */
export function findingLangOf(acceptLanguage: string | undefined): FindingLang {
  if (!acceptLanguage) return "en";
  const negotiator = new Negotiator({ headers: { "accept-language": acceptLanguage } });
  return (negotiator.language([...FINDING_LANGS]) as FindingLang | undefined) ?? "en";
}

/** An issue as the content API shows it: told in `lang`, its kind as `code`. */
export interface IssueShown {
  severity: ContentIssue["severity"];
  path: string;
  message: string;
  fix: string;
  code?: string;
}

export function issueIn(issue: ContentIssue, lang: FindingLang): IssueShown {
  const { severity, path, message, fix, finding } = issue;
  if (!finding) return { severity, path, message, fix };
  return { severity, path, ...tell(finding, lang), code: finding.code };
}
