import { describe, expect, it } from "vitest";
import type { Lang } from "../../contracts/lang.ts";
import { manualClock } from "../clock.ts";
import { formatNextOpeningIfClosed } from "../openingHours/format.ts";
import { loadOpeningHours } from "../openingHours/load.ts";
import type { AdvisorHours } from "../ports.ts";
import { advisorsAwayFor } from "./answerTurn.ts";
import { phrase } from "./phrases.ts";
import { welcomeMessages } from "./welcome.ts";

describe("the welcome, by the advisors' hours (config/opening-hours.yaml)", () => {
  const schedule = loadOpeningHours();
  const byTheHours: AdvisorHours = (queue, at, lang) =>
    formatNextOpeningIfClosed(schedule, queue, at, lang);
  /** The welcome of a chat in `lang` started at `iso`. */
  const welcomeAt = (lang: Lang, iso: string) =>
    welcomeMessages(lang, advisorsAwayFor(byTheHours, lang, manualClock(new Date(iso)))).map(
      (m) => m.text,
    );

  it("in opening hours says only how to ask and the hours (Tuesday 10:00)", () => {
    expect(welcomeAt("fi", "2026-11-24T10:00:00+02:00")).toEqual([
      phrase("welcome", "fi"),
      "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00.",
    ]);
  });

  it("on a weekday evening adds to the hours that advisors are away until tomorrow", () => {
    expect(welcomeAt("fi", "2026-11-24T16:00:00+02:00")).toEqual([
      phrase("welcome", "fi"),
      "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00. Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla huomenna klo 9.00.",
    ]);
  });

  it("on a Saturday says Monday, in Finnish and in Swedish", () => {
    expect(welcomeAt("fi", "2026-12-05T12:00:00+02:00")[1]).toBe(
      "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00. Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla maanantaina 7.12. klo 9.00.",
    );
    expect(welcomeAt("sv", "2026-12-05T12:00:00+02:00")).toEqual([
      phrase("welcome", "sv"),
      "Jag kan bjuda in en kundrådgivare till chatten bara på vardagar kl. 9.00–16.00. Kundrådgivarna är inte på plats nu. De är tillbaka måndag 7.12 kl. 9.00.",
    ]);
  });

  it("on a weekday holiday says the first working day after it (Christmas Eve, Good Friday)", () => {
    expect(welcomeAt("fi", "2026-12-24T10:00:00+02:00")[1]).toMatch(
      / He ovat seuraavan kerran paikalla maanantaina 28\.12\. klo 9\.00\.$/,
    );
    expect(welcomeAt("fi", "2026-04-03T11:00:00+03:00")[1]).toMatch(
      / He ovat seuraavan kerran paikalla tiistaina 7\.4\. klo 9\.00\.$/,
    );
  });

  it("without opening hours to ask (advisorHours unset) says only the hours", () => {
    expect(welcomeMessages("fi").map((m) => m.text)[1]).toBe(phrase("advisorHours", "fi"));
  });
});
