/** The link after a problem's fix to the page where part of it is made (problemPageLink). */
import type { Problem } from "../api.ts";
import { text } from "../i18n.ts";
import { problemPageLink } from "../problems.ts";

export function ProblemPageLink(props: { problem: Pick<Problem, "page"> }) {
  const link = problemPageLink(props.problem, text.value);
  if (!link) return null;
  return (
    <>
      {" "}
      <a href={link.href} data-testid="problem-page-link">
        {link.label}
      </a>
    </>
  );
}
