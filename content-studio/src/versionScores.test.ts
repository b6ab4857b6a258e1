import { describe, expect, it } from "vitest";
import { UI } from "./i18n.ts";
import { scoreLines } from "./versionScores.ts";

// Intl writes a no-break space before the percent sign.

const pending = {
  fi: { total: 402, accuracy: 0.9552, noneRecall: 0.94 },
  sv: { total: 399, accuracy: 0.97, noneRecall: 0.948 },
};
const live = {
  fi: { total: 401, accuracy: 0.958, noneRecall: 0.939 },
  sv: { total: 399, accuracy: 0.97, noneRecall: 0.948 },
};

describe("a version's test-gate numbers", () => {
  it("sets each language's numbers beside the live version's", () => {
    expect(scoreLines(pending, live, UI.fi)).toEqual([
      "suomi: osuvuus 95,5\u00a0% (käytössä oleva versio 95,8\u00a0%), aiheiden ulkopuoliset jätetty ilman aihetta 94\u00a0% (käytössä oleva versio 93,9\u00a0%)",
      "ruotsi: osuvuus 97\u00a0% (käytössä oleva versio 97\u00a0%), aiheiden ulkopuoliset jätetty ilman aihetta 94,8\u00a0% (käytössä oleva versio 94,8\u00a0%)",
    ]);
  });

  it("shows the numbers alone for the live version, or when live has none", () => {
    expect(scoreLines(pending, undefined, UI.sv)[1]).toBe(
      "svenska: träffsäkerhet 97\u00a0%, meddelanden utanför ämnena lämnade utan ämne 94,8\u00a0%",
    );
  });
});
