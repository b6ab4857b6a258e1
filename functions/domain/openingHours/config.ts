import { IANAZone } from "luxon";
import * as z from "zod";
import { LANGS } from "../../contracts/lang.ts";
import { PARSE_ONCE } from "../../contracts/validation.ts";
import type { HolidayCalendar } from "./calendar.ts";

/**
 * Schema of config/opening-hours.yaml. Times are local wall-clock times in `timeZone`;
 * intervals are half-open: open at `open`, closed again at `close`.
 */

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const hhmm = z.string().regex(HHMM, 'expected a time "HH:MM" (00:00-24:00)');

/** Minutes after local midnight; "24:00" is 1440 so a day can be open to midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const intervalSchema = z
  .object({ open: hhmm, close: hhmm })
  .strict()
  .refine((i) => minutesOf(i.open) < minutesOf(i.close), {
    message: "close must be later than open",
    path: ["close"],
  });

const dayHoursSchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  for (let i = 1; i < intervals.length; i++) {
    const prev = intervals[i - 1];
    const cur = intervals[i];
    if (prev && cur && minutesOf(cur.open) < minutesOf(prev.close)) {
      ctx.addIssue({
        code: "custom",
        message: "intervals must be in order and must not overlap",
        path: [i, "open"],
      });
    }
  }
});

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const weeklySchema = z
  .object({
    mon: dayHoursSchema,
    tue: dayHoursSchema,
    wed: dayHoursSchema,
    thu: dayHoursSchema,
    fri: dayHoursSchema,
    sat: dayHoursSchema,
    sun: dayHoursSchema,
  })
  .strict()
  // A week with no hours at all would make "next opening" unanswerable.
  .refine((w) => WEEKDAYS.some((d) => w[d].length > 0), {
    message: "at least one weekday must have opening hours",
  });

const isoDate = z
  .string()
  .regex(ISO_DATE, 'expected a date "YYYY-MM-DD"')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "not a real calendar date",
    },
  );

const exceptionSchema = z
  .object({
    /** One calendar date (local). */
    date: isoDate.optional(),
    /**
     * A yearly rule: an alias (RULE_ALIASES in holidayRules.ts) or a date-holidays rule
     * expression; the holiday source checks it (`HolidaySource.check`).
     */
    rule: z.string().min(1).optional(),
    /** Why this day is special; for people reading the config. */
    note: z.string().optional(),
    /** Closed all day. */
    closed: z.literal(true).optional(),
    /** Replace the day's hours (may open a normally closed day). */
    hours: dayHoursSchema.optional(),
    /** Shorten the normal hours: open no earlier than this. No effect on a closed day. */
    opensAt: hhmm.optional(),
    /** Shorten the normal hours: close no later than this. No effect on a closed day. */
    closesAt: hhmm.optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.date === undefined) === (e.rule === undefined)) {
      ctx.addIssue({ code: "custom", message: "give exactly one of date or rule", path: ["date"] });
    }
    const kinds = [
      e.closed !== undefined,
      e.hours !== undefined,
      e.opensAt !== undefined || e.closesAt !== undefined,
    ].filter(Boolean).length;
    if (kinds !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "give exactly one of closed, hours, or opensAt/closesAt",
        path: ["closed"],
      });
    }
  });

const appointmentsSchema = z
  .object({
    slotMinutes: z.number().int().min(5).max(240).default(30),
    capacityPerSlot: z.number().int().min(1).default(2),
    horizonDays: z.number().int().min(1).max(366).default(14),
    minNoticeMinutes: z.number().int().min(0).default(120),
  })
  .strict();

const queueSchema = z
  .object({
    weekly: weeklySchema,
    exceptions: z.array(exceptionSchema).default([]),
    appointments: appointmentsSchema.prefault({}),
  })
  .strict();

export const openingHoursConfigSchema = z
  .object({
    timeZone: z
      .string()
      .refine((tz) => IANAZone.isValidZone(tz), { message: "not a valid IANA time zone" }),
    holidays: z
      .object({
        country: z.string().min(2),
        /** date-holidays types that close the service; "public" only, by default. */
        closedTypes: z
          .array(z.enum(["public", "bank", "school", "optional", "observance"]))
          .default(["public"]),
      })
      .strict(),
    queues: z
      .object(
        Object.fromEntries(LANGS.map((l) => [l, queueSchema])) as Record<
          (typeof LANGS)[number],
          typeof queueSchema
        >,
      )
      .strict(),
  })
  .strict();

export type OpeningHoursConfig = z.infer<typeof openingHoursConfigSchema>;
export type QueueConfig = OpeningHoursConfig["queues"]["fi"];
export type DayInterval = z.infer<typeof intervalSchema>;
export type ExceptionDay = z.infer<typeof exceptionSchema>;
export type AppointmentSettings = QueueConfig["appointments"];

/** A validated config with its holiday calendar; what every schedule function takes. */
export interface OpeningHours {
  readonly config: OpeningHoursConfig;
  readonly calendar: HolidayCalendar;
}

/** Thrown when the config is invalid; the message names each offending field. */
export class OpeningHoursConfigError extends Error {
  override readonly name = "OpeningHoursConfigError";
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(root)" : out;
}

/** One problem in a config: where, and what. */
export interface ConfigIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Where a schedule's holidays come from: the rule engine (holidayRules.ts) or dates computed
 * at synth (snapshot.ts). `check` reports what of the config it cannot serve (an unknown
 * country, a rule it cannot compute), so a bad config fails before any question is asked.
 */
export interface HolidaySource {
  check(config: OpeningHoursConfig): ConfigIssue[];
  calendar(config: OpeningHoursConfig): HolidayCalendar;
}

/**
 * Validates an already-parsed config object, checks it against `holidays` and builds its
 * calendar, or throws naming every offending field.
 */
export function buildOpeningHours(
  raw: unknown,
  holidays: HolidaySource,
  source = "opening hours config",
): OpeningHours {
  const result = openingHoursConfigSchema.safeParse(raw, PARSE_ONCE);
  const issues: ConfigIssue[] = result.success ? holidays.check(result.data) : result.error.issues;
  if (!result.success || issues.length > 0) {
    const lines = issues.map((i) => `  ${pathOf(i.path)}: ${i.message}`);
    throw new OpeningHoursConfigError(`${source} is invalid:\n${lines.join("\n")}`);
  }
  return { config: result.data, calendar: holidays.calendar(result.data) };
}
