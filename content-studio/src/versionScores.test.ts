import { describe, expect, it } from "vitest";
import { UI } from "./i18n.ts";
import { againstLiveHint, scoreLines } from "./versionScores.ts";

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

describe("a version's answers against the live version it was published on", () => {
  const compared = {
    fi: { ...pending.fi, againstLive: { version: 3, newMistakes: 12, fixed: 19 } },
    sv: { ...pending.sv, againstLive: { version: 3, newMistakes: 0, fixed: 1 } },
  };

  it("says each language's new mistakes and fixes against that version, marking new mistakes only when there are any", () => {
    const [fi, sv] = scoreLines(compared, live, UI.fi);

    expect(fi?.againstLive).toEqual({
      lead: "versioon 3 verrattuna",
      newMistakes: "12 uutta virhettä",
      fixed: "19 korjattua",
      worse: true,
    });
    expect(sv?.againstLive).toEqual({
      lead: "versioon 3 verrattuna",
      newMistakes: "0 uutta virhettä",
      fixed: "1 korjattu",
      worse: false,
    });
    // The line it follows is unchanged.
    expect(fi?.text).toBe(scoreLines(pending, live, UI.fi)[0]?.text);
  });

  it("says it in Swedish, one in the singular", () => {
    const one = {
      ...compared,
      fi: { ...compared.fi, againstLive: { version: 3, newMistakes: 1, fixed: 2 } },
    };

    expect(scoreLines(one, undefined, UI.sv)[0]?.againstLive).toEqual({
      lead: "jämfört med version 3:",
      newMistakes: "1 nytt fel",
      fixed: "2 rättade",
      worse: true,
    });
  });

  it("says nothing of it for numbers kept before the counts were", () => {
    expect(scoreLines(pending, live, UI.fi).map((line) => line.againstLive)).toEqual([
      undefined,
      undefined,
    ]);
    expect(againstLiveHint(pending, UI.fi)).toBeUndefined();
  });

  it("points to the version's test to see which messages, only when any answer changes", () => {
    expect(againstLiveHint(compared, UI.fi)).toBe(
      "Painike ”Testaa versio” näyttää, minkä viestien vastaus muuttuu.",
    );
    expect(againstLiveHint(compared, UI.sv)).toBe(
      "Knappen ”Testa versionen” visar vilka meddelandens svar som ändras.",
    );
    const unchanged = {
      fi: { ...pending.fi, againstLive: { version: 3, newMistakes: 0, fixed: 0 } },
      sv: { ...pending.sv, againstLive: { version: 3, newMistakes: 0, fixed: 0 } },
    };
    expect(againstLiveHint(unchanged, UI.fi)).toBeUndefined();
  });
});
