import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  FINDING_LANGS,
  type Finding,
  type FindingCode,
  type FindingParams,
  finding,
  findingPage,
  NOTICE_CODES,
  type SentenceOwner,
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
  empty: { field: ["fi", "utterances", 4], en: "must not be empty" },
  textTooLong: {
    field: ["fi", "links", 0, "label"],
    length: 95,
    max: 80,
    en: "Too big: expected string to have <=80 characters",
  },
  unknownFields: { field: [], keys: ["titel"] },
  notAnAddress: { field: ["fi", "links", 0, "url"], url: "vero fi" },
  notHttps: { field: ["fi", "links", 0, "url"], protocol: "http:" },
  hostNotAllowed: { field: ["fi", "links", 0, "url"], host: "example.com", allowed: ["vero.fi"] },
  reservedId: { field: ["id"], ids: ["none", "fallback"] },
  notADate: { field: ["reviewBy"], value: "31.12.2026" },
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
  followUpInProgress: { field: ["followUps", 0], id: "crypto" },
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
  otherLanguage: {
    field: ["fi", "utterances", 12],
    text: "Hur beskattas personaloptioner?",
    lang: "fi",
    looks: "sv",
  },
  answersDisagree: { field: ["sv", "answer"], onlyFi: ["750"], onlySv: ["760"] },
  reviewOverdue: { id: "capital-gains", reviewBy: "2026-11-30" },
  reviewDateMissing: { id: "vat", figures: ["25,5 %", "20 000 euroa"] },
  intentUnknown: { intent: "vatt", guess: "vat" },
  heldOutTrained: { text: "alv", owner: vat, at },
  heldOutRepeated: { text: "alv", at: { file: "tests/fi.yaml", line: 3 } },
  uncoveredTwice: { text: "koiravero", at: { file: "uncovered/fi.yaml", line: 4 } },
  matterNotAnId: { field: ["fi", 3, "matter"], value: "Dog tax" },
  tooFewTests: { id: "vat", lang: "sv", has: 7, min: 8, file: "tests/sv.yaml" },
  lexQuota: { lang: "fi", used: 230, max: 250, what: "intents", over: false },
  fileNameMismatch: { name: "alv.yaml", id: "vat", expected: "alv" },
  idTwice: { kind: "referral", id: "kela", otherFile: "referrals/kela.yaml" },
  stillFollowUp: { other: "payment", id: "vat" },
  systemTopicRetire: { id: "greeting" },
  idMismatch: { named: "alv", id: "vat", folder: "topics" },
  teachOtherSplit: { text: "alv", into: "training" },
  gateNoTests: { lang: "sv" },
  gateAccuracy: { lang: "fi", share: 0.8125, min: 0.85 },
  gateNoneRecall: { lang: "sv", share: 0.5, min: 0.6 },
  gateTopicRecall: { lang: "fi", topic: "capital-gains", share: 0.2, min: 0.85, support: 10 },
  gateUncovered: {
    lang: "sv",
    share: 4 / 72,
    max: 0.05,
    answered: 4,
    cases: 72,
    topics: ["vat", "tax-card"],
  },
  noLiveVersion: {},
  versionMissing: { version: 9 },
  versionNoContent: { version: 9 },
  topicNotInDraft: { id: "vat" },
  inProgressNotNew: { id: "vat" },
  inProgressTooLarge: { bytes: 300_000, max: 200_000 },
  referralNotInDraft: { id: "kela" },
  questionsGone: {},
  nothingToPublish: {},
  selfApproval: {},
  ownChangesApproval: {},
  wrongState: { version: 4, state: "rejected", action: "approve" },
  decidedMeanwhile: { version: 4 },
  rollbackNotEarlierLive: { version: 4, state: "rejected" },
  editConflict: { kind: "topic", id: "vat", by: "Sanna Sisältö" },
  draftContended: { kind: "referral", id: "kela" },
  publishWhileBuilding: { building: 5 },
  approveWhileBuilding: { building: 5, version: 6 },
  goLiveFailed: { version: 6, reason: { code: "liveMoved", params: {} } },
  buildConcurrent: { other: 5 },
  buildFailed: { detail: "Lex build failed for fi_FI: no utterances" },
  buildNotStarted: { detail: "Lambda is throttled" },
  buildAbandoned: { minutes: 20 },
  liveMoved: {},
  rejectedInReview: {},
  versionStale: { version: 9, basedOn: 8, live: 10 },
  supersededUnreviewed: { live: 10 },
  seedLost: { live: 1 },
  alreadyPending: { version: 11 },
  withdrawNotAuthor: { version: 11 },
  withdrawnByAuthor: {},
  seeded: { from: "image" },
  rolledBack: { version: 3 },
  inboxTaught: { count: 3, into: "tests" },
  inboxReferred: { count: 1, referral: "traficom" },
  inboxDismissed: { count: 2 },
  inboxConfirmed: { count: 2 },
  inboxUncovered: { count: 2, matter: "dog-tax" },
  referralSentencesAdded: { count: 2, lang: "sv" },
  rollbackDraftRebased: { version: 3, kept: 2 },
  rollbackDraftNotRebased: { version: 3, detail: "Throughput exceeds the table's capacity" },
  outOfScopeEdited: { added: { fi: 2, sv: 0 }, removed: { fi: 1, sv: 1 } },
};

const all = Object.entries(EXAMPLES).map(([code, params]) => ({ code, params }) as Finding);

describe("findings told in English, Finnish and Swedish", () => {
  it.each(all)("tells $code in every language, each in its own words", (said) => {
    const [en, fi, sv] = FINDING_LANGS.map((lang) => tell(said, lang));
    // A refusal or a version's reason has no fix; every other finding has one in every language.
    const notice = (NOTICE_CODES as readonly string[]).includes(said.code);
    for (const told of [en, fi, sv]) {
      expect(told?.message.trim()).not.toBe("");
      expect(told?.fix.trim() === "").toBe(notice);
    }
    if (said.code === "schema" || said.code === "draftTestsShape") return;
    expect(fi?.message).not.toBe(en?.message);
    expect(sv?.message).not.toBe(en?.message);
    expect(sv?.message).not.toBe(fi?.message);
    if (notice) return;
    expect(fi?.fix).not.toBe(en?.fix);
    expect(sv?.fix).not.toBe(fi?.fix);
  });

  it.each(all)("$code speaks to the studio without YAML lines or field paths", (said) => {
    for (const lang of ["fi", "sv"] as const) {
      const { message, fix } = tell(said, lang);
      // The studio has no files or lines, and shows each problem at its field.
      expect(message).not.toMatch(/ line \d|\b(?:fi|sv)\.(?:title|utterances|answer|links?|tests)/);
      if (said.code !== "fileNameMismatch") expect(message).not.toMatch(/\.yaml/);
      if (said.code !== "fileNameMismatch") expect(fix).not.toMatch(/\.yaml|\.md\b/);
      // A sentence for people: capital first, full stop or question mark last.
      // The stand-in reason reads after "Syy:" / "Orsak:", in lower case like a reviewer's.
      if (said.code === "rejectedInReview") continue;
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

  it("names a near duplicate's topics by title in Finnish and Swedish, by id where a title is missing", () => {
    const said = finding("nearDuplicate", {
      ...EXAMPLES.nearDuplicate,
      titles: { own: { fi: "Arvonlisävero", sv: "Moms" }, other: { fi: "Kevytyrittäjä" } },
    });

    // content:check's English is as before: ids, for whoever edits the YAML.
    expect(said.message).toBe(finding("nearDuplicate", EXAMPLES.nearDuplicate).message);
    expect(tell(said.finding, "fi").message).toBe(
      "”lättföretagare och moms” on lähempänä aiheen Kevytyrittäjä lausetta ”lättföretagare” kuin yhtäkään aiheen Arvonlisävero lausetta.",
    );
    expect(tell(said.finding, "sv").message).toBe(
      "”lättföretagare och moms” ligger närmare meningen ”lättföretagare” i ämnet light-entrepreneur än någon mening i ämnet Moms.",
    );
  });

  it("says where to remove a sentence shared with the out-of-scope lists, and that it is a save of its own", () => {
    const grants = { kind: "topic", id: "grants", lang: "fi" } as const;
    const outOfScope = { kind: "out-of-scope", lang: "fi" } as const;
    const shared = (owner: SentenceOwner, other: SentenceOwner) =>
      finding("sentenceShared", { text: "apurahan verotus", owner, other, at }).finding;

    expect(tell(shared(outOfScope, grants), "fi").fix).toBe(
      "Lause voi olla joko opetettu tai aiheen ulkopuolinen, ei molempia. Jos aiheen grants kuuluu vastata siihen, poista se sivulla Aiheen ulkopuoliset (poisto tallennetaan siellä erikseen); muuten poista se aiheesta grants tai muotoile se uudelleen.",
    );
    expect(tell(shared(outOfScope, grants), "sv").fix).toBe(
      "En mening kan vara antingen inlärd eller utanför ämnena, inte båda. Om ämnet grants ska svara på den, ta bort den på sidan Utanför ämnena (borttagningen sparas där för sig); annars ta bort den ur ämnet grants eller formulera om den.",
    );
    // Either order, and a referral group by its own name.
    expect(tell(shared({ ...grants, kind: "referral", id: "kela" }, outOfScope), "fi").fix).toMatch(
      /Jos ohjausryhmän kela kuuluu .* poista se ohjausryhmästä kela /,
    );
    // Two topics: nothing to do on another page.
    expect(tell(shared(vat, grants), "fi").fix).not.toMatch(/Aiheen ulkopuoliset/);
  });

  it("tells a sentence in the other language in the studio's words", () => {
    const said = finding("otherLanguage", EXAMPLES.otherLanguage).finding;
    const swedishUnderFi = (lang: "fi" | "sv") => tell(said, lang);
    const finnishUnderSv = (lang: "fi" | "sv") =>
      tell(
        finding("otherLanguage", { ...EXAMPLES.otherLanguage, lang: "sv", looks: "fi" }).finding,
        lang,
      );

    expect(swedishUnderFi("fi").message).toBe(
      "”Hur beskattas personaloptioner?” näyttää ruotsinkieliseltä, mutta se on suomenkielisten lauseiden joukossa.",
    );
    expect(swedishUnderFi("sv").message).toBe(
      "”Hur beskattas personaloptioner?” ser ut att vara på svenska men står bland de finska meningarna.",
    );
    expect(finnishUnderSv("fi").fix).toMatch(
      /^Siirrä se suomenkielisiin lauseisiin, jos se on suomea, tai kirjoita se ruotsiksi:/,
    );
    expect(finnishUnderSv("sv").fix).toMatch(
      /^Flytta den till de finska meningarna om den är på finska, eller skriv den på svenska:/,
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
      "Suomi: testiviesteistä 81,3\u00a0% sai oikean vastauksen; tarvitaan vähintään 85\u00a0%.",
    );
    expect(tell({ code: "tooFewTests", params: EXAMPLES.tooFewTests }, "sv").fix).toMatch(
      /^Lägg till ett nytt meddelande /,
    );
  });

  it("tells an empty link text as a field, an empty sentence as a row, a missing address as missing", () => {
    const said = (code: "empty" | "notAnAddress", params: object, lang: "fi" | "sv") =>
      tell({ code, params } as Finding, lang).message;
    const label = { field: ["fi", "links", 0, "label"], en: "must not be empty" };

    expect(said("empty", label, "fi")).toBe("Kenttä on tyhjä.");
    expect(said("empty", label, "sv")).toBe("Fältet är tomt.");
    expect(said("empty", { ...label, field: ["fi", "utterances", 2] }, "fi")).toBe(
      "Rivi on tyhjä.",
    );
    expect(said("notAnAddress", { field: ["fi", "links", 0, "url"], url: "" }, "fi")).toBe(
      "Osoite puuttuu.",
    );
    expect(said("notAnAddress", { field: ["fi", "links", 0, "url"], url: " " }, "sv")).toBe(
      "Adressen saknas.",
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

/**
 * content:check's English, word for word as it was before findings had kinds: whoever edits
 * bot-content/ in git and CI's logs read these, and scripts may match them.
 */
const ENGLISH: { [K in FindingCode]: [message: string, fix: string] } = {
  missing: [
    "sv is missing",
    "Add the Swedish section (sv:) with title, utterances and answer; every topic needs both languages.",
  ],
  colonSplit: [
    'fi.title "Alv: yrittäjälle" was read as a field because of the colon',
    'Put the sentence in quotes: "Alv: yrittäjälle".',
  ],
  wrongType: [
    "fi.utterances should be array",
    "Correct the value as described in bot-content/README.md.",
  ],
  tooFewUtterances: [
    "fi.utterances has 3 training sentences; at least 20 are needed",
    "Add more ways a customer might ask this, one per line starting with '- '.",
  ],
  tooFewSentences: [
    "fi.sentences has 2 sentences; at least 5 are needed",
    "Add more ways a customer might write this, one per line starting with '- '.",
  ],
  answerTooLong: [
    "fi.answer is 812 characters; the limit is 700",
    "Shorten the answer; move details behind a link to vero.fi.",
  ],
  titleTooLong: ["sv.title is 52 characters; the limit is 40", "Shorten the text."],
  empty: [
    "fi.utterances[5]: must not be empty",
    "Correct the value as described in bot-content/README.md.",
  ],
  textTooLong: [
    "fi.links[1].label: Too big: expected string to have <=80 characters",
    "Shorten the text.",
  ],
  unknownFields: [
    "the file has unknown field(s): titel",
    "Check the spelling; allowed fields are listed in bot-content/README.md.",
  ],
  notAnAddress: [
    'fi.links[1].url: "vero fi" is not a valid web address',
    "Use a full https:// address on an allowed site.",
  ],
  notHttps: [
    "fi.links[1].url: link must start with https:// (got http://)",
    "Use a full https:// address on an allowed site.",
  ],
  hostNotAllowed: [
    "fi.links[1].url: link host example.com is not allowed; use one of vero.fi",
    "Use a full https:// address on an allowed site.",
  ],
  reservedId: [
    "id: the ids none and fallback are reserved",
    "Choose an id of lower-case letters a-z and digits, words joined by single hyphens, at most 64 characters (e.g. capital-gains), and name the file after it (<id>.yaml).",
  ],
  notADate: [
    'reviewBy: "31.12.2026" is not a date written YYYY-MM-DD',
    "Write a date that exists as year-month-day, YYYY-MM-DD, for example 2027-01-31.",
  ],
  badId: [
    "followUps[2]: a topic id uses lower-case letters",
    "Use the id of an existing topic (its file name without .yaml).",
  ],
  schema: ["fi.links[1].label: Too big", "Shorten the text."],
  draftTestsShape: [
    "tests.fi[1]: Invalid input",
    "Send the test messages as tests: { fi: [...], sv: [...] }, one message per item.",
  ],
  systemTopicMissing: [
    'topic "greeting" is missing: the bot\'s own dialogue relies on it (a system topic)',
    "Create topics/greeting.yaml in Finnish and Swedish (copy another topic as a template); system topics cannot be retired.",
  ],
  notPersonalised: [
    'fi.personal: topic "vat" has no personalised answer',
    "Remove the personal section; only tax-card can be personalised.",
  ],
  unknownVariant: ["fi.personal.later is not a known variant for tax-refund", "Use due."],
  unknownPlaceholder: [
    "fi.personal.due uses unknown placeholder {amount}",
    "This text cannot contain placeholders; write it without {}.",
  ],
  curlyBraces: [
    "fi.utterances[3] contains { or }",
    "Remove the curly braces; they are reserved for slots in Amazon Lex.",
  ],
  followUpSelf: [
    "followUps lists the topic itself (vat)",
    "Remove it; a follow-up must lead somewhere else.",
  ],
  followUpInProgress: [
    'topic "crypto" is still in progress; finish it or remove the follow-up',
    "Finish crypto (save it once it passes the rules), or remove it from followUps.",
  ],
  followUpUnknown: [
    'follow-up "tax-refnd" is not a topic; did you mean tax-refund?',
    "Change it to tax-refund, or remove it from followUps.",
  ],
  sentenceTwice: [
    '"alv" appears twice in topic vat (fi) (also line 4)',
    "Delete one of the copies.",
  ],
  sentenceShared: [
    '"alv" appears in both topic vat (fi) and out-of-scope (fi) (topics/vat.yaml line 9)',
    "A sentence is either taught or out of scope, not both: if topic vat should answer it, delete it from out-of-scope.yaml (a change of its own); otherwise delete or reword it in topic vat.",
  ],
  nearDuplicate: [
    'sv.utterances[54] "lättföretagare och moms" is closer to "lättföretagare" of topic light-entrepreneur (topics/vat.yaml line 9) than to any sentence of vat',
    "Reword it so that it says what makes vat different from light-entrepreneur, or move it to light-entrepreneur if it belongs there.",
  ],
  otherLanguage: [
    'fi.utterances[13] "Hur beskattas personaloptioner?" looks Swedish but is under fi',
    "Move it to sv.utterances if it is Swedish, or write it in Finnish: the bot learns each language from its own sentences.",
  ],
  answersDisagree: [
    "sv.answer and fi.answer do not have the same figures: only Finnish has 750; only Swedish has 760",
    "Make both languages say the same: one of them is likely out of date.",
  ],
  reviewDateMissing: [
    "topic vat gives amounts or rates (25,5 %, 20 000 euroa) but has no review date",
    "Add reviewBy: YYYY-MM-DD, the day by which someone checks the figures are still right (rates and amounts change at the turn of the year).",
  ],
  reviewOverdue: [
    "topic capital-gains was due for review on 2026-11-30",
    "Check the answer is still right in both languages (tax rates, amounts, deadlines), then set reviewBy to the next review date.",
  ],
  intentUnknown: [
    'intent "vatt" is not a topic; did you mean vat?',
    'Change it to vat, or to "none" for a message the bot must not answer.',
  ],
  heldOutTrained: [
    'held-out message "alv" is also a training sentence (topics/vat.yaml line 9)',
    "Reword the held-out message the way another customer would write it; keep the training sentence.",
  ],
  heldOutRepeated: [
    'held-out message "alv" is repeated (tests/fi.yaml line 3)',
    "Keep one copy: a message belongs to one split, once.",
  ],
  uncoveredTwice: [
    'uncovered question "koiravero" is listed twice (uncovered/fi.yaml line 4)',
    "Keep one copy: a question counts once in the share answered.",
  ],
  matterNotAnId: [
    'fi[4].matter "Dog tax" must be a matter id such as dog-tax',
    "Use a short id of lower-case letters, digits and hyphens, such as dog-tax; questions of one matter share it.",
  ],
  tooFewTests: [
    "topic vat has 7 test messages in tests/sv.yaml; at least 8 are needed for its score to mean something",
    "Add 1 more, written fresh the way a customer would ask (never copied from the training sentences).",
  ],
  lexQuota: [
    "fi: 230 intents is 92 % of the Amazon Lex limit (250)",
    "Plan ahead with the developers: merge topics or trim near-identical sentences.",
  ],
  fileNameMismatch: [
    'file name "alv.yaml" does not match id "vat"',
    'Rename the file to vat.yaml, or change the id to "alv".',
  ],
  idTwice: [
    'referral id "kela" is used twice (also referrals/kela.yaml)',
    "Give each referral group its own id, or merge the two groups.",
  ],
  stillFollowUp: [
    'topic "payment" still offers "vat" as a follow-up',
    'Remove "vat" from payment\'s follow-ups before publishing.',
  ],
  systemTopicRetire: [
    '"greeting" is a system topic: the service relies on it',
    "Edit its answer instead; system topics cannot be retired.",
  ],
  idMismatch: [
    'id "alv" does not match the topic in the address ("vat")',
    'Send it to /api/content/draft/topics/alv, or set id to "vat".',
  ],
  teachOtherSplit: [
    '"alv" is already in the held-out tests; the training and test splits never share a sentence',
    "Teach it to the tests split instead, or leave it out.",
  ],
  gateNoTests: [
    "sv: there are no test messages",
    "Add training sentences that tell the confused topics apart (Test all shows which), then publish again.",
  ],
  gateAccuracy: [
    "fi: 81.3 % of test messages answered right; at least 85.0 % is needed",
    "Add training sentences that tell the confused topics apart (Test all shows which), then publish again.",
  ],
  gateNoneRecall: [
    "sv: 50.0 % of out-of-scope test messages recognised as such; at least 60.0 % is needed",
    "Add training sentences that tell the confused topics apart (Test all shows which), then publish again.",
  ],
  gateTopicRecall: [
    "fi: topic capital-gains answered 20.0 % of its 10 test messages; at least 85.0 % is needed",
    "Add training sentences to capital-gains like the test messages it missed, or tell apart the topic it lost them to (Test all shows which), then publish again.",
  ],
  gateUncovered: [
    "sv: 4 of 72 tax questions no topic covers (5.6 %) would be answered with a topic's text (vat, tax-card); at most 5.0 % may be: customers would get a confident wrong answer instead of being pointed onwards",
    "Test all lists the questions and the topic each would get: add training sentences that tell those topics apart from such questions, or add questions of that kind to the out-of-scope examples, then publish again.",
  ],
  noLiveVersion: ["No content version is live yet.", ""],
  versionMissing: ["Version 9 does not exist.", ""],
  versionNoContent: ["Version 9 has no content.", ""],
  topicNotInDraft: ['Topic "vat" is not in the draft.', ""],
  inProgressNotNew: [
    'inProgress: "vat" is a topic of the live version; only a topic the live version does not have can be saved unfinished, an edit of a live topic must pass the rules.',
    "",
  ],
  inProgressTooLarge: [
    "body: an unfinished topic is at most 200000 bytes; this one is 300000.",
    "",
  ],
  referralNotInDraft: ['Referral group "kela" is not in the draft.', ""],
  questionsGone: ["None of these questions is in the inbox (any more).", ""],
  nothingToPublish: ["The draft is the same as the live version; nothing to publish.", ""],
  selfApproval: ["You published this version, so another reviewer must approve it.", ""],
  ownChangesApproval: [
    "Some of this version's changes are yours, so another reviewer must approve it.",
    "",
  ],
  wrongState: ["Version 4 is rejected; only a version pending review can be approved.", ""],
  decidedMeanwhile: ["Version 4 was decided by someone else meanwhile.", ""],
  rollbackNotEarlierLive: [
    "Version 4 was never live (it is rejected); only a version that was live before can be rolled back to.",
    "",
  ],
  editConflict: [
    'Sanna Sisältö changed topic "vat" after you opened it, so your change was not saved. Open it again to see theirs, or save yours over it.',
    "",
  ],
  draftContended: [
    'Referral group "kela" kept changing while this was saved; nothing was saved. Try again.',
    "",
  ],
  publishWhileBuilding: [
    "Version 5 is being built; publish again once it is live or has failed.",
    "",
  ],
  approveWhileBuilding: [
    "Version 5 is being built; approve version 6 once that one is live or has failed.",
    "",
  ],
  goLiveFailed: [
    "Version 6 could not be made live; the live version did not change: The live version changed meanwhile. Publish again.",
    "",
  ],
  buildConcurrent: [
    "Version 5 was being built at the same time. Publish this one again once that one is done.",
    "",
  ],
  buildFailed: ["Lex build failed for fi_FI: no utterances", ""],
  buildNotStarted: ["Its build could not be started: Lambda is throttled", ""],
  buildAbandoned: [
    "Its build did not finish within 20 minutes; the live version did not change. Publish it again.",
    "",
  ],
  liveMoved: ["The live version changed meanwhile. Publish again.", ""],
  rejectedInReview: ["rejected in review", ""],
  versionStale: [
    "Version 9 was published when version 8 was live, but version 10 is live now: approving it would undo the changes of version 10. Publish the draft again and review the new version.",
    "",
  ],
  supersededUnreviewed: [
    "Version 10 went live before this version was approved; approving this one would have undone its changes. Publish the draft again.",
    "",
  ],
  seedLost: [
    "Another task of the service seeded version 1 at the same moment; this copy of bot-content/ was never live.",
    "",
  ],
  alreadyPending: [
    "Version 11, waiting for review, already has exactly this content: there is nothing new to publish.",
    "",
  ],
  withdrawNotAuthor: [
    "Only the author of version 11 can withdraw it; a reviewer can reject it.",
    "",
  ],
  withdrawnByAuthor: ["Withdrawn by its author.", ""],
  seeded: ["bot-content/ from the image", ""],
  rolledBack: ["Rollback to version 3", ""],
  inboxTaught: ["3 questions from the inbox to the test split", ""],
  inboxReferred: ["1 question referred to traficom", ""],
  inboxDismissed: ["2 questions dismissed", ""],
  inboxConfirmed: ["2 questions answered right (answer review)", ""],
  inboxUncovered: ["2 questions kept as uncovered questions (matter dog-tax)", ""],
  referralSentencesAdded: ["added 2 sv sentence(s)", ""],
  rollbackDraftRebased: [
    "The draft took the content of version 3 where it had no changes of its own; 2 unpublished changes were kept.",
    "",
  ],
  rollbackDraftNotRebased: [
    "The draft could not be updated to the content of version 3 in full (Throughput exceeds the table's capacity); what it still has of the version live before shows as changes to discard.",
    "",
  ],
  outOfScopeEdited: ["added: fi 2, sv 0; removed: fi 1, sv 1", ""],
};

describe("the workflow's English", () => {
  it("names what a version must be for each action", () => {
    const wrong = (action: "approve" | "reject" | "go-live" | "withdraw") =>
      tell({ code: "wrongState", params: { version: 4, state: "live", action } }, "en").message;

    expect(wrong("reject")).toBe(
      "Version 4 is live; only a version pending review can be rejected.",
    );
    expect(wrong("withdraw")).toBe(
      "Version 4 is live; only a version pending review can be withdrawn.",
    );
    expect(wrong("go-live")).toBe("Version 4 is live; only a version being built can go live.");
  });
});

describe("the notes about versions waiting for review", () => {
  it("tells a stale version without a base by its number against the live one", () => {
    const said = (lang: "en" | "fi" | "sv") =>
      tell({ code: "versionStale", params: { version: 5, live: 10 } }, lang).message;

    expect(said("en")).toMatch(/^Version 5 is older than the live version 10: /);
    expect(said("fi")).toMatch(/^Versio 5 on vanhempi kuin käytössä oleva versio 10/);
    expect(said("sv")).toMatch(/^Version 5 är äldre än version 10 som är i bruk/);
    for (const lang of ["en", "fi", "sv"] as const) expect(said(lang)).not.toContain("undefined");
  });

  it("counts the draft's kept changes in each language, none too", () => {
    const said = (kept: number, lang: "en" | "fi" | "sv") =>
      tell({ code: "rollbackDraftRebased", params: { version: 3, kept } }, lang).message;

    expect(said(0, "en")).toBe(
      "The draft took the content of version 3; it had no unpublished changes.",
    );
    expect(said(1, "en")).toMatch(/; 1 unpublished change was kept\.$/);
    expect(said(1, "fi")).toMatch(/; 1 julkaisematon muutos säilyi\.$/);
    expect(said(4, "fi")).toMatch(/; 4 julkaisematonta muutosta säilyi\.$/);
    expect(said(1, "sv")).toMatch(/; 1 opublicerad ändring behölls\.$/);
    expect(said(0, "sv")).toMatch(/inga opublicerade ändringar\.$/);
  });
});

describe("the inbox's note on questions kept as uncovered ones", () => {
  it("names the matter the set already kept some under, and leaves out a count of none added", () => {
    const said = (count: number, lang: "en" | "fi" | "sv") =>
      tell(
        {
          code: "inboxUncovered",
          params: { count, matter: "pet-tax", elsewhere: [{ matter: "dog-tax", count: 2 }] },
        },
        lang,
      ).message;

    expect(said(1, "en")).toBe(
      "1 question kept as uncovered questions (matter pet-tax); 2 questions already kept under matter dog-tax",
    );
    expect(said(1, "fi")).toBe(
      "Lisätty 1 vastaamaton kysymys kysymyksiin, joihin mikään aihe ei vastaa (asia pet-tax). 2 kysymystä oli jo kysymyksissä, joihin mikään aihe ei vastaa (asia dog-tax).",
    );
    expect(said(0, "sv")).toBe(
      "2 frågor fanns redan bland frågorna som inget ämne svarar på (ärende dog-tax).",
    );
    expect(said(0, "en")).toBe("2 questions already kept under matter dog-tax");
  });
});

describe("a file that holds no fields at all", () => {
  it("says the file is empty rather than asking for a field named undefined", () => {
    const empty = tell({ code: "wrongType", params: { field: [], expected: "object" } }, "en");
    const nothing = tell({ code: "missing", params: { field: [] } }, "en");

    expect(empty.message).toBe("file is empty or is not a set of fields");
    expect(nothing.message).toBe("file is empty");
    for (const told of [empty, nothing]) {
      // Said of any file (a topic, a test split, out-of-scope): no advice for one kind only.
      expect(told.fix).toBe("Write the file's content as described in bot-content/README.md.");
    }
  });
});

describe("content:check's English", () => {
  it.each(all)("tells $code as content:check always has", (said) => {
    const [message, fix] = ENGLISH[said.code];
    expect(tell(said, "en")).toEqual({ message, fix });
  });
});

describe("a topic past its review date", () => {
  it("names the topic and the date as each language writes it, and what to check", () => {
    const said = finding("reviewOverdue", EXAMPLES.reviewOverdue).finding;

    expect(tell(said, "fi")).toEqual({
      message: "Aiheen capital-gains vastaus piti tarkistaa viimeistään 30.11.2026.",
      fix: "Tarkista, että vastaus pitää yhä paikkansa molemmilla kielillä (veroprosentit, euromäärät, määräajat), ja anna sitten seuraava tarkistuspäivä.",
    });
    expect(tell(said, "sv").message).toBe(
      "Svaret i ämnet capital-gains skulle ha granskats senast 30.11.2026.",
    );
  });

  it("tells a date that is not one, and one left empty, in the studio's words", () => {
    const said = (value: string, lang: "fi" | "sv") =>
      tell({ code: "notADate", params: { field: ["reviewBy"], value } }, lang).message;

    expect(said("31.12.2026", "fi")).toBe("”31.12.2026” ei ole päivämäärä.");
    expect(said("2027-02-30", "sv")).toBe("”2027-02-30” är inget datum.");
    expect(said("", "fi")).toBe("Päivämäärä puuttuu.");
  });
});

describe("a conflict over the out-of-scope examples", () => {
  it.each([
    { code: "editConflict", params: { kind: "out-of-scope", id: "out-of-scope", by: "Sanna" } },
    { code: "draftContended", params: { kind: "out-of-scope", id: "out-of-scope" } },
  ] as Finding[])("$code names the lists in every language, not an id", (said) => {
    const [en, fi, sv] = FINDING_LANGS.map((lang) => tell(said, lang).message);

    expect(en).toMatch(/the out-of-scope examples/i);
    expect(fi).toMatch(/aiheen ulkopuoli/i);
    expect(sv).toMatch(/utanför ämnena/);
    for (const message of [en, fi, sv]) expect(message).not.toContain('"out-of-scope"');
  });
});

describe("an uncovered question that is also trained on or held out", () => {
  it("is told as an uncovered question, where to remove it, and on which page", () => {
    const trained = finding("heldOutTrained", {
      text: "koiravero",
      owner: vat,
      at,
      uncovered: true,
    });
    const held = finding("heldOutRepeated", {
      text: "koiravero",
      at: { file: "tests/fi.yaml", line: 3 },
      uncovered: true,
    });

    expect(trained.message).toBe(
      'uncovered question "koiravero" is also a training sentence (topics/vat.yaml line 9)',
    );
    expect(held.message).toBe(
      'uncovered question "koiravero" is also a held-out message (tests/fi.yaml line 3)',
    );
    expect(tell(trained.finding, "sv").fix).toMatch(/på sidan Frågor utan ämne/);
    expect(tell(held.finding, "fi").message).toMatch(/ja myös testi- tai kehitysjoukossa\.$/);
    expect([trained, held].map((said) => findingPage(said.finding))).toEqual([
      "uncovered",
      "uncovered",
    ]);
    expect(findingPage(finding("heldOutTrained", { text: "alv", owner: vat, at }).finding)).toBe(
      undefined,
    );
    // Taught as out of scope, not by a topic: either of the two goes, each on its own page.
    const example = finding("heldOutTrained", {
      text: "hundskatt",
      owner: { kind: "out-of-scope", lang: "sv" },
      at: { file: "out-of-scope.yaml" },
      uncovered: true,
    });
    expect(tell(example.finding, "fi").fix).toMatch(
      /poista joko kysymys sivulla Kysymykset ilman aihetta tai esimerkki sivulla Aiheen ulkopuoliset/,
    );
  });
});

describe("a conflict over the uncovered questions", () => {
  it.each([
    { code: "editConflict", params: { kind: "uncovered", id: "uncovered", by: "Sanna" } },
    { code: "draftContended", params: { kind: "uncovered", id: "uncovered" } },
  ] as Finding[])("$code names the questions in every language, not an id", (said) => {
    const [en, fi, sv] = FINDING_LANGS.map((lang) => tell(said, lang).message);

    expect(en).toMatch(/the uncovered questions/i);
    expect(fi).toMatch(/kysymyk.*joihin mikään aihe ei vastaa/i);
    expect(sv).toMatch(/frågorna som inget ämne svarar på/i);
    for (const message of [en, fi, sv]) expect(message).not.toContain('"uncovered"');
  });
});

describe("a rollback's comment", () => {
  it("tells the reason asked with it as written, inside each language's sentence", () => {
    const said = (lang: "en" | "fi" | "sv") =>
      tell({ code: "rolledBack", params: { version: 3, reason: "Väärä verokanta." } }, lang)
        .message;

    expect(said("en")).toBe("Rollback to version 3: Väärä verokanta.");
    expect(said("fi")).toBe("Version 3 sisällön palautus. Syy: Väärä verokanta.");
    expect(said("sv")).toBe("Återställning av innehållet i version 3. Orsak: Väärä verokanta.");
  });
});
