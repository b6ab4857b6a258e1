import { computed, signal } from "@preact/signals";
import type { Lang } from "../../functions/contracts/lang.ts";
import type { ErrorCode } from "../../functions/contracts/protocol.ts";
import { OTHER_REASON } from "../../functions/contracts/topics.ts";
import { topicTitle } from "./topicNames.ts";

const minSec = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
};

/** Every string the console shows or announces, in both national languages. */
export const UI = {
  fi: {
    lang: "fi" as Lang,
    appTitle: "Asiakasneuvojan työpöytä",
    switchLang: "På svenska",
    switchLangTo: "sv" as Lang,
    langName: { fi: "suomi", sv: "ruotsi" } as Record<Lang, string>,
    // Sign-in
    signInTitle: "Kirjaudu sisään",
    signInIntro: "Paikallinen kehitysympäristö: valitse neuvojan testihenkilö.",
    loadingPersonas: "Haetaan testihenkilöitä…",
    signInAs: (name: string) => `Kirjaudu: ${name}`,
    noStaffPersonas: "Neuvojien testihenkilöitä ei löytynyt.",
    productionSignIn:
      "Tuotannossa neuvojat kirjautuvat organisaation tunnistuspalvelun (Cognito) kautta. Jos sinulla on neuvojan ID-tunniste, voit liittää sen tähän.",
    tokenLabel: "Neuvojan ID-tunniste (token)",
    tokenSubmit: "Kirjaudu tunnisteella",
    tokenEmpty: "Liitä tunniste ensin.",
    tokenFailed: "Tunnisteen haku epäonnistui. Yritä uudelleen.",
    unauthorized: "Kirjautuminen ei kelpaa tai on vanhentunut. Kirjaudu uudelleen.",
    serverSaid: (message: string) => `Palvelimen viesti: ${message}`,
    signOut: "Kirjaudu ulos",
    signedInAs: (name: string) => `Kirjautuneena: ${name}`,
    confirmSignOut: (n: number) =>
      `Sinulla on avoimia keskusteluja: ${n}. Ne palaavat jonoon muille neuvojille, ellet kirjaudu pian takaisin. Kirjaudutaanko ulos?`,
    // Presence
    presence: "Tila",
    available: "Vapaana",
    away: "Poissa",
    languagesServed: "Palvelukielet",
    maxChats: "Keskusteluja enintään",
    statusNow: (status: string, langs: string, max: number) =>
      `Tila: ${status}. Kielet: ${langs}. Enintään ${max} keskustelua.`,
    chooseLanguage: "Valitse vähintään yksi kieli.",
    maxChatsInvalid: "Anna kokonaisluku 1–10.",
    // Connection
    connecting: "Yhdistetään…",
    online: "Yhteys kunnossa",
    reconnecting: "Yhteys katkesi. Yhdistetään uudelleen…",
    // Navigation
    navLabel: "Työpöydän osat",
    // Queue
    queueTitle: "Jono",
    queueCaption: "Odottavat keskustelut, pisimpään odottanut ensin",
    queueEmpty: "Jonossa ei ole keskusteluja.",
    colPosition: "Nro",
    colLang: "Kieli",
    colTopic: "Aihe",
    colWaiting: "Odottanut",
    colAuth: "Tunnistautuminen",
    colAction: "Toiminto",
    authenticated: "Tunnistettu",
    anonymous: "Ei tunnistettu",
    noTopic: "Ei aihetta",
    waited: minSec,
    accept: "Ota",
    acceptContext: (pos: number, lang: string, topic: string) =>
      ` keskustelu ${pos}: ${lang}, ${topic}`,
    accepting: "Otetaan…",
    alreadyTaken: "Toinen neuvoja ehti ottaa tämän keskustelun.",
    queueCount: (n: number) =>
      n === 0 ? "Jono on tyhjä." : n === 1 ? "Jonossa 1 keskustelu." : `Jonossa ${n} keskustelua.`,
    queueCountShort: (n: number) => `Jono (${n})`,
    otherLanguages: (n: number) => `Näytä myös muut kielet (${n})`,
    // Chats
    chatsTitle: "Keskusteluni",
    noChats: "Ei avoimia keskusteluja. Ota keskustelu jonosta.",
    unidentified: "Tunnistamaton asiakas",
    chatName: (name: string, short: string) => `${name} (${short})`,
    chatLanguage: "Kieli",
    chatTopics: "Aiheet",
    chatAuth: "Tunnistautuminen",
    from: { customer: "Asiakas", bot: "Chatbot", advisor: "Neuvoja", system: "Ilmoitus" },
    options: "Vaihtoehdot:",
    messagesLabel: (chat: string) => `Viestit: ${chat}`,
    acceptedHere: "Otit keskustelun – aiemmat viestit yllä",
    customerTyping: "Asiakas kirjoittaa…",
    customerGone: "Asiakas on poistunut chatista. Voit lopettaa keskustelun.",
    messageLabel: "Viesti asiakkaalle",
    composeHint: "Enter lähettää, Vaihto+Enter lisää rivin. Älä pyydä henkilötunnusta chatissa.",
    send: "Lähetä",
    sending: "Lähetetään…",
    transferTo: (lang: Lang) =>
      lang === "sv" ? "Siirrä ruotsinkieliseen jonoon" : "Siirrä suomenkieliseen jonoon",
    confirmTransfer: (lang: Lang) =>
      `Siirretäänkö keskustelu ${lang === "sv" ? "ruotsinkieliseen" : "suomenkieliseen"} jonoon? Se poistuu sinulta.`,
    end: "Lopeta keskustelu",
    confirmEnd: "Lopetetaanko keskustelu? Asiakas saa palautekyselyn.",
    yes: "Kyllä",
    cancel: "Peruuta",
    transferred: (lang: Lang) =>
      `Keskustelu siirrettiin ${lang === "sv" ? "ruotsinkieliseen" : "suomenkieliseen"} jonoon.`,
    returnedToQueue: "Keskustelu ei ole enää sinulla (palautettu jonoon tai siirretty).",
    chatEnded: "Keskustelu on päättynyt. Täytä yhteenveto.",
    newCount: (n: number) => (n === 1 ? "1 uusi viesti" : `${n} uutta viestiä`),
    // Announcer and outbox
    sendWhenOnline: "Lähetetään, kun yhteys palaa",
    sentWhenOnline: (chat: string) => `${chat}: odottanut viesti lähetetty.`,
    // Wrap-up
    wrapupTitle: "Yhteenveto",
    wrapupIntro: "Kirjaa yhteydenoton syy raportointia varten.",
    reason: "Yhteydenoton syy",
    chooseReason: "Valitse syy",
    reasonsFromChat: "Keskustelun aiheet",
    reasonsOthers: "Kaikki aiheet",
    reasonRequired: "Valitse yhteydenoton syy.",
    note: "Muistiinpano (vapaaehtoinen)",
    noteHint: (max: number) =>
      `Enintään ${max} merkkiä. Älä kirjaa henkilötunnusta tai pankkitilin numeroa.`,
    charsLeft: (n: number) => `${n} merkkiä jäljellä`,
    saveWrapup: "Tallenna ja sulje",
    saving: "Tallennetaan…",
    wrapupSaved: "Yhteenveto tallennettu ja keskustelu suljettu.",
    // Callback requests
    callbacksTitle: "Soittopyynnöt",
    callbacksCaption: "Avoimet soittopyynnöt, vanhin ensin",
    callbacksEmpty: "Ei avoimia soittopyyntöjä.",
    callbacksMore: (n: number) => `Näytetään ${n} vanhinta, lisää on jonossa.`,
    refresh: "Päivitä",
    loading: "Haetaan…",
    showMore: "Näytä lisää",
    colReference: "Viite",
    colPhone: "Puhelin",
    colWish: "Toive",
    colLeft: "Jätetty",
    windows: {
      any: "Milloin tahansa",
      morning: "Aamupäivällä 9–12",
      afternoon: "Iltapäivällä 12–16",
    },
    callFrom: (time: string) => `aikaisintaan ${time}`,
    markDone: "Merkitse hoidetuksi",
    callbackClosed: (reference: string) => `Soittopyyntö ${reference} merkitty hoidetuksi.`,
    // Errors
    failed: (message: string) => `Toiminto epäonnistui: ${message}`,
    errors: {
      ALREADY_TAKEN: "Toinen neuvoja ehti ottaa tämän keskustelun.",
      TOO_MANY_CHATS:
        "Sinulla on jo enimmäismäärä keskusteluja. Lopeta jokin ensin tai nosta enimmäismäärää.",
      NOT_IN_QUEUE: "Keskustelu ei ole enää jonossa.",
      NOT_YOUR_CHAT: "Keskustelu ei ole enää sinulla.",
      CHAT_NOT_FOUND: "Keskustelua ei löydy.",
      CHAT_ENDED: "Keskustelu on jo päättynyt.",
      RATE_LIMITED: "Liian monta toimintoa lyhyessä ajassa. Odota hetki.",
      SERVICE_UNAVAILABLE: "Palvelu ei vastannut. Yritä uudelleen.",
      UNAUTHORIZED: "Kirjautuminen ei kelpaa. Kirjaudu uudelleen.",
      CALLBACK_NOT_FOUND: "Soittopyyntöä ei löydy. Päivitä lista.",
      CALLBACK_ALREADY_CLOSED: "Soittopyyntö on jo merkitty hoidetuksi. Päivitä lista.",
    } as Partial<Record<ErrorCode, string>>,
    /** The wrap-up reason for a contact no topic fits; topic names come from the content. */
    otherReason: "Muu asia",
    // Booked phone appointments (and refusals of marking contacts handled)
    appointmentsTitle: "Ajanvaraukset",
    appointmentsCaption: "Varatut puhelinajat tästä päivästä alkaen, aikaisin ensin",
    appointmentsEmpty: "Ei varattuja puhelinaikoja.",
    appointmentsMore: (n: number) => `Näytetään ${n} ensimmäistä, lisää on tulossa.`,
    appointmentHandled: (reference: string) => `Ajanvaraus ${reference} merkitty hoidetuksi.`,
    colTime: "Aika",
    contactErrors: {
      APPOINTMENT_NOT_STARTED:
        "Puhelinaika ei ole vielä alkanut. Merkitse hoidetuksi puhelun jälkeen.",
      APPOINTMENT_ALREADY_HANDLED: "Ajanvaraus on jo merkitty hoidetuksi. Päivitä lista.",
      APPOINTMENT_CANCELLED: "Asiakas on perunut ajan. Päivitä lista.",
      APPOINTMENT_NOT_FOUND: "Ajanvarausta ei löydy. Päivitä lista.",
      LANGUAGE_NOT_SERVED: "Et palvele tämän kielen asiakkaita.",
    } as Partial<Record<ErrorCode, string>>,
  },
  sv: {
    lang: "sv" as Lang,
    appTitle: "Kundrådgivarens arbetsvy",
    switchLang: "Suomeksi",
    switchLangTo: "fi" as Lang,
    langName: { fi: "finska", sv: "svenska" } as Record<Lang, string>,
    signInTitle: "Logga in",
    signInIntro: "Lokal utvecklingsmiljö: välj en testperson för rådgivare.",
    loadingPersonas: "Hämtar testpersoner…",
    signInAs: (name: string) => `Logga in: ${name}`,
    noStaffPersonas: "Inga testpersoner för rådgivare hittades.",
    productionSignIn:
      "I produktion loggar rådgivare in via organisationens identifieringstjänst (Cognito). Om du har en ID-token för rådgivare kan du klistra in den här.",
    tokenLabel: "Rådgivarens ID-token",
    tokenSubmit: "Logga in med token",
    tokenEmpty: "Klistra in en token först.",
    tokenFailed: "Det gick inte att hämta en token. Försök igen.",
    unauthorized: "Inloggningen är ogiltig eller har gått ut. Logga in på nytt.",
    serverSaid: (message: string) => `Serverns meddelande: ${message}`,
    signOut: "Logga ut",
    signedInAs: (name: string) => `Inloggad: ${name}`,
    confirmSignOut: (n: number) =>
      `Du har öppna chattar: ${n}. De går tillbaka till kön för andra rådgivare om du inte snart loggar in igen. Logga ut?`,
    presence: "Status",
    available: "Tillgänglig",
    away: "Borta",
    languagesServed: "Betjäningsspråk",
    maxChats: "Högsta antal chattar",
    statusNow: (status: string, langs: string, max: number) =>
      `Status: ${status}. Språk: ${langs}. Högst ${max} chattar.`,
    chooseLanguage: "Välj minst ett språk.",
    maxChatsInvalid: "Ange ett heltal 1–10.",
    connecting: "Ansluter…",
    online: "Ansluten",
    reconnecting: "Anslutningen bröts. Ansluter på nytt…",
    navLabel: "Arbetsvyns delar",
    queueTitle: "Kö",
    queueCaption: "Väntande chattar, den som väntat längst först",
    queueEmpty: "Inga chattar i kön.",
    colPosition: "Nr",
    colLang: "Språk",
    colTopic: "Ämne",
    colWaiting: "Väntat",
    colAuth: "Identifiering",
    colAction: "Åtgärd",
    authenticated: "Identifierad",
    anonymous: "Inte identifierad",
    noTopic: "Inget ämne",
    waited: minSec,
    accept: "Ta emot",
    acceptContext: (pos: number, lang: string, topic: string) => ` chatt ${pos}: ${lang}, ${topic}`,
    accepting: "Tar emot…",
    alreadyTaken: "En annan rådgivare hann ta den här chatten.",
    queueCount: (n: number) =>
      n === 0 ? "Kön är tom." : n === 1 ? "1 chatt i kön." : `${n} chattar i kön.`,
    queueCountShort: (n: number) => `Kö (${n})`,
    otherLanguages: (n: number) => `Visa även andra språk (${n})`,
    chatsTitle: "Mina chattar",
    noChats: "Inga öppna chattar. Ta en chatt från kön.",
    unidentified: "Oidentifierad kund",
    chatName: (name: string, short: string) => `${name} (${short})`,
    chatLanguage: "Språk",
    chatTopics: "Ämnen",
    chatAuth: "Identifiering",
    from: { customer: "Kund", bot: "Chattbot", advisor: "Rådgivare", system: "Meddelande" },
    options: "Alternativ:",
    messagesLabel: (chat: string) => `Meddelanden: ${chat}`,
    acceptedHere: "Du tog emot chatten – tidigare meddelanden ovan",
    customerTyping: "Kunden skriver…",
    customerGone: "Kunden har lämnat chatten. Du kan avsluta den.",
    messageLabel: "Meddelande till kunden",
    composeHint: "Enter skickar, Skift+Enter ger ny rad. Be inte om personbeteckning i chatten.",
    send: "Skicka",
    sending: "Skickas…",
    transferTo: (lang: Lang) =>
      lang === "sv" ? "Flytta till den svenskspråkiga kön" : "Flytta till den finskspråkiga kön",
    confirmTransfer: (lang: Lang) =>
      `Flytta chatten till den ${lang === "sv" ? "svenskspråkiga" : "finskspråkiga"} kön? Den försvinner då från dina chattar.`,
    end: "Avsluta chatten",
    confirmEnd: "Avsluta chatten? Kunden får en responsenkät.",
    yes: "Ja",
    cancel: "Avbryt",
    transferred: (lang: Lang) =>
      `Chatten flyttades till den ${lang === "sv" ? "svenskspråkiga" : "finskspråkiga"} kön.`,
    returnedToQueue: "Chatten är inte längre din (återförd till kön eller flyttad).",
    chatEnded: "Chatten har avslutats. Fyll i sammanfattningen.",
    newCount: (n: number) => (n === 1 ? "1 nytt meddelande" : `${n} nya meddelanden`),
    // Announcer and outbox
    sendWhenOnline: "Skickas när anslutningen är tillbaka",
    sentWhenOnline: (chat: string) => `${chat}: väntande meddelande skickat.`,
    wrapupTitle: "Sammanfattning",
    wrapupIntro: "Registrera kontaktorsaken för rapporteringen.",
    reason: "Kontaktorsak",
    chooseReason: "Välj orsak",
    reasonsFromChat: "Chattens ämnen",
    reasonsOthers: "Alla ämnen",
    reasonRequired: "Välj en kontaktorsak.",
    note: "Anteckning (frivillig)",
    noteHint: (max: number) =>
      `Högst ${max} tecken. Skriv inte personbeteckning eller bankkontonummer.`,
    charsLeft: (n: number) => `${n} tecken kvar`,
    saveWrapup: "Spara och stäng",
    saving: "Sparar…",
    wrapupSaved: "Sammanfattningen sparades och chatten stängdes.",
    callbacksTitle: "Begäranden om uppringning",
    callbacksCaption: "Öppna begäranden om uppringning, den äldsta först",
    callbacksEmpty: "Inga öppna begäranden om uppringning.",
    callbacksMore: (n: number) => `De ${n} äldsta visas, fler väntar.`,
    refresh: "Uppdatera",
    loading: "Hämtar…",
    showMore: "Visa fler",
    colReference: "Referens",
    colPhone: "Telefon",
    colWish: "Önskemål",
    colLeft: "Lämnad",
    windows: {
      any: "När som helst",
      morning: "På förmiddagen 9–12",
      afternoon: "På eftermiddagen 12–16",
    },
    callFrom: (time: string) => `tidigast ${time}`,
    markDone: "Markera som klar",
    callbackClosed: (reference: string) => `Begäran om uppringning ${reference} markerad som klar.`,
    failed: (message: string) => `Åtgärden misslyckades: ${message}`,
    errors: {
      ALREADY_TAKEN: "En annan rådgivare hann ta den här chatten.",
      TOO_MANY_CHATS: "Du har redan högsta antalet chattar. Avsluta en först eller höj gränsen.",
      NOT_IN_QUEUE: "Chatten finns inte längre i kön.",
      NOT_YOUR_CHAT: "Chatten är inte längre din.",
      CHAT_NOT_FOUND: "Chatten hittades inte.",
      CHAT_ENDED: "Chatten har redan avslutats.",
      RATE_LIMITED: "För många åtgärder på kort tid. Vänta en stund.",
      SERVICE_UNAVAILABLE: "Tjänsten svarade inte. Försök igen.",
      UNAUTHORIZED: "Inloggningen är ogiltig. Logga in på nytt.",
      CALLBACK_NOT_FOUND: "Begäran hittades inte. Uppdatera listan.",
      CALLBACK_ALREADY_CLOSED: "Begäran är redan markerad som klar. Uppdatera listan.",
    } as Partial<Record<ErrorCode, string>>,
    /** The wrap-up reason for a contact no topic fits; topic names come from the content. */
    otherReason: "Annat ärende",
    // Booked phone appointments (and refusals of marking contacts handled)
    appointmentsTitle: "Tidsbokningar",
    appointmentsCaption: "Bokade telefontider från i dag, den tidigaste först",
    appointmentsEmpty: "Inga bokade telefontider.",
    appointmentsMore: (n: number) => `De ${n} första visas, fler följer.`,
    appointmentHandled: (reference: string) => `Tidsbokning ${reference} markerad som klar.`,
    colTime: "Tid",
    contactErrors: {
      APPOINTMENT_NOT_STARTED: "Telefontiden har inte börjat än. Markera som klar efter samtalet.",
      APPOINTMENT_ALREADY_HANDLED: "Tidsbokningen är redan markerad som klar. Uppdatera listan.",
      APPOINTMENT_CANCELLED: "Kunden har avbokat tiden. Uppdatera listan.",
      APPOINTMENT_NOT_FOUND: "Tidsbokningen hittades inte. Uppdatera listan.",
      LANGUAGE_NOT_SERVED: "Du betjänar inte kunder på det här språket.",
    } as Partial<Record<ErrorCode, string>>,
  },
} as const;

export type UiText = (typeof UI)[Lang];

/** A readable topic name in the UI language; an id the live content lacks is shown as it is. */
export function topicLabel(text: UiText, topic: string | undefined): string {
  if (!topic) return text.noTopic;
  return topicTitle(topic, text.lang) ?? topic;
}

/** A wrap-up reason's label: a topic's name, or "other". */
export function reasonLabel(text: UiText, reason: string): string {
  return reason === OTHER_REASON ? text.otherReason : topicLabel(text, reason);
}

/** The message for an error ack, in the UI language; the server's own text otherwise. */
export function errorText(text: UiText, error: { code: string; message: string }): string {
  const known = { ...text.errors, ...text.contactErrors } as Record<string, string>;
  return known[error.code] ?? text.failed(error.message);
}

const LANG_KEY = "asiointi-console-lang";

function readLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "sv" ? "sv" : "fi";
  } catch {
    return "fi";
  }
}

/** The UI language of the console and the Reports page (one choice for both, remembered). */
export const uiLang = signal<Lang>(readLang());
/** The strings of the current UI language; views that read it follow a switch. */
export const text = computed(() => UI[uiLang.value]);

/** The current strings without subscribing: for announcements made outside a view. */
export function getText(): UiText {
  return UI[uiLang.peek()];
}

export function setLang(lang: Lang): void {
  uiLang.value = lang;
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}
