import type { Context } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { REFUND_CUSTOMER } from "../../../tests/support/taxData.ts";
import { loadBotContent } from "../../content/loadContent.ts";
import { manualClock } from "../../domain/clock.ts";
import type { CustomerTaxData } from "../../domain/customerData/customerData.ts";
import { createDialogue, type DialogueDeps } from "../../domain/dialogue/dialogue.ts";
import { createTopicLibrary } from "../../domain/dialogue/topicLibrary.ts";
import { formatNextOpeningIfClosed } from "../../domain/openingHours/format.ts";
import { loadOpeningHours } from "../../domain/openingHours/load.ts";
import { createLogger } from "../../observability/logger.ts";
import fixture from "./fixtures/fulfillment-fi-tax-refund.json" with { type: "json" };
import { createFulfillmentHandler, type FulfillmentHandler } from "./fulfillmentHandler.ts";
import { fromLexMessages, lexCodeHookEventSchema, recognitionFromLexEvent } from "./lexV2.ts";

let handler: FulfillmentHandler;
const context = {} as Context;

/** The code hook as the Lambda entry builds it: on the dialogue for `deps`. */
function handlerOn(deps: DialogueDeps): FulfillmentHandler {
  return createFulfillmentHandler({
    dialogue: createDialogue(deps),
    logger: createLogger("silent"),
  });
}

beforeAll(() => {
  handler = handlerOn({ library: createTopicLibrary(loadBotContent()) });
});

/** The code hook as the Lambda builds it, with the opening hours, on Saturday 28.11.2026. */
function handlerOnSaturday(): FulfillmentHandler {
  return createFulfillmentHandler({
    dialogue: createDialogue({ library: createTopicLibrary(loadBotContent()) }),
    logger: createLogger("silent"),
    advisorHours: (queue, at, lang) =>
      formatNextOpeningIfClosed(loadOpeningHours(), queue, at, lang),
    clock: manualClock(new Date("2026-11-28T12:00:00+02:00")),
  });
}

function eventWith(patch: (e: typeof fixture) => void): typeof fixture {
  const event = structuredClone(fixture);
  patch(event);
  return event;
}

describe("Lex V2 fulfillment code hook", () => {
  it("answers a recognised topic in the locale's language and closes the intent", async () => {
    // Act
    const response = await handler(fixture, context);
    // Assess
    expect(response.sessionState).toMatchObject({
      dialogAction: { type: "Close" },
      intent: { name: "tax-refund", state: "Fulfilled" },
      sessionAttributes: {
        chatLang: "fi",
        missesInRow: "0",
        lastTopic: "tax-refund",
        handsOver: "",
      },
    });
    const [answer] = fromLexMessages(response.messages);
    expect(answer).toMatchObject({ from: "bot", topic: "tax-refund", confidence: 0.93 });
    expect(answer?.text).toMatch(/veronpalautu/i);
  });

  it("answers the fallback intent honestly: no answer, the site search with the customer's words, the channels, likely topics", async () => {
    const event = eventWith((e) => {
      e.sessionState.intent.name = "FallbackIntent";
      e.sessionState.sessionAttributes.missesInRow = "0";
      e.inputTranscript = "veneen verotus, hetu 131052-308T";
    });
    const response = await handler(event, context);
    expect(response.sessionState.sessionAttributes.missesInRow).toBe("1");
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.text).toMatch(/^Minulla ei ole tähän vastausta\./);
    expect(reply?.quickReplies?.map((q) => q.label)).toContain("Veronpalautus");
    const [search, ...channels] = reply?.actions ?? [];
    // The customer's words go to the agency's search, never their identity code.
    expect(search).toEqual({
      type: "link",
      label: "Hae vero.fi:stä",
      url: "https://www.vero.fi/haku/?q=veneen%20verotus%2C%20hetu",
    });
    expect(channels.map((a) => a.type)).toEqual(["handoff", "callback", "appointment"]);
  });

  it("outside the advisors' hours answers the fallback intent without a person, saying when one is in", async () => {
    // Prepare: the hook as the Lambda builds it, with the schedule, on a Saturday.
    const closed = handlerOnSaturday();
    const event = eventWith((e) => {
      e.sessionState.intent.name = "FallbackIntent";
      e.sessionState.sessionAttributes.missesInRow = "0";
      e.inputTranscript = "veneen verotus";
    });
    // Act
    const response = await closed(event, context);
    // Assess
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.text).toMatch(/seuraavan kerran paikalla maanantaina 30\.11\. klo 9\.00\./);
    expect(reply?.actions?.map((a) => a.type)).toEqual(["link", "callback", "appointment"]);
  });

  it("outside the advisors' hours answers the human-advisor topic with the closed outcome itself, and tells the gateway it hands over and said so", async () => {
    // Prepare: on a Saturday; the answer says when advisors are in, so routing adds nothing.
    const closed = handlerOnSaturday();
    const event = eventWith((e) => {
      e.sessionState.intent.name = "human-advisor";
      e.inputTranscript = "haluan puhua ihmisen kanssa";
      e.interpretations = [
        {
          ...e.interpretations[0],
          intent: { ...e.interpretations[0]?.intent, name: "human-advisor" },
        },
      ] as typeof e.interpretations;
    });
    // Act
    const atNight = await closed(event, context);
    const inHours = await handler(event, context);
    // Assess
    const [reply] = fromLexMessages(atNight.messages);
    expect(reply?.topic).toBe("human-advisor");
    expect(reply?.actions?.map((a) => a.type)).toEqual(["callback", "appointment"]);
    expect(reply?.text).toMatch(/9\.00–16\.00\..*paikalla maanantaina 30\.11\. klo 9\.00\./);
    expect(atNight.sessionState.sessionAttributes.handsOver).toBe("true");
    expect(atNight.sessionState.sessionAttributes.advisorsAwaySaid).toBe("true");
    // In the hours the answer asks for the person itself: routing starts, with no button.
    expect(fromLexMessages(inHours.messages)[0]?.actions).toBeUndefined();
    expect(inHours.sessionState.sessionAttributes.handsOver).toBe("true");
    expect(inHours.sessionState.sessionAttributes.advisorsAwaySaid).toBe("");
  });

  it("tells the gateway the two topics of a which-one, in the order of its quick replies", async () => {
    // Prepare: two topics close to each other.
    const event = eventWith((e) => {
      e.inputTranscript = "jäännösvero ja veronpalautus";
      const [first, second] = e.interpretations;
      e.interpretations = [
        { ...first, intent: { ...first?.intent, name: "residual-tax" }, nluConfidence: 0.56 },
        { ...second, intent: { ...second?.intent, name: "tax-refund" }, nluConfidence: 0.43 },
      ] as typeof e.interpretations;
    });
    // Act
    const response = await handler(event, context);
    const answered = await handler(fixture, context);
    // Assess
    const [which] = fromLexMessages(response.messages);
    expect(which?.quickReplies?.map((q) => q.value)).toEqual([
      "Veronpalautus",
      "Jäännösvero",
      "Jotain muuta",
    ]);
    expect(response.sessionState.sessionAttributes.clarified).toBe("tax-refund residual-tax");
    expect(answered.sessionState.sessionAttributes.clarified).toBe("");
  });

  it("answers 'something else' with the site search for the question the choice was about, once", async () => {
    // Prepare: the gateway read back the question the bot's which-one was about (masked).
    const event = eventWith((e) => {
      e.inputTranscript = "Jotain muuta";
      Object.assign(e.sessionState.sessionAttributes, {
        choiceQuestion: "kevytyrittäjän alv, puh [PHONE]",
      });
    });
    // Act
    const response = await handler(event, context);
    // Assess
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.text).toMatch(/^Selvä\. Kirjoita kysymyksesi/);
    expect(reply?.actions?.[0]?.url).toBe(
      "https://www.vero.fi/haku/?q=kevytyritt%C3%A4j%C3%A4n%20alv%2C%20puh",
    );
    // Lex keeps session attributes between turns: the customer's words are not left there.
    expect(response.sessionState.sessionAttributes).not.toHaveProperty("choiceQuestion");
  });

  it("hands the dialogue Lex's topic interpretations with their confidences as alternatives", async () => {
    // Prepare: Lex fell back; what is not ours (OutOfScope, a referral group) scored between
    // the two likeliest topics, which are close to each other.
    const interpretation = (name: string, nluConfidence?: number) => ({
      intent: { confirmationState: "None", name, slots: {}, state: "ReadyForFulfillment" },
      ...(nluConfidence === undefined ? {} : { nluConfidence }),
      interpretationSource: "Lex",
    });
    const event = eventWith((e) => {
      e.sessionState.intent.name = "FallbackIntent";
      e.sessionState.sessionAttributes.missesInRow = "0";
      e.interpretations = [
        interpretation("FallbackIntent"),
        interpretation("OutOfScope", 0.31),
        interpretation("Referral_traficom", 0.3),
        interpretation("tax-refund", 0.29),
        interpretation("residual-tax", 0.27),
      ] as typeof e.interpretations;
    });

    // Act
    const { recognition } = recognitionFromLexEvent(lexCodeHookEventSchema.parse(event));
    const response = await handler(event, context);

    // Assess: one none at its best, then both topics with Lex's own confidences.
    expect(recognition).toMatchObject({
      intent: "none",
      alternatives: [
        { intent: "none", confidence: 0.69 },
        { intent: "tax-refund", confidence: 0.29 },
        { intent: "residual-tax", confidence: 0.27 },
      ],
    });
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.topic).toBeUndefined();
    expect(reply?.quickReplies?.map((q) => q.label)).toEqual(["Veronpalautus", "Jäännösvero"]);
  });

  it("reads OutOfScope, the intent taught with out-of-scope examples, as none", async () => {
    const event = eventWith((e) => {
      e.sessionState.intent.name = "OutOfScope";
      e.sessionState.sessionAttributes.missesInRow = "0";
      const [top] = e.interpretations;
      if (top) top.intent.name = "OutOfScope";
    });

    const { recognition } = recognitionFromLexEvent(lexCodeHookEventSchema.parse(event));
    const response = await handler(event, context);

    expect(recognition).toMatchObject({ intent: "none", confidence: 0.93 });
    expect(response.sessionState.sessionAttributes).toMatchObject({
      missesInRow: "1",
      lastTopic: "",
    });
  });

  it("counts an intent the loaded content does not have as a miss, not a failure", async () => {
    // A Lex bot version a step ahead of the content (a topic published, then rolled back).
    const event = eventWith((e) => {
      e.sessionState.intent.name = "estate-tax-return";
      e.sessionState.sessionAttributes.missesInRow = "0";
    });
    const response = await handler(event, context);
    expect(response.sessionState.sessionAttributes.missesInRow).toBe("1");
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.topic).toBeUndefined();
    expect(reply?.quickReplies?.map((q) => q.value)).not.toContain("estate-tax-return");
  });

  it("says so more plainly after the second miss in a row, with the search and the channels", async () => {
    const event = eventWith((e) => {
      e.sessionState.intent.name = "FallbackIntent";
      e.sessionState.sessionAttributes.missesInRow = "1";
    });
    const response = await handler(event, context);
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.text).toMatch(/^En löydä tähänkään vastausta\./);
    expect(reply?.quickReplies).toBeUndefined();
    expect(reply?.actions?.map((a) => a.type)).toEqual([
      "link",
      "handoff",
      "callback",
      "appointment",
    ]);
  });

  it("answers in Swedish when Lex recognised the sv_SE locale, offering to switch", async () => {
    const event = eventWith((e) => {
      e.bot.localeId = "sv_SE";
    });
    const response = await handler(event, context);
    const messages = fromLexMessages(response.messages);
    expect(messages[0]?.text).toMatch(/skatteåterbäring/i);
    expect(messages[1]?.actions).toEqual([
      { type: "switch-language", label: "Byt till svenska", lang: "sv" },
    ]);
  });

  it.each([
    ["fi_FI", "fi", /^Ajoneuvovero on Traficomin asia/],
    ["sv_SE", "sv", /^Fordonsskatten sköts av Traficom/],
  ] as const)(
    "answers another agency's matter in %s with its referral and link, not as a miss",
    async (localeId, lang, text) => {
      // Prepare: the customer missed once; now Lex recognised the traficom referral intent.
      const event = eventWith((e) => {
        e.bot.localeId = localeId;
        e.sessionState.sessionAttributes.chatLang = lang;
        e.sessionState.intent.name = "Referral_traficom";
        e.sessionState.sessionAttributes.missesInRow = "1";
      });
      // Act
      const response = await handler(event, context);
      // Assess
      expect(response.sessionState.sessionAttributes).toMatchObject({
        missesInRow: "0",
        lastTopic: "",
        lastReferral: "traficom",
      });
      const [reply, ...rest] = fromLexMessages(response.messages);
      expect(rest).toEqual([]);
      expect(reply?.text).toMatch(text);
      expect(reply?.topic).toBeUndefined();
      // Named on the message as through the embedded bot, so the customer can vote on it.
      expect(reply?.referral).toBe("traficom");
      // Only the agency's link: our advisors cannot help with vehicle tax.
      expect(reply?.actions).toHaveLength(1);
      const link = reply?.actions?.[0] as { type: string; url: string };
      expect(link.type).toBe("link");
      expect(new URL(link.url).hostname).toBe("www.traficom.fi");
    },
  );

  it("refuses an event without the server-set session attributes, naming the field", async () => {
    const event = eventWith((e) => {
      (e.sessionState as { sessionAttributes: unknown }).sessionAttributes = {};
    });
    await expect(handler(event, context)).rejects.toThrow(
      /sessionState.sessionAttributes.chatLang/,
    );
  });

  it("answers a miss when Lex recognised a topic its content does not have yet", async () => {
    // Prepare: Lex moved to a version with "payment" before the answers followed.
    const content = loadBotContent();
    content.topics.delete("payment");
    const behind = handlerOn({ library: createTopicLibrary(content) });
    const event = eventWith((e) => {
      e.sessionState.intent.name = "payment";
      e.sessionState.sessionAttributes.missesInRow = "0";
      if (e.interpretations[0]) e.interpretations[0].intent.name = "payment";
    });
    // Act
    const response = await behind(event, context);
    // Assess
    expect(response.sessionState).toMatchObject({
      intent: { name: "payment", state: "Fulfilled" },
      sessionAttributes: { missesInRow: "1", lastTopic: "" },
    });
    const [reply] = fromLexMessages(response.messages);
    expect(reply?.topic).toBeUndefined();
    expect(reply?.text).toMatch(/^Minulla ei ole tähän vastausta\./);
    // Only topics the content has are suggested.
    expect(reply?.quickReplies?.map((q) => q.label)).toEqual(["Jäännösvero"]);
  });
});

describe("personal answers in the code hook", () => {
  const NOW = new Date("2026-11-24T08:00:00.000Z");
  const refund: CustomerTaxData = REFUND_CUSTOMER;
  const personal = handlerOn({
    library: createTopicLibrary(loadBotContent()),
    customerData: { find: async (subject) => (subject === "subject-1" ? refund : undefined) },
    clock: manualClock(NOW),
  });
  const signedIn = (signInExpiresAt?: string) =>
    eventWith((e) => {
      Object.assign(e.sessionState.sessionAttributes, {
        authenticated: "true",
        subject: "subject-1",
        assurance: "high",
        ...(signInExpiresAt ? { signInExpiresAt } : {}),
      });
    });

  it("answers with the customer's own data only while the sign-in has not expired", async () => {
    // Act
    const valid = await personal(signedIn("2026-11-24T08:30:00.000Z"), context);
    const expired = await personal(signedIn("2026-11-24T07:59:59.000Z"), context);
    const noExpiry = await personal(signedIn(), context);

    // Assess
    // Marked personal through Lex too: the gateway replays it as the neutral line once the
    // chat is signed out.
    expect(fromLexMessages(valid.messages)[0]).toMatchObject({
      text: expect.stringMatching(/1\s234,56/),
      personal: true,
    });
    for (const response of [expired, noExpiry]) {
      const [answer] = fromLexMessages(response.messages);
      expect(answer?.text).not.toMatch(/1\s234,56/);
      expect(answer?.personal).toBeUndefined();
      expect(answer?.actions?.map((a) => a.type)).toContain("login");
    }
  });

  it("after a refused weak sign-in names the strong methods instead of only offering to log in", async () => {
    // Prepare: the gateway refused a low-assurance sign-in in this chat and says so in the
    // session attributes; nothing is bound.
    const afterWeak = eventWith((e) => {
      Object.assign(e.sessionState.sessionAttributes, { signInTooWeak: "true" });
    });

    // Act
    const [answer] = fromLexMessages((await personal(afterWeak, context)).messages);
    const [plain] = fromLexMessages((await personal(fixture, context)).messages);

    // Assess
    expect(answer?.text).toMatch(/pankkitunnuksilla, mobiilivarmenteella tai varmennekortilla/);
    expect(answer?.text).not.toMatch(/1\s234,56/);
    expect(answer?.actions?.map((a) => a.type)).toContain("login");
    expect(plain?.text).not.toMatch(/varmennekortilla/);
  });
});
