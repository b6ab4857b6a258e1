import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type OpeningHours, OpeningHoursConfigError, parseOpeningHoursYaml } from "./config.ts";

/** The repository's config file, found relative to this module. */
export const DEFAULT_OPENING_HOURS_PATH = fileURLToPath(
  new URL("../../../config/opening-hours.yaml", import.meta.url),
);

/**
 * Reads and validates the opening-hours YAML (path, else $OPENING_HOURS_FILE, else the
 * repository's config/opening-hours.yaml); throws a message naming the file and field.
 */
export function loadOpeningHours(path?: string): OpeningHours {
  // A bundled Lambda has no repository layout, so deployments can point elsewhere.
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
