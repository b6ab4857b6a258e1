import { describe, expect, it } from "vitest";
import { expectNothingSaidTwice, sentencesOf } from "../../../tests/support/saidTwice.ts";
import { shippedBotContent } from "../../../tests/support/shippedContent.ts";
import type { Lang } from "../../contracts/lang.ts";
import type { Recognition } from "../ports.ts";
import { answerTurn, PERSONAL_TOPICS } from "./answerTurn.ts";
import { createTopicLibrary } from "./topicLibrary.ts";

// The published content through the real dialogue: what a customer reads, not a fixture.
const library = createTopicLibrary(shippedBotContent());

// Any sentence that invites the customer to sign in, in either language.
const SIGN_IN = /kirjautu|kirjaudu|logga in/i;

function recognised(topic: string, lang: Lang): Recognition {
  return {
    intent: topic,
    confidence: 0.9,
    detectedLang: lang,
    alternatives: [{ intent: topic, confidence: 0.9 }],
  };
}

function answerText(topic: string, lang: Lang, authenticated: boolean): string {
  const turn = answerTurn(
    library,
    { lang, missesInRow: 0, authenticated, ...(authenticated ? { assurance: "high" } : {}) },
    recognised(topic, lang),
  );
  const [answer] = turn.messages;
  if (!answer) throw new Error(`no answer for ${topic}`);
  expectNothingSaidTwice([answer]);
  return answer.text;
}

describe("personal topics in the published content", () => {
  for (const topic of PERSONAL_TOPICS) {
    for (const lang of ["fi", "sv"] as const) {
      it(`${topic} (${lang}) invites a customer who is not signed in to sign in once`, () => {
        const invitations = sentencesOf(answerText(topic, lang, false)).filter((s) =>
          SIGN_IN.test(s),
        );
        expect(invitations).toHaveLength(1);
      });

      it(`${topic} (${lang}) does not ask a signed-in customer without data to sign in`, () => {
        expect(answerText(topic, lang, true)).not.toMatch(SIGN_IN);
      });
    }
  }
});
