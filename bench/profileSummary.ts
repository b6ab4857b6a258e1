// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): the functions and the
// packages with the most self time. Usage: tsx bench/profileSummary.ts <file.cpuprofile> [top]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profileSummary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  total += ms;
  const where = frame.url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
  const name = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  const pkg =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
    (where.startsWith("node:")
      ? "node core"
      : where.startsWith("./")
        ? "app"
        : frame.functionName || "(vm)");
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
}

const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title} (self time, of ${total.toFixed(0)} ms)\n`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}\n`);
  }
};
/**
 * Inclusive time of the app's own functions (the samples with the function anywhere on their
 * stack, each counted once): shows which of our code paths the SDK's and node's time is
 * spent for, which self time alone cannot.
 */
function appInclusive(): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) continue;
      const where = frame.url.replace(/^file:\/\//, "").replace(process.cwd(), ".");
      if (!where.startsWith("./") || where.includes("node_modules")) continue;
      const name = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  return inclusive;
}

print("by package", byPackage);
print("by function", byFunction);
print("app functions, inclusive", appInclusive());
