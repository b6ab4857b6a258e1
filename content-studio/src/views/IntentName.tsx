import { text } from "../i18n.ts";
import { routeHash } from "../route.ts";
import { draft } from "../state/topics.ts";

/**
 * A recognised intent as the studio names it: "no topic" for none, and a topic or referral
 * group of the draft as a link to its editor, so a weak or confused topic in a report is one
 * step from being mended. Anything else (an id the draft no longer has) stays plain text.
 */
export function IntentName(props: { id: string | undefined }) {
  const t = text.value;
  const id = props.id;
  if (id === undefined || id === "none") return <>{t.noIntent}</>;
  const d = draft.value;
  if (d?.topics.some((topic) => topic.id === id)) {
    return <a href={routeHash({ view: "topic", id })}>{id}</a>;
  }
  if (d?.referrals?.some((group) => group.id === id)) {
    return <a href={routeHash({ view: "referral", id })}>{id}</a>;
  }
  return <>{id}</>;
}
