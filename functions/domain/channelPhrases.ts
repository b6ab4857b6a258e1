import type { Lang } from "../contracts/lang.ts";

/**
 * The other service channels as the customer sees them offered, and when a person can join:
 * one wording whether the bot offers them (dialogue) or routing does (handoff). The hours
 * sentence is the agency's own ("Voin kutsua asiakasneuvojan mukaan...").
 */
export const CHANNEL_PHRASES = {
  advisorHours: {
    fi: "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00.",
    sv: "Jag kan bjuda in en kundrådgivare till chatten bara på vardagar kl. 9.00–16.00.",
  },
  talkToPerson: { fi: "Asiakasneuvoja", sv: "Kundrådgivare" },
  requestCallback: { fi: "Soittopyyntö", sv: "Bli uppringd" },
  bookAppointment: { fi: "Varaa aika", sv: "Boka tid" },
  otherChannels: {
    fi: "Voit jättää soittopyynnön tai varata puhelinajan, niin asiakasneuvoja soittaa sinulle.",
    sv: "Du kan lämna en begäran om att bli uppringd eller boka en telefontid, så ringer en kundrådgivare dig.",
  },
  // Said instead of offering a person outside the hours, by routing and by the bot alike.
  nextOpening: {
    fi: "Asiakasneuvojat eivät ole nyt paikalla. He ovat seuraavan kerran paikalla {when}.",
    sv: "Kundrådgivarna är inte på plats nu. De är tillbaka {when}.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** That advisors are away and when they are next in; `when` as formatNextOpening words it. */
export function advisorsAwayUntil(when: string, lang: Lang): string {
  return CHANNEL_PHRASES.nextOpening[lang].replace("{when}", when);
}
