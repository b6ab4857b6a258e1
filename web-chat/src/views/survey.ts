import type { Ack } from "../../../functions/contracts/protocol.ts";
import { surveyGone } from "../chatClient.ts";
import { h } from "../dom.ts";
import type { UiText } from "../i18n.ts";
import { focusField, formMessage, radioGroup } from "./formFields.ts";

export interface SurveyContext {
  text: UiText;
  submit(gotHelp: boolean, score: number, comment?: string): Promise<Ack>;
  /** Answered or skipped: the widget shows what comes next. */
  finish(answered: boolean): void;
}

/**
 * What the survey form says when its answers were refused: for too many surveys at once,
 * to send again in a while (or skip); for a survey that can no longer be answered, so;
 * otherwise that sending failed.
 */
export function surveyRefusal(code: string, text: UiText): string {
  if (surveyGone(code)) return text.surveyClosed;
  return code === "RATE_LIMITED" ? text.surveyBusy : text.surveyFailed;
}

/**
 * The end-of-chat survey: help yes/no, a five-star scale (radio buttons, so arrow keys and
 * screen readers work as usual), an optional comment. One button skips it.
 */
export function surveyForm(ctx: SurveyContext): HTMLFormElement {
  const { text } = ctx;
  const heading = h("h3", { tabindex: "-1" }, text.surveyTitle);
  const gotHelp = radioGroup(
    text.gotHelp,
    "gotHelp",
    [
      { value: "true", label: text.yes },
      { value: "false", label: text.no },
    ],
    "choices",
  );
  const score = radioGroup(
    text.score,
    "score",
    [1, 2, 3, 4, 5].map((n) => ({
      value: String(n),
      label: h(
        "span",
        { class: "star" },
        h("span", { "aria-hidden": "true" }, "★"),
        h("span", { class: "visually-hidden" }, text.star(n)),
      ),
    })),
    "stars",
  );
  const stars = Array.from(score.control.querySelectorAll("label"));
  score.control.addEventListener("change", () => {
    const chosen = Number(new FormData(form).get("score") ?? 0);
    for (const [i, star] of stars.entries()) star.classList.toggle("on", i < chosen);
    // A choice answers the error that asked for it; an error left standing reads as unfixed.
    score.setError(undefined);
  });
  gotHelp.control.addEventListener("change", () => gotHelp.setError(undefined));
  const comment = h("textarea", {
    id: "survey-comment",
    name: "comment",
    maxlength: "1000",
    rows: "2",
  });
  const formError = formMessage();
  const submit = h("button", { type: "submit", class: "primary" }, text.submit);
  const skip = h("button", { type: "button", class: "secondary" }, text.skip);
  const form = h(
    "form",
    { class: "survey", novalidate: true },
    heading,
    gotHelp.wrapper,
    score.wrapper,
    h("label", { for: "survey-comment" }, text.comment),
    comment,
    formError.element,
    h("div", { class: "actions" }, submit, skip),
  );
  form.setAttribute("aria-label", text.surveyTitle);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.show();
    const data = new FormData(form);
    const help = data.get("gotHelp");
    const chosen = Number(data.get("score") ?? 0);
    gotHelp.setError(help === null ? text.gotHelpMissing : undefined);
    score.setError(chosen ? undefined : text.scoreMissing);
    if (help === null || !chosen) {
      const first = form.querySelector<HTMLInputElement>(
        `input[name=${help === null ? "gotHelp" : "score"}]`,
      );
      if (first) focusField(first);
      return;
    }
    submit.disabled = true;
    const note = String(data.get("comment") ?? "").trim();
    const ack = await ctx.submit(help === "true", chosen, note || undefined);
    // A survey that can no longer be answered keeps Send off: only skipping is left.
    submit.disabled = !ack.ok && surveyGone(ack.error.code);
    if (ack.ok || ack.error.code === "SURVEY_ALREADY_SUBMITTED") ctx.finish(true);
    else formError.show(surveyRefusal(ack.error.code, text));
  });
  skip.addEventListener("click", () => ctx.finish(false));
  return form;
}
