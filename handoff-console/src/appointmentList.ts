/**
 * The advisors' list of booked phone appointments in their languages, from today on, earliest
 * first: a contact list (contactList.ts) over `appointments:list` and `appointment:close`.
 */
import type { AdvisorAppointmentItem } from "../../functions/contracts/protocol.ts";
import type { ConsoleClient } from "./consoleClient.ts";
import { contactList } from "./contactList.ts";

export type AppointmentSource = Pick<ConsoleClient, "listAppointments" | "closeAppointment">;

export const appointments = contactList<AdvisorAppointmentItem, AppointmentSource>(
  async (source, cursor) => {
    const ack = await source.listAppointments(cursor);
    return ack.ok ? { ...ack, items: ack.appointments } : ack;
  },
  (source, reference, note) => source.closeAppointment(reference, note),
);
