import type { Lang } from "../../contracts/lang.ts";
import { CHANNEL_PHRASES } from "../channelPhrases.ts";

/**
 * What the service says in the chat while routing to a person, in both national languages.
 * The channel offers are shared with the bot (CHANNEL_PHRASES), so that one thing has one
 * wording wherever the chat says it. A closed chat is told only that advisors are away and
 * when they are next in: the welcome says the hours (and, in a chat started while they were
 * away, that sentence too; asking for a person later answers the request, so it is said again).
 */
export const HANDOFF_PHRASES = {
  ...CHANNEL_PHRASES,
  noAdvisors: {
    fi: "Yksikään asiakasneuvoja ei valitettavasti ole juuri nyt vapaana.",
    sv: "Tyvärr är ingen kundrådgivare ledig just nu.",
  },
  queueFull: {
    fi: "Asiakasneuvojilla on juuri nyt poikkeuksellisen paljon jonoa.",
    sv: "Kön till kundrådgivarna är just nu ovanligt lång.",
  },
  queued: {
    fi: "Pyysin asiakasneuvojan mukaan keskusteluun. Olet jonossa sijalla {position}. Arvioitu odotusaika on {wait}. Kirjoita sillä välin lyhyesti, mitä asiasi koskee, niin neuvoja pääsee suoraan asiaan. Voit poistua jonosta ja jatkaa kanssani milloin tahansa.",
    sv: "Jag har bett en kundrådgivare att delta i chatten. Du är nummer {position} i kön. Den uppskattade väntetiden är {wait}. Skriv under tiden kort vad ditt ärende gäller, så kan rådgivaren gå direkt till saken. Du kan lämna kön och fortsätta med mig när som helst.",
  },
  waitUnderMinute: { fi: "alle minuutin", sv: "under en minut" },
  waitOneMinute: { fi: "noin minuutin", sv: "cirka en minut" },
  waitMinutes: { fi: "noin {n} minuuttia", sv: "cirka {n} minuter" },
  leftQueue: {
    fi: "Poistuit jonosta. Voit jatkaa kysymistä minulta.",
    sv: "Du lämnade kön. Du kan fortsätta att fråga mig.",
  },
  advisorJoined: {
    fi: "Asiakasneuvoja {name} liittyi keskusteluun.",
    sv: "Kundrådgivaren {name} deltar nu i chatten.",
  },
  transferred: {
    fi: "Asiakasneuvoja siirsi keskustelun {queue} jonoon.",
    sv: "Kundrådgivaren flyttade chatten till den {queue} kön.",
  },
  queueFirst: { fi: "Olet jonon kärjessä.", sv: "Du står först i kön." },
  queuePlace: {
    fi: "Olet jonossa sijalla {position}.",
    sv: "Du är nummer {position} i kön.",
  },
  queueName: {
    fi: { fi: "suomenkieliseen", sv: "ruotsinkieliseen" },
    sv: { fi: "finskspråkiga", sv: "svenskspråkiga" },
  },
  /** Followed by the customer's real place (queueFirst or queuePlace). */
  advisorLost: {
    fi: "Yhteys asiakasneuvojaan katkesi. Palautin sinut jonoon, ja seuraava vapaa neuvoja jatkaa keskustelua.",
    sv: "Förbindelsen till kundrådgivaren bröts. Du är tillbaka i kön, och nästa lediga rådgivare fortsätter chatten.",
  },
  /** The advisor was lost while the customer was away too: the chat left the queue. */
  advisorLostCustomerAway: {
    fi: "Yhteys asiakasneuvojaan katkesi, kun olit poissa chatista, joten keskustelu poistui jonosta. Voit pyytää asiakasneuvojaa uudelleen tai jatkaa kysymistä minulta.",
    sv: "Förbindelsen till kundrådgivaren bröts medan du var borta från chatten, så chatten togs bort ur kön. Du kan be om en kundrådgivare igen eller fortsätta att fråga mig.",
  },
  alreadyQueued: {
    fi: "Olet jo jonossa asiakasneuvojalle.",
    sv: "Du står redan i kön till en kundrådgivare.",
  },
} as const;

type Simple = Exclude<keyof typeof HANDOFF_PHRASES, "queueName">;

/** A handoff sentence in `lang` with its {placeholders} filled in. */
export function handoffPhrase(id: Simple, lang: Lang, values: Record<string, string> = {}): string {
  return HANDOFF_PHRASES[id][lang].replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? "");
}

/**
 * The wait estimate in words: "alle minuutin", "noin minuutin", "noin 5 minuuttia". Under a
 * minute is said so (half a minute rounded up read "noin 1 minuuttia", which is neither
 * true nor Finnish).
 */
export function waitInWords(seconds: number, lang: Lang): string {
  if (seconds < 60) return handoffPhrase("waitUnderMinute", lang);
  const minutes = Math.round(seconds / 60);
  return minutes === 1
    ? handoffPhrase("waitOneMinute", lang)
    : handoffPhrase("waitMinutes", lang, { n: String(minutes) });
}

/** "Olet jonon kärjessä." or "Olet jonossa sijalla 3.": where a customer now stands. */
export function placeInQueue(position: number, lang: Lang): string {
  return position === 1
    ? handoffPhrase("queueFirst", lang)
    : handoffPhrase("queuePlace", lang, { position: String(position) });
}

/** "the Swedish queue" as an adjective in the customer's language. */
export function queueName(queue: Lang, lang: Lang): string {
  return HANDOFF_PHRASES.queueName[lang][queue];
}
