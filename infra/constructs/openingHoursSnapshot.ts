/**
 * The opening-hours snapshot every function bundle carries: config/opening-hours.yaml,
 * validated at synth (a broken schedule fails the synth, not a cold start) and written as
 * JSON with its holiday dates precomputed by date-holidays, so the functions bundle neither a
 * YAML parser nor a holiday engine.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Stage } from "aws-cdk-lib";
import type { Construct } from "constructs";
import {
  DEFAULT_OPENING_HOURS_PATH,
  loadOpeningHours,
} from "../../functions/domain/openingHours/load.ts";
import {
  openingHoursFromJson,
  openingHoursToJson,
  snapshotSha256,
} from "../../functions/domain/openingHours/snapshot.ts";

/** Where bundled functions find the snapshot: copied next to index.mjs. */
export const OPENING_HOURS_IN_BUNDLE = "/var/task/opening-hours.json";

/**
 * Which holiday dates a deployment carries: 1 January of the previous year through
 * 31 December five years ahead. Functions ask about today up to the booking horizon (at most
 * 366 days) and "next opening" a few days on; the previous year covers the turn of the year
 * and any question about a recent day. Five years ahead outlives any deployment we expect
 * (every deploy in a new year also moves the window), for about 2,500 days of a few kB of
 * JSON. A function asked about a later day fails loudly (HolidayRangeError), never guesses.
 */
export const HOLIDAY_YEARS = { before: 1, after: 5 } as const;

/**
 * Synth refuses a window that leaves a deployment less than this many years (beyond the
 * booking horizon) before its holiday dates run out.
 */
export const MIN_HOLIDAY_YEARS_AHEAD = 2;

/** The snapshot's JSON for a synth on `today`; throws when the window is too short. */
export function openingHoursSnapshotJson(
  today = new Date(),
  years: { before: number; after: number } = HOLIDAY_YEARS,
): string {
  const openingHours = loadOpeningHours(DEFAULT_OPENING_HOURS_PATH);
  const year = today.getUTCFullYear();
  const range = { from: `${year - years.before}-01-01`, to: `${year + years.after}-12-31` };
  const horizonDays = Math.max(
    ...Object.values(openingHours.config.queues).map((q) => q.appointments.horizonDays),
  );
  const needed = new Date(today);
  needed.setUTCFullYear(needed.getUTCFullYear() + MIN_HOLIDAY_YEARS_AHEAD);
  needed.setUTCDate(needed.getUTCDate() + horizonDays);
  const neededIso = needed.toISOString().slice(0, 10);
  if (range.to < neededIso) {
    throw new Error(
      `opening-hours snapshot: holiday dates end ${range.to}, but a deployment needs them to ${neededIso} (${MIN_HOLIDAY_YEARS_AHEAD} years plus the ${horizonDays}-day booking horizon); raise HOLIDAY_YEARS.after`,
    );
  }
  const json = openingHoursToJson(openingHours, range);
  // The functions trust this exact text by its hash (OPENING_HOURS_SHA256) instead of
  // running the schema at every cold start, so the text itself is what gets validated here.
  openingHoursFromJson(json, "opening-hours snapshot");
  return json;
}

// One synth builds many functions from the same file: read, validate and compute it once.
let snapshotText: string | undefined;

/**
 * Writes the snapshot into the scope's cloud assembly (named by its content, so a schedule
 * change changes the bundles' hash and redeploys them); returns the file's path and the
 * SHA-256 the functions check it against (OPENING_HOURS_SHA256).
 */
export function writeOpeningHoursSnapshot(scope: Construct): { file: string; sha256: string } {
  snapshotText ??= openingHoursSnapshotJson();
  const sha256 = snapshotSha256(snapshotText);
  const dir = join(Stage.of(scope)?.outdir ?? "cdk.out", "opening-hours");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${sha256.slice(0, 16)}.json`);
  writeFileSync(file, snapshotText);
  return { file, sha256 };
}
