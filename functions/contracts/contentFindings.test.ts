import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  FINDING_LANGS,
  type Finding,
  type FindingCode,
  type FindingParams,
  finding,
  tell,
  zodTexts,
} from "./contentFindings.ts";

const at = { file: "topics/vat.yaml", line: 9 };
const vat = { kind: "topic", id: "vat", lang: "fi" } as const;

/** One finding of every kind: typed by kind, so a new kind without an example fails here. */
const EXAMPLES: { [K in FindingCode]: FindingParams[K] } = {
  missing: { field: ["sv"] },
  colonSplit: { field: ["fi", "title"], text: "Alv: yrittäjälle" },
  wrongType: { field: ["fi", "utterances"], expected: "array" },
  tooFewUtterances: { field: ["fi", "utterances"], has: 3, min: 20 },
  tooFewSentences: { field: ["fi", "sentences"], has: 2, min: 5 },
  answerTooLong: { field: ["fi", "answer"], length: 812, max: 700, referral: false },
  titleTooLong: { field: ["sv", "title"], length: 52, max: 40 },
  empty: { field: ["fi", "utterances", 4] },
  unknownFields: { field: [], keys: ["titel"] },
  notAnAddress: { field: ["fi", "links", 0, "url"], url: "vero fi" },
  notHttps: { field: ["fi", "links", 0, "url"], protocol: "http:" },
  hostNotAllowed: { field: ["fi", "links", 0, "url"], host: "example.com", allowed: ["vero.fi"] },
  reservedId: { field: ["id"], ids: ["none", "fallback"] },
  badId: { field: ["followUps", 1], en: "a topic id uses lower-case letters" },
  schema: {
    field: ["fi", "links", 0, "label"],
    texts: { en: "Too big", fi: "Liian suuri", sv: "För stor" },
    tooBig: true,
  },
  draftTestsShape: {
    field: ["tests", "fi", 0],
    texts: { en: "Invalid input", fi: "Virheellinen syöte", sv: "Ogiltig inmatning" },
  },
  systemTopicMissing: { id: "greeting", file: "topics/greeting.yaml" },
  notPersonalised: { field: ["fi", "personal"], id: "vat", personalised: ["tax-card"] },
  unknownVariant: { field: ["fi", "personal", "later"], id: "tax-refund", variants: ["due"] },
  unknownPlaceholder: { field: ["fi", "personal", "due"], name: "amount", placeholders: [] },
  curlyBraces: { field: ["fi", "utterances", 2] },
  followUpSelf: { field: ["followUps", 0], id: "vat" },
  followUpUnknown: { field: ["followUps", 0], id: "tax-refnd", guess: "tax-refund" },
  sentenceTwice: { text: "alv", owner: vat, line: 4 },
  sentenceShared: { text: "alv", owner: vat, other: { kind: "out-of-scope", lang: "fi" }, at },
  nearDuplicate: {
    field: ["sv", "utterances", 53],
    text: "lättföretagare och moms",
    near: "lättföretagare",
    own: "vat",
    other: "light-entrepreneur",
    at,
  },
  intentUnknown: { intent: "vatt", guess: "vat" },
  heldOutTrained: { text: "alv", owner: vat, at },
  heldOutRepeated: { text: "alv", at: { file: "tests/fi.yaml", line: 3 } },
  tooFewTests: { id: "vat", lang: "sv", has: 7, min: 8, file: "tests/sv.yaml" },
  lexQuota: { lang: "fi", used: 230, max: 250, what: "intents", over: false },
  fileNameMismatch: { name: "alv.yaml", id: "vat", expected: "alv" },
  idTwice: { kind: "referral", id: "kela", otherFile: "referrals/kela.yaml" },
  teachOtherSplit: { text: "alv", into: "training" },
  gateNoTests: { lang: "sv" },
  gateAccuracy: { lang: "fi", share: 0.8125, min: 0.85 },
  gateNoneRecall: { lang: "sv", share: 0.5, min: 0.6 },
};

const all = Object.entries(EXAMPLES).map(([code, params]) => ({ code, params }) as Finding);

describe("findings told in English, Finnish and Swedish", () => {
  it.each(all)("tells $code in every language, each in its own words", (said) => {
    const [en, fi, sv] = FINDING_LANGS.map((lang) => tell(said, lang));
    for (const told of [en, fi, sv]) {
      expect(told?.message.trim()).not.toBe("");
      expect(told?.fix.trim()).not.toBe("");
    }
    if (said.code === "schema" || said.code === "draftTestsShape") return;
    expect(fi?.message).not.toBe(en?.message);
    expect(sv?.message).not.toBe(en?.message);
    expect(sv?.message).not.toBe(fi?.message);
    expect(fi?.fix).not.toBe(en?.fix);
    expect(sv?.fix).not.toBe(fi?.fix);
  });

  it.each(all)("$code speaks to the studio without YAML lines or field paths", (said) => {
    for (const lang of ["fi", "sv"] as const) {
      const { message, fix } = tell(said, lang);
      // The studio has no files or lines, and shows each problem at its field.
      expect(message).not.toMatch(/ line \d|\b(?:fi|sv)\.(?:title|utterances|answer|links?|tests)/);
      if (said.code !== "fileNameMismatch") expect(message).not.toMatch(/\.yaml/);
      if (said.code !== "fileNameMismatch") expect(fix).not.toMatch(/\.yaml/);
      // A sentence for people: capital first, full stop or question mark last.
      expect(message).toMatch(/^[A-ZÅÄÖ”{]/u);
      // zod's own words (schema) come without a full stop.
      if (said.code !== "schema" && said.code !== "draftTestsShape") {
        expect(message).toMatch(/[.?]$/);
      }
    }
  });

  it("records the finding beside its English text, which is what content:check prints", () => {
    const said = finding("nearDuplicate", EXAMPLES.nearDuplicate);

    expect(said.finding).toEqual({ code: "nearDuplicate", params: EXAMPLES.nearDuplicate });
    expect(said.message).toBe(
      'sv.utterances[54] "lättföretagare och moms" is closer to "lättföretagare" of topic light-entrepreneur (topics/vat.yaml line 9) than to any sentence of vat',
    );
    expect(tell(said.finding, "fi").message).toBe(
      "”lättföretagare och moms” on lähempänä aiheen light-entrepreneur lausetta ”lättföretagare” kuin yhtäkään aiheen vat lausetta.",
    );
    expect(tell(said.finding, "sv").message).toBe(
      "”lättföretagare och moms” ligger närmare meningen ”lättföretagare” i ämnet light-entrepreneur än någon mening i ämnet vat.",
    );
  });

  it("names the other place by file only when the content was not read from YAML", () => {
    const { message } = finding("heldOutTrained", {
      ...EXAMPLES.heldOutTrained,
      at: { file: "topics/vat.yaml" },
    });

    expect(message).toBe('held-out message "alv" is also a training sentence (topics/vat.yaml)');
  });

  it("writes shares and counts the way each language does", () => {
    expect(tell({ code: "gateAccuracy", params: EXAMPLES.gateAccuracy }, "en").message).toBe(
      "fi: 81.3 % of test messages answered right; at least 85.0 % is needed",
    );
    expect(tell({ code: "gateAccuracy", params: EXAMPLES.gateAccuracy }, "fi").message).toBe(
      "Suomi: testiviesteistä 81,3\u00a0% sai oikean vastauksen; vähintään 85\u00a0% tarvitaan.",
    );
    expect(tell({ code: "tooFewTests", params: EXAMPLES.tooFewTests }, "sv").fix).toMatch(
      /^Lägg till ett nytt meddelande /,
    );
  });

  it("takes zod's own Finnish and Swedish for a schema message it has no words of its own for", () => {
    const result = z.array(z.string()).max(1).safeParse(["a", "b"], { reportInput: true });
    const issue = result.error?.issues[0] as z.core.$ZodIssue;

    const texts = zodTexts(issue, issue.message);

    expect(texts.en).toBe(issue.message);
    expect(texts.fi).toMatch(/^Liian suuri/);
    expect(texts.sv).toMatch(/^För stor/);
  });
});
