import type { Lang } from "../../contracts/lang.ts";
import { CHANNEL_PHRASES } from "../channelPhrases.ts";

/**
 * Fixed sentences the service says in its own voice, in both national languages.
 * Wording follows the agency's chat (see ../shared/context.md); times of day take the en
 * dash of Finnish and Swedish typography ("9.00–16.00"), as the topics' answers do.
 */
export const PHRASES = {
  ...CHANNEL_PHRASES,
  welcome: {
    fi: "Hei! Olen Verohallinnon chatbot. Vastaan parhaiten, kun kysyt yhden kysymyksen kerrallaan.",
    sv: "Hej! Jag är Skatteförvaltningens chattbot. Jag svarar bäst när du ställer en fråga i taget.",
  },
  // A greeting after the bot has already answered: the introduction was said at the start.
  greetAgain: {
    fi: "Hei! Miten voin auttaa?",
    sv: "Hej! Hur kan jag hjälpa dig?",
  },
  chatEnded: {
    fi: "Keskustelu päättyi.",
    sv: "Chatten avslutades.",
  },
  askOneQuestion: {
    fi: "Vastaan parhaiten, kun kysyt yhden kysymyksen kerrallaan.",
    sv: "Jag svarar bäst när du ställer en fråga i taget.",
  },
  noAnswer: {
    fi: "Minulla ei ole tähän vastausta. Voit hakea vero.fi-sivustolta kysymykselläsi tai valita alta muun tavan asioida.",
    sv: "Jag har inget svar på det här. Du kan söka på vero.fi med din fråga eller välja ett annat sätt att få hjälp nedan.",
  },
  searchSite: { fi: "Hae vero.fi:stä", sv: "Sök på vero.fi" },
  whichOne: {
    fi: "Kysymyksesi voi koskea kahta eri asiaa. Kumpaa tarkoitat?",
    sv: "Din fråga kan gälla två olika saker. Vilken menar du?",
  },
  somethingElse: { fi: "Jotain muuta", sv: "Något annat" },
  rephrase: {
    fi: "Selvä. Kirjoita kysymyksesi vähän toisin sanoin, niin yritän uudelleen. Voit myös hakea vero.fi-sivustolta tai valita alta muun tavan asioida.",
    sv: "Okej. Skriv din fråga med lite andra ord så försöker jag igen. Du kan också söka på vero.fi eller välja ett annat sätt att få hjälp nedan.",
  },
  didYouMean: {
    fi: "Tarkoititko jotakin näistä?",
    sv: "Menade du något av dessa?",
  },
  offerOtherChannels: {
    fi: "En löydä tähänkään vastausta. Voit hakea vero.fi-sivustolta, pyytää asiakasneuvojaa, jättää soittopyynnön tai varata ajan.",
    sv: "Jag hittar inget svar på det här heller. Du kan söka på vero.fi, be om en kundrådgivare, lämna en begäran om att bli uppringd eller boka en tid.",
  },
  // Outside the advisors' hours the same, without asking for a person (the reply then says
  // when they are next in).
  offerOtherChannelsNoPerson: {
    fi: "En löydä tähänkään vastausta. Voit hakea vero.fi-sivustolta, jättää soittopyynnön tai varata ajan.",
    sv: "Jag hittar inget svar på det här heller. Du kan söka på vero.fi, lämna en begäran om att bli uppringd eller boka en tid.",
  },
  changeAppointment: { fi: "Peru tai siirrä aika", sv: "Avboka eller flytta tid" },
  // The customer's own booking, which an advisor has already marked handled (the call is done).
  appointmentAlreadyHandled: {
    fi: "Asiakasneuvoja on jo merkinnyt tämän puhelinajan hoidetuksi, joten sitä ei voi enää perua tai siirtää. Jos tarvitset vielä apua, voit varata uuden ajan tai jättää soittopyynnön.",
    sv: "En kundrådgivare har redan markerat den här telefontiden som behandlad, så den kan inte längre avbokas eller flyttas. Om du behöver mer hjälp kan du boka en ny tid eller lämna en begäran om att bli uppringd.",
  },
  endChat: { fi: "Lopeta keskustelu", sv: "Avsluta chatten" },
  recogniserDown: {
    fi: "Chatbot ei juuri nyt pysty vastaamaan kysymyksiin. Voit pyytää asiakasneuvojaa, jättää soittopyynnön tai yrittää hetken kuluttua uudelleen.",
    sv: "Chattboten kan inte svara på frågor just nu. Du kan be om en kundrådgivare, lämna en begäran om att bli uppringd eller försöka igen om en stund.",
  },
  // The same outside the advisors' hours.
  recogniserDownNoPerson: {
    fi: "Chatbot ei juuri nyt pysty vastaamaan kysymyksiin. Voit jättää soittopyynnön, varata ajan tai yrittää hetken kuluttua uudelleen.",
    sv: "Chattboten kan inte svara på frågor just nu. Du kan lämna en begäran om att bli uppringd, boka en tid eller försöka igen om en stund.",
  },
  otherLanguageDetected: {
    fi: "Huomasin, että kirjoitit suomeksi. Vastasin suomeksi; voit vaihtaa keskustelun kielen.",
    sv: "Jag märkte att du skrev på svenska. Jag svarade på svenska; du kan byta chattens språk.",
  },
  switchToThis: { fi: "Vaihda suomeksi", sv: "Byt till svenska" },
  // Added to a reply without an answer to a message in English: said in the chat's language
  // and in English, for a customer who may read neither national language.
  inEnglish: {
    fi: "Verohallinnon ohjeita on myös englanniksi – information in English: vero.fi/en.",
    sv: "Skatteförvaltningens anvisningar finns också på engelska – information in English: vero.fi/en.",
  },
  englishService: { fi: "vero.fi in English", sv: "vero.fi in English" },
  authenticated: {
    fi: "Tunnistautuminen onnistui. Voin nyt kertoa sinulle omia verotietojasi.",
    sv: "Identifieringen lyckades. Nu kan jag berätta om dina egna skatteuppgifter.",
  },
  signedOut: {
    fi: "Kirjauduit ulos. Henkilökohtaiset tietosi eivät enää näy tässä keskustelussa. Voit jatkaa kysymistä tai tunnistautua uudelleen.",
    sv: "Du har loggat ut. Dina personliga uppgifter visas inte längre i den här chatten. Du kan fortsätta att fråga eller identifiera dig igen.",
  },
  logIn: { fi: "Kirjaudu sisään", sv: "Logga in" },
  logInForOwnData: {
    fi: "Kirjautumalla näet omat tietosi tässä keskustelussa.",
    sv: "Genom att logga in ser du dina egna uppgifter i den här chatten.",
  },
  // Said once, when a sign-in is refused as too weak: why, and which methods are strong
  // enough (Suomi.fi e-Identification's strong methods).
  signInTooWeak: {
    fi: "Tunnistustapa, jolla kirjauduit, ei riitä omien verotietojesi näyttämiseen, joten keskustelu jatkuu tunnistautumatta. Omat tietosi näet, kun tunnistaudut pankkitunnuksilla, mobiilivarmenteella tai varmennekortilla.",
    sv: "Identifieringssättet du använde räcker inte för att visa dina egna skatteuppgifter, så chatten fortsätter utan identifiering. Du ser dina egna uppgifter när du identifierar dig med bankkoder, mobilcertifikat eller certifikatkort.",
  },
  // After a weak sign-in, personal answers name the strong methods instead of only "log in".
  strongSignInForOwnData: {
    fi: "Omat tietosi näet tässä keskustelussa, kun kirjaudut pankkitunnuksilla, mobiilivarmenteella tai varmennekortilla.",
    sv: "Dina egna uppgifter ser du i den här chatten när du loggar in med bankkoder, mobilcertifikat eller certifikatkort.",
  },
  personalDataWarning: {
    fi: "Älä kirjoita viestiin henkilökohtaisia tietoja, kuten henkilötunnusta tai pankkitilin numeroa. Poistin ne tallennetusta keskustelusta.",
    sv: "Skriv inte personuppgifter, till exempel personbeteckning eller bankkontonummer, i meddelandet. Jag tog bort dem ur den sparade chatten.",
  },
  noPersonalData: {
    fi: "En löytänyt tähän liittyviä omia tietojasi. Alla yleinen vastaus.",
    sv: "Jag hittade inga uppgifter om dig som gäller det här. Här är ett allmänt svar.",
  },
  languageSwitched: {
    fi: "Keskustelu jatkuu suomeksi.",
    sv: "Chatten fortsätter på svenska.",
  },
  answerFailed: {
    fi: "Viestisi tallentui, mutta palvelussa on juuri nyt häiriö, enkä saanut vastausta perille. Kysy hetken kuluttua uudelleen, jätä soittopyyntö tai soita palvelunumeroomme.",
    sv: "Ditt meddelande sparades, men tjänsten har en störning just nu och svaret kom inte fram. Fråga igen om en stund, lämna en begäran om att bli uppringd eller ring vårt servicenummer.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type PhraseId = keyof typeof PHRASES;

export function phrase(id: PhraseId, lang: Lang): string {
  return PHRASES[id][lang];
}
