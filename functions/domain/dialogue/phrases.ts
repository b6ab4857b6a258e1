import type { Lang } from "../../contracts/lang.ts";

/**
 * Fixed sentences the service says in its own voice, in both national languages.
 * Wording follows the agency's chat (see ../shared/context.md).
 */
export const PHRASES = {
  welcome: {
    fi: "Hei! Olen Verohallinnon chatbot. Vastaan parhaiten, kun kysyt yhden kysymyksen kerrallaan.",
    sv: "Hej! Jag är Skatteförvaltningens chattbot. Jag svarar bäst när du ställer en fråga i taget.",
  },
  advisorHours: {
    fi: "Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00-16.00.",
    sv: "Jag kan bjuda in en kundrådgivare till chatten endast vardagar kl. 9.00-16.00.",
  },
  chatEnded: {
    fi: "Keskustelu päättyi.",
    sv: "Chatten avslutades.",
  },
  askOneQuestion: {
    fi: "Vastaan parhaiten, kun kysyt yhden kysymyksen kerrallaan.",
    sv: "Jag svarar bäst när du ställer en fråga i taget.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type PhraseId = keyof typeof PHRASES;

export function phrase(id: PhraseId, lang: Lang): string {
  return PHRASES[id][lang];
}
