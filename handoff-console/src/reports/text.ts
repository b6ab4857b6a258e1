/**
 * Every string of the Reports page in both national languages. Topic names come from the
 * live content (../topicNames.ts), as in the console, so a topic reads the same on both pages.
 */
import type { Lang } from "../../../functions/contracts/lang.ts";
import { NO_INTENT } from "../../../functions/contracts/topics.ts";
import { topicTitle } from "../topicNames.ts";
import type { PeriodProblem, PresetId } from "./periods.ts";

export type FigureId =
  | "chats"
  | "containmentRate"
  | "handoffs"
  | "queueWait"
  | "queueAbandoned"
  | "callbacks"
  | "bookings"
  | "cancellations"
  | "averageScore"
  | "gotHelpShare"
  | "surveyResponseRate"
  | "misses"
  | "helpfulShare"
  | "referrals"
  | "inboxed";

export const REPORT_TEXT = {
  fi: {
    lang: "fi" as Lang,
    pageTitle: "Raportit – Asiakasneuvojan työpöytä",
    title: "Raportit",
    backToConsole: "Takaisin työpöydälle",
    switchLang: "På svenska",
    switchLangTo: "sv" as Lang,
    signOut: "Kirjaudu ulos",
    navReports: "Raportit",
    // Filters
    filtersTitle: "Rajaukset",
    period: "Ajanjakso",
    presets: {
      last7: "Viimeiset 7 päivää",
      last30: "Viimeiset 30 päivää",
      previousMonth: "Edellinen kuukausi",
      thisYear: "Tämä vuosi",
    } satisfies Record<PresetId, string>,
    customPeriod: "Oma aikaväli",
    from: "Alkaen",
    to: "Päättyen",
    dateHint: "Päivät Suomen aikaa; molemmat päivät mukana.",
    language: "Kieli",
    allLanguages: "Kaikki kielet",
    langName: { fi: "suomi", sv: "ruotsi" } as Record<Lang, string>,
    topic: "Aihe",
    allTopics: "Kaikki aiheet",
    noTopic: "Ei tunnistettua aihetta",
    show: "Näytä",
    periodProblems: {
      fromInvalid: "Anna alkupäivä muodossa vvvv-kk-pp.",
      toInvalid: "Anna loppupäivä muodossa vvvv-kk-pp.",
      toBeforeFrom: "Loppupäivä ei voi olla ennen alkupäivää.",
      tooLong: "Ajanjakso voi olla enintään 731 päivää.",
    } satisfies Record<PeriodProblem, string>,
    // Status and errors
    loading: "Haetaan raporttia…",
    showing: (period: string, filters: string) => `Raportti ${period}${filters}.`,
    filtersSuffix: (parts: string[]) => (parts.length ? `, ${parts.join(", ")}` : ""),
    noChatsInPeriod: "Ajanjaksolla ei ole keskusteluja näillä rajauksilla.",
    noRows: "Ei lukuja näillä rajauksilla.",
    unauthorized: "Kirjautuminen ei kelpaa tai on vanhentunut. Kirjaudu uudelleen.",
    forbidden: "Raportit näkyvät vain esihenkilöille. Kirjaudu esihenkilön tunnuksella.",
    badRequest: "Palvelin ei hyväksynyt rajauksia.",
    failed: "Raportin haku epäonnistui. Yritä hetken päästä uudelleen.",
    serverSaid: (message: string) => `Palvelimen viesti: ${message}`,
    signInAgain: "Kirjaudu esihenkilönä",
    // Figures
    figuresTitle: "Tunnusluvut",
    figures: {
      chats: "Päättyneet keskustelut",
      containmentRate: "Botti hoiti",
      handoffs: "Pyynnöt neuvojalle",
      queueWait: "Jonotusaika, mediaani",
      queueAbandoned: "Jonosta poistuneet",
      callbacks: "Soittopyynnöt",
      bookings: "Ajanvaraukset",
      cancellations: "Perutut ajat",
      averageScore: "Tyytyväisyys keskimäärin",
      gotHelpShare: "Sai apua",
      surveyResponseRate: "Kyselyn vastausosuus",
      misses: "Ohivastaukset",
      helpfulShare: "Vastauksista apua",
      referrals: "Ohjattu muualle",
      inboxed: "Opetettavaksi",
    } satisfies Record<FigureId, string>,
    figureHints: {
      chats: "Jaksolla päättyneet; kesken olevat eivät ole mukana",
      containmentRate: (n: string) => `Ilman neuvojaa päättyneet: ${n}`,
      // What became of the requests: a supervisor staffs by the ones nobody could take.
      handoffs: (queued: string, unavailable: string, closed: string) =>
        `Jonoon ${queued}, ei vapaata neuvojaa tai jono täynnä ${unavailable}, aukioloajan ulkopuolella ${closed}. Sama keskustelu voi pyytää uudelleen.`,
      // Estimated from time ranges (queueWaits.ts): say how exact it is.
      queueWait: (p90: string, taken: string) =>
        `90 % odotti enintään ${p90}; neuvoja otti jonosta ${taken}. Arvio aikaväleistä (esim. 1–1,5 min, 5–10 min): todellinen arvo on samalla välillä.`,
      queueAbandoned: (share: string) =>
        `${share} jonoon päässeistä. Asiakas lopetti, palasi bottiin tai poistui ennen kuin neuvoja ehti.`,
      callbacks: "Jätetyt pyynnöt",
      // Net: a cancelled appointment is taken off the day it was booked.
      bookings: "Voimassa olevat varaukset; perutut eivät ole mukana",
      cancellations: "Perutut ja siirretyt ajat varauspäivän mukaan",
      averageScore: (n: string) => `Asteikolla 1–5, vastauksia ${n}`,
      gotHelpShare: "Kyselyyn vastanneista",
      surveyResponseRate: (n: string) => `Kyselyyn vastasi ${n}`,
      misses: (rate: string) => `Ei aihetta tai epävarma: ${rate} vastauksista`,
      helpfulShare: (votes: string) => `Vastausten arvioista (${votes} arviota)`,
      referrals: "Toisen viranomaisen asia: asiakas ohjattiin oikeaan paikkaan",
      inboxed: "Kysymykset, jotka jäivät sisällön omistajien opetettaviksi",
    },
    // Charts
    chartsTitle: "Kaaviot",
    chatsPerDay: "Keskustelut päivittäin",
    seriesChats: "Keskustelut",
    seriesBotOnly: "Botti hoiti",
    seriesLegendSolid: "yhtenäinen viiva",
    seriesLegendDashed: "katkoviiva",
    chatsPerDaySummary: (period: string, total: string, peak: string, peakDay: string) =>
      `Viivakaavio: keskustelut päivittäin ${period}. Yhteensä ${total}, eniten ${peak} (${peakDay}).`,
    scoreDistribution: "Tyytyväisyyden jakauma",
    scoreLabel: (score: string) => (score === "1" ? "1 tähti" : `${score} tähteä`),
    scoreDistributionSummary: (parts: string) =>
      `Pylväskaavio: vastausten määrä arvosanoittain. ${parts}.`,
    showAsTable: "Näytä taulukkona",
    noAnswers: "Ei vastauksia tällä jaksolla.",
    // Tables
    byDayTitle: "Päivittäin",
    byTopicTitle: "Aiheittain",
    byTopicCaption: "Aiheet keskustelujen määrän mukaan, suurin ensin",
    byLangTitle: "Kielittäin",
    byLangCaption: "Suomen- ja ruotsinkieliset keskustelut",
    reasonsTitle: "Yhteydenottojen syyt",
    reasonsCaption: "Neuvojien yhteenvetoihin kirjaamat syyt, suurin ensin",
    reasonsIntro:
      "Syyt, jotka neuvojat kirjasivat keskustelun yhteenvetoon; aiherajauksella vain sillä syyllä kirjatut. Muistiinpanot eivät näy raporteissa.",
    colReason: "Syy",
    colDay: "Päivä",
    colTopic: "Aihe",
    colLang: "Kieli",
    colChats: "Keskustelut",
    colBotOnly: "Botti hoiti",
    colContainment: "Botti hoiti %",
    colAdvisorChats: "Neuvoja mukana",
    colHandoffs: "Siirrot",
    colWaitMedian: "Jonotus, mediaani",
    colWaitP90: "Jonotus, 90 %",
    colAbandoned: "Jonosta poistuneet",
    colQueueTaken: "Neuvoja otti jonosta",
    colAbandonedShare: "Jonosta poistuneet %",
    colWrapups: "Yhteenvedot",
    colCallbacks: "Soittopyynnöt",
    colBookings: "Ajanvaraukset",
    colCancellations: "Perutut ajat",
    colBotAnswers: "Bottivastaukset",
    colMisses: "Ohivastaukset",
    colMissRate: "Ohivastaukset %",
    colSurveys: "Kyselyvastaukset",
    colResponseRate: "Vastausosuus %",
    colAverageScore: "Tyytyväisyys (1–5)",
    colGotHelp: "Sai apua %",
    colHelpful: "Apua: kyllä",
    colUnhelpful: "Apua: ei",
    colHelpfulShare: "Vastauksista apua %",
    colReferrals: "Ohjattu muualle",
    colInboxed: "Opetettavaksi",
    colScore: "Arvosana",
    colAnswers: "Vastauksia",
    colShare: "Osuus",
    // CSV
    exportTitle: "Lataa CSV",
    exportIntro:
      "Puolipisteellä erotettu UTF-8-tiedosto, joka aukeaa Excelissä suoraan. Prosentit ja keskiarvot desimaalipilkulla.",
    exportDays: "Lataa päivittäiset luvut (CSV)",
    exportTopics: "Lataa aihekohtaiset luvut (CSV)",
    exportReasons: "Lataa yhteydenottojen syyt (CSV)",
    fileDays: "raportti-paivittain",
    fileTopics: "raportti-aiheittain",
    fileReasons: "raportti-syyt",
    downloaded: (name: string) => `Tiedosto ${name} ladattu.`,
  },
  sv: {
    lang: "sv" as Lang,
    pageTitle: "Rapporter – Kundrådgivarens arbetsvy",
    title: "Rapporter",
    backToConsole: "Tillbaka till arbetsvyn",
    switchLang: "Suomeksi",
    switchLangTo: "fi" as Lang,
    signOut: "Logga ut",
    navReports: "Rapporter",
    filtersTitle: "Avgränsningar",
    period: "Period",
    presets: {
      last7: "Senaste 7 dagarna",
      last30: "Senaste 30 dagarna",
      previousMonth: "Föregående månad",
      thisYear: "I år",
    } satisfies Record<PresetId, string>,
    customPeriod: "Egen period",
    from: "Från",
    to: "Till",
    dateHint: "Dagar enligt finsk tid; båda dagarna ingår.",
    language: "Språk",
    allLanguages: "Alla språk",
    langName: { fi: "finska", sv: "svenska" } as Record<Lang, string>,
    topic: "Ämne",
    allTopics: "Alla ämnen",
    noTopic: "Inget igenkänt ämne",
    show: "Visa",
    periodProblems: {
      fromInvalid: "Ange startdagen i formatet åååå-mm-dd.",
      toInvalid: "Ange slutdagen i formatet åååå-mm-dd.",
      toBeforeFrom: "Slutdagen kan inte vara före startdagen.",
      tooLong: "Perioden kan vara högst 731 dagar.",
    } satisfies Record<PeriodProblem, string>,
    loading: "Hämtar rapporten…",
    showing: (period: string, filters: string) => `Rapport ${period}${filters}.`,
    filtersSuffix: (parts: string[]) => (parts.length ? `, ${parts.join(", ")}` : ""),
    noChatsInPeriod: "Inga chattar under perioden med dessa avgränsningar.",
    noRows: "Inga siffror med dessa avgränsningar.",
    unauthorized: "Inloggningen är ogiltig eller har gått ut. Logga in på nytt.",
    forbidden: "Rapporterna visas bara för förmän. Logga in som förman.",
    badRequest: "Servern godkände inte avgränsningarna.",
    failed: "Det gick inte att hämta rapporten. Försök igen om en stund.",
    serverSaid: (message: string) => `Serverns meddelande: ${message}`,
    signInAgain: "Logga in som förman",
    figuresTitle: "Nyckeltal",
    figures: {
      chats: "Avslutade chattar",
      containmentRate: "Chattboten klarade",
      handoffs: "Begäranden om rådgivare",
      queueWait: "Kötid, median",
      queueAbandoned: "Lämnade kön",
      callbacks: "Begäranden om uppringning",
      bookings: "Tidsbokningar",
      cancellations: "Avbokade tider",
      averageScore: "Nöjdhet i genomsnitt",
      gotHelpShare: "Fick hjälp",
      surveyResponseRate: "Svarsandel i enkäten",
      misses: "Missar",
      helpfulShare: "Svaren till hjälp",
      referrals: "Hänvisade vidare",
      inboxed: "Att lära in",
    } satisfies Record<FigureId, string>,
    figureHints: {
      chats: "Avslutade under perioden; pågående ingår inte",
      containmentRate: (n: string) => `Avslutade utan rådgivare: ${n}`,
      handoffs: (queued: string, unavailable: string, closed: string) =>
        `I kö ${queued}, ingen ledig rådgivare eller kön full ${unavailable}, utanför öppettiderna ${closed}. Samma chatt kan begära igen.`,
      queueWait: (p90: string, taken: string) =>
        `90 % väntade högst ${p90}; ${taken} togs från kön av en rådgivare. Uppskattat ur tidsintervall (t.ex. 1–1,5 min, 5–10 min): det verkliga värdet ligger i samma intervall.`,
      queueAbandoned: (share: string) =>
        `${share} av begärandena i kö. Kunden avslutade, gick tillbaka till chattboten eller lämnade innan en rådgivare hann.`,
      callbacks: "Lämnade begäranden",
      bookings: "Gällande bokningar; avbokade ingår inte",
      cancellations: "Avbokade och flyttade tider enligt bokningsdagen",
      averageScore: (n: string) => `På skalan 1–5, ${n} svar`,
      gotHelpShare: "Av dem som svarade på enkäten",
      surveyResponseRate: (n: string) => `${n} svarade på enkäten`,
      misses: (rate: string) => `Inget ämne eller osäkert: ${rate} av svaren`,
      helpfulShare: (votes: string) => `Av bedömningarna av svaren (${votes} bedömningar)`,
      referrals: "En annan myndighets ärende: kunden hänvisades rätt",
      inboxed: "Frågor som innehållsägarna kan lära chattboten",
    },
    chartsTitle: "Diagram",
    chatsPerDay: "Chattar per dag",
    seriesChats: "Chattar",
    seriesBotOnly: "Chattboten klarade",
    seriesLegendSolid: "heldragen linje",
    seriesLegendDashed: "streckad linje",
    chatsPerDaySummary: (period: string, total: string, peak: string, peakDay: string) =>
      `Linjediagram: chattar per dag ${period}. Totalt ${total}, flest ${peak} (${peakDay}).`,
    scoreDistribution: "Fördelning av nöjdhet",
    scoreLabel: (score: string) => (score === "1" ? "1 stjärna" : `${score} stjärnor`),
    scoreDistributionSummary: (parts: string) => `Stapeldiagram: antal svar per betyg. ${parts}.`,
    showAsTable: "Visa som tabell",
    noAnswers: "Inga svar under perioden.",
    byDayTitle: "Per dag",
    byTopicTitle: "Per ämne",
    byTopicCaption: "Ämnen efter antal chattar, störst först",
    byLangTitle: "Per språk",
    byLangCaption: "Finsk- och svenskspråkiga chattar",
    reasonsTitle: "Kontaktorsaker",
    reasonsCaption: "Orsaker i rådgivarnas sammanfattningar, störst först",
    reasonsIntro:
      "Orsaker som rådgivarna registrerat i chattens sammanfattning; med ämnesavgränsning bara de som registrerats med det ämnet. Anteckningarna syns inte i rapporterna.",
    colReason: "Orsak",
    colDay: "Dag",
    colTopic: "Ämne",
    colLang: "Språk",
    colChats: "Chattar",
    colBotOnly: "Chattboten klarade",
    colContainment: "Chattboten klarade %",
    colAdvisorChats: "Med rådgivare",
    colHandoffs: "Överföringar",
    colWaitMedian: "Kötid, median",
    colWaitP90: "Kötid, 90 %",
    colAbandoned: "Lämnade kön",
    colQueueTaken: "Togs från kön",
    colAbandonedShare: "Lämnade kön %",
    colWrapups: "Sammanfattningar",
    colCallbacks: "Begäranden om uppringning",
    colBookings: "Tidsbokningar",
    colCancellations: "Avbokade tider",
    colBotAnswers: "Chattbotsvar",
    colMisses: "Missar",
    colMissRate: "Missar %",
    colSurveys: "Enkätsvar",
    colResponseRate: "Svarsandel %",
    colAverageScore: "Nöjdhet (1–5)",
    colGotHelp: "Fick hjälp %",
    colHelpful: "Till hjälp: ja",
    colUnhelpful: "Till hjälp: nej",
    colHelpfulShare: "Svaren till hjälp %",
    colReferrals: "Hänvisade vidare",
    colInboxed: "Att lära in",
    colScore: "Betyg",
    colAnswers: "Svar",
    colShare: "Andel",
    exportTitle: "Ladda ner CSV",
    exportIntro:
      "UTF-8-fil med semikolon som avgränsare, öppnas direkt i Excel. Procent och medelvärden med decimalkomma.",
    exportDays: "Ladda ner siffror per dag (CSV)",
    exportTopics: "Ladda ner siffror per ämne (CSV)",
    exportReasons: "Ladda ner kontaktorsaker (CSV)",
    fileDays: "rapport-per-dag",
    fileTopics: "rapport-per-amne",
    fileReasons: "rapport-orsaker",
    downloaded: (name: string) => `Filen ${name} har laddats ner.`,
  },
} as const;

export type ReportText = (typeof REPORT_TEXT)[Lang];

/**
 * A readable topic name; "none" is the bot's miss bucket, and an id the live content lacks
 * (a retired topic in an old period) is shown as it is.
 */
export function reportTopicName(lang: Lang, topic: string): string {
  if (topic === NO_INTENT) return REPORT_TEXT[lang].noTopic;
  return topicTitle(topic, lang) ?? topic;
}
