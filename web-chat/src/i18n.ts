import type { Lang } from "../../functions/contracts/lang.ts";
// The wait in the same words as the server's queue message: one wording per language.
import { waitInWords } from "../../functions/domain/handoff/phrases.ts";

const newFi = (count: number) => (count === 1 ? "uusi viesti" : "uutta viestiä");
const newSv = (count: number) => (count === 1 ? "nytt meddelande" : "nya meddelanden");

/** Every string the widget shows or announces, in both national languages. */
export const UI = {
  fi: {
    locale: "fi-FI",
    open: "Avaa chat",
    // The minimised chat's launcher and its announcement: what came while it was minimised.
    /** Follows the count: "1 uusi viesti", "3 uutta viestiä". */
    newMessages: newFi,
    advisorJoinedOpen: "Asiakasneuvoja liittyi – avaa chat",
    advisorJoinedNotice: "Asiakasneuvoja liittyi chattiin.",
    unreadNotice: (count: number) => `Chatissa on ${count} ${newFi(count)}.`,
    close: "Pienennä chat",
    title: "Verohallinnon chat",
    /** The heading as shown: a soft hyphen where the compound may break on a narrow screen. */
    heading: "Vero\u00adhallinnon chat",
    conversation: "Keskustelu",
    input: "Kirjoita kysymyksesi",
    send: "Lähetä",
    end: "Lopeta keskustelu",
    switchTo: "På svenska",
    switchFailed:
      "Keskustelun kieltä ei voitu vaihtaa ruotsiksi, joten keskustelu jatkuu suomeksi. Yritä hetken kuluttua uudelleen.",
    connecting: "Yhdistetään…",
    reconnecting: "Yhteys katkesi. Yhdistetään uudelleen… Viestisi lähetetään, kun yhteys palaa.",
    // A new chat refused as one too many (RATE_LIMITED): the widget itself tries again.
    startRefused:
      "Uusia keskusteluja aloitetaan juuri nyt poikkeuksellisen paljon, joten keskustelua ei voitu vielä aloittaa. Yritämme hetken kuluttua uudelleen. Viestisi lähetetään, kun keskustelu alkaa.",
    sending: "Lähetetään…",
    notSent: "Ei lähetetty",
    messageNotSent: "Viestiäsi ei lähetetty. Voit lähettää sen uudelleen.",
    messageNotSentEnded: "Keskustelu on päättynyt, joten viestiäsi ei lähetetty.",
    messageNotSentInvalid:
      "Viestiäsi ei voitu lähettää. Kirjoita se hieman toisin ja lähetä uudelleen.",
    // Refused as one of too many (RATE_LIMITED): worded for a message, not the service's "request".
    messageNotSentBusy:
      "Viestejä tulee juuri nyt poikkeuksellisen paljon, joten viestiäsi ei voitu ottaa vastaan. Lähetä se uudelleen hetken kuluttua.",
    resend: "Lähetä uudelleen",
    you: "Sinä",
    bot: "Chatbot",
    advisor: "Asiakasneuvoja",
    system: "Ilmoitus",
    privacy:
      "Älä kirjoita viestiin henkilökohtaisia tietoja, kuten henkilötunnusta tai pankkitilin numeroa.",
    // The small button that shows the line above where the screen is too low to show it always.
    privacyInfo: "Tietosuoja",
    newWindow: "(avautuu uuteen ikkunaan)",
    queued: (position: number, waitSeconds?: number) =>
      `Olet jonossa asiakasneuvojalle, sijasi on ${position}.` +
      (waitSeconds === undefined
        ? ""
        : ` Arvioitu odotusaika on ${waitInWords(waitSeconds, "fi")}.`),
    leaveQueue: "Poistu jonosta",
    withAdvisor: (name: string) => `Asiakasneuvoja: ${name}`,
    // While the chat is signed in: as whom, for a shared computer, and the way out.
    signedInAs: (name: string) => `Tunnistauduttu: ${name}`,
    signOut: "Kirjaudu ulos",
    signOutFailed: "Uloskirjautuminen ei onnistunut. Yritä hetken kuluttua uudelleen.",
    advisorTyping: "Asiakasneuvoja kirjoittaa…",
    loginBlocked:
      "Kirjautumisikkuna ei auennut. Salli ponnahdusikkunat tälle sivulle ja yritä uudelleen.",
    loginFailed: "Tunnistautuminen epäonnistui. Keskustelu jatkuu tunnistautumatta.",
    // The identity provider answered while the chat was reconnecting: the sign-in waits.
    loginWaiting:
      "Yhteys palveluun on katkennut. Tunnistautumisesi viedään loppuun, kun yhteys palaa.",
    callbackTitle: "Soittopyyntö",
    appointmentTitle: "Varaa aika",
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
    slotDay: "Päivä",
    slot: "Vapaa aika",
    slotsLoading: "Haetaan vapaita aikoja…",
    noSlots: "Vapaita puhelinaikoja ei juuri nyt ole. Voit jättää soittopyynnön.",
    slotMissing: "Vapaa aika: valitse aika listasta.",
    slotFull: "Vapaa aika: valitsemasi aika ehti täyttyä. Valitse toinen aika.",
    submitCallback: "Lähetä soittopyyntö",
    changeTitle: "Peru tai siirrä aika",
    ownAppointments: "Varauksesi",
    reference: "Varauksen viite",
    referenceHint: "Viite on varausvahvistuksessa, esimerkiksi AV-7KQ2M9XY.",
    referenceMissing: "Varauksen viite: kirjoita vahvistuksessa oleva viite.",
    appointmentNotFound:
      "Varauksen viite: tällä viitteellä ja puhelinnumerolla ei löytynyt voimassa olevaa varausta.",
    appointmentStarted: "Varauksen viite: aika on jo alkanut, eikä sitä voi enää muuttaa.",
    newSlot: "Uusi aika",
    // Said when the booking is in the other language's service, whose advisors keep it.
    otherServiceSlots:
      "Aikasi on varattu ruotsinkieliseen palveluun, joten alla ovat ruotsinkielisen palvelun vapaat ajat.",
    // Errors start with the field's name as the form shows it: here "Uusi aika", not "Vapaa aika".
    newSlotMissing: "Uusi aika: valitse aika listasta.",
    newSlotFull: "Uusi aika: valitsemasi aika ehti täyttyä. Valitse toinen aika.",
    newSlotNotBookable:
      "Uusi aika: tätä aikaa ei voi valita tälle varaukselle. Valitse toinen aika, tai peru varaus ja varaa uusi aika.",
    submitCancelAppointment: "Peru aika",
    submitMoveAppointment: "Siirrä uuteen aikaan",
    closeForm: "Sulje",
    submitAppointment: "Varaa valittu aika",
    cancel: "Peruuta",
    formFailed: "Lähetys epäonnistui. Yritä hetken kuluttua uudelleen.",
    surveyTitle: "Miten onnistuimme chatissa?",
    gotHelp: "Saitko tarvitsemaasi apua?",
    yes: "Kyllä",
    no: "Ei",
    score: "Asteikolla 1–5, kuinka tyytyväinen olit?",
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
    // Refused as one of too many (RATE_LIMITED): again at once would be refused again.
    surveyBusy:
      "Palautteita tulee juuri nyt poikkeuksellisen paljon, joten palautettasi ei voitu ottaa vastaan. Lähetä se uudelleen hetken kuluttua tai ohita kysely.",
    // The survey's time is over (or its chat unknown): sending again cannot help.
    surveyClosed:
      "Tähän kyselyyn ei voi enää vastata, koska sen vastausaika on päättynyt. Kiitos, että käytit chattia.",
    download: "Lataa keskustelu",
    /** In place of the service's "[ID-CODE]" and the like, where personal data was removed. */
    removed: {
      "identity-code": "[henkilötunnus poistettu]",
      iban: "[tilinumero poistettu]",
      phone: "[puhelinnumero poistettu]",
      email: "[sähköpostiosoite poistettu]",
    },
    transcriptFile: "keskustelu",
    transcriptHeading: "Verohallinnon chat – keskustelu",
    helpfulQuestion: "Oliko vastauksesta apua?",
    helpfulYes: "Kyllä, vastauksesta oli apua",
    helpfulNo: "Ei, vastauksesta ei ollut apua",
    feedbackThanks: "Kiitos palautteesta!",
    feedbackHeld:
      "Yhteys on katkennut, joten palautettasi ei ole vielä tallennettu. Se lähetetään, kun yhteys palaa.",
    feedbackFailed: "Palautettasi ei voitu tallentaa. Yritä hetken kuluttua uudelleen.",
    confirmEnd: "Haluatko lopettaa keskustelun asiakasneuvojan kanssa?",
    confirmEndYes: "Kyllä, lopeta",
  },
  sv: {
    locale: "sv-FI",
    open: "Öppna chatten",
    newMessages: newSv,
    advisorJoinedOpen: "Kundrådgivaren anslöt – öppna chatten",
    advisorJoinedNotice: "Kundrådgivaren anslöt till chatten.",
    unreadNotice: (count: number) => `Det finns ${count} ${newSv(count)} i chatten.`,
    close: "Minimera chatten",
    title: "Skatteförvaltningens chatt",
    heading: "Skatte\u00adförvaltningens chatt",
    conversation: "Chatt",
    input: "Skriv din fråga",
    send: "Skicka",
    end: "Avsluta chatten",
    switchTo: "Suomeksi",
    switchFailed:
      "Chattens språk kunde inte bytas till finska, så chatten fortsätter på svenska. Försök igen om en stund.",
    connecting: "Ansluter…",
    reconnecting:
      "Anslutningen bröts. Ansluter på nytt… Ditt meddelande skickas när anslutningen fungerar igen.",
    startRefused:
      "Just nu startas ovanligt många nya chattar, så chatten kunde inte startas ännu. Vi försöker igen om en stund. Ditt meddelande skickas när chatten har startat.",
    sending: "Skickas…",
    notSent: "Inte skickat",
    messageNotSent: "Ditt meddelande skickades inte. Du kan skicka det igen.",
    messageNotSentEnded: "Chatten har avslutats, så ditt meddelande skickades inte.",
    messageNotSentInvalid:
      "Ditt meddelande kunde inte skickas. Skriv det lite annorlunda och skicka det igen.",
    messageNotSentBusy:
      "Just nu kommer det in ovanligt många meddelanden, så ditt meddelande kunde inte tas emot. Skicka det igen om en stund.",
    resend: "Skicka igen",
    you: "Du",
    bot: "Chattbot",
    advisor: "Kundrådgivare",
    system: "Meddelande",
    privacy:
      "Skriv inte personuppgifter, till exempel personbeteckning eller bankkontonummer, i meddelandet.",
    privacyInfo: "Dataskydd",
    newWindow: "(öppnas i ett nytt fönster)",
    queued: (position: number, waitSeconds?: number) =>
      `Du står i kö till en kundrådgivare och är nummer ${position} i kön.` +
      (waitSeconds === undefined
        ? ""
        : ` Den uppskattade väntetiden är ${waitInWords(waitSeconds, "sv")}.`),
    leaveQueue: "Lämna kön",
    withAdvisor: (name: string) => `Kundrådgivare: ${name}`,
    signedInAs: (name: string) => `Identifierad: ${name}`,
    signOut: "Logga ut",
    signOutFailed: "Utloggningen misslyckades. Försök igen om en stund.",
    advisorTyping: "Kundrådgivaren skriver…",
    loginBlocked:
      "Inloggningsfönstret öppnades inte. Tillåt popup-fönster för sidan och försök igen.",
    loginFailed: "Identifieringen misslyckades. Chatten fortsätter utan identifiering.",
    loginWaiting:
      "Anslutningen till tjänsten är bruten. Din identifiering slutförs när anslutningen fungerar igen.",
    callbackTitle: "Bli uppringd",
    appointmentTitle: "Boka tid",
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
    slotDay: "Dag",
    slot: "Ledig tid",
    slotsLoading: "Lediga tider hämtas…",
    noSlots:
      "Det finns inga lediga telefontider just nu. Du kan lämna en begäran om att bli uppringd.",
    slotMissing: "Ledig tid: välj en tid i listan.",
    slotFull: "Ledig tid: någon annan hann boka tiden du valde. Välj en annan tid.",
    submitCallback: "Skicka begäran",
    changeTitle: "Avboka eller flytta tid",
    ownAppointments: "Dina bokningar",
    reference: "Bokningens referens",
    referenceHint: "Referensen finns i bokningsbekräftelsen, till exempel AV-7KQ2M9XY.",
    referenceMissing: "Bokningens referens: skriv referensen som finns i bekräftelsen.",
    appointmentNotFound:
      "Bokningens referens: ingen giltig bokning hittades med den här referensen och det här telefonnumret.",
    appointmentStarted: "Bokningens referens: tiden har redan börjat och kan inte längre ändras.",
    newSlot: "Ny tid",
    otherServiceSlots:
      "Din tid är bokad i den finskspråkiga servicen, så tiderna nedan är den finskspråkiga servicens lediga tider.",
    newSlotMissing: "Ny tid: välj en tid i listan.",
    newSlotFull: "Ny tid: någon annan hann boka tiden du valde. Välj en annan tid.",
    newSlotNotBookable:
      "Ny tid: den här tiden kan inte väljas för den här bokningen. Välj en annan tid, eller avboka tiden och boka en ny.",
    submitCancelAppointment: "Avboka tiden",
    submitMoveAppointment: "Flytta till den nya tiden",
    closeForm: "Stäng",
    submitAppointment: "Boka den valda tiden",
    cancel: "Avbryt",
    formFailed: "Det gick inte att skicka. Försök igen om en stund.",
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
    surveyBusy:
      "Just nu kommer det in ovanligt många svar, så ditt svar kunde inte tas emot. Skicka det igen om en stund eller hoppa över enkäten.",
    surveyClosed:
      "Det går inte längre att svara på enkäten, eftersom tiden för att svara har gått ut. Tack för att du använde chatten.",
    download: "Ladda ner chatten",
    removed: {
      "identity-code": "[personbeteckning borttagen]",
      iban: "[kontonummer borttaget]",
      phone: "[telefonnummer borttaget]",
      email: "[e-postadress borttagen]",
    },
    transcriptFile: "chatt",
    transcriptHeading: "Skatteförvaltningens chatt – utskrift",
    helpfulQuestion: "Var svaret till hjälp?",
    helpfulYes: "Ja, svaret var till hjälp",
    helpfulNo: "Nej, svaret var inte till hjälp",
    feedbackThanks: "Tack för responsen!",
    feedbackHeld:
      "Anslutningen är bruten, så din respons har inte sparats ännu. Den skickas när anslutningen fungerar igen.",
    feedbackFailed: "Din respons kunde inte sparas. Försök igen om en stund.",
    confirmEnd: "Vill du avsluta chatten med kundrådgivaren?",
    confirmEndYes: "Ja, avsluta",
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

export type UiText = (typeof UI)[Lang];

/** Why a message was not sent, as its "not sent" row says it, from the refusal's code. */
export function whyNotSent(code: string, text: UiText): string {
  if (code === "CHAT_ENDED") return text.messageNotSentEnded;
  if (code === "VALIDATION_FAILED") return text.messageNotSentInvalid;
  if (code === "RATE_LIMITED") return text.messageNotSentBusy;
  return text.messageNotSent;
}
