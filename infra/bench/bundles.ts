/**
 * `npm run bench:bundles`: bundles every Lambda function exactly as the CDK stack does
 * (esbuild, ESM, minified, AWS SDK included), then prints each bundle's size and its cold
 * init (module load plus handler construction) measured in fresh Node processes (median and
 * best of BENCH_RUNS). Fails when a bundle is over 1 MB, a median init over 150 ms (the
 * budgets of issue 8) or a bundle carries what the snapshots replace. BENCH_TOP=N also lists
 * each bundle's N largest contributors (packages, or our own folders) from esbuild's metafile.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { checkContent } from "../../functions/content/checkContent.ts";
import { botContentToJson } from "../../functions/content/contentSnapshot.ts";
import { DEFAULT_CONTENT_DIR } from "../../functions/content/loadContent.ts";
import { snapshotSha256 } from "../../functions/domain/openingHours/snapshot.ts";
import { HTTP_ROUTES } from "../../functions/http/routes.ts";
import {
  ESBUILD_TARGET,
  ESM_REQUIRE_BANNER,
  EXTERNAL_MODULES,
  esbuildAliases,
} from "../constructs/apiFunction.ts";
import { openingHoursSnapshotJson } from "../constructs/openingHoursSnapshot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Outside the repository, as in /var/task: a bundle that still needs node_modules fails here.
const OUT = mkdtempSync(join(tmpdir(), "asiointi-bench-bundles-"));
const MAX_BYTES = 1024 * 1024;
const MAX_INIT_MS = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOP = Number(process.env.BENCH_TOP ?? 0);
// What the snapshots replace (the holiday engine and its date libraries, the YAML parser):
// one of these in a bundle means a function imports load.ts or holidayRules.ts again.
const NOT_IN_BUNDLES = [
  "date-holidays",
  "date-holidays-parser",
  "astronomia",
  "moment",
  "moment-timezone",
  "yaml",
];

const entries = [
  ...HTTP_ROUTES.map((r) => ({ id: r.id, entry: `functions/lambda/${r.id}.ts` })),
  { id: "lexFulfillment", entry: "functions/lambda/lexFulfillment.ts" },
  { id: "contentPublisher", entry: "functions/lambda/contentPublisher.ts" },
];

const snapshot = join(OUT, "bot-content.json");
// Sizes and timings only: content with a failing check (say, a test split) still measures.
const { content } = checkContent(process.env.BENCH_CONTENT_DIR ?? DEFAULT_CONTENT_DIR);
if (!content) throw new Error("bot-content/ does not parse; run npm run content:check");
writeFileSync(snapshot, botContentToJson(content));
// What the stack writes at synth (infra/constructs/openingHoursSnapshot.ts).
const openingHours = join(OUT, "opening-hours.json");
const openingHoursJson = openingHoursSnapshotJson();
writeFileSync(openingHours, openingHoursJson);

// Stand-ins for what the stack sets; nothing here is contacted during init.
const env = {
  ...process.env,
  NODE_ENV: "production",
  LOG_LEVEL: "info",
  AWS_REGION: "eu-central-1",
  TABLE_PREFIX: "asiointi-bench-",
  OPENING_HOURS_FILE: openingHours,
  OPENING_HOURS_SHA256: snapshotSha256(openingHoursJson),
  BOT_CONTENT_FILE: snapshot,
  CONTENT_PUBLISHER_FUNCTION: "asiointi-bench-content-publisher",
  LEX_BOT_ID: "BENCHBOT01",
  LEX_BOT_ALIAS_ID: "BENCHALIAS",
  OIDC_ISSUER: "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_bench",
  OIDC_JWKS_URL:
    "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_bench/.well-known/jwks.json",
  STAFF_ISSUER: "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_bench",
  STAFF_JWKS_URL:
    "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_bench/.well-known/jwks.json",
  // As the stack sets it (infra/constructs/apiFunction.ts), so any source-map cost counts.
  NODE_OPTIONS: "--enable-source-maps",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
};

const INIT_PROBE = `
const t0 = performance.now();
const m = await import(process.argv[1]);
if (typeof m.handler !== "function") throw new Error("no handler export");
process.stdout.write(String(performance.now() - t0));
`;

/**
 * Median and best init of the module at `file`, each run in a fresh Node process. The budget
 * is judged on the median; the best shows what a quiet machine does when the median is noisy.
 */
function initMs(file: string): { median: number; best: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", INIT_PROBE, file], {
      env,
      encoding: "utf8",
    });
    times.push(Number(out));
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] ?? Number.NaN,
    best: times[0] ?? Number.NaN,
  };
}

interface Row {
  id: string;
  kb: number;
  init: { median: number; best: number };
  ok: boolean;
  top: [string, number][];
  strays: string[];
}

/** Output bytes per npm package (or per folder of our own code), largest first. */
function contributors(metafile: Metafile): [string, number][] {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const key = pkg ?? path.split("/").slice(0, -1).join("/");
      bytes.set(key, (bytes.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes].sort((a, b) => b[1] - a[1]);
}
/** Bundles `entry` to `outfile` with the stack's esbuild settings; returns the metafile. */
async function bundle(entry: string, outfile: string): Promise<Metafile> {
  const { metafile } = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: ESBUILD_TARGET,
    mainFields: ["module", "main"],
    minify: true,
    sourcemap: "external",
    sourcesContent: false,
    banner: { js: ESM_REQUIRE_BANNER },
    external: [...EXTERNAL_MODULES],
    alias: esbuildAliases(ROOT),
    logLevel: "error",
    metafile: true,
  });
  return metafile;
}

const rows: Row[] = [];
for (const { id, entry } of entries) {
  const dir = join(OUT, id);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, "index.mjs");
  const metafile = await bundle(join(ROOT, entry), outfile);
  const bytes = statSync(outfile).size;
  const init = initMs(outfile);
  const all = contributors(metafile);
  const strays = all.map(([name]) => name).filter((name) => NOT_IN_BUNDLES.includes(name));
  rows.push({
    id,
    kb: bytes / 1024,
    init,
    ok: bytes <= MAX_BYTES && init.median <= MAX_INIT_MS && strays.length === 0,
    top: all.slice(0, TOP),
    strays,
  });
}

console.log(
  `Lambda bundles (minified ESM, AWS SDK bundled; init in ${RUNS} fresh processes each; budget on the median)`,
);
console.log(
  `${"function".padEnd(22)} ${"size".padStart(10)} ${"init med".padStart(10)} ${"init best".padStart(10)}  budget`,
);
for (const r of rows) {
  console.log(
    `${r.id.padEnd(22)} ${`${r.kb.toFixed(1)} kB`.padStart(10)} ${`${r.init.median.toFixed(1)} ms`.padStart(10)} ${`${r.init.best.toFixed(1)} ms`.padStart(10)}  ${r.ok ? "ok" : "OVER"}`,
  );
  if (r.strays.length > 0) console.log(`  must not be bundled: ${r.strays.join(", ")}`);
  for (const [name, size] of r.top) {
    console.log(`  ${name.padEnd(40)} ${`${(size / 1024).toFixed(1)} kB`.padStart(10)}`);
  }
}
// Every function loads the DynamoDB client: its share of each init, bundled the same way,
// says how much of the budget is the SDK's and how much our own code's.
const sdkEntry = join(ROOT, "node_modules/.cache/bench-sdk-only.mjs");
// A fresh install has no node_modules/.cache yet.
mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
writeFileSync(
  sdkEntry,
  'import "@aws-sdk/client-dynamodb";\nimport "@aws-sdk/lib-dynamodb";\nexport const handler = () => {};\n',
);
const sdkBundle = join(OUT, "sdk-only", "index.mjs");
await bundle(sdkEntry, sdkBundle);
console.log(
  `of each init, loading the bundled DynamoDB client alone: ${initMs(sdkBundle).median.toFixed(1)} ms (median)`,
);
console.log(
  `budgets: size <= ${MAX_BYTES / 1024} kB, init <= ${MAX_INIT_MS} ms (Node ${process.version})`,
);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
