/**
 * A referral group as the studio's form holds it (sentences one per line, as topics'
 * training sentences), and the check's problems placed next to its fields.
 */
import type { Lang, Problem, ReferralGroup, Severity } from "./api.ts";
import { parsePath } from "./problems.ts";
import { nonBlankLines, TOPIC_ID_PATTERN } from "./topicForm.ts";

/** The content rules' limits for a referral (functions/contracts/content.ts), for the counters. */
export const MAX_REFERRAL_ANSWER_CHARS = 300;
export const MIN_REFERRAL_SENTENCES = 5;

export interface ReferralLocaleForm {
  title: string;
  answer: string;
  linkLabel: string;
  linkUrl: string;
  /** One sentence per line. */
  sentences: string;
}

export interface ReferralForm {
  id: string;
  fi: ReferralLocaleForm;
  sv: ReferralLocaleForm;
}

export type ReferralField = "title" | "answer" | "link" | "sentences";
export type ReferralFieldKey = "id" | `${Lang}.${ReferralField}` | "general";

export interface PlacedReferralProblem {
  severity: Severity;
  path: string;
  message: string;
  fix?: string;
  field: ReferralFieldKey;
  /** The sentence's position among the kept lines, for `sentences`. */
  index?: number;
}

const emptyLocale = (): ReferralLocaleForm => ({
  title: "",
  answer: "",
  linkLabel: "",
  linkUrl: "",
  sentences: "",
});

export function emptyReferralForm(): ReferralForm {
  return { id: "", fi: emptyLocale(), sv: emptyLocale() };
}

export function formFromReferral(group: ReferralGroup): ReferralForm {
  const side = (lang: Lang): ReferralLocaleForm => ({
    title: group[lang].title,
    answer: group[lang].answer.trim(),
    linkLabel: group[lang].link.label,
    linkUrl: group[lang].link.url,
    sentences: group[lang].sentences.join("\n"),
  });
  return { id: group.id, fi: side("fi"), sv: side("sv") };
}

/** The group the API receives: blank lines dropped, texts as typed otherwise. */
export function referralFromForm(form: ReferralForm): ReferralGroup {
  const side = (lang: Lang) => ({
    title: form[lang].title,
    answer: form[lang].answer,
    link: { label: form[lang].linkLabel, url: form[lang].linkUrl },
    sentences: nonBlankLines(form[lang].sentences).map((l) => l.value),
  });
  return { id: form.id.trim(), fi: side("fi"), sv: side("sv") };
}

/** A new group's id must be well formed and free before the server is asked. */
export function referralIdProblem(
  id: string,
  taken: ReadonlySet<string>,
  messages: { idMissing: string; idForm: string; idTaken: (id: string) => string },
): Problem | undefined {
  const trimmed = id.trim();
  if (!trimmed) return { severity: "error", path: "id", message: messages.idMissing };
  if (!TOPIC_ID_PATTERN.test(trimmed) || trimmed.length > 64) {
    return { severity: "error", path: "id", message: messages.idForm };
  }
  if (taken.has(trimmed))
    return { severity: "error", path: "id", message: messages.idTaken(trimmed) };
  return undefined;
}

/** Where in the referral editor a problem belongs; anything else goes to the summary. */
export function placeReferralProblem(problem: Problem): PlacedReferralProblem {
  const base: PlacedReferralProblem = {
    severity: problem.severity ?? "error",
    path: problem.path,
    message: problem.message,
    ...(problem.fix ? { fix: problem.fix } : {}),
    field: "general",
  };
  const [head, second, third] = parsePath(problem.path);
  if (head === "id") return { ...base, field: "id" };
  if ((head === "fi" || head === "sv") && typeof second === "string") {
    if (["title", "answer", "link", "sentences"].includes(second)) {
      return {
        ...base,
        field: `${head}.${second as ReferralField}`,
        ...(second === "sentences" && typeof third === "number" ? { index: third } : {}),
      };
    }
  }
  return base;
}
