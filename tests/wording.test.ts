/**
 * One wording per thing (issue 22): every range customers and staff read is written with an
 * en dash, whether it comes from the bot's content, the service's phrases or a page's own
 * strings. Fails naming the file (or content path) and the range written with a hyphen.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBotContent } from "../functions/content/loadContent.ts";
import { CHANNEL_PHRASES } from "../functions/domain/channelPhrases.ts";
import { PHRASES } from "../functions/domain/dialogue/phrases.ts";
import { HANDOFF_PHRASES, waitInWords } from "../functions/domain/handoff/phrases.ts";
import { UI } from "../web-chat/src/i18n.ts";
import { hyphenRanges } from "./support/wording.ts";

const ROOT = join(import.meta.dirname, "..");

/**
 * Where the words customers and staff read are written: the service's phrases and the three
 * apps. (Configuration errors for operators and the synthetic personas' data are not.)
 */
const PHRASE_FILES = [
  "functions/domain/channelPhrases.ts",
  "functions/domain/dialogue/phrases.ts",
  "functions/domain/dialogue/personalAnswer.ts",
  "functions/domain/handoff/phrases.ts",
  "functions/domain/contact/phrases.ts",
  "functions/domain/chat/inactivity.ts",
  "functions/domain/limits/requestLimits.ts",
  "functions/domain/openingHours/format.ts",
];
const APP_DIRS = ["web-chat/src", "handoff-console/src", "content-studio/src"];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

// String and template literals; comments may quote what customers type ("9.00-16.00").
const LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/** Every string inside `value`, with where it is. */
function stringsIn(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${path}.${k}`));
  }
  return [];
}

describe("one way of writing a range", () => {
  it("tells a hyphen range from dates, ids and references", () => {
    expect(hyphenRanges("arkisin klo 9.00-16.00.")).toEqual(["9.00-16.00"]);
    expect(hyphenRanges("Asteikolla 1-5, kuinka")).toEqual(["1-5"]);
    expect(hyphenRanges("Aamupäivällä 9 - 12")).toEqual(["9 - 12"]);
    expect(hyphenRanges("klo 9.00–16.00 ja 1–5")).toEqual([]);
    expect(hyphenRanges("2026-11-24, 1234567-8, AV-7KQ2M9XY, 040 123 4567")).toEqual([]);
  });

  it("is an en dash in all bot content: topics, personal templates, referrals", () => {
    const found = stringsIn(loadBotContent(), "bot-content").flatMap(([path, text]) =>
      hyphenRanges(text).map((range) => `${path}: "${range}"`),
    );
    expect(found).toEqual([]);
  });

  it("is an en dash in the service's phrases and the apps' strings", () => {
    const files = [...PHRASE_FILES.map((f) => join(ROOT, f)), ...APP_DIRS.flatMap(sourceFiles)];
    expect(files.length).toBeGreaterThan(PHRASE_FILES.length);
    const found = files.flatMap((file) =>
      [...withoutComments(readFileSync(file, "utf8")).matchAll(LITERAL)].flatMap((literal) =>
        hyphenRanges(literal[0]).map((range) => `${relative(ROOT, file)}: "${range}"`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("writes the advisor hours and the wait one way, wherever they are said", () => {
    for (const lang of ["fi", "sv"] as const) {
      expect(PHRASES.advisorHours[lang]).toBe(CHANNEL_PHRASES.advisorHours[lang]);
      expect(HANDOFF_PHRASES.advisorHours[lang]).toBe(CHANNEL_PHRASES.advisorHours[lang]);
      expect(CHANNEL_PHRASES.advisorHours[lang]).toMatch(/9\.00–16\.00/);
    }
    // The widget's queue box says the wait with the server's own words (waitInWords).
    expect([30, 60, 300].map((s) => waitInWords(s, "fi"))).toEqual([
      "alle minuutin",
      "noin minuutin",
      "noin 5 minuuttia",
    ]);
    expect(waitInWords(75, "sv")).toBe("cirka en minut");
  });

  it("the callback and booking answers name the button that opens their form and call the reference so", () => {
    // The form asks only for a phone number (and a time): an answer that asked the customer to
    // describe their matter, or promised an office visit, or called the reference a "code",
    // sent them looking for what the chat does not have.
    const { topics } = loadBotContent();
    const forms = [
      ["callback", PHRASES.requestCallback],
      ["appointment", PHRASES.bookAppointment],
    ] as const;
    const reference = { fi: /viite|viitte/, sv: /referens/ };
    for (const [id, button] of forms) {
      for (const lang of ["fi", "sv"] as const) {
        const answer = topics.get(id)?.[lang].answer ?? "";
        expect(answer, `${id} ${lang}`).toContain(button[lang]);
        expect(answer, `${id} ${lang}`).toMatch(reference[lang]);
        expect(answer, `${id} ${lang}`).not.toMatch(
          /kerro .*mitä asiasi koskee|berätta .*ärende|käynni|besök|\bkod\b|tunnuksen/i,
        );
      }
    }
  });

  it("labels each action the same in the bot's offer and in the widget's form for it", () => {
    for (const lang of ["fi", "sv"] as const) {
      expect(UI[lang].callbackTitle).toBe(PHRASES.requestCallback[lang]);
      expect(UI[lang].appointmentTitle).toBe(PHRASES.bookAppointment[lang]);
      expect(UI[lang].changeTitle).toBe(PHRASES.changeAppointment[lang]);
      expect(UI[lang].end).toBe(PHRASES.endChat[lang]);
    }
  });
});
