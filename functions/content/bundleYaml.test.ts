import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleFiles, topicYaml } from "./bundleYaml.ts";
import { checkContent } from "./checkContent.ts";
import { DEFAULT_CONTENT_DIR, loadContentBundle } from "./loadContent.ts";

describe("a topic's review date in its file", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("is written plain, after the follow-ups, and read back as the same text (export, then import)", () => {
    const shipped = loadContentBundle();
    const bundle = {
      ...shipped,
      topics: shipped.topics.map((t) => (t.id === "vat" ? { ...t, reviewBy: "2027-01-31" } : t)),
    };

    const files = bundleFiles(bundle);
    dir = mkdtempSync(join(tmpdir(), "content-export-"));
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // content:import reads a folder exactly so: the same rules, the same bundle.
    const imported = checkContent(dir, { today: "2026-12-05" });

    const vatFile = files.get("topics/vat.yaml") ?? "";
    expect(vatFile).toMatch(/^followUps: \[.*\]\nreviewBy: 2027-01-31\nfi:\n/m);
    expect(imported.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(imported.bundle.topics.find((t) => t.id === "vat")?.reviewBy).toBe("2027-01-31");
    expect(imported.bundle.topics).toEqual(bundle.topics);
    expect(bundleFiles(imported.bundle)).toEqual(files);
  });

  it("is left out of a topic that has none", () => {
    const vat = loadContentBundle().topics.find((t) => t.id === "vat");
    expect(vat?.reviewBy).toBeUndefined();
    expect(topicYaml(vat as NonNullable<typeof vat>)).not.toContain("reviewBy");
  });

  it("stands in the shipped files where the export puts it", () => {
    const shipped = loadContentBundle();
    const reviewed = shipped.topics.filter((t) => t.reviewBy);

    expect(reviewed.length).toBeGreaterThan(0);
    for (const topic of reviewed) {
      const file = readFileSync(join(DEFAULT_CONTENT_DIR, "topics", `${topic.id}.yaml`), "utf8");
      expect(topicYaml(topic)).toBe(file);
    }
  });
});

describe("the uncovered questions in a content version's files", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("are written as the shipped files have them, byte for byte", () => {
    const files = bundleFiles(loadContentBundle());

    for (const lang of ["fi", "sv"]) {
      const shipped = readFileSync(join(DEFAULT_CONTENT_DIR, "uncovered", `${lang}.yaml`), "utf8");
      expect(files.get(`uncovered/${lang}.yaml`)).toBe(shipped);
    }
  });

  it("come back the same after export and import, a question added in the version included", () => {
    const shipped = loadContentBundle();
    const uncovered = shipped.uncovered as NonNullable<typeof shipped.uncovered>;
    const bundle = {
      ...shipped,
      uncovered: {
        ...uncovered,
        sv: [...uncovered.sv, { text: 'vad kostar "hundskatt" i Esbo', matter: "dog-tax" }],
      },
    };

    dir = mkdtempSync(join(tmpdir(), "content-export-"));
    for (const [path, text] of bundleFiles(bundle)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const imported = checkContent(dir, { today: "2026-12-05" });

    expect(imported.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(imported.bundle.uncovered).toEqual(bundle.uncovered);
    expect(imported.bundle.uncovered?.fi.length).toBeGreaterThan(0);
  });

  it("are not written for a version stored before they were kept, so the folder's stay", () => {
    const { uncovered: _, ...older } = loadContentBundle();

    const paths = [...bundleFiles(older).keys()];

    expect(paths.filter((p) => p.startsWith("uncovered/"))).toEqual([]);
    expect(paths).toContain("tests/fi.yaml");
  });

  it("are reported at their line when a question lacks its matter", () => {
    dir = mkdtempSync(join(tmpdir(), "content-export-"));
    for (const [path, text] of bundleFiles(loadContentBundle())) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(
      join(dir, "uncovered", "sv.yaml"),
      'lang: sv\ncases:\n  - { text: "hundskatt", matter: dog-tax }\n  - { text: "båtskatt" }\n',
    );

    const errors = checkContent(dir).problems.filter((p) => p.severity === "error");

    expect(errors).toEqual([expect.objectContaining({ file: "uncovered/sv.yaml", line: 4 })]);
  });
});
