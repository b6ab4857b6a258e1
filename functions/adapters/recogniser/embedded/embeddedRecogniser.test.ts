import { beforeAll, describe, expect, it } from "vitest";
import { shippedBotContent } from "../../../../tests/support/shippedContent.ts";
import { DEFAULT_CONTENT_DIR } from "../../../content/loadContent.ts";
import { loadTestCases } from "../../../content/testSet.ts";
import type { BotContent, Topic } from "../../../contracts/content.ts";
import type { Lang } from "../../../contracts/lang.ts";
import type { TopicId } from "../../../contracts/topics.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../../../domain/dialogue/answerTurn.ts";
import { decide } from "../../../domain/dialogue/decision.ts";
import { EmbeddedRecogniser } from "./embeddedRecogniser.ts";
import { trainingExamples } from "./intentClassifier.ts";

// A small, self-contained content set so the behaviour under test does not move when
// content owners edit bot-content/. Each topic gets the 20 sentences the schema requires.
const TRAINING: Record<TopicId, { fi: string[]; sv: string[] }> = {
  greeting: {
    fi: [
      "hei",
      "moi",
      "terve",
      "hyvää päivää",
      "päivää",
      "hei hei",
      "moikka",
      "huomenta",
      "hyvää iltaa",
      "heippa",
    ],
    sv: [
      "hej",
      "hejsan",
      "god dag",
      "tjena",
      "god morgon",
      "hallå",
      "god kväll",
      "hej hej",
      "morjens",
      "hejssan",
    ],
  },
  "tax-refund": {
    fi: [
      "milloin veronpalautus tulee",
      "veronpalautus",
      "paljonko saan veronpalautusta",
      "veronpalautuksen maksupäivä",
      "milloin palautukset maksetaan",
      "miksi en saanut veronpalautusta",
      "veronpalautus ei ole tullut tilille",
      "mille tilille palautus maksetaan",
      "palautuksen määrä",
      "saanko veroja takaisin",
    ],
    sv: [
      "när kommer skatteåterbäringen",
      "skatteåterbäring",
      "hur mycket återbäring får jag",
      "betalningsdag för återbäringen",
      "när betalas återbäringen ut",
      "varför fick jag ingen återbäring",
      "återbäringen har inte kommit",
      "till vilket konto betalas återbäringen",
      "hur stor är min återbäring",
      "får jag tillbaka skatt",
    ],
  },
  "residual-tax": {
    fi: [
      "jäännösvero",
      "miksi minulle tuli jäännösveroa",
      "jäännösveron eräpäivä",
      "miten maksan jäännösveron",
      "paljonko jäännösveroa tulee",
      "jäännösveron viitenumero",
      "voiko jäännösveron maksaa erissä",
      "mätkyt",
      "milloin jäännösvero pitää maksaa",
      "jäännösveron korko",
    ],
    sv: [
      "kvarskatt",
      "varför fick jag kvarskatt",
      "förfallodag för kvarskatten",
      "hur betalar jag kvarskatten",
      "hur mycket kvarskatt",
      "referensnummer för kvarskatt",
      "kan jag betala kvarskatten i rater",
      "när ska kvarskatten betalas",
      "ränta på kvarskatt",
      "kvarskatten är stor",
    ],
  },
  "tax-card": {
    fi: [
      "verokortti",
      "miten saan uuden verokortin",
      "muutosverokortti",
      "pidätysprosentti",
      "mikä on veroprosenttini",
      "verokortin tulorajan muuttaminen",
      "tarvitsen verokortin uuteen työhön",
      "verokortti sivutuloille",
      "missä verokorttini on",
      "voinko muuttaa verokorttia",
    ],
    sv: [
      "skattekort",
      "hur får jag ett nytt skattekort",
      "ändringsskattekort",
      "vilken är min skatteprocent",
      "ändra inkomstgränsen på skattekortet",
      "skattekort för nytt jobb",
      "skattekort för bisyssla",
      "var är mitt skattekort",
      "kan jag ändra skattekortet",
      "innehållningsprocent",
    ],
  },
  "household-deduction": {
    fi: [
      "kotitalousvähennys",
      "miten haen kotitalousvähennystä",
      "paljonko kotitalousvähennys on",
      "saako siivouksesta kotitalousvähennyksen",
      "remontin kotitalousvähennys",
      "kotitalousvähennyksen omavastuu",
      "kotitalousvähennys putkiremontista",
      "voinko vähentää kodin remontin",
      "vähennys kotiin tehdystä työstä",
      "kotitalousvähennys lastenhoidosta",
    ],
    sv: [
      "hushållsavdrag",
      "hur ansöker jag om hushållsavdrag",
      "hur stort är hushållsavdraget",
      "hushållsavdrag för städning",
      "hushållsavdrag för renovering",
      "självrisk i hushållsavdraget",
      "avdrag för arbete i hemmet",
      "kan jag dra av renoveringen",
      "hushållsavdrag för barnskötsel",
      "hushållsavdraget för rörrenovering",
    ],
  },
};

const OUT_OF_SCOPE = {
  fi: [
    "millainen sää on huomenna",
    "sääennuste",
    "ajoneuvovero",
    "ajoneuvoveron eräpäivä",
    "kelan asumistuki",
    "kelan yhteystiedot",
    "passin uusiminen",
    "kerro vitsi",
    "ajokortin uusiminen",
    "kela kela kela",
    "kelan lapsilisä",
    "ajoneuvoveron palautus",
  ],
  sv: [
    "hur blir vädret i morgon",
    "väderprognos",
    "fordonsskatt",
    "förfallodag för fordonsskatten",
    "bostadsbidrag från FPA",
    "FPA:s kontaktuppgifter",
    "förnya passet",
    "berätta ett skämt",
    "förnya körkortet",
    "barnbidrag från FPA",
    "FPA",
    "återbäring av fordonsskatt",
  ],
};

function pad(sentences: string[], id: string, lang: Lang): string[] {
  // Variants keep each topic at the schema minimum without inventing new meaning.
  const out = [...sentences];
  for (let i = 0; out.length < 20; i++)
    out.push(`${sentences[i % sentences.length]}${lang === "fi" ? " kiitos" : " tack"} ${id}${i}`);
  return out;
}

function fixtureContent(): BotContent {
  const topics = new Map<TopicId, Topic>();
  for (const [id, training] of Object.entries(TRAINING)) {
    const locale = (lang: Lang) => ({
      title: id,
      utterances: pad(training[lang], id, lang),
      answer: "Demo.",
    });
    topics.set(id, { id, fi: locale("fi"), sv: locale("sv") });
  }
  return { topics, outOfScope: OUT_OF_SCOPE, referrals: [] };
}

let recogniser: EmbeddedRecogniser;

beforeAll(() => {
  recogniser = new EmbeddedRecogniser(fixtureContent());
});

describe("EmbeddedRecogniser", () => {
  it("answers a bare greeting as greeting", () => {
    expect(recogniser.classify("hei", "fi").intent).toBe("greeting");
  });

  it("answers a greeting followed by a question by the question", () => {
    expect(recogniser.classify("Hei, milloin tulee veronpalautus?", "fi").intent).toBe(
      "tax-refund",
    );
    expect(recogniser.classify("Hej! När kommer återbäringen?", "sv").intent).toBe("tax-refund");
  });

  it("understands spelling without ä, ö and å", () => {
    expect(recogniser.classify("jaannosvero", "fi").intent).toBe("residual-tax");
    expect(recogniser.classify("aterbaring", "sv").intent).toBe("tax-refund");
  });

  it("understands inflected and compound forms not in training", () => {
    expect(recogniser.classify("verokorttini", "fi").intent).toBe("tax-card");
    expect(recogniser.classify("veronpalautuksen", "fi").intent).toBe("tax-refund");
    expect(recogniser.classify("kotitalousvähennystä", "fi").intent).toBe("household-deduction");
    expect(recogniser.classify("skattekortet", "sv").intent).toBe("tax-card");
  });

  it("understands spoken Finnish and typos", () => {
    expect(recogniser.classify("millon tulee mun veronpalautus", "fi").intent).toBe("tax-refund");
    expect(recogniser.classify("veronplautus", "fi").intent).toBe("tax-refund");
  });

  it.each([
    ["millainen sää huomenna", "fi"],
    ["sään ennuste", "fi"],
    ["ajoneuvoveron maksaminen", "fi"],
    ["kelan asumistuen hakeminen", "fi"],
    ["asdfghjkl", "fi"],
    ["fordonsskatten för bilen", "sv"],
    ["bostadsbidrag", "sv"],
  ] as const)("answers out-of-scope %s as none", (text, lang) => {
    expect(recogniser.classify(text, lang).intent).toBe("none");
  });

  it("detects a Swedish message in a Finnish chat and recognises it in Swedish", () => {
    const result = recogniser.classify("när kommer min skatteåterbäring", "fi");

    expect(result.detectedLang).toBe("sv");
    expect(result.intent).toBe("tax-refund");
  });

  it("recognises one word of the other language in that language: the topic is found", () => {
    const result = recogniser.classify("verokortti", "sv");

    expect(result).toMatchObject({ detectedLang: "fi", intent: "tax-card" });
    expect(result.foreign).toBeUndefined();
  });

  it("marks English as foreign and reads it in the chat's language, never as Swedish", () => {
    for (const lang of ["fi", "sv"] as const) {
      expect(recogniser.classify("How do I get a tax card?", lang)).toMatchObject({
        detectedLang: lang,
        foreign: "en",
      });
    }
  });

  it("keeps the chat language for ambiguous short messages", () => {
    expect(recogniser.classify("OK!", "sv").detectedLang).toBe("sv");
    expect(recogniser.classify("ok", "fi").detectedLang).toBe("fi");
  });

  it("returns at most three alternatives, winner first, confidences in 0..1", async () => {
    const result = await recogniser.recognise("verokortti", "fi");

    expect(result.alternatives.length).toBeLessThanOrEqual(3);
    expect(result.alternatives[0]).toEqual({
      intent: result.intent,
      confidence: result.confidence,
    });
    for (const a of result.alternatives) {
      expect(a.confidence).toBeGreaterThanOrEqual(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("answers a message the same whether its words were seen before or not", () => {
    // Words' features and language scores are cached per recogniser; a cache keyed or
    // filled wrongly would make an answer depend on the messages before it.
    const texts = [
      "hei, milloin tulee veronpalautus",
      "veronpalautus",
      "när kommer återbäringen",
      "milloin palautus tulee tilille",
      "kelan asumistuki",
      "hej, får jag tillbaka skatt",
    ];
    const inOrder = new EmbeddedRecogniser(fixtureContent());
    const expected = texts.map((t) => inOrder.classify(t, "fi"));
    const warmed = new EmbeddedRecogniser(fixtureContent());
    for (const t of [...texts].reverse()) warmed.classify(t, "sv");

    expect(texts.map((t) => warmed.classify(t, "fi"))).toEqual(expected);
    expect(texts.map((t) => warmed.classify(t, "fi"))).toEqual(expected);
  });

  it("learns nothing from a topic's review date: the same answers with and without one", () => {
    const content = fixtureContent();
    const reviewed: BotContent = {
      ...content,
      topics: new Map(
        [...content.topics].map(([id, topic]) => [id, { ...topic, reviewBy: "2020-01-31" }]),
      ),
    };
    const texts = ["verokortti", "milloin tulee veronpalautus", "skattekortet", "kelan asumistuki"];

    const plain = new EmbeddedRecogniser(content);
    const dated = new EmbeddedRecogniser(reviewed);

    for (const lang of ["fi", "sv"] as const) {
      expect(trainingExamples(reviewed, lang)).toEqual(trainingExamples(content, lang));
      expect(texts.map((t) => dated.classify(t, lang))).toEqual(
        texts.map((t) => plain.classify(t, lang)),
      );
    }
  });

  it("trains the same recogniser whatever order the topics and groups arrive in (files and storage sort ids apart)", () => {
    const content = fixtureContent();
    const reordered: BotContent = {
      ...content,
      topics: new Map([...content.topics].reverse()),
      referrals: [...(content.referrals ?? [])].reverse(),
    };
    const texts = ["verokortti", "milloin tulee veronpalautus", "skattekortet", "kelan asumistuki"];

    const inOrder = new EmbeddedRecogniser(content);
    const reversed = new EmbeddedRecogniser(reordered);

    for (const lang of ["fi", "sv"] as const) {
      expect(trainingExamples(reordered, lang)).toEqual(trainingExamples(content, lang));
      expect(texts.map((t) => reversed.classify(t, lang))).toEqual(
        texts.map((t) => inOrder.classify(t, lang)),
      );
    }
  });

  it("classifies in well under 2 ms per message", () => {
    const texts = [
      "hei",
      "milloin tulee veronpalautus",
      "kelan asumistuki",
      "när kommer återbäringen",
    ];
    const started = performance.now();
    for (let i = 0; i < 400; i++) recogniser.classify(texts[i % texts.length] as string, "fi");

    expect((performance.now() - started) / 400).toBeLessThan(2);
  });
});

describe("EmbeddedRecogniser with referral groups", () => {
  // The fixture's vehicle-tax and Kela examples, moved from `none` into groups of their own.
  const TRAFICOM = {
    fi: ["ajoneuvovero", "ajoneuvoveron eräpäivä", "ajoneuvoveron palautus", "auton vero traficom"],
    sv: [
      "fordonsskatt",
      "förfallodag för fordonsskatten",
      "återbäring av fordonsskatt",
      "bilskatt",
    ],
  };
  const KELA = {
    fi: ["kelan asumistuki", "kelan lapsilisä", "kela kela kela", "kelan puhelinnumero"],
    sv: ["bostadsbidrag från FPA", "FPA:s kontaktuppgifter", "barnbidrag från FPA", "FPA"],
  };
  const group = (id: string, sentences: { fi: string[]; sv: string[] }) => {
    const side = (lang: Lang) => ({
      title: id,
      answer: "Demo.",
      link: { label: id, url: `https://www.${id}.fi/` },
      sentences: sentences[lang],
    });
    return { id, fi: side("fi"), sv: side("sv") };
  };
  let referring: EmbeddedRecogniser;

  beforeAll(() => {
    const grouped = new Set([...TRAFICOM.fi, ...TRAFICOM.sv, ...KELA.fi, ...KELA.sv]);
    const content = fixtureContent();
    referring = new EmbeddedRecogniser({
      ...content,
      outOfScope: {
        fi: content.outOfScope.fi.filter((s) => !grouped.has(s)),
        sv: content.outOfScope.sv.filter((s) => !grouped.has(s)),
      },
      referrals: [group("traficom", TRAFICOM), group("kela", KELA)],
    });
  });

  it.each([
    ["fi", "Ajoneuvovero on erääntynyt, mihin sen maksan?"],
    ["sv", "Fordonsskatten har förfallit, var betalar jag den?"],
  ] as const)("answers %s vehicle tax as none with the traficom referral", (lang, text) => {
    const r = referring.classify(text, lang);

    expect(r).toMatchObject({ intent: "none", referral: "traficom", detectedLang: lang });
  });

  it("keeps referral classes out of the intents and alternatives it reports", () => {
    const r = referring.classify("kelan asumistuki loppui", "fi");

    expect(r.referral).toBe("kela");
    expect(r.alternatives.map((a) => a.intent).filter((i) => i.startsWith("Referral_"))).toEqual(
      [],
    );
  });

  it("gives no referral for a tax question or for nonsense", () => {
    expect(referring.classify("milloin tulee veronpalautus", "fi")).not.toHaveProperty("referral");
    expect(referring.classify("qwertyuiop", "fi")).not.toHaveProperty("referral");
  });
});

describe("EmbeddedRecogniser on the shipped content's referral groups", () => {
  let shipped: EmbeddedRecogniser;
  let shippedTopics: Set<string>;
  beforeAll(() => {
    shipped = new EmbeddedRecogniser(shippedBotContent());
    shippedTopics = new Set(shippedBotContent().topics.keys());
  });

  it("names no group for a tax question it cannot place, so the question counts as a miss", () => {
    // Its likeliest label was small talk at 0.09, a guess: "ask me about taxes" answered a
    // tax question, and the content owners never saw it in the inbox.
    const r = shipped.classify("Onko tippi veronalaista tuloa?", "fi");

    expect(r.intent).toBe("none");
    expect(r).not.toHaveProperty("referral");
  });

  it.each([
    ["fi", "vero"],
    ["fi", "veroasia"],
    ["fi", "verotus"],
    ["sv", "skatter"],
  ] as const)("answers no topic for a bare %s word about taxes: %s", (lang, text) => {
    // "vero" got the Yle tax's text at 0.71 (its sentences say "yle-vero" forty times): a
    // confident wrong answer to the commonest opening there is.
    const r = shipped.classify(text, lang);
    expect(decide(r, (t) => shippedTopics.has(t), DEFAULT_DIALOGUE_SETTINGS).kind).not.toBe(
      "answer",
    );
  });

  it.each([
    ["fi", "mikä on suomen pääkaupunki", "small-talk"],
    ["fi", "kelakortti kadonnut", "kela"],
    ["sv", "var får jag ett nytt pass", "police"],
  ] as const)("still names the group of a plain %s referral: %s", (lang, text, group) => {
    expect(shipped.classify(text, lang)).toMatchObject({ intent: "none", referral: group });
  });

  it("keeps its other answers when a topic is retired: an edit moves what it touches, not the whole bot", () => {
    // A reviewer saw version 2, which only added a topic, answer 12 untouched messages
    // otherwise: SGD visited the examples in a shuffle of positions, so one added sentence
    // reordered every epoch. Each example's place now follows from its own text (about
    // 0.1 % of other topics' messages move, against 0.8-1 % before).
    const content = shippedBotContent();
    const retired = "car-benefit";
    const without: BotContent = {
      ...content,
      topics: new Map([...content.topics].filter(([id]) => id !== retired)),
    };
    const after = new EmbeddedRecogniser(without);
    let moved = 0;
    let scored = 0;
    for (const lang of ["fi", "sv"] as const) {
      for (const split of ["tests", "dev"] as const) {
        for (const c of loadTestCases(DEFAULT_CONTENT_DIR, lang, split)) {
          if (c.intent === retired) continue;
          scored++;
          if (after.classify(c.text, lang).intent !== shipped.classify(c.text, lang).intent)
            moved++;
        }
      }
    }

    expect(scored).toBeGreaterThan(1000);
    expect(moved / scored).toBeLessThan(0.004);
  });
});
