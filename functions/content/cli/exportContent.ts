import "./quietSdkWarning.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { bundleFiles } from "../bundleYaml.ts";
import { filesOnto } from "../exportOnto.ts";
import { DEFAULT_CONTENT_DIR } from "../loadContent.ts";
import { argsOrExit, fail } from "./args.ts";
import { openContentTable } from "./contentTable.ts";

// Usage: npm run content:export -- [--version N] [--out DIR]
// Writes content version N (default: the live one) as the files of bot-content/, so that
// `git diff` shows what the studio changed, and a reviewed version can be committed.
const { values: args } = argsOrExit(
  { options: { version: { type: "string" }, out: { type: "string" } } },
  "Usage: npm run content:export -- [--version N] [--out DIR]",
);
if (args.version !== undefined && !/^[1-9]\d*$/.test(args.version)) {
  fail(`--version: must be a version number such as 3 (got "${args.version}")`);
}
const out = resolve(args.out ?? DEFAULT_CONTENT_DIR);
const table = await openContentTable();
try {
  const version = args.version ? Number(args.version) : (await table.store.live())?.version;
  if (version === undefined)
    fail("No content version exists yet: start the service once (npm start).");
  const bundle = await table.store.versionBundle(version);
  if (!bundle) fail(`Version ${version} does not exist; the studio's Versions page lists them.`);
  const files = bundleFiles(bundle);
  // Topics and referral groups retired in this version lose their files; nothing else in
  // the folder is touched.
  for (const folder of ["topics", "referrals"]) {
    const dir = join(out, folder);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      if (/\.ya?ml$/.test(name) && !files.has(`${folder}/${name}`)) rmSync(join(dir, name));
    }
  }
  // Files already there are edited, not replaced: what did not change stays byte for byte,
  // comments included, so `git diff` shows the version's changes only.
  const changed = filesOnto(bundle, (path) =>
    existsSync(join(out, path)) ? readFileSync(join(out, path), "utf8") : undefined,
  );
  for (const [path, text] of changed) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  console.log(
    `Wrote content version ${version} (${bundle.topics.length} topics, ${bundle.referrals.length} referral groups, ${
      bundle.uncovered
        ? `${bundle.uncovered.fi.length + bundle.uncovered.sv.length} uncovered questions`
        : "no uncovered questions: stored before they were kept, uncovered/ left as it is"
    }) to ${out}: ${changed.size} of ${files.size} files changed`,
  );
} finally {
  await table.close();
}
