import { describe, expect, it } from "vitest";
import { expectNothingSaidTwice, saidTwice } from "./support/saidTwice.ts";

describe("the said-twice check", () => {
  it("fails on the same system message twice in a row", () => {
    const joined = { from: "system", text: "Asiakasneuvoja Sanna liittyi keskusteluun." };
    expect(saidTwice([joined, joined])).toHaveLength(1);
    expect(() => expectNothingSaidTwice([joined, joined])).toThrow(/twice in a row/);
  });

  it("fails on one sentence twice in one bot message", () => {
    const text =
      "Kirjautumalla näet omat tietosi tässä keskustelussa. Kirjautumalla näet omat tietosi tässä keskustelussa.";
    expect(saidTwice([{ from: "bot", text }])).toEqual([
      'sentence twice in one bot message: "Kirjautumalla näet omat tietosi tässä keskustelussa."',
    ]);
  });

  it("lets people repeat themselves and the service say a thing again later", () => {
    const again = { from: "bot", text: "En valitettavasti ymmärtänyt kysymystäsi." };
    expect(
      saidTwice([
        { from: "customer", text: "hei" },
        { from: "customer", text: "hei" },
        again,
        { from: "customer", text: "asdf" },
        again,
      ]),
    ).toEqual([]);
  });
});
