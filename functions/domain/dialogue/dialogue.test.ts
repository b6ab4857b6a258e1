import { describe, expect, it } from "vitest";
import { REFUND_CUSTOMER } from "../../../tests/support/taxData.ts";
import { loadBotContent } from "../../content/loadContent.ts";
import { manualClock } from "../clock.ts";
import type { CustomerData, CustomerTaxData } from "../customerData/customerData.ts";
import type { Recognition } from "../ports.ts";
import type { DialogueContext } from "./answerTurn.ts";
import { createDialogue } from "./dialogue.ts";
import { createTopicLibrary } from "./topicLibrary.ts";

const NOW = new Date("2026-11-24T08:00:00.000Z");
const library = createTopicLibrary(loadBotContent());

const refund: CustomerTaxData = REFUND_CUSTOMER;

/** Customer data that remembers whom it was asked about. */
function recordingData(): CustomerData & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    find: async (subject) => {
      asked.push(subject);
      return subject === refund.subject ? refund : undefined;
    },
  };
}

function recognised(intent: string, confidence = 0.93): Recognition {
  return {
    intent: intent as Recognition["intent"],
    confidence,
    detectedLang: "fi",
    alternatives: [{ intent: intent as Recognition["intent"], confidence }],
  };
}

const signedIn: DialogueContext = {
  lang: "fi",
  missesInRow: 0,
  authenticated: true,
  assurance: "high",
  subject: "subject-1",
  signInExpiresAt: "2026-11-24T09:00:00.000Z",
  question: "milloin saan veronpalautuksen",
};

describe("dialogue", () => {
  it("answers a personal topic with the customer's own figures for a current, strong sign-in", async () => {
    // Prepare
    const data = recordingData();
    const dialogue = createDialogue({ library, customerData: data, clock: manualClock(NOW) });
    // Act
    const turn = await dialogue.answer(signedIn, recognised("tax-refund"));
    // Assess
    expect(turn.topic).toBe("tax-refund");
    expect(turn.messages[0]?.text).toMatch(/1\s234,56/);
    expect(data.asked).toEqual(["subject-1"]);
  });

  it("marks the answers about the customer's own taxes personal, found or not, and no general answer", async () => {
    // Prepare: Aino's data, and a signed-in person the service holds nothing for.
    const dialogue = createDialogue({
      library,
      customerData: recordingData(),
      clock: manualClock(NOW),
    });
    // Act
    const own = await dialogue.answer(signedIn, recognised("tax-refund"));
    const noneFound = await dialogue.answer(
      { ...signedIn, subject: "subject-unknown" },
      recognised("tax-refund"),
    );
    const anonymous = await dialogue.answer(
      { ...signedIn, authenticated: false, assurance: undefined, subject: undefined },
      recognised("tax-refund"),
    );
    const general = await dialogue.answer(signedIn, recognised("payment"));
    // Assess: what a sign-out takes off the screen.
    expect(own.messages[0]?.personal).toBe(true);
    expect(noneFound.messages[0]?.personal).toBe(true);
    expect(anonymous.messages[0]?.personal).toBeUndefined();
    expect(general.messages[0]?.personal).toBeUndefined();
  });

  it("gives the customer's own figures in the chat's language for one word of the other", async () => {
    // Prepare: a Swedish chat; "veronpalautus" is read as Finnish.
    const dialogue = createDialogue({
      library,
      customerData: recordingData(),
      clock: manualClock(NOW),
    });
    // Act
    const turn = await dialogue.answer(
      { ...signedIn, lang: "sv", question: "veronpalautus" },
      recognised("tax-refund"),
    );
    // Assess
    expect(turn.replyLang).toBe("sv");
    expect(turn.messages[0]?.text).toMatch(/^Du får 1\s234,56 euro i skatteåterbäring/);
  });

  it.each([
    ["a low-assurance sign-in", { assurance: "low" as const }],
    ["an expired sign-in", { signInExpiresAt: "2026-11-24T07:59:59.000Z" }],
    ["a sign-in without an expiry", { signInExpiresAt: undefined }],
    ["an anonymous chat", { authenticated: false, assurance: undefined, subject: undefined }],
  ])("never reads the customer's data for %s, and offers the sign-in", async (_, patch) => {
    // Prepare
    const data = recordingData();
    const dialogue = createDialogue({ library, customerData: data, clock: manualClock(NOW) });
    // Act
    const turn = await dialogue.answer({ ...signedIn, ...patch }, recognised("tax-refund"));
    // Assess
    expect(data.asked).toEqual([]);
    expect(turn.messages[0]?.text).not.toMatch(/1\s234,56/);
    expect(turn.messages[0]?.actions?.map((a) => a.type)).toContain("login");
  });

  it("reads no customer data for an answer that would not use it", async () => {
    // Prepare: a general topic, and a personal one recognised too weakly to be answered.
    const data = recordingData();
    const dialogue = createDialogue({ library, customerData: data, clock: manualClock(NOW) });
    // Act
    const general = await dialogue.answer(signedIn, recognised("payment"));
    const unsure = await dialogue.answer(signedIn, recognised("tax-refund", 0.2));
    // Assess
    expect(general.topic).toBe("payment");
    expect(unsure.topic).toBeUndefined();
    expect(data.asked).toEqual([]);
  });

  it("welcomes with how to ask and when a person can be reached", () => {
    const dialogue = createDialogue({ library });
    expect(dialogue.welcome("sv").map((m) => m.text)).toEqual([
      expect.stringMatching(/^Hej! Jag är Skatteförvaltningens chattbot/),
      expect.stringMatching(/9\.00–16\.00/),
    ]);
  });
});
