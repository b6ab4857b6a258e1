import type { RowLabel } from "../diff.ts";
import { text } from "../i18n.ts";
import { routeHash } from "../route.ts";
import { draft, draftItemLabel } from "../state/topics.ts";

/**
 * A recognised intent as the studio names it: "no topic" for none, and a topic or referral
 * group of the draft by its title, a link to its editor, with the id after it in small type
 * (as the Versions page names a change), so a weak or confused topic in a report is one step
 * from being mended. Anything else (an id the draft no longer has) stays plain text.
 */
export function IntentName(props: { id: string | undefined }) {
  const t = text.value;
  const id = props.id;
  if (id === undefined || id === "none") return <>{t.noIntent}</>;
  const d = draft.value;
  if (d?.topics.some((topic) => topic.id === id)) {
    return <LabelledName label={draftItemLabel(id, t)} href={routeHash({ view: "topic", id })} />;
  }
  if (d?.referrals?.some((group) => group.id === id)) {
    return (
      <LabelledName
        label={draftItemLabel(id, t, "referral")}
        href={routeHash({ view: "referral", id })}
      />
    );
  }
  return <>{id}</>;
}

/** A topic or referral group of the draft by its title, the id after it in small type. */
export function ItemName(props: { id: string; kind?: "topic" | "referral" }) {
  return <LabelledName label={draftItemLabel(props.id, text.value, props.kind)} />;
}

function LabelledName(props: { label: RowLabel; href?: string }) {
  const { label, href } = props;
  const name = label.lang ? <span lang={label.lang}>{label.name}</span> : label.name;
  return (
    <>
      {href ? <a href={href}>{name}</a> : name}
      {label.id !== undefined ? (
        <>
          {" "}
          <span class="item-id">
            {label.kindNote ? `${label.kindNote} ` : ""}
            <code>{label.id}</code>
          </span>
        </>
      ) : null}
    </>
  );
}
