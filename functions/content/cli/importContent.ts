import "./quietSdkWarning.ts";
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import { diffBundles } from "../../domain/content/bundleDiff.ts";
import { reportDay } from "../../domain/reports/reportEvents.ts";
import { checkContent, formatProblems } from "../checkContent.ts";
import { DEFAULT_CONTENT_DIR } from "../loadContent.ts";
import { argsOrExit } from "./args.ts";
import { openContentTable } from "./contentTable.ts";

// Usage: npm run content:import -- [--from DIR]
// Loads the YAML files as the studio's draft (after content:check's rules); publishing and
// review then happen in the studio as for any other change.
const { values: args } = argsOrExit(
  { options: { from: { type: "string" } } },
  "Usage: npm run content:import -- [--from DIR]",
);
const dir = resolve(args.from ?? DEFAULT_CONTENT_DIR);
// The same rules as content:check: files with errors never become the draft.
const { bundle, problems } = checkContent(dir, { today: reportDay(new Date()) });
if (problems.some((p) => p.severity === "error")) {
  console.log(`${formatProblems(problems)}\n`);
  console.log(`Nothing imported: fix the errors above in ${dir} first.`);
  process.exit(1);
}
const table = await openContentTable();
try {
  const live = await table.store.live();
  const liveBundle = live ? await table.store.versionBundle(live.version) : undefined;
  const who = userInfo().username;
  await table.store.replaceDraft(bundle, {
    updatedBy: `cli:${who}`,
    updatedByName: who,
    updatedAt: new Date().toISOString(),
    retired: false,
    // A studio form opened before the import must not save over what it brought.
    revision: randomUUID(),
  });
  await table.store.audit({
    at: new Date().toISOString(),
    actor: `cli:${who}`,
    actorName: who,
    action: "import",
    detail: dir,
  });
  const changes = liveBundle ? diffBundles(liveBundle, bundle) : [];
  // Topics saved unfinished in the studio are in no file: the draft keeps them.
  const unfinished = [...((await table.store.draft())?.inProgress?.keys() ?? [])];
  console.log(
    `Imported ${bundle.topics.length} topics, ${bundle.referrals.length} referral groups and ${
      (bundle.uncovered?.fi.length ?? 0) + (bundle.uncovered?.sv.length ?? 0)
    } uncovered questions from ${dir} as the draft.`,
  );
  for (const c of changes) {
    console.log(
      `  ${c.change.padEnd(8)} ${c.kind === "referral" ? "referral " : ""}${c.id}${c.fields.length ? ` (${c.fields.join(", ")})` : ""}`,
    );
  }
  if (unfinished.length > 0) {
    console.log(
      `Kept ${unfinished.length} topic(s) saved unfinished in the studio: ${unfinished.join(", ")}.`,
    );
  }
  console.log(
    changes.length === 0 && live
      ? `The draft is the same as live version ${live.version}.`
      : "Open the studio (/studio) to try, test and publish it.",
  );
} finally {
  await table.close();
}
