import type { OpenCallbackItem } from "../../../functions/contracts/protocol.ts";
import { dayTime, waitedFor } from "../callbackFormat.ts";
import { callbacks } from "../callbackList.ts";
import { text, topicLabel } from "../i18n.ts";
import { CALLBACKS_HEADING_ID } from "../state.ts";
import { matterOf } from "../topicNames.ts";
import { ContactSection, LangCell, PhoneCell } from "./ContactList.tsx";

/**
 * Open callback requests, oldest first, a page at a time: who to call, in which language, the
 * customer's wishes and how long they have waited; each is marked done with a short note.
 */
export function Callbacks() {
  const t = text.value;
  return (
    <ContactSection<OpenCallbackItem>
      list={callbacks}
      headingId={CALLBACKS_HEADING_ID}
      title={t.callbacksTitle}
      caption={t.callbacksCaption}
      empty={t.callbacksEmpty}
      more={t.callbacksMore}
      closed={t.callbackClosed}
      columns={[
        t.colReference,
        t.colLang,
        t.colPhone,
        t.colWish,
        t.colTopic,
        t.colLeft,
        t.colWaiting,
        t.colAction,
      ]}
      cells={(item, now) => (
        <>
          <th scope="row">{item.reference}</th>
          <LangCell lang={item.lang} />
          <PhoneCell item={item} />
          <td>
            {t.windows[item.preferredWindow]}
            {Date.parse(item.callFrom) > now
              ? `, ${t.callFrom(dayTime(item.callFrom, t.lang))}`
              : ""}
          </td>
          <td>{topicLabel(t, matterOf(item.topic))}</td>
          <td class="nowrap">
            <time dateTime={item.createdAt}>{dayTime(item.createdAt, t.lang)}</time>
          </td>
          <td class="clock">{waitedFor(now - Date.parse(item.createdAt), t.lang)}</td>
        </>
      )}
    />
  );
}
