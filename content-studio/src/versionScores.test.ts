import { describe, expect, it } from "vitest";
import { UI } from "./i18n.ts";
import { scoreLines } from "./versionScores.ts";

// Intl writes a no-break space before the percent sign.

const pending = {
  fi: {
    total: 402,
    accuracy: 0.9552,
    noneRecall: 0.94,
    uncoveredAnswered: 2 / 72,
    uncoveredCases: 72,
  },
  sv: { total: 399, accuracy: 0.97, noneRecall: 0.948, uncoveredAnswered: 0, uncoveredCases: 70 },
};
const live = {
  fi: { total: 401, accuracy: 0.958, noneRecall: 0.939, uncoveredAnswered: 0, uncoveredCases: 72 },
  sv: { total: 399, accuracy: 0.97, noneRecall: 0.948, uncoveredAnswered: 0, uncoveredCases: 70 },
};
/** Numbers kept before the honesty figure was. */
const older = {
  fi: { total: 401, accuracy: 0.958, noneRecall: 0.939 },
  sv: { total: 399, accuracy: 0.97, noneRecall: 0.948 },
};

describe("a version's test-gate numbers", () => {
  it("sets each language's numbers, the uncovered questions answered with a topic among them, beside the live version's", () => {
    expect(scoreLines(pending, live, UI.fi).map((line) => line.text)).toEqual([
      "suomi: osuvuus 95,5\u00a0% (käytössä oleva versio 95,8\u00a0%), aiheiden ulkopuoliset jätetty ilman aihetta 94\u00a0% (käytössä oleva versio 93,9\u00a0%), kysymyksistä, joihin mikään aihe ei vastaa, vastattu aiheen tekstillä 2,8\u00a0% (käytössä oleva versio 0\u00a0%)",
      "ruotsi: osuvuus 97\u00a0% (käytössä oleva versio 97\u00a0%), aiheiden ulkopuoliset jätetty ilman aihetta 94,8\u00a0% (käytössä oleva versio 94,8\u00a0%), kysymyksistä, joihin mikään aihe ei vastaa, vastattu aiheen tekstillä 0\u00a0% (käytössä oleva versio 0\u00a0%)",
    ]);
  });

  it("shows the numbers alone for the live version, or when live has none", () => {
    expect(scoreLines(pending, undefined, UI.sv)[0]?.text).toBe(
      "finska: träffsäkerhet 95,5\u00a0%, meddelanden utanför ämnena lämnade utan ämne 94\u00a0%, av frågorna som inget ämne svarar på besvarade med ett ämnes text 2,8\u00a0%",
    );
  });

  it("compares the share with live only when live measured it, and leaves it out where the version did not", () => {
    // Live's numbers were kept before the figure: the pending version's share stands alone.
    expect(scoreLines(pending, older, UI.fi)[0]?.text).toMatch(
      /vastattu aiheen tekstillä 2,8\u00a0%$/,
    );
    // A version with numbers from before, or one that kept no uncovered questions, says nothing of them.
    const [fi, sv] = scoreLines(older, live, UI.fi);
    expect(fi?.text).not.toContain("kysymyksistä");
    const none = { ...pending, sv: { ...pending.sv, uncoveredCases: 0 } };
    expect(scoreLines(none, live, UI.fi)[1]?.text).not.toContain("kysymyksistä");
    expect(sv?.overUncoveredLimit).toBe(false);
  });

  it("marks a language whose share is over the publish gate's 5 %, not one at it", () => {
    const over = {
      fi: { ...pending.fi, uncoveredAnswered: 4 / 72 },
      sv: { ...pending.sv, uncoveredAnswered: 0.05 },
    };
    expect(scoreLines(over, live, UI.fi).map((line) => line.overUncoveredLimit)).toEqual([
      true,
      false,
    ]);
  });
});
