import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_TOPICS } from "../../contracts/topics.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

function topicYaml(id: string, title = `${id} fi`): string {
  const sentences = (lang: string) =>
    Array.from({ length: 20 }, (_, i) => `    - ${lang} ${id} kysymys ${i + 1}`);
  return [
    `id: ${id}`,
    "fi:",
    `  title: ${title}`,
    "  utterances:",
    ...sentences("fi"),
    "  answer: Vastaus.",
    "sv:",
    `  title: ${id} sv`,
    "  utterances:",
    ...sentences("sv"),
    "  answer: Svar.",
    "",
  ].join("\n");
}

let dir: string;

// Content with two mistakes a content owner makes: a title with an unquoted colon, and a
// system topic's file deleted.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "content-cli-"));
  mkdirSync(join(dir, "topics"));
  for (const id of SYSTEM_TOPICS.filter((t) => t !== "callback")) {
    writeFileSync(join(dir, "topics", `${id}.yaml`), topicYaml(id));
  }
  writeFileSync(join(dir, "topics", "vat.yaml"), topicYaml("vat", "Alv: yrittäjälle"));
  writeFileSync(join(dir, "out-of-scope.yaml"), "fi: [sää huomenna]\nsv: [vädret i morgon]\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], input = "") {
  const result = spawnSync(TSX, [join(ROOT, "functions/content/cli", script), ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectContentProblems(output: string): void {
  expect(output).toContain("ERROR topics/vat.yaml:3");
  expect(output).toContain('How to fix: Put the sentence in quotes: title: "Alv: yrittäjälle"');
  expect(output).toContain("ERROR topics/callback.yaml:1");
  // Never a stack trace: no "    at fn (file:line)" frames, no error class names.
  expect(output).not.toMatch(/^\s+at .+:\d+/m);
  expect(output).not.toMatch(/ContentError|ZodError/);
}

describe("content command-line tools on bad content", () => {
  it("content:check lists the problems and fails", () => {
    const { code, output } = run("checkContent.ts", [dir]);

    expect(code).toBe(1);
    expectContentProblems(output);
  });

  it("content:test prints the same problems and fails, instead of scoring", () => {
    const { code, output } = run("testContent.ts", ["--content", dir]);

    expect(code).toBe(1);
    expectContentProblems(output);
    expect(output).not.toContain("top-1 accuracy");
  });

  it("the bot CLI prints the same problems and fails", () => {
    const { code, output } = run("bot.ts", ["classify", "--lang", "fi", "--content", dir]);

    expect(code).toBe(1);
    expectContentProblems(output);
  });
});

describe("content command-line tools given an option they do not know", () => {
  it.each([
    ["checkContent.ts"],
    ["testContent.ts"],
    ["bot.ts"],
    ["exportContent.ts"],
    ["importContent.ts"],
  ])("%s names it with the usage and exits 2, with no stack trace", (script) => {
    const { code, output } = run(script, ["--help"]);

    expect(code).toBe(2);
    expect(output).toMatch(/^Unknown option '--help'\.\nUsage:/);
    expect(output).not.toMatch(/^\s+at .+:\d+/m);
  });
});

describe("the classify CLI on the repository's content", () => {
  it.each([
    ["fi", "Ajoneuvovero on erääntynyt, mihin sen maksan?"],
    ["sv", "Fordonsskatten har förfallit, var betalar jag den?"],
  ])("keeps intent none and names the traficom referral (%s)", (lang, text) => {
    const { code, output } = run("bot.ts", ["classify", "--lang", lang], `${text}\n`);

    expect(code).toBe(0);
    const line = JSON.parse(output.trim()) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(["text", "intent", "confidence", "referral"]);
    expect(line).toMatchObject({ text, intent: "none", referral: "traficom" });
  });
});

describe("content:test --seeds", () => {
  it("refuses a count that is no whole number of training orders, naming the option", () => {
    const { code, output } = run("testContent.ts", ["--seeds", "0"]);
    expect(code).toBe(2);
    expect(output).toContain(
      '--seeds is "0"; expected a whole number of training orders from 1 to 20',
    );
  });
});
