/**
 * Builds the browser bundles exactly as the local server serves them into dist/web/ (for a
 * CDN or the gateway's static hosting) and enforces the size budgets: exits 1 when a gzipped
 * bundle with a budget (web chat, console, reports; socket.io client included) is over it.
 * CI runs this.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { BUNDLES, buildBrowserBundle } from "../../functions/local/staticAssets.ts";

/** Customers on slow mobile links download this before the launcher appears. */
export const WEB_CHAT_BUDGET_GZIP_BYTES = 50 * 1024;

/** Gzipped budgets per bundle; the staff pages' come from docs/console.md (Bundle sizes). */
const BUDGETS: Partial<Record<keyof typeof BUNDLES, number>> = {
  "/web-chat.js": WEB_CHAT_BUDGET_GZIP_BYTES,
  "/console.js": Math.round(40.3 * 1024),
  "/console-reports.js": Math.round(52.4 * 1024),
};

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "dist", "web");
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

await mkdir(outDir, { recursive: true });
let overBudget = false;
for (const [path, entry] of Object.entries(BUNDLES)) {
  const bundle = await buildBrowserBundle(root, entry);
  await writeFile(join(outDir, path.slice(1)), bundle);
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  let line = `dist/web${path}: ${kb(bundle.length)} minified, ${kb(gzipped)} gzipped`;
  const budget = BUDGETS[path as keyof typeof BUNDLES];
  if (budget !== undefined) {
    const within = gzipped <= budget;
    if (!within) overBudget = true;
    line += ` (${within ? "within" : "OVER"} the ${kb(budget)} budget)`;
  }
  console.log(line);
}
if (overBudget) process.exit(1);
