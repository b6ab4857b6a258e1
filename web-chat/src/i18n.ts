import type { Lang } from "../../functions/contracts/lang.ts";

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** Every string the widget shows or announces, in both national languages. */
export const UI = {
  fi: {
    locale: "fi-FI",
    open: "Avaa chat",
    close: "Pienennä chat",
    title: "Verohallinnon chat",
    /** The heading as shown: a soft hyphen where the compound may break on a narrow screen. */
    heading: "Vero\u00adhallinnon chat",
    conversation: "Keskustelu",
    input: "Kirjoita kysymyksesi",
    send: "Lähetä",
    end: "Lopeta keskustelu",
    switchTo: "På svenska",
    connecting: "Yhdistetään…",
    reconnecting: "Yhteys katkesi. Yhdistetään uudelleen… Viestisi lähetetään, kun yhteys palaa.",
    sending: "Lähetetään…",
    you: "Sinä",
    bot: "Chatbot",
    advisor: "Asiakasneuvoja",
    system: "Ilmoitus",
    privacy:
      "Älä kirjoita viestiin henkilökohtaisia tietoja, kuten henkilötunnusta tai pankkitilin numeroa.",
    newWindow: "(avautuu uuteen ikkunaan)",
    queued: (position: number, waitSeconds?: number) =>
      `Olet jonossa asiakasneuvojalle, sijasi on ${position}.` +
      (waitSeconds === undefined
        ? ""
        : ` Arvioitu odotusaika on noin ${minutes(waitSeconds)} min.`),
    leaveQueue: "Poistu jonosta",
    leftQueue: "Poistuit jonosta. Voit jatkaa keskustelua chatbotin kanssa.",
    advisorJoined: (name: string) => `Asiakasneuvoja ${name} liittyi keskusteluun.`,
    withAdvisor: (name: string) => `Asiakasneuvoja: ${name}`,
    advisorTyping: "Asiakasneuvoja kirjoittaa…",
    handoffClosed: (next?: string) =>
      `Voin kutsua asiakasneuvojan mukaan keskusteluun vain arkisin klo 9.00–16.00.${
        next ? ` Palvelemme seuraavan kerran ${next}.` : ""
      } Voit jättää soittopyynnön tai varata puhelinajan.`,
    handoffUnavailable:
      "Yhtään asiakasneuvojaa ei juuri nyt ole vapaana. Voit jättää soittopyynnön tai varata puhelinajan.",
    requestCallback: "Jätä soittopyyntö",
    bookAppointment: "Varaa puhelinaika",
    login: "Kirjaudu",
    loginBlocked:
      "Kirjautumisikkuna ei auennut. Salli ponnahdusikkunat tälle sivulle ja yritä uudelleen.",
    loggedIn: (name: string) => `Olet tunnistautunut: ${name}. Voit nyt kysyä omista tiedoistasi.`,
    loginFailed: "Tunnistautuminen epäonnistui. Keskustelu jatkuu tunnistautumatta.",
    loginTooLow:
      "Tunnistautumistapasi ei riitä omien verotietojesi näyttämiseen. Käytä pankkitunnuksia tai mobiilivarmennetta.",
    callbackTitle: "Soittopyyntö",
    appointmentTitle: "Puhelinajan varaus",
    phone: "Puhelinnumero",
    phoneHint: "Esimerkiksi 040 123 4567 tai +358 40 123 4567.",
    phoneMissing: "Puhelinnumero: kirjoita puhelinnumero, johon voimme soittaa.",
    phoneInvalid:
      "Puhelinnumero: kirjoita suomalainen tai kansainvälinen numero, esimerkiksi 040 123 4567 tai +358 40 123 4567.",
    window: "Milloin sinulle voi soittaa?",
    windows: {
      any: "Milloin tahansa palveluaikana",
      morning: "Aamupäivällä 9–12",
      afternoon: "Iltapäivällä 12–16",
    },
    slot: "Vapaa aika",
    slotsLoading: "Haetaan vapaita aikoja…",
    noSlots: "Vapaita puhelinaikoja ei juuri nyt ole. Voit jättää soittopyynnön.",
    slotMissing: "Vapaa aika: valitse aika listasta.",
    slotFull: "Vapaa aika: valitsemasi aika ehti täyttyä. Valitse toinen aika.",
    submitCallback: "Lähetä soittopyyntö",
    submitAppointment: "Varaa valittu aika",
    cancel: "Peruuta",
    formFailed: "Lähetys epäonnistui. Yritä hetken kuluttua uudelleen.",
    callbackDone: (reference: string, message: string) =>
      `Soittopyyntö vastaanotettu. Viitteesi on ${reference}. ${message}`,
    appointmentDone: (reference: string, message: string) =>
      `Puhelinaika varattu. Viitteesi on ${reference}. ${message}`,
    surveyTitle: "Miten onnistuimme chatissa?",
    gotHelp: "Saitko tarvitsemaasi apua?",
    yes: "Kyllä",
    no: "Ei",
    score: "Asteikolla 1-5, kuinka tyytyväinen olit?",
    star: (n: number) => `${n} ${n === 1 ? "tähti" : "tähteä"} viidestä`,
    comment: "Kertoisitko vielä, miksi annoit kyseisen arvosanan? (vapaaehtoinen)",
    submit: "Lähetä palaute",
    skip: "Ohita kysely",
    thanks: "Kiitos palautteestasi.",
    ended: "Keskustelu päättyi.",
    newChat: "Aloita uusi keskustelu",
    gotHelpMissing: "Saitko tarvitsemaasi apua: valitse kyllä tai ei.",
    scoreMissing: "Tyytyväisyys: valitse 1–5 tähteä.",
    surveyFailed: "Palautteen lähetys epäonnistui. Yritä uudelleen tai ohita kysely.",
    download: "Lataa keskustelu",
    transcriptFile: "keskustelu",
    transcriptHeading: "Verohallinnon chat – keskustelu",
    helpfulQuestion: "Oliko vastauksesta apua?",
    helpfulYes: "Kyllä, vastauksesta oli apua",
    helpfulNo: "Ei, vastauksesta ei ollut apua",
    feedbackThanks: "Kiitos palautteesta!",
    confirmEnd: "Haluatko lopettaa keskustelun asiakasneuvojan kanssa?",
    confirmEndYes: "Kyllä, lopeta",
  },
  sv: {
    locale: "sv-FI",
    open: "Öppna chatten",
    close: "Minimera chatten",
    title: "Skatteförvaltningens chatt",
    heading: "Skatte\u00adförvaltningens chatt",
    conversation: "Samtal",
    input: "Skriv din fråga",
    send: "Skicka",
    end: "Avsluta chatten",
    switchTo: "Suomeksi",
    connecting: "Ansluter…",
    reconnecting:
      "Anslutningen bröts. Ansluter på nytt… Ditt meddelande skickas när anslutningen fungerar igen.",
    sending: "Skickas…",
    you: "Du",
    bot: "Chattbot",
    advisor: "Kundrådgivare",
    system: "Meddelande",
    privacy:
      "Skriv inte personuppgifter, till exempel personbeteckning eller bankkontonummer, i meddelandet.",
    newWindow: "(öppnas i ett nytt fönster)",
    queued: (position: number, waitSeconds?: number) =>
      `Du står i kö till en kundrådgivare, din plats är ${position}.` +
      (waitSeconds === undefined
        ? ""
        : ` Uppskattad väntetid är cirka ${minutes(waitSeconds)} min.`),
    leaveQueue: "Lämna kön",
    leftQueue: "Du lämnade kön. Du kan fortsätta chatta med chattboten.",
    advisorJoined: (name: string) => `Kundrådgivaren ${name} anslöt till chatten.`,
    withAdvisor: (name: string) => `Kundrådgivare: ${name}`,
    advisorTyping: "Kundrådgivaren skriver…",
    handoffClosed: (next?: string) =>
      `Jag kan bjuda in en kundrådgivare till chatten endast vardagar kl. 9.00–16.00.${
        next ? ` Vi betjänar nästa gång ${next}.` : ""
      } Du kan lämna en begäran om återuppringning eller boka en telefontid.`,
    handoffUnavailable:
      "Ingen kundrådgivare är ledig just nu. Du kan lämna en begäran om återuppringning eller boka en telefontid.",
    requestCallback: "Begär återuppringning",
    bookAppointment: "Boka telefontid",
    login: "Logga in",
    loginBlocked:
      "Inloggningsfönstret öppnades inte. Tillåt popup-fönster för sidan och försök igen.",
    loggedIn: (name: string) =>
      `Du är identifierad: ${name}. Nu kan du fråga om dina egna uppgifter.`,
    loginFailed: "Identifieringen misslyckades. Chatten fortsätter utan identifiering.",
    loginTooLow:
      "Ditt identifieringssätt räcker inte för att visa dina egna skatteuppgifter. Använd bankkoder eller mobilcertifikat.",
    callbackTitle: "Begäran om återuppringning",
    appointmentTitle: "Boka telefontid",
    phone: "Telefonnummer",
    phoneHint: "Till exempel 040 123 4567 eller +358 40 123 4567.",
    phoneMissing: "Telefonnummer: skriv ett telefonnummer som vi kan ringa.",
    phoneInvalid:
      "Telefonnummer: skriv ett finskt eller internationellt nummer, till exempel 040 123 4567 eller +358 40 123 4567.",
    window: "När kan vi ringa dig?",
    windows: {
      any: "När som helst under öppettiden",
      morning: "På förmiddagen 9–12",
      afternoon: "På eftermiddagen 12–16",
    },
    slot: "Ledig tid",
    slotsLoading: "Lediga tider hämtas…",
    noSlots: "Det finns inga lediga telefontider just nu. Du kan begära återuppringning.",
    slotMissing: "Ledig tid: välj en tid i listan.",
    slotFull: "Ledig tid: tiden du valde hann bli full. Välj en annan tid.",
    submitCallback: "Skicka begäran",
    submitAppointment: "Boka den valda tiden",
    cancel: "Avbryt",
    formFailed: "Det gick inte att skicka. Försök igen om en stund.",
    callbackDone: (reference: string, message: string) =>
      `Begäran om återuppringning har tagits emot. Din referens är ${reference}. ${message}`,
    appointmentDone: (reference: string, message: string) =>
      `Telefontiden är bokad. Din referens är ${reference}. ${message}`,
    surveyTitle: "Hur lyckades vi i chatten?",
    gotHelp: "Fick du den hjälp du behövde?",
    yes: "Ja",
    no: "Nej",
    score: "Hur nöjd var du på en skala från 1 till 5?",
    star: (n: number) => `${n} ${n === 1 ? "stjärna" : "stjärnor"} av fem`,
    comment: "Vill du berätta varför du gav det betyget? (frivilligt)",
    submit: "Skicka respons",
    skip: "Hoppa över enkäten",
    thanks: "Tack för din respons.",
    ended: "Chatten avslutades.",
    newChat: "Starta en ny chatt",
    gotHelpMissing: "Fick du den hjälp du behövde: välj ja eller nej.",
    scoreMissing: "Nöjdhet: välj 1–5 stjärnor.",
    surveyFailed: "Responsen kunde inte skickas. Försök igen eller hoppa över enkäten.",
    download: "Ladda ner samtalet",
    transcriptFile: "chatt",
    transcriptHeading: "Skatteförvaltningens chatt – samtal",
    helpfulQuestion: "Var svaret till hjälp?",
    helpfulYes: "Ja, svaret var till hjälp",
    helpfulNo: "Nej, svaret var inte till hjälp",
    feedbackThanks: "Tack för responsen!",
    confirmEnd: "Vill du avsluta chatten med kundrådgivaren?",
    confirmEndYes: "Ja, avsluta",
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

export type UiText = (typeof UI)[Lang];
