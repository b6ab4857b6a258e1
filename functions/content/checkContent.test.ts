import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LEX_LIMITS } from "../adapters/lex/lexLocale.ts";
import { SYSTEM_TOPICS } from "../contracts/topics.ts";
import { answerPieces } from "../domain/dialogue/topicAnswer.ts";
import { checkContent, MIN_TESTS_PER_LANG } from "./checkContent.ts";
import { botContentFromJson, botContentToJson } from "./contentSnapshot.ts";
import { ContentError, loadBotContent } from "./loadContent.ts";

// Line numbers in the assertions refer to this layout; keep it stable.
function topicYaml(
  id: string,
  overrides: { fiLines?: string[]; extraTop?: string[] } = {},
): string {
  const utterances = (lang: string) =>
    Array.from({ length: 20 }, (_, i) => `    - ${lang} ${id} kysymys numero ${i + 1}`);
  const fi = overrides.fiLines ?? [
    "fi:", // line 4
    `  title: ${id} fi`, // 5
    "  utterances:", // 6
    ...utterances("fi"), // 7..26
    "  answer: |", // 27
    "    Ensimmäinen kappale.", // 28
    "", // 29
    "    Toinen kappale.", // 30
    "  links:", // 31
    "    - { label: Vero, url: https://www.vero.fi/henkiloasiakkaat/ }", // 32
  ];
  return [
    `id: ${id}`, // 1
    "demo: true", // 2
    ...(overrides.extraTop ?? [`followUps: [${id === "greeting" ? "goodbye" : "greeting"}]`]), // 3
    ...fi,
    "sv:",
    `  title: ${id} sv`,
    "  utterances:",
    ...utterances("sv"),
    "  answer: Svar.",
    "",
  ].join("\n");
}

/** The system topics the code relies on, and two ordinary ones. */
const FIXTURE_TOPICS = [...SYSTEM_TOPICS, "vat", "payment"];

let dir: string;

function writeTopic(id: string, text: string, fileName = `${id}.yaml`): void {
  writeFileSync(join(dir, "topics", fileName), text);
}

function errorsOf() {
  return checkContent(dir).problems.filter((p) => p.severity === "error");
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "content-"));
  mkdirSync(join(dir, "topics"));
  for (const id of FIXTURE_TOPICS) writeTopic(id, topicYaml(id));
  writeFileSync(
    join(dir, "out-of-scope.yaml"),
    "fi:\n  - Millainen sää huomenna?\nsv:\n  - Hur blir vädret?\n",
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("checkContent", () => {
  it("accepts valid content and loads every topic", () => {
    const content = loadBotContent(dir);

    expect(content.topics.size).toBe(FIXTURE_TOPICS.length);
    expect(content.outOfScope.fi).toEqual(["Millainen sää huomenna?"]);
  });

  it("reports a missing language at the top of the file", () => {
    writeTopic("tax-card", topicYaml("tax-card", { fiLines: [] }));

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/tax-card.yaml", line: 1 });
    expect(problem?.message).toContain("fi is missing");
    expect(problem?.fix).toContain("Finnish");
  });

  it("takes a new topic from its file alone, with no list of ids in code", () => {
    writeTopic("capital-gains", topicYaml("capital-gains"));

    const content = loadBotContent(dir);

    expect(content.topics.get("capital-gains")?.fi.title).toBe("capital-gains fi");
  });

  it.each([
    ["Capital_Gains", "lower-case letters"],
    ["capital--gains", "single hyphens"],
    [`x${"-y".repeat(32)}`, "at most 64 characters"],
  ])("reports the malformed topic id %s on the id line", (id, expected) => {
    writeTopic(id, topicYaml(id));

    const problem = errorsOf().find((p) => p.file === `topics/${id}.yaml`);

    expect(problem).toMatchObject({ line: 1, path: "id" });
    expect(problem?.message).toContain(expected);
    expect(problem?.fix).toContain("name the file after it");
  });

  it("keeps the ids that mean something else (none, other) from topics", () => {
    writeTopic("none", topicYaml("none"));

    const problem = errorsOf().find((p) => p.file === "topics/none.yaml");

    expect(problem?.message).toContain("reserved");
  });

  it("reports a file whose name differs from its id", () => {
    writeTopic("vat", topicYaml("tax-card"), "vat.yaml");

    const problem = errorsOf().find((p) => p.file === "topics/vat.yaml");

    expect(problem?.message).toContain('does not match id "tax-card"');
    expect(problem?.line).toBe(1);
  });

  it("reports a missing system topic, naming the file to create", () => {
    rmSync(join(dir, "topics", "callback.yaml"));

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/callback.yaml", line: 1, path: "" });
    expect(problem?.message).toContain('topic "callback" is missing');
    expect(problem?.fix).toContain("Create topics/callback.yaml");
  });

  it("lets a content owner retire a topic that is not a system topic", () => {
    rmSync(join(dir, "topics", "vat.yaml"));

    expect(errorsOf()).toEqual([]);
  });

  it("reports too few utterances on the utterances line", () => {
    const text = topicYaml("payment").split("\n");
    text.splice(7, 2);
    writeTopic("payment", text.join("\n"));

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/payment.yaml", line: 7 });
    expect(problem?.message).toContain("has 18 training sentences; at least 20");
  });

  it("reports an utterance used by two topics, on the later line", () => {
    const text = topicYaml("vat").replace("fi vat kysymys numero 3", "fi payment kysymys numero 5");
    writeTopic("vat", text);

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/vat.yaml", line: 9 });
    expect(problem?.message).toContain("topic payment");
  });

  it("reports an utterance repeated within one topic, ignoring case and punctuation", () => {
    const text = topicYaml("vat").replace("fi vat kysymys numero 3", "Fi VAT kysymys numero 1?");
    writeTopic("vat", text);

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/vat.yaml", line: 9 });
    expect(problem?.message).toContain("appears twice");
  });

  it("reports a held-out test message that is also a training sentence, on its test line", () => {
    mkdirSync(join(dir, "tests"));
    writeFileSync(
      join(dir, "tests", "fi.yaml"),
      [
        "lang: fi",
        "cases:",
        '  - { text: "ihan uusi kysymys", intent: vat }',
        '  - { text: "Millainen saa huomenna", intent: none }',
      ].join("\n"),
    );

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "tests/fi.yaml", line: 4 });
    expect(problem?.message).toContain("out-of-scope.yaml line 2");
  });

  it("reports a message that is in both the dev and the test split", () => {
    mkdirSync(join(dir, "tests"));
    mkdirSync(join(dir, "dev"));
    const file = 'lang: sv\ncases:\n  - { text: "när kommer pengarna", intent: tax-refund }\n';
    writeFileSync(join(dir, "tests", "sv.yaml"), file);
    writeFileSync(join(dir, "dev", "sv.yaml"), file);

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "dev/sv.yaml", line: 3 });
    expect(problem?.message).toContain("tests/sv.yaml line 3");
  });

  it.each([
    ["http://www.vero.fi/", "https://"],
    ["https://example.com/vero", "not allowed"],
    ["not a link", "not a valid web address"],
  ])("reports the link %s on its line", (url, expected) => {
    writeTopic("vat", topicYaml("vat").replace("https://www.vero.fi/henkiloasiakkaat/", url));

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/vat.yaml", line: 32 });
    expect(problem?.message).toContain(expected);
  });

  it("accepts links to subdomains of allowed hosts", () => {
    writeTopic(
      "vat",
      topicYaml("vat").replace(
        "https://www.vero.fi/henkiloasiakkaat/",
        "https://asiointi.kela.fi/x",
      ),
    );

    expect(errorsOf()).toEqual([]);
  });

  it("reports an answer over the limit on the answer line", () => {
    writeTopic("vat", topicYaml("vat").replace("Toinen kappale.", "x".repeat(700)));

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ line: 27 });
    expect(problem?.message).toMatch(/answer is \d+ characters; the limit is 700/);
  });

  it("reports an unknown follow-up topic on its line", () => {
    writeTopic("vat", topicYaml("vat", { extraTop: ["followUps: [greeting, weather]"] }));

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/vat.yaml", line: 3, path: "followUps[1]" });
    expect(problem?.message).toBe('follow-up "weather" is not a topic');
  });

  it("suggests the closest topic for a mistyped follow-up", () => {
    writeTopic("vat", topicYaml("vat", { extraTop: ["followUps: [greeting, paymnet]"] }));

    const [problem] = errorsOf();

    expect(problem?.message).toBe('follow-up "paymnet" is not a topic; did you mean payment?');
    expect(problem?.fix).toContain("Change it to payment");
  });

  it("suggests the closest topic for a mistyped test intent", () => {
    mkdirSync(join(dir, "tests"));
    writeFileSync(
      join(dir, "tests", "fi.yaml"),
      'lang: fi\ncases:\n  - { text: "uusi kysymys", intent: tax-refnud }\n',
    );

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "tests/fi.yaml", line: 3, path: "cases[0].intent" });
    expect(problem?.message).toContain("did you mean tax-refund?");
  });

  it("reports unknown placeholders in personal templates", () => {
    const text = topicYaml("tax-refund").replace(
      "  links:",
      '  personal: { due: "Saat {refundAmount} euroa {refundDay}.", none: "Ei palautusta." }\n  links:',
    );
    writeTopic("tax-refund", text);

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/tax-refund.yaml", line: 31 });
    expect(problem?.message).toContain("{refundDay}");
  });

  it("knows {taxYear} in every refund variant, and refuses it in the tax card, whose data has no tax year", () => {
    writeTopic(
      "tax-refund",
      topicYaml("tax-refund").replace(
        "  links:",
        '  personal: { due: "Vuodelta {taxYear} {refundAmount} euroa.", paid: "Vuodelta {taxYear}.", none: "Ei vuodelta {taxYear}." }\n  links:',
      ),
    );
    expect(errorsOf()).toEqual([]);

    writeTopic(
      "tax-card",
      topicYaml("tax-card").replace(
        "  links:",
        '  personal: { default: "Vuoden {taxYear} verokortti: {withholdingRate} %." }\n  links:',
      ),
    );
    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/tax-card.yaml", path: "fi.personal.default" });
    expect(problem?.message).toContain("{taxYear}");
  });

  it("knows no variant named like an object's own method", () => {
    const text = topicYaml("tax-refund").replace(
      "  links:",
      '  personal: { toString: "Saat {refundAmount} euroa." }\n  links:',
    );
    writeTopic("tax-refund", text);

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/tax-refund.yaml", path: "fi.personal.toString" });
  });

  it("explains a YAML syntax error once per file, in plain words", () => {
    writeTopic("vat", `${topicYaml("vat")}\n  bad: [unclosed\n  worse: {\n`);

    const problems = errorsOf().filter((p) => p.file === "topics/vat.yaml");

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("is not closed");
    expect(problems[0]?.message).not.toMatch(/flow|implicit|scalar/i);
  });

  it("says to quote a title or answer that contains a colon", () => {
    writeTopic("vat", topicYaml("vat").replace("  title: vat fi", "  title: Alv: yrittäjälle"));

    const problems = errorsOf();

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "topics/vat.yaml", line: 5 });
    expect(problems[0]?.message).toContain("colon");
    expect(problems[0]?.fix).toBe('Put the sentence in quotes: title: "Alv: yrittäjälle"');
  });

  it("says to quote a training sentence that contains a colon", () => {
    writeTopic(
      "vat",
      topicYaml("vat").replace("    - fi vat kysymys numero 2", "    - alv: mikä se on"),
    );

    const [problem] = errorsOf();

    expect(problem).toMatchObject({ file: "topics/vat.yaml", line: 8, path: "fi.utterances[1]" });
    expect(problem?.message).toContain("because of the colon");
    expect(problem?.fix).toBe('Put the sentence in quotes: "alv: mikä se on".');
  });

  it("says to indent with spaces where a tab is used", () => {
    writeTopic("vat", topicYaml("vat").replace("  title: vat fi", "\ttitle: vat fi"));

    const problems = errorsOf().filter((p) => p.file === "topics/vat.yaml");

    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(5);
    expect(problems[0]?.message).toContain("tab");
    expect(problems[0]?.fix).toContain("spaces");
  });

  it("does not report a topic whose file cannot be read as missing, or its follow-ups as unknown", () => {
    writeTopic("callback", `${topicYaml("callback")}\n\tbroken: yes\n`);
    writeTopic("vat", topicYaml("vat", { extraTop: ["followUps: [callback]"] }));

    const problems = errorsOf();

    expect(problems.map((p) => p.file)).toEqual(["topics/callback.yaml"]);
  });

  it("warns about a sentence closer to another topic's sentences than to its own", () => {
    writeTopic(
      "vat",
      topicYaml("vat").replace("fi vat kysymys numero 3", "fi payment kysymys numero 5 kiitos"),
    );

    const { problems, content } = checkContent(dir);
    const near = problems.filter((p) => p.message.includes("is closer to"));

    expect(content).toBeDefined();
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({
      severity: "warning",
      file: "topics/vat.yaml",
      line: 9,
      path: "fi.utterances[2]",
    });
    expect(near[0]?.message).toContain('"fi payment kysymys numero 5" of topic payment');
    expect(near[0]?.message).toContain("topics/payment.yaml line 11");
  });

  it("does not call sentences near duplicates that are closest to their own topic", () => {
    const near = checkContent(dir).problems.filter((p) => p.message.includes("is closer to"));

    expect(near).toEqual([]);
  });

  it("keeps an exact copy an error, without also warning that it is near", () => {
    writeTopic(
      "vat",
      topicYaml("vat").replace("fi vat kysymys numero 3", "fi payment kysymys numero 5"),
    );

    const problems = checkContent(dir).problems.filter((p) => p.file === "topics/vat.yaml");

    expect(problems.map((p) => p.severity)).toEqual(["error"]);
    expect(problems[0]?.message).toContain("appears in both");
  });

  it(`warns about a topic with fewer than ${MIN_TESTS_PER_LANG} test messages in a language`, () => {
    mkdirSync(join(dir, "tests"));
    const cases = (lang: string, ids: string[], n: number) =>
      ids.flatMap((id) =>
        Array.from(
          { length: n },
          (_, i) => `  - { text: "${lang} testi ${id} ${i}", intent: ${id} }`,
        ),
      );
    const others = FIXTURE_TOPICS.filter((id) => id !== "vat");
    writeFileSync(
      join(dir, "tests", "fi.yaml"),
      ["lang: fi", "cases:", ...cases("fi", others, 8), ...cases("fi", ["vat"], 3)].join("\n"),
    );
    writeFileSync(
      join(dir, "tests", "sv.yaml"),
      ["lang: sv", "cases:", ...cases("sv", FIXTURE_TOPICS, 8)].join("\n"),
    );

    const few = checkContent(dir).problems.filter((p) => p.message.includes("test message"));

    expect(few).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: "tests/fi.yaml",
        path: `cases[${others.length * 8 + 2}]`,
        line: others.length * 8 + 5,
        message: expect.stringContaining("topic vat has 3 test messages in tests/fi.yaml"),
      }),
    ]);
  });

  /** Training sentences long enough to fill `share` of a locale's Lex character quota. */
  function fillLexQuota(share: number) {
    const perSentence = (share * LEX_LIMITS.utteranceCharsPerLocale) / (FIXTURE_TOPICS.length * 20);
    const long = "pitkä lause ".repeat(Math.round(perSentence / 12));
    for (const id of FIXTURE_TOPICS) {
      writeTopic(id, topicYaml(id).replace(/kysymys numero/g, `${long} numero`));
    }
  }

  it("warns, without failing, when a locale nears the Lex character quota", () => {
    fillLexQuota(0.85);

    const { problems, content } = checkContent(dir);

    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(content).toBeDefined();
    expect(problems.some((p) => p.severity === "warning" && p.message.includes("200000"))).toBe(
      true,
    );
  });

  it("counts the out-of-scope examples, which Lex learns as an intent too, towards the quota", () => {
    fillLexQuota(0.75);
    expect(checkContent(dir).problems.filter((p) => p.message.includes("200000"))).toEqual([]);
    const examples = Array.from({ length: 100 }, (_, i) => `  - ${"muu asia ".repeat(12)}${i}`);
    writeFileSync(
      join(dir, "out-of-scope.yaml"),
      `fi:\n${examples.join("\n")}\nsv:\n  - Hur blir vädret?\n`,
    );

    const { problems } = checkContent(dir);

    expect(
      problems.some(
        (p) =>
          p.severity === "warning" && p.message.startsWith("fi: ") && p.message.includes("200000"),
      ),
    ).toBe(true);
  });

  it("fails once a locale would exceed the Lex character quota", () => {
    fillLexQuota(1.1);

    const { problems, content } = checkContent(dir);

    expect(content).toBeUndefined();
    expect(
      problems.some(
        (p) => p.severity === "error" && p.file === "topics/" && p.message.includes("200000"),
      ),
    ).toBe(true);
  });

  it("throws ContentError listing the problems", () => {
    rmSync(join(dir, "topics", "greeting.yaml"));

    expect(() => loadBotContent(dir)).toThrow(ContentError);
  });
});

describe("answerPieces", () => {
  it("splits the answer into paragraphs and carries links and follow-ups", () => {
    const topic = loadBotContent(dir).topics.get("vat");
    if (!topic) throw new Error("fixture missing");

    const pieces = answerPieces(topic, "fi");

    expect(pieces.paragraphs).toEqual(["Ensimmäinen kappale.", "Toinen kappale."]);
    expect(pieces.links[0]?.url).toBe("https://www.vero.fi/henkiloasiakkaat/");
    expect(pieces.followUps).toEqual(["greeting"]);
  });
});

describe("content snapshot", () => {
  it("round-trips validated content through JSON", () => {
    const content = loadBotContent(dir);

    const restored = botContentFromJson(botContentToJson(content));

    expect(restored).toEqual(content);
  });
});
