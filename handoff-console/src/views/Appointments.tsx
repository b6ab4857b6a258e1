import type { AdvisorAppointmentItem } from "../../../functions/contracts/protocol.ts";
import { appointments } from "../appointmentList.ts";
import { dayTime } from "../callbackFormat.ts";
import { text, topicLabel } from "../i18n.ts";
import { APPOINTMENTS_HEADING_ID } from "../state.ts";
import { matterOf } from "../topicNames.ts";
import { ContactSection, LangCell, PhoneCell } from "./ContactList.tsx";

/**
 * Booked phone appointments in the advisor's languages from today on, earliest first: whom to
 * call when; each is marked handled after the call, with a short note.
 */
export function Appointments() {
  const t = text.value;
  return (
    <ContactSection<AdvisorAppointmentItem>
      list={appointments}
      headingId={APPOINTMENTS_HEADING_ID}
      title={t.appointmentsTitle}
      caption={t.appointmentsCaption}
      empty={t.appointmentsEmpty}
      more={t.appointmentsMore}
      closed={t.appointmentHandled}
      columns={[t.colTime, t.colLang, t.colPhone, t.colTopic, t.colReference, t.colAction]}
      cells={(item) => (
        <>
          <th scope="row" class="nowrap">
            <time dateTime={item.start}>{dayTime(item.start, t.lang)}</time>
          </th>
          <LangCell lang={item.lang} />
          <PhoneCell item={item} />
          <td>{topicLabel(t, matterOf(item.topic))}</td>
          <td>{item.reference}</td>
        </>
      )}
    />
  );
}
