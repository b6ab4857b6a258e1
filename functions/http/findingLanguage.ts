import Negotiator from "negotiator";
import {
  FINDING_LANGS,
  type FindingLang,
  type FindingPage,
  findingPage,
  tell,
} from "../contracts/contentFindings.ts";
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
  /** The studio page where part of the fix is made (`findingPage`), when it is elsewhere. */
  page?: FindingPage;
}

export function issueIn(issue: ContentIssue, lang: FindingLang): IssueShown {
  const { severity, path, message, fix, finding } = toldIn(issue, lang);
  const page = finding ? findingPage(finding) : undefined;
  return {
    severity,
    path,
    message,
    fix,
    ...(finding ? { code: finding.code } : {}),
    ...(page ? { page } : {}),
  };
}

/** An issue with its message and fix told in `lang`, still an issue; as it was without a finding. */
export function toldIn(issue: ContentIssue, lang: FindingLang): ContentIssue {
  return issue.finding ? { ...issue, ...tell(issue.finding, lang) } : issue;
}
