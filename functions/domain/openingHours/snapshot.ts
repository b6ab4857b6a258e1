import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { IANAZone } from "luxon";
import { DatedHolidayCalendar, type HolidayDates, holidayDates } from "./calendar.ts";
import {
  buildOpeningHours,
  type ConfigIssue,
  type HolidaySource,
  type OpeningHours,
  type OpeningHoursConfig,
  OpeningHoursConfigError,
} from "./config.ts";

/**
 * The schedule as one JSON file for deployed functions: the validated config plus its holiday
 * dates for a bounded range of days, computed at synth from the YAML (load.ts) and read at
 * cold start. JSON.parse replaces the YAML parser, and precomputed dates replace the holiday
 * engine, so a function bundles neither. A date outside the range fails loudly
 * (HolidayRangeError) rather than passing for a normal working day.
 */

interface Snapshot {
  config: unknown;
  holidays: HolidayDates;
}

/** Every exception rule the config uses, once. */
function exceptionRules(openingHours: OpeningHours["config"]): string[] {
  const rules = Object.values(openingHours.queues).flatMap((q) =>
    q.exceptions.flatMap((e) => (e.rule === undefined ? [] : [e.rule])),
  );
  return [...new Set(rules)];
}

/**
 * The snapshot of a loaded schedule with its holiday dates from `range.from` to `range.to`
 * (local dates, inclusive); `openingHoursFromJson` gives the same answers back for that range.
 */
export function openingHoursToJson(
  openingHours: OpeningHours,
  range: { from: string; to: string },
): string {
  const { country, closedTypes } = openingHours.config.holidays;
  const snapshot: Snapshot = {
    config: openingHours.config,
    holidays: holidayDates(
      openingHours.calendar,
      { country, closedTypes, ...range },
      exceptionRules(openingHours.config),
    ),
  };
  return JSON.stringify(snapshot);
}

/** The snapshot's dates as a holiday source, refusing a config they were not computed for. */
function datedSource(dates: HolidayDates): HolidaySource {
  return {
    check(config) {
      const issues: ConfigIssue[] = [];
      const { country, closedTypes } = config.holidays;
      if (country !== dates.country || closedTypes.join() !== dates.closedTypes.join()) {
        issues.push({
          path: ["holidays"],
          message: `the holiday dates are for ${dates.country} (${dates.closedTypes.join(", ")}), not ${country} (${closedTypes.join(", ")})`,
        });
      }
      for (const rule of exceptionRules(config)) {
        if (!Object.hasOwn(dates.rules, rule)) {
          issues.push({ path: ["queues"], message: `no holiday dates for rule "${rule}"` });
        }
      }
      return issues;
    },
    calendar: () => new DatedHolidayCalendar(dates),
  };
}

/** SHA-256 of a snapshot's text, hex: what the stack pins a deployed snapshot to. */
export function snapshotSha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Validates a snapshot again (it is config) and builds its calendar, or throws naming the
 * field. With `validatedSha256`, the SHA-256 of the very text the synth validated with this
 * schema, a matching text skips the schema (the synth's check stands) and any other text
 * fails; only what depends on the machine running it, the time zone, is checked again.
 */
export function openingHoursFromJson(
  text: string,
  source = "opening hours snapshot",
  validatedSha256?: string,
): OpeningHours {
  if (validatedSha256 !== undefined && snapshotSha256(text) !== validatedSha256) {
    throw new OpeningHoursConfigError(
      `${source} is not the snapshot validated at synth (SHA-256 ${validatedSha256}); redeploy the stack`,
    );
  }
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(text) as Snapshot;
  } catch (err) {
    throw new OpeningHoursConfigError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  const dates = snapshot?.holidays;
  if (
    typeof dates?.from !== "string" ||
    typeof dates.to !== "string" ||
    typeof dates.closing !== "object" ||
    typeof dates.rules !== "object"
  ) {
    throw new OpeningHoursConfigError(`${source} has no holiday dates`);
  }
  if (validatedSha256 === undefined) {
    return buildOpeningHours(snapshot.config, datedSource(dates), source);
  }
  const config = snapshot.config as OpeningHoursConfig;
  // The runtime's ICU, not the synth machine's, decides which zones exist. This is also the
  // first zone lookup, which loads ICU's zone data: every schedule answer needs it anyway.
  if (!IANAZone.isValidZone(config.timeZone)) {
    throw new OpeningHoursConfigError(
      `${source} is invalid:\n  timeZone: not a valid IANA time zone on this runtime`,
    );
  }
  return { config, calendar: datedSource(dates).calendar(config) };
}

/**
 * Reads the snapshot at `file` (default $OPENING_HOURS_FILE), pinned to the SHA-256 in
 * $OPENING_HOURS_SHA256 when set (deployed functions: see openingHoursFromJson); throws
 * naming the file.
 */
export function loadOpeningHoursSnapshot(
  file: string | undefined = process.env.OPENING_HOURS_FILE,
  validatedSha256: string | undefined = process.env.OPENING_HOURS_SHA256 || undefined,
): OpeningHours {
  if (!file) throw new OpeningHoursConfigError("OPENING_HOURS_FILE is not set");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new OpeningHoursConfigError(
      `cannot read opening hours snapshot ${file}: ${(err as Error).message}`,
    );
  }
  return openingHoursFromJson(text, file, validatedSha256);
}
