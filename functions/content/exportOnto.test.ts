import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ContentBundle, HeldOutCase } from "../domain/content/bundle.ts";
import { bundleFiles } from "./bundleYaml.ts";
import { filesOnto } from "./exportOnto.ts";
import { DEFAULT_CONTENT_DIR, loadContentBundle } from "./loadContent.ts";

const inFolder =
  (dir: string) =>
  (path: string): string | undefined =>
    existsSync(join(dir, path)) ? readFileSync(join(dir, path), "utf8") : undefined;
const shipped = inFolder(DEFAULT_CONTENT_DIR);

/** Lines of `after` not in `before` and the other way round, as a small line diff would say. */
function lineChanges(before: string, after: string) {
  const a = before.split("\n");
  const b = after.split("\n");
  return {
    added: b.filter((line) => !a.includes(line)),
    removed: a.filter((line) => !b.includes(line)),
  };
}

const sortedCases = (cases: readonly HeldOutCase[]) =>
  cases.map((c) => `${c.intent}\t${c.text}`).sort();

describe("content:export onto a folder that already holds content", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("changes no file when the version holds what the folder holds (version 1 onto bot-content/)", () => {
    expect(bundleFiles(loadContentBundle()).size).toBeGreaterThan(50);
    expect([...filesOnto(loadContentBundle(), shipped).keys()]).toEqual([]);
  });

  it("adds a test message right after its topic's last one and drops a removed one, every other line and comment as it was", () => {
    const bundle = loadContentBundle();
    const removed = bundle.tests.fi.find((c) => c.intent === "greeting") as HeldOutCase;
    const edited: ContentBundle = {
      ...bundle,
      tests: {
        ...bundle.tests,
        // As the studio stores a topic's edited messages: the topic's cases moved to the end.
        fi: [
          ...bundle.tests.fi.filter((c) => c !== removed && c.intent !== "vat"),
          ...bundle.tests.fi.filter((c) => c.intent === "vat"),
          { text: "alv kysymys studiosta", intent: "vat" },
        ],
      },
    };

    const changed = filesOnto(edited, shipped);

    expect([...changed.keys()]).toEqual(["tests/fi.yaml"]);
    const before = shipped("tests/fi.yaml") as string;
    const after = changed.get("tests/fi.yaml") as string;
    expect(lineChanges(before, after)).toEqual({
      added: ['  - { text: "alv kysymys studiosta", intent: vat }'],
      removed: [`  - { text: "${removed.text}", intent: greeting }`],
    });
    const lines = after.split("\n");
    const at = lines.indexOf('  - { text: "alv kysymys studiosta", intent: vat }');
    expect(lines[at - 1]).toMatch(/intent: vat \}$/);
    expect(lines[at + 1]).not.toMatch(/intent: vat \}$/);
  });

  it("keeps a section's comment when the sentence under it goes, and the out-of-scope list in the version's order", () => {
    const bundle = loadContentBundle();
    const before = shipped("out-of-scope.yaml") as string;
    const lines = before.split("\n");
    // The first sentence under the first comment inside the Finnish list.
    const commentAt = lines.findIndex((line, i) => i > 3 && /^ {2}#/.test(line));
    const sentenceLine = lines.slice(commentAt).find((line) => /^ {2}- /.test(line)) as string;
    const sentence = bundle.outOfScope.fi.find((s) => sentenceLine.endsWith(s)) as string;
    const fi = bundle.outOfScope.fi.filter((s) => s !== sentence);
    fi.splice(2, 0, "uusi esimerkki: kaksoispisteellä");

    const after = filesOnto({ ...bundle, outOfScope: { ...bundle.outOfScope, fi } }, shipped).get(
      "out-of-scope.yaml",
    ) as string;

    expect(lineChanges(before, after)).toEqual({
      added: ['  - "uusi esimerkki: kaksoispisteellä"'],
      removed: [sentenceLine],
    });
    const afterLines = after.split("\n");
    let below = afterLines.indexOf(lines[commentAt] as string);
    while (/^ {2}#/.test(afterLines[below + 1] as string)) below++;
    expect(afterLines[below + 1]).toMatch(/^ {2}- /);
  });

  it("writes a changed topic whole and leaves every other file alone", () => {
    const bundle = loadContentBundle();
    const edited: ContentBundle = {
      ...bundle,
      topics: bundle.topics.map((t) =>
        t.id === "vat" ? { ...t, fi: { ...t.fi, answer: "Uusi vastaus.\n" } } : t,
      ),
    };

    const changed = filesOnto(edited, shipped);

    expect([...changed.keys()]).toEqual(["topics/vat.yaml"]);
    expect(changed.get("topics/vat.yaml")).toBe(bundleFiles(edited).get("topics/vat.yaml"));
  });

  it("leaves a folder that reads back as the version, and replaces a file it cannot read", () => {
    const bundle = loadContentBundle();
    const edited: ContentBundle = {
      ...bundle,
      outOfScope: { ...bundle.outOfScope, sv: [...bundle.outOfScope.sv.slice(1), "ny mening"] },
      tests: {
        ...bundle.tests,
        sv: [...bundle.tests.sv.slice(2), { text: "nytt testmeddelande om moms", intent: "vat" }],
      },
      dev: { ...bundle.dev, fi: bundle.dev.fi.slice(0, -1) },
    };
    dir = mkdtempSync(join(tmpdir(), "content-onto-"));
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "dev/sv.yaml"), "cases: [ not: closed\n");

    const changed = filesOnto(edited, inFolder(dir));
    for (const [path, text] of changed) writeFileSync(join(dir, path), text);

    expect([...changed.keys()].sort()).toEqual([
      "dev/fi.yaml",
      "dev/sv.yaml",
      "out-of-scope.yaml",
      "tests/sv.yaml",
    ]);
    expect(changed.get("dev/sv.yaml")).toBe(bundleFiles(edited).get("dev/sv.yaml"));
    const read = loadContentBundle(dir);
    expect(read.outOfScope).toEqual(edited.outOfScope);
    expect(read.topics).toEqual(edited.topics);
    expect(read.uncovered).toEqual(edited.uncovered);
    for (const split of ["tests", "dev"] as const) {
      for (const lang of ["fi", "sv"] as const) {
        expect(sortedCases(read[split][lang])).toEqual(sortedCases(edited[split][lang]));
      }
    }
  });
});
