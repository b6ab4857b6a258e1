import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { data as worldHolidays } from "date-holidays/data";
import { parse as parseYaml } from "yaml";
import { buildOpeningHours, type OpeningHours, OpeningHoursConfigError } from "./config.ts";
import { type HolidayData, ruleHolidaySource } from "./holidayRules.ts";

/**
 * Reading the schedule from its YAML, with holidays computed from date-holidays' rules for
 * every country: for the local server, the gateway, tests and synth. Deployed functions read
 * the JSON snapshot instead (snapshot.ts), so neither the YAML parser nor any holiday engine
 * is bundled.
 */

/** The repository's config file, found relative to this module. */
export const DEFAULT_OPENING_HOURS_PATH = fileURLToPath(
  new URL("../../../config/opening-hours.yaml", import.meta.url),
);

// Every country's rules: the config names its country, which the check then confirms exists.
const worldRules = ruleHolidaySource(worldHolidays as HolidayData);

/** Validates an already-parsed config object and builds its calendar, or throws naming the field. */
export function parseOpeningHours(raw: unknown, source = "opening hours config"): OpeningHours {
  return buildOpeningHours(raw, worldRules, source);
}

/** Parses YAML text into a validated schedule, or throws naming the field. */
export function parseOpeningHoursYaml(text: string, source = "opening hours config"): OpeningHours {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new OpeningHoursConfigError(`${source} is not valid YAML: ${(err as Error).message}`);
  }
  return parseOpeningHours(raw, source);
}

/**
 * Reads and validates the opening-hours YAML (path, else $OPENING_HOURS_FILE, else the
 * repository's config/opening-hours.yaml); throws a message naming the file and field.
 */
export function loadOpeningHours(path?: string): OpeningHours {
  const file = path ?? process.env.OPENING_HOURS_FILE ?? DEFAULT_OPENING_HOURS_PATH;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new OpeningHoursConfigError(
      `cannot read opening hours config ${file}: ${(err as Error).message}`,
    );
  }
  return parseOpeningHoursYaml(text, file);
}
