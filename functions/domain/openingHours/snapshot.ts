import { readFileSync } from "node:fs";
import type { HolidayData } from "./calendar.ts";
import { buildOpeningHours, type OpeningHours, OpeningHoursConfigError } from "./config.ts";

/**
 * The schedule as one JSON file for deployed functions: the validated config plus the holiday
 * data of its own country, written at synth from the YAML (load.ts) and read at cold start.
 * JSON.parse replaces the YAML parser, and one country's rules replace every country's.
 */

interface Snapshot {
  config: unknown;
  holidays: HolidayData;
}

/** The snapshot of a loaded schedule; `openingHoursFromJson` gives the same schedule back. */
export function openingHoursToJson(openingHours: OpeningHours): string {
  const snapshot: Snapshot = {
    config: openingHours.config,
    holidays: openingHours.calendar.data,
  };
  return JSON.stringify(snapshot);
}

/** Validates a snapshot again (it is config) and builds its calendar, or throws naming the field. */
export function openingHoursFromJson(
  text: string,
  source = "opening hours snapshot",
): OpeningHours {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(text) as Snapshot;
  } catch (err) {
    throw new OpeningHoursConfigError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof snapshot?.holidays?.holidays !== "object") {
    throw new OpeningHoursConfigError(`${source} has no holiday data`);
  }
  return buildOpeningHours(snapshot.config, snapshot.holidays, source);
}

/** Reads the snapshot at `file` (default $OPENING_HOURS_FILE); throws naming the file. */
export function loadOpeningHoursSnapshot(
  file: string | undefined = process.env.OPENING_HOURS_FILE,
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
  return openingHoursFromJson(text, file);
}
