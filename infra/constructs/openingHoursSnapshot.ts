/**
 * The opening-hours snapshot every function bundle carries: config/opening-hours.yaml,
 * validated at synth (a broken schedule fails the synth, not a cold start) and written as
 * JSON with only its country's holiday rules, so the functions bundle neither a YAML parser
 * nor date-holidays' data for every country.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Stage } from "aws-cdk-lib";
import type { Construct } from "constructs";
import {
  DEFAULT_OPENING_HOURS_PATH,
  loadOpeningHours,
} from "../../functions/domain/openingHours/load.ts";
import { openingHoursToJson } from "../../functions/domain/openingHours/snapshot.ts";

/** Where bundled functions find the snapshot: copied next to index.mjs. */
export const OPENING_HOURS_IN_BUNDLE = "/var/task/opening-hours.json";

// One synth builds many functions from the same file: read and validate it once.
let snapshotText: string | undefined;

/**
 * Writes the snapshot into the scope's cloud assembly (named by its content, so a schedule
 * change changes the bundles' hash and redeploys them) and returns the file's path.
 */
export function writeOpeningHoursSnapshot(scope: Construct): string {
  snapshotText ??= openingHoursToJson(loadOpeningHours(DEFAULT_OPENING_HOURS_PATH));
  const hash = createHash("sha256").update(snapshotText).digest("hex").slice(0, 16);
  const dir = join(Stage.of(scope)?.outdir ?? "cdk.out", "opening-hours");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${hash}.json`);
  writeFileSync(file, snapshotText);
  return file;
}
