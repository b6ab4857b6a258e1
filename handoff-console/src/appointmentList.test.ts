import { afterEach, describe, expect, it } from "vitest";
import type { AdvisorAppointmentItem } from "../../functions/contracts/protocol.ts";
import { type AppointmentSource, appointments } from "./appointmentList.ts";

const booked = (n: number): AdvisorAppointmentItem => ({
  reference: `AV-0000000${n}`,
  lang: "fi",
  phone: `+35840100000${n}`,
  phoneDisplay: `+358 40 100000${n}`,
  start: `2026-12-08T0${n}:30:00.000Z`,
  end: `2026-12-08T0${n + 1}:00:00.000Z`,
  label: `tiistaina 8.12. klo 1${n}.30`,
  createdAt: "2026-12-01T08:00:00.000Z",
});

afterEach(() => appointments.reset());

describe("the appointment list", () => {
  it("shows the service's pages in its order, and takes a handled one out only when the service agrees", async () => {
    const closed: string[] = [];
    const source: AppointmentSource = {
      async listAppointments(cursor) {
        return cursor
          ? { ok: true, appointments: [booked(3)], now: "2026-12-08T08:00:00.000Z" }
          : {
              ok: true,
              appointments: [booked(1), booked(2)],
              nextCursor: "c1",
              now: "2026-12-08T08:00:00.000Z",
            };
      },
      async closeAppointment(reference) {
        if (reference === "AV-00000002") {
          return { ok: false, error: { code: "APPOINTMENT_NOT_STARTED", message: "not yet" } };
        }
        closed.push(reference);
        return { ok: true, reference, handledAt: "2026-12-08T08:00:00.000Z" };
      },
    };

    await appointments.refresh(source);
    await appointments.more(source);
    const refs = () => appointments.state.value.items.map((a) => a.reference);
    expect(refs()).toEqual(["AV-00000001", "AV-00000002", "AV-00000003"]);
    expect(appointments.state.value.nextCursor).toBeUndefined();

    expect((await appointments.close(source, "AV-00000002", "")).ok).toBe(false);
    expect(refs()).toHaveLength(3);
    expect((await appointments.close(source, "AV-00000001", "soitettu")).ok).toBe(true);
    expect(refs()).toEqual(["AV-00000002", "AV-00000003"]);
    expect(closed).toEqual(["AV-00000001"]);
  });
});
