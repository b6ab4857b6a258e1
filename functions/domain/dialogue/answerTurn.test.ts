import { describe, expect, it, vi } from "vitest";
import { manualClock } from "../clock.ts";
import { formatNextOpeningIfClosed } from "../openingHours/format.ts";
import { loadOpeningHours } from "../openingHours/load.ts";
import type { AdvisorHours, Recognition } from "../ports.ts";
import {
  type AdvisorsAway,
  advisorsAwayFor,
  answerTurn,
  DEFAULT_DIALOGUE_SETTINGS,
  LEX_DECISION_SETTINGS,
  nextSteps,
  recogniserDownTurn,
  type TopicLibrary,
} from "./answerTurn.ts";
import { decide, decideWithGrounds } from "./decision.ts";
import { phrase } from "./phrases.ts";

// A library of three question topics and the greeting, titled by id.
const TOPICS = new Set(["tax-card", "vat", "light-entrepreneur", "greeting"]);
const library: TopicLibrary = {
  has: (topic) => TOPICS.has(topic),
  answer: (topic) => ({
    topicId: topic,
    title: `Title of ${topic}`,
    paragraphs: [`Answer of ${topic}.`],
    links: [],
    followUps: [],
  }),
  referral: () => undefined,
};
const context = { lang: "fi" as const, missesInRow: 0, authenticated: false };
const has = (topic: string) => TOPICS.has(topic);

function recognition(...scores: [string, number][]): Recognition {
  const [intent, confidence] = scores[0] as [string, number];
  return {
    intent,
    confidence,
    detectedLang: "fi",
    alternatives: scores.map(([i, c]) => ({ intent: i, confidence: c })),
  };
}

describe("the dialogue's decision", () => {
  it("answers a trusted topic whose runner-up is far behind", () => {
    expect(
      decide(
        recognition(["vat", 0.8], ["light-entrepreneur", 0.1]),
        has,
        DEFAULT_DIALOGUE_SETTINGS,
      ),
    ).toEqual({ kind: "answer", topic: "vat" });
  });

  it("asks between the two best when the runner-up is close, even above the answering confidence", () => {
    expect(
      decide(
        recognition(["vat", 0.55], ["light-entrepreneur", 0.4]),
        has,
        DEFAULT_DIALOGUE_SETTINGS,
      ),
    ).toEqual({ kind: "clarify", topics: ["vat", "light-entrepreneur"] });
  });

  it("asks when the best topic is below the answering confidence and a second one is plausible", () => {
    expect(
      decide(recognition(["vat", 0.42], ["tax-card", 0.2]), has, DEFAULT_DIALOGUE_SETTINGS),
    ).toEqual({ kind: "clarify", topics: ["vat", "tax-card"] });
  });

  it("says it has no answer when nothing is plausible, and never offers the greeting as a choice", () => {
    const settings = DEFAULT_DIALOGUE_SETTINGS;
    expect(decide(recognition(["vat", 0.42], ["tax-card", 0.05]), has, settings)).toEqual({
      kind: "none",
    });
    expect(decide(recognition(["vat", 0.42], ["greeting", 0.4]), has, settings)).toEqual({
      kind: "none",
    });
    expect(decide(recognition(["greeting", 0.6], ["vat", 0.5]), has, settings)).toEqual({
      kind: "answer",
      topic: "greeting",
    });
  });

  it("greets back from a lower confidence than it answers a tax question", () => {
    const settings = DEFAULT_DIALOGUE_SETTINGS;
    // A bare "hei" is about this sure: "hei hei" is goodbye.
    expect(decide(recognition(["greeting", 0.55], ["vat", 0.1]), has, settings)).toEqual({
      kind: "answer",
      topic: "greeting",
    });
    expect(decide(recognition(["vat", 0.55], ["tax-card", 0.1]), has, settings)).toEqual({
      kind: "none",
    });
    expect(decide(recognition(["greeting", 0.45], ["vat", 0.1]), has, settings)).toEqual({
      kind: "none",
    });
  });

  it("tells the thresholds it judged by: close from 70 % of the best, a move's lower bar", () => {
    const settings = DEFAULT_DIALOGUE_SETTINGS;
    expect(decideWithGrounds(recognition(["vat", 0.8], ["tax-card", 0.6]), has, settings)).toEqual({
      decision: { kind: "clarify", topics: ["vat", "tax-card"] },
      answersFrom: 0.6,
      closeFrom: 0.56,
      offeredFrom: 0.15,
    });
    expect(decideWithGrounds(recognition(["greeting", 0.55]), has, settings).answersFrom).toBe(0.5);
    // `none` on top: the mark is where a question topic would be answered, not a greeting.
    expect(
      decideWithGrounds(recognition(["none", 0.8], ["vat", 0.1]), has, settings),
    ).toMatchObject({ decision: { kind: "none" }, answersFrom: 0.6 });
  });

  it("with Lex's confidences answers a tax question from Lex's threshold", () => {
    const settings = { ...DEFAULT_DIALOGUE_SETTINGS, ...LEX_DECISION_SETTINGS };
    expect(decide(recognition(["vat", 0.55], ["tax-card", 0.1]), has, settings)).toEqual({
      kind: "answer",
      topic: "vat",
    });
  });

  it("treats a topic the content does not have as no answer, and `none` with a group as a referral", () => {
    const settings = DEFAULT_DIALOGUE_SETTINGS;
    expect(decide(recognition(["capital-gains", 0.9]), has, settings)).toEqual({ kind: "none" });
    expect(decide({ ...recognition(["none", 0.7]), referral: "kela" }, has, settings)).toEqual({
      kind: "referral",
      group: "kela",
    });
  });
});

describe("answerTurn", () => {
  it("introduces itself on a first greeting and only greets back once it has answered", () => {
    // Act
    const first = answerTurn(library, context, recognition(["greeting", 0.9]));
    const later = answerTurn(
      library,
      { ...context, answeredBefore: true },
      { ...recognition(["greeting", 0.9]), detectedLang: "sv" },
    );
    // Assess
    expect(first.messages[0]?.text).toBe("Answer of greeting.");
    expect(later.topic).toBe("greeting");
    expect(later.messages[0]?.text).toBe("Hej! Hur kan jag hjälpa dig?");
  });

  it("asks which topic is meant with both titles and 'something else', and answers neither", () => {
    const turn = answerTurn(
      library,
      context,
      recognition(["vat", 0.5], ["light-entrepreneur", 0.45]),
    );
    expect(turn).toMatchObject({ missed: false, clarified: ["vat", "light-entrepreneur"] });
    expect(turn.topic).toBeUndefined();
    const [message] = turn.messages;
    expect(message?.text).toBe("Kysymyksesi voi koskea kahta eri asiaa. Kumpaa tarkoitat?");
    expect(message?.quickReplies?.map((q) => q.label)).toEqual([
      "Title of vat",
      "Title of light-entrepreneur",
      "Jotain muuta",
    ]);
  });

  it("answers 'something else' with the other ways onward instead of a guess or a miss", () => {
    const turn = answerTurn(
      library,
      {
        ...context,
        question: " jotain muuta ",
        choiceQuestion: "Pitääkö kevytyrittäjän maksaa alvia, soita [PHONE]",
      },
      recognition(["vat", 0.9]),
    );
    expect(turn).toMatchObject({ missed: false });
    expect(turn.topic).toBeUndefined();
    expect(turn.messages[0]?.text).toMatch(/^Selvä\. Kirjoita kysymyksesi/);
    expect(turn.messages[0]?.actions?.map((a) => a.type)).toEqual([
      "link",
      "handoff",
      "callback",
      "appointment",
    ]);
    // The search has the words of the question the choice was about, not "jotain muuta".
    const search = new URL(turn.messages[0]?.actions?.[0]?.url ?? "");
    expect(search.searchParams.get("q")).toBe("Pitääkö kevytyrittäjän maksaa alvia, soita");
  });

  it("suggests after a miss only topics plausible enough to be offered as a choice", () => {
    // A question about tips: crypto assets at 5 % is no suggestion, VAT at 20 % is.
    const tips = answerTurn(
      library,
      context,
      recognition(["none", 0.75], ["vat", 0.2], ["light-entrepreneur", 0.051]),
    );
    const nothingLikely = answerTurn(
      library,
      context,
      recognition(["none", 0.9], ["vat", 0.149], ["tax-card", 0.06]),
    );

    expect(tips.messages[0]?.quickReplies?.map((q) => q.value)).toEqual(["Title of vat"]);
    expect(tips.messages[0]?.text).toMatch(/Tarkoititko jotakin näistä\?$/);
    expect(nothingLikely.messages[0]?.quickReplies).toBeUndefined();
    expect(nothingLikely.messages[0]?.text).not.toMatch(/Tarkoititko/);
  });

  it("names the strong sign-in methods after a weak sign-in, until a strong one is bound", () => {
    const taxCard = recognition(["tax-card", 0.9]);
    const anonymous = answerTurn(library, context, taxCard).messages[0];
    const afterWeak = answerTurn(library, { ...context, signInTooWeak: true }, taxCard).messages[0];
    const thenStrong = answerTurn(
      library,
      { ...context, signInTooWeak: true, authenticated: true, assurance: "substantial" },
      taxCard,
    ).messages[0];

    expect(anonymous?.text).toMatch(/Kirjautumalla näet omat tietosi/);
    expect(afterWeak?.text).toMatch(/pankkitunnuksilla, mobiilivarmenteella tai varmennekortilla/);
    expect(afterWeak?.text).not.toMatch(/Kirjautumalla näet/);
    expect(afterWeak?.actions?.map((a) => a.type)).toEqual(["login"]);
    // Signed in strongly: no sign-in offered, whatever was tried before.
    expect(thenStrong?.text).not.toMatch(/varmennekortilla/);
    expect(thenStrong?.actions ?? []).toEqual([]);
  });

  it("searches the agency's site in the reply language with the customer's words, personal data removed", () => {
    const settings = {
      ...DEFAULT_DIALOGUE_SETTINGS,
      siteSearchUrl: {
        fi: "https://haku.example.fi/?s={query}",
        sv: "https://sok.example.fi/?s={query}",
      },
    };
    const swedish = { ...recognition(["none", 0.9]), detectedLang: "sv" as const };
    const turn = answerTurn(
      library,
      { ...context, lang: "sv", question: "skatt på båt, ring 040 123 4567" },
      swedish,
      settings,
    );
    expect(turn.missed).toBe(true);
    expect(turn.messages[0]?.text).toMatch(/^Jag har inget svar på det här\./);
    expect(turn.messages[0]?.actions?.[0]).toEqual({
      type: "link",
      label: "Sök på vero.fi",
      url: "https://sok.example.fi/?s=skatt%20p%C3%A5%20b%C3%A5t%2C%20ring",
    });
  });
});

describe("the language of the reply", () => {
  // Answers that say which language they were written in.
  const bilingual: TopicLibrary = {
    ...library,
    answer: (topic, lang) => ({
      topicId: topic,
      title: `${lang}: ${topic}`,
      paragraphs: [`${lang}: answer of ${topic}.`],
      links: [],
      followUps: [],
    }),
  };
  const swedishChat = { ...context, lang: "sv" as const };
  const finnish = (intent: string, confidence = 0.9): Recognition => ({
    ...recognition([intent, confidence]),
    detectedLang: "fi",
  });
  const switchOffers = (turn: { messages: { actions?: { type: string }[] }[] }) =>
    turn.messages.filter((m) => m.actions?.some((a) => a.type === "switch-language"));

  it.each(["arvonlisävero", "Kela", "OmaVero?", "Kela:n", "alv 2026"])(
    "answers one word of the other language (%j) in the chat's language, with no offer to switch",
    (question) => {
      const turn = answerTurn(bilingual, { ...swedishChat, question }, finnish("vat"));

      expect(turn.replyLang).toBe("sv");
      expect(turn.topic).toBe("vat");
      expect(turn.messages.map((m) => m.text)).toEqual(["sv: answer of vat."]);
      expect(switchOffers(turn)).toEqual([]);
    },
  );

  it("answers a one-word greeting or name of the other language in the chat's language, answer or not", () => {
    const greeted = answerTurn(
      bilingual,
      { ...swedishChat, question: "moi", answeredBefore: true },
      finnish("greeting"),
    );
    const missed = answerTurn(bilingual, { ...swedishChat, question: "FPA" }, finnish("none"));

    expect(greeted.messages.map((m) => m.text)).toEqual([phrase("greetAgain", "sv")]);
    expect(missed.messages[0]?.text.startsWith(phrase("noAnswer", "sv"))).toBe(true);
    expect([...switchOffers(greeted), ...switchOffers(missed)]).toEqual([]);
  });

  it("answers two words or more in the other language in that language, and offers to switch", () => {
    const turn = answerTurn(
      bilingual,
      { ...swedishChat, question: "milloin verokortti tulee" },
      finnish("vat"),
    );

    expect(turn.replyLang).toBe("fi");
    expect(turn.messages[0]?.text).toBe("fi: answer of vat.");
    expect(switchOffers(turn).map((m) => m.actions)).toEqual([
      [{ type: "switch-language", label: "Vaihda suomeksi", lang: "fi" }],
    ]);
  });

  it("points a message in English to the agency's English pages, in the chat's language", () => {
    const english = { ...recognition(["none", 0.95]), foreign: "en" as const };

    const turn = answerTurn(library, { ...context, question: "How do I get a tax card?" }, english);

    expect(turn).toMatchObject({ missed: true, replyLang: "fi" });
    expect(turn.messages).toHaveLength(1);
    expect(turn.messages[0]?.text).toBe(`${phrase("noAnswer", "fi")} ${phrase("inEnglish", "fi")}`);
    expect(turn.messages[0]?.actions?.[0]).toEqual({
      type: "link",
      label: "vero.fi in English",
      url: "https://www.vero.fi/en/",
    });
  });

  it("points to the English pages before asking 'did you mean', which the topics follow", () => {
    const english = {
      ...recognition(["none", 0.6], ["vat", 0.3]),
      foreign: "en" as const,
    };

    const turn = answerTurn(library, { ...context, question: "vat rate for food" }, english);

    expect(turn.messages[0]?.text).toBe(
      `${phrase("noAnswer", "fi")} ${phrase("inEnglish", "fi")} ${phrase("didYouMean", "fi")}`,
    );
    expect(turn.messages[0]?.quickReplies?.map((q) => q.label)).toEqual(["Title of vat"]);
  });

  it("points nowhere else when the message in Finnish gets no answer", () => {
    const turn = answerTurn(
      library,
      { ...context, question: "koiravero" },
      recognition(["none", 0.9]),
    );

    expect(turn.messages[0]?.text).toBe(phrase("noAnswer", "fi"));
    expect(turn.messages[0]?.actions?.map((a) => a.type === "link" && a.url)).not.toContain(
      "https://www.vero.fi/en/",
    );
  });
});

describe("where the bot has no answer, by the advisors' hours (config/opening-hours.yaml)", () => {
  const schedule = loadOpeningHours();
  const byTheHours: AdvisorHours = (queue, at, lang) =>
    formatNextOpeningIfClosed(schedule, queue, at, lang);
  /** A Finnish chat's AdvisorsAway with the clock stopped at `iso`. */
  const finnishChatAt = (iso: string): AdvisorsAway | undefined =>
    advisorsAwayFor(byTheHours, "fi", manualClock(new Date(iso)));
  const types = (turn: { messages: { actions?: { type: string }[] }[] }) =>
    turn.messages[0]?.actions?.map((a) => a.type);
  const miss = recognition(["none", 0.9]);

  it("in opening hours offers a person as always (Tuesday 10:00)", () => {
    const turn = answerTurn(
      library,
      context,
      miss,
      undefined,
      undefined,
      finnishChatAt("2026-11-24T10:00:00+02:00"),
    );
    expect(turn.messages[0]?.text).toBe(phrase("noAnswer", "fi"));
    expect(types(turn)).toEqual(["link", "handoff", "callback", "appointment"]);
  });

  it("on a weekday evening says advisors are in tomorrow, and offers a callback and a booking instead of a person", () => {
    const turn = answerTurn(
      library,
      context,
      recognition(["none", 0.75], ["vat", 0.2]),
      undefined,
      undefined,
      finnishChatAt("2026-11-24T18:30:00+02:00"),
    );
    expect(turn.messages[0]?.text).toBe(
      `${phrase("noAnswer", "fi")} Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla huomenna klo 9.00. Tarkoititko jotakin näistä?`,
    );
    expect(types(turn)).toEqual(["link", "callback", "appointment"]);
    expect(turn.messages[0]?.quickReplies?.map((q) => q.value)).toEqual(["Title of vat"]);
  });

  it("on a Saturday, after a second miss, no longer names a person among the ways onward and says Monday", () => {
    const turn = answerTurn(
      library,
      { ...context, missesInRow: 1 },
      miss,
      undefined,
      undefined,
      finnishChatAt("2026-12-05T12:00:00+02:00"),
    );
    expect(turn.messages[0]?.text).toBe(
      "En löydä tähänkään vastausta. Voit hakea vero.fi-sivustolta, jättää soittopyynnön tai varata ajan. Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla maanantaina 7.12. klo 9.00.",
    );
    expect(types(turn)).toEqual(["link", "callback", "appointment"]);
  });

  it("in Swedish when the customer writes Swedish in a Finnish chat", () => {
    const turn = answerTurn(
      library,
      { ...context, missesInRow: 1 },
      { ...miss, detectedLang: "sv" },
      undefined,
      undefined,
      finnishChatAt("2026-12-05T12:00:00+02:00"),
    );
    expect(turn.messages[0]?.text).toBe(
      "Jag hittar inget svar på det här heller. Du kan söka på vero.fi, lämna en begäran om att bli uppringd eller boka en tid. Kundrådgivarna är inte på plats nu. De är tillbaka måndag 7.12 kl. 9.00.",
    );
    expect(turn.messages[0]?.actions?.slice(1)).toEqual([
      { type: "callback", label: "Bli uppringd" },
      { type: "appointment", label: "Boka tid" },
    ]);
  });

  it("on Good Friday answers 'something else' without a person, until Tuesday after Easter Monday", () => {
    const turn = answerTurn(
      library,
      { ...context, question: "jotain muuta", choiceQuestion: "alv" },
      recognition(["vat", 0.9]),
      undefined,
      undefined,
      finnishChatAt("2026-04-03T11:00:00+03:00"),
    );
    expect(turn.messages[0]?.text).toBe(
      `${phrase("rephrase", "fi")} Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla tiistaina 7.4. klo 9.00.`,
    );
    expect(types(turn)).toEqual(["link", "callback", "appointment"]);
  });

  it("with the recogniser down offers a person in the hours and otherwise says when one is in", () => {
    const open = recogniserDownTurn(
      "sv",
      advisorsAwayFor(byTheHours, "sv", manualClock(new Date("2026-11-24T15:59:00+02:00"))),
    );
    const closed = recogniserDownTurn(
      "sv",
      advisorsAwayFor(byTheHours, "sv", manualClock(new Date("2026-11-24T16:00:00+02:00"))),
    );
    expect(open.messages[0]?.text).toBe(phrase("recogniserDown", "sv"));
    expect(types(open)).toEqual(["handoff", "callback", "appointment"]);
    expect(closed.messages[0]?.text).toBe(
      `${phrase("recogniserDownNoPerson", "sv")} Kundrådgivarna är inte på plats nu. De är tillbaka i morgon kl. 9.00.`,
    );
    expect(types(closed)).toEqual(["callback", "appointment"]);
  });

  it("the offer after a thumbs-down follows the same rule", () => {
    const offer = nextSteps(
      "fi",
      DEFAULT_DIALOGUE_SETTINGS,
      "alv",
      finnishChatAt("2026-11-28T12:00:00+02:00"),
    );
    expect(offer.text).toMatch(/paikalla maanantaina 30\.11\. klo 9\.00\.$/);
    expect(offer.actions?.map((a) => a.type)).toEqual(["link", "callback", "appointment"]);
  });

  it("answers a topic that hands over, while advisors are away, with one message: the hours, when they are in, and a callback or a booking", () => {
    const handingOver: TopicLibrary = {
      ...library,
      answer: (topic, lang) => ({
        ...library.answer(topic, lang),
        action: "handoff",
        followUps: ["tax-card"],
      }),
    };
    const asked = recognition(["vat", 0.9]);
    const at = (iso: string) =>
      answerTurn(handingOver, context, asked, undefined, undefined, finnishChatAt(iso));

    const open = at("2026-11-24T10:00:00+02:00");
    // The answer starts the handoff itself: no person button to ask a second time.
    expect(open.handsOver).toBe(true);
    expect(open.messages[0]?.actions).toBeUndefined();
    expect(open.messages[0]?.text).toBe("Answer of vat.");
    expect(open.messages[0]?.quickReplies?.map((q) => q.value)).toEqual(["Title of tax-card"]);
    expect(open.saidAdvisorsAway).toBeUndefined();
    const evening = at("2026-11-24T18:30:00+02:00");
    expect(evening.topic).toBe("vat");
    expect(evening.handsOver).toBe(true);
    // Routing then adds nothing: "let me check" and "no one is in" were two messages.
    expect(evening.saidAdvisorsAway).toBe(true);
    expect(evening.messages).toHaveLength(1);
    expect(evening.messages[0]?.text).toBe(
      "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00. " +
        "Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla huomenna klo 9.00. " +
        "Voit jättää soittopyynnön tai varata puhelinajan, niin asiakasneuvoja soittaa sinulle.",
    );
    expect(types(evening)).toEqual(["callback", "appointment"]);
    expect(evening.messages[0]?.quickReplies).toBeUndefined();
  });

  it("leaves out a follow-up that would ask for a person while advisors are away, keeping the others", () => {
    // vat's answer offers tax-card and light-entrepreneur next; light-entrepreneur hands over.
    const withPersonNext: TopicLibrary = {
      ...library,
      answer: (topic, lang) => ({
        ...library.answer(topic, lang),
        ...(topic === "light-entrepreneur" ? { action: "handoff" as const } : {}),
        ...(topic === "vat" ? { followUps: ["tax-card", "light-entrepreneur"] } : {}),
      }),
    };
    const at = (iso: string) =>
      answerTurn(
        withPersonNext,
        context,
        recognition(["vat", 0.9]),
        undefined,
        undefined,
        finnishChatAt(iso),
      ).messages[0]?.quickReplies?.map((q) => q.value);

    expect(at("2026-11-24T10:00:00+02:00")).toEqual([
      "Title of tax-card",
      "Title of light-entrepreneur",
    ]);
    expect(at("2026-11-28T12:00:00+02:00")).toEqual(["Title of tax-card"]);
  });

  it("asks the hours only for a reply that would offer a person, once", () => {
    const advisorsAway = vi.fn<AdvisorsAway>(() => "huomenna klo 9.00");
    answerTurn(library, context, recognition(["vat", 0.9]), undefined, undefined, advisorsAway);
    answerTurn(
      library,
      context,
      recognition(["vat", 0.5], ["tax-card", 0.45]),
      undefined,
      undefined,
      advisorsAway,
    );
    expect(advisorsAway).not.toHaveBeenCalled();

    answerTurn(library, context, miss, undefined, undefined, advisorsAway);
    expect(advisorsAway).toHaveBeenCalledTimes(1);
  });
});
