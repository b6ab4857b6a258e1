/**
 * Every string the studio shows or announces, in Finnish and Swedish. The Swedish table is
 * typed as the Finnish one, so a string missing from either fails the type check.
 */
import { computed, signal } from "@preact/signals";
import type { PeriodProblem } from "../../handoff-console/src/reports/periods.ts";
import type {
  AuditAction,
  Lang,
  MissHandoff,
  MissOutcome,
  MissReason,
  MissSample,
  MissStatus,
  Reopened,
  RevertResult,
  SplitName,
  SpreadFigure,
  TopicAction,
  TopicChange,
  VersionOutcome,
  VersionState,
} from "./api.ts";
import { SYSTEM_ACTOR } from "./api.ts";
import type { CountedList } from "./diff.ts";
import type { LocaleField } from "./problems.ts";
import type { Conflict } from "./state/draftEdit.ts";
import type { ChangeEffect } from "./testReport.ts";

type RevertOutcome = RevertResult["result"];
/**
 * A refused write as the studio tells it: `at` formatted in its language; `yours` when the
 * save it found is the person's own (by identity): `timedOut` the one that had no answer here
 * but was done by the server, `earlier` one made before (a save that timed out before a
 * reload, another window).
 */
type ConflictTold = Conflict & { at?: string; yours?: "timedOut" | "earlier" };

type FieldName = LocaleField | "id" | "action" | "followUps" | "reviewBy" | "demo" | "general";

const fi = {
  lang: "fi" as Lang,
  locale: "fi-FI",
  /** The word before a time of day: "5.12.2026 klo 23.52". */
  atClock: "klo",
  appTitle: "Sisältöstudio",
  switchLang: "På svenska",
  switchLangTo: "sv" as Lang,
  langName: { fi: "suomi", sv: "ruotsi" } as Record<Lang, string>,
  langColumn: { fi: "Suomi", sv: "Ruotsi" } as Record<Lang, string>,
  roles: {
    "content-owner": "sisällön omistaja",
    "content-reviewer": "sisällön tarkastaja",
  } as Record<string, string>,
  signedInAs: (name: string, roles: string) => (roles ? `${name} (${roles})` : name),
  signedInLabel: "Kirjautuneena",
  signOut: "Kirjaudu ulos",
  navLabel: "Studion osat",
  pendingReview: (n: number) => `(${n} odottaa tarkastusta)`,
  /** Beside Versions: decisions on the reader's own versions they have not seen yet. */
  decidedNews: (n: number) => (n === 1 ? "(1 uusi päätös)" : `(${n} uutta päätöstä)`),
  nav: {
    topics: "Aiheet",
    inbox: "Vastaamattomat kysymykset",
    referrals: "Ohjaukset",
    outOfScope: "Aiheen ulkopuoliset",
    uncovered: "Kysymykset ilman aihetta",
    try: "Kokeile viestiä",
    test: "Testaa kaikki",
    versions: "Versiot ja julkaisu",
  },
  loading: "Ladataan…",
  yes: "Kyllä",
  cancel: "Peruuta",
  notAvailable: "–",
  // Sign-in
  signInTitle: "Kirjaudu sisään",
  signInIntro:
    "Paikallinen kehitysympäristö: valitse sisällön omistajan tai tarkastajan testihenkilö.",
  loadingPersonas: "Haetaan testihenkilöitä…",
  signInAs: (name: string) => `Kirjaudu: ${name}`,
  noPersonas: "Sisältötyön testihenkilöitä ei löytynyt.",
  productionSignIn:
    "Tuotannossa sisällön omistajat ja tarkastajat kirjautuvat organisaation tunnistuspalvelun (Cognito) kautta. Jos sinulla on ID-tunniste, voit liittää sen tähän.",
  tokenLabel: "ID-tunniste (token)",
  tokenSubmit: "Kirjaudu tunnisteella",
  tokenEmpty: "Liitä tunniste ensin.",
  tokenFailed: "Tunnisteen haku epäonnistui. Yritä uudelleen.",
  unauthorized: "Kirjautuminen ei kelpaa tai on vanhentunut. Kirjaudu uudelleen.",
  workKept: "Tallentamattomat muutoksesi ovat tallessa, kun kirjaudut uudelleen samana henkilönä.",
  forbidden:
    "Tällä tunnuksella ei ole sisällön omistajan eikä tarkastajan roolia. Kirjaudu toisella tunnuksella.",
  serverSaid: (message: string) => `Palvelimen viesti: ${message}`,
  noAnswer: "Palvelu ei vastannut. Yritä hetken päästä uudelleen.",
  noAnswerInTime: "Palvelu ei vastannut ajoissa. Yritä hetken päästä uudelleen.",
  failed: (message: string) => `Toiminto epäonnistui. ${message}`,
  retry: "Yritä uudelleen",
  /** After a load error, when the browser keeps unsaved work for what could not be read. */
  keptWhileUnread:
    "Tallentamattomat muutoksesi ovat tallessa tässä selaimessa, ja ne palaavat lomakkeelle, kun sisältö saadaan luettua.",
  notFound: "Sitä ei löytynyt. Se on ehkä poistettu.",
  // Topics
  topicsTitle: "Aiheet",
  searchLabel: "Hae aiheista",
  searchHint: "Hakee otsikoista, opetuslauseista ja vastauksista molemmilla kielillä.",
  newTopic: "Uusi aihe",
  topicsCaption: "Luonnoksen aiheet",
  topicCount: (n: number) => (n === 1 ? "1 aihe" : `${n} aihetta`),
  /** Before the out-of-scope sentences a topic search matched. */
  foundOutOfScope:
    "Löytyi myös aiheen ulkopuolisista viesteistä, joihin botti ei tarkoituksella vastaa aiheella:",
  searchCount: (n: number, q: string) =>
    n === 0
      ? `Haulla ”${q}” ei löytynyt aiheita.`
      : n === 1
        ? `Haulla ”${q}” löytyi 1 aihe.`
        : `Haulla ”${q}” löytyi ${n} aihetta.`,
  searching: "Haetaan…",
  colId: "Tunniste",
  colTitles: "Otsikko fi / sv",
  colSentences: "Opetuslauseet fi / sv",
  colTests: "Testiviestit fi / sv",
  colScore: "Osuvuus testeissä",
  colChanged: "Muutettu viimeksi",
  colReviewBy: "Tarkista viimeistään",
  colStatus: "Tila",
  badgeChanged: "Muuttunut julkaistusta",
  badgeRetired: "Poistettu käytöstä",
  /** A topic saved unfinished: in the draft, out of use. */
  badgeInProgress: "Kesken",
  problemsLeft: (n: number) => (n === 1 ? "1 korjattava" : `${n} korjattavaa`),
  badgeSystem: "Järjestelmäaihe",
  badgeReviewOverdue: "Tarkistus myöhässä",
  match: "Osuma",
  editTopic: (id: string) => `Muokkaa aihetta ${id}`,
  // Editor
  newTopicTitle: "Uusi aihe",
  editTopicTitle: (id: string) => `Aihe: ${id}`,
  idNote: (id: string) => `tunniste ${id}`,
  backToTopics: "Takaisin aiheisiin",
  lastChanged: (by: string, at: string) => `Viimeksi muuttanut ${by} ${at}.`,
  idLabel: "Tunniste",
  idHint:
    "Pienet kirjaimet a–z, numerot ja yhdysmerkit, esimerkiksi capital-gains. Tunnistetta ei voi muuttaa tallennuksen jälkeen.",
  idRequired: "Anna aiheelle tunniste.",
  idFormat: "Tunnisteessa saa olla vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä.",
  idFormatFix: "Esimerkiksi capital-gains tai tax-card-2.",
  idTooLong: (max: number) => `Tunniste on liian pitkä (enintään ${max} merkkiä).`,
  idInUse: (id: string) => `Tunniste ${id} on jo käytössä.`,
  idInUseFix: "Valitse toinen tunniste tai muokkaa olemassa olevaa aihetta.",
  localeLegend: (lang: Lang): string => (lang === "fi" ? "Suomeksi" : "Ruotsiksi"),
  titleLabel: "Otsikko",
  titleHint: (max: number) => `Näkyy pikavalintapainikkeessa, enintään ${max} merkkiä.`,
  utterancesLabel: "Opetuslauseet",
  utterancesHint: "Yksi lause riville: tapoja, joilla asiakas voisi kysyä tästä.",
  utteranceCount: (n: number, min: number) =>
    `${n === 1 ? "1 lause" : `${n} lausetta`} (vähintään ${min})`,
  answerLabel: "Vastaus",
  answerHint: "Tyhjä rivi aloittaa uuden kappaleen.",
  answerCount: (n: number, max: number) => `${n} / ${max} merkkiä`,
  answerOver: (n: number) => (n === 1 ? "1 merkki liikaa" : `${n} merkkiä liikaa`),
  linksLegend: "Linkit",
  linksHint: "Vain https-osoitteet sallituille julkishallinnon sivustoille, esimerkiksi vero.fi.",
  linkRow: (n: number) => `Linkki ${n}`,
  linkLabel: "Linkin teksti",
  linkUrl: "Osoite",
  addLink: "Lisää linkki",
  removeLink: (n: number) => `Poista linkki ${n}`,
  noLinks: "Ei linkkejä.",
  personalLegend: "Henkilökohtaiset vastaukset (vain luku)",
  personalHint:
    "Nämä pohjat käyttävät asiakkaan omia tietoja, joten niitä muuttavat kehittäjät. Ne säilyvät ennallaan tallennettaessa.",
  testsLabel: "Testiviestit",
  testsHint: "Yksi viesti riville. Kirjoita uusia viestejä, älä kopioi opetuslauseita.",
  testCount: (n: number, min: number) =>
    `${n === 1 ? "1 testiviesti" : `${n} testiviestiä`} (suositus vähintään ${min})`,
  sharedLegend: "Yhteiset asetukset",
  actionLabel: "Toiminto vastauksen jälkeen",
  actions: {
    "": "Ei toimintoa",
    handoff: "Siirto asiakasneuvojalle",
    callback: "Soittopyyntö",
    appointment: "Ajanvaraus",
    "change-appointment": "Varatun ajan peruminen tai siirto",
    "end-chat": "Keskustelun lopetus",
  } as Record<TopicAction | "", string>,
  followUpsLegend: "Jatkoaiheet",
  followUpsHint: "Tarjotaan pikavalintoina vastauksen jälkeen.",
  noFollowUpChoices: "Muita aiheita ei ole.",
  followUpsChosen: (list: string) => `Valittu: ${list}`,
  noFollowUps: "Ei jatkoaiheita.",
  followUpsChoose: (chosen: number, of: number) => `Valitse jatkoaiheet (valittu ${chosen}/${of})`,
  reviewByLabel: "Tarkista viimeistään",
  reviewByHint:
    "Päivä, johon mennessä joku tarkistaa, että vastaus pitää yhä paikkansa (esimerkiksi veroprosentit, euromäärät ja määräajat). Sen jälkeen aiheesta tulee varoitus. Jätä tyhjäksi, jos vastaus ei vanhene.",
  reviewByIncomplete: "Päivämäärä on kesken, joten sitä ei tallennettaisi.",
  reviewByIncompleteFix:
    "Anna päivä, kuukausi ja vuosi, tai tyhjennä kenttä kokonaan, jos vastaus ei vanhene.",
  demoLabel: "Esittelysisältöä (ei virallista ohjeistusta)",
  fields: {
    id: "Tunniste",
    title: "otsikko",
    utterances: "opetuslauseet",
    answer: "vastaus",
    links: "linkit",
    personal: "henkilökohtaiset vastaukset",
    tests: "testiviestit",
    action: "Toiminto",
    followUps: "Jatkoaiheet",
    reviewBy: "Tarkista viimeistään",
    demo: "Esittelysisältö",
    general: "Aihe",
  } as Record<FieldName, string>,
  line: (n: number) => `rivi ${n}`,
  linkN: (n: number) => `linkki ${n}`,
  itemN: (n: number) => `kohta ${n}`,
  checkTitle: "Tarkistus",
  checking: "Tarkistetaan…",
  checkOk: "Ei virheitä eikä varoituksia.",
  checkCounts: (errors: number, warnings: number) =>
    `${errors === 1 ? "1 virhe" : `${errors} virhettä`}, ${warnings === 1 ? "1 varoitus" : `${warnings} varoitusta`}.`,
  checkFailed: "Tarkistus ei onnistunut juuri nyt; tallennettaessa tarkistetaan uudelleen.",
  /** The summary's headline when the check had no answer and nothing else is known. */
  checkNotRun: "Tarkistusta ei voitu tehdä juuri nyt; se tehdään uudelleen, kun tallennat.",
  severity: { error: "Virhe", warning: "Varoitus" },
  fixLabel: "Korjaus:",
  goToField: "Siirry kenttään",
  save: "Tallenna luonnokseen",
  saving: "Tallennetaan…",
  saveSlow: "Tallennus kestää tavallista kauemmin…",
  /** Any other write still running after 5 s (retire, discard, publish, an inbox action...). */
  actionSlow: "Tämä kestää tavallista kauemmin…",
  saveAlreadyRunning: "Tallennus on jo käynnissä.",
  /** A save that failed for another reason than the content or someone else's save. */
  saveFailed: (reason: string, inBrowser: boolean) =>
    `Tallennus epäonnistui. ${reason} ${
      inBrowser
        ? "Muutoksesi ovat tallessa tässä selaimessa, ja voit tallentaa ne uudelleen."
        : "Muutoksesi ovat yhä lomakkeella, ja voit tallentaa ne uudelleen."
    }`,
  /** A save the service did not answer in time: it may have been done all the same. */
  mayHaveLanded:
    "Se saattoi silti mennä perille: sivu on luettu uudelleen, joten tarkista tilanne ennen kuin yrität uudelleen.",
  saveTimedOut: (inBrowser: boolean) =>
    `Tallennus epäonnistui: palvelu ei vastannut ajoissa. ${
      inBrowser ? "Muutoksesi ovat tallessa tässä selaimessa." : "Muutoksesi ovat yhä lomakkeella."
    } Yritä hetken päästä uudelleen; jos tallennus ehti sittenkin perille, näet sen silloin.`,
  saveShortcut: (keys: string) => `Pikanäppäin ${keys}`,
  saved: (name: string) => `Aihe ${name} tallennettu luonnokseen.`,
  savedWithWarnings: (name: string, n: number) =>
    `Aihe ${name} tallennettu luonnokseen. ${n === 1 ? "1 uusi varoitus" : `${n} uutta varoitusta`}.`,
  earlierWarnings: (n: number) =>
    `Aiemmat varoitukset (${n}): nämä olivat aiheessa jo, kun avasit sen.`,
  saveBlocked: (n: number) =>
    `Tallennus on estetty: korjaa ensin ${n === 1 ? "1 virhe" : `${n} virhettä`}.`,
  saveRefused: "Tarkistus hylkäsi aiheen. Virheet näkyvät kenttien vieressä ja alla.",
  saveUnfinished: "Tallenna keskeneräisenä",
  saveUnfinishedHint:
    "Keskeneräinen aihe tallentuu yhteiseen luonnokseen, mutta se ei näy asiakkaille eikä tule julkaisuun ennen kuin se on valmis.",
  savedUnfinished: (name: string, n: number) =>
    `Aihe ${name} tallennettu keskeneräisenä luonnokseen. Ennen käyttöönottoa korjattavana ${n === 1 ? "1 virhe" : `${n} virhettä`}.`,
  inProgressNotice:
    "Tämä aihe on kesken: se on tallessa luonnoksessa, mutta ei näy asiakkaille eikä tule julkaisuun. Kun virheet on korjattu, Tallenna luonnokseen ottaa sen käyttöön.",
  discardUnfinished: "Hylkää keskeneräinen aihe",
  discardUnfinishedConfirm: (name: string) =>
    `Hylätäänkö keskeneräinen aihe ${name}? Se poistetaan luonnoksesta.`,
  discardUnfinishedYes: "Kyllä, hylkää",
  unfinishedDiscarded: (name: string) => `Keskeneräinen aihe ${name} hylätty.`,
  retire: "Poista käytöstä",
  retireConfirm: (name: string) =>
    `Poistetaanko aihe ${name} käytöstä? Botti lakkaa vastaamasta siitä, kun seuraava versio otetaan käyttöön.`,
  retireOfferedBy: (names: string, count: number) =>
    `${count === 1 ? "Aihe" : "Aiheet"} ${names} ${count === 1 ? "tarjoaa" : "tarjoavat"} sitä jatkoaiheena: poista se niistä, muuten versiota ei voi julkaista.`,
  retireYes: "Kyllä, poista käytöstä",
  retired: (name: string) => `Aihe ${name} poistettu käytöstä luonnoksessa.`,
  retiredNotice: "Tämä aihe on poistettu käytöstä luonnoksessa. Tallentaminen palauttaa sen.",
  revert: "Peru luonnoksen muutokset",
  revertConfirm: (name: string) =>
    `Perutaanko aiheen ${name} muutokset luonnoksessa? Aihe palautetaan sellaiseksi kuin se on käytössä olevassa versiossa. Aihe, jota ei ole vielä julkaistu, poistetaan käytöstä.`,
  revertYes: "Kyllä, peru muutokset",
  revertRefused: "Muutoksia ei peruttu:",
  reverted: (name: string, result: RevertOutcome) =>
    result === "retired"
      ? `Aihetta ${name} ei ole käytössä olevassa versiossa, joten se poistettiin käytöstä luonnoksessa.`
      : result === "unchanged"
        ? `Aiheessa ${name} ei ollut luonnoksen muutoksia.`
        : `Aiheen ${name} luonnoksen muutokset peruttu: se on taas sama kuin käytössä olevassa versiossa.`,
  editConflict: (c: ConflictTold) => {
    const who = c.updatedBy ?? "Joku muu";
    const when = c.at ? ` (${c.at})` : "";
    const kept = "Muutoksiasi ei tallennettu, mutta ne ovat yhä lomakkeella.";
    if (c.yours === "timedOut")
      return `Edellinen tallennuksesi ei vastannut ajoissa, mutta se ehti ilmeisesti perille: ${who} tallensi tämän${when}. ${
        c.on === "save"
          ? "Voit avata tallennetun version tai tallentaa lomakkeen sen päälle."
          : "Avaa tallennettu versio nähdäksesi sen."
      }`;
    if (c.yours === "earlier")
      return `Olet itse tallentanut tämän sen jälkeen, kun avasit sen${when}: ehkä tallennus, joka ei vastannut ajoissa, ehti sittenkin perille, tai tallensit toisessa ikkunassa. ${
        c.on === "save" || c.on === "create"
          ? "Voit avata tallennetun version (lomakkeen muutokset jäävät pois) tai tallentaa lomakkeen sen päälle."
          : c.on === "retire"
            ? "Mitään ei poistettu käytöstä. Avaa tallennettu versio ja katso se ensin."
            : "Mitään ei peruttu. Avaa tallennettu versio ja katso se ensin."
      }`;
    if (c.on === "create")
      return `${who} ehti jo tallentaa saman tunnuksen${when}. ${kept} Avaa tallennettu versio tai vaihda tunnus.`;
    if (c.revision === undefined)
      return c.on === "save"
        ? `Joku poisti tämän sen jälkeen, kun avasit sen. ${kept} Tallentamalla ne luot sen uudelleen.`
        : "Joku poisti tämän jo sen jälkeen, kun avasit sen.";
    if (c.retired) {
      const retired = `${who} poisti tämän käytöstä sen jälkeen, kun avasit sen${when}.`;
      if (c.on === "save")
        return `${retired} ${kept} Voit avata tallennetun version tai tallentaa omasi, jolloin se palaa käyttöön.`;
      return c.on === "retire"
        ? retired
        : `${retired} Mitään ei peruttu. Avaa tallennettu versio ja katso se ensin.`;
    }
    const did = `${who} tallensi tämän sen jälkeen, kun avasit sen${when}.`;
    if (c.on === "save")
      return `${did} ${kept} Voit avata tallennetun version (omat muutoksesi jäävät pois) tai tallentaa omasi sen päälle.`;
    return c.on === "retire"
      ? `${did} Mitään ei poistettu käytöstä. Avaa tallennettu versio ja katso se ensin.`
      : `${did} Mitään ei peruttu. Avaa tallennettu versio ja katso se ensin.`;
  },
  conflictOpenTheirs: "Avaa tallennettu versio",
  conflictSaveMine: "Tallenna omasi sen päälle",
  conflictMakeAgain: "Tallenna ja luo uudelleen",
  systemNotice:
    "Järjestelmäaihe: palvelu käyttää tätä aihetta, joten sitä ei voi poistaa käytöstä.",
  // Try it
  tryTitle: "Kokeile viestiä",
  tryIntro:
    "Näet, mitkä aiheet luonnos ja julkaistu versio tunnistavat, ja vastauksen sellaisena kuin chat sen näyttäisi asiakasneuvojien aukioloaikana. Muulloin chat jättää pois asiakasneuvojan painikkeen ja siihen vievät jatkoaiheet ja kertoo, milloin neuvojat ovat seuraavan kerran paikalla.",
  messageLabel: "Asiakkaan viesti",
  tryLang: "Kieli",
  trySubmit: "Kokeile",
  trying: "Kokeillaan…",
  messageEmpty: "Kirjoita viesti ensin.",
  tryColumn: { draft: "Luonnos", live: "Julkaistu versio" },
  topThree: "Kolme todennäköisintä aihetta",
  likelyTopics: "Todennäköisimmät aiheet",
  noIntent: "ei aihetta",
  confidence: (percent: string) => `varmuus ${percent}`,
  whyTitle: "Miksi tämä vastaus",
  why: {
    answer: (best: string, from: string) =>
      `Vastaa aiheella: sen varmuus ${best} on vähintään ${from}, eikä toiseksi todennäköisin ole lähellä.`,
    unsure: (best: string, from: string) =>
      `Kysyy, kumpaa tarkoitetaan: paras aihe on vain ${best} varma, ja vastaus annetaan vasta varmuudesta ${from}.`,
    close: (second: string, close: string) =>
      `Kysyy, kumpaa tarkoitetaan: toiseksi todennäköisin aihe (${second}) on lähellä parasta, sillä lähellä on jo ${close}.`,
    none: (from: string, offered: string) =>
      `Ei vastausta: mikään aihe ei ole tarpeeksi varma (vastaus varmuudesta ${from}, valinnaksi tarjotaan varmuudesta ${offered}).`,
    outside: "Ei vastausta: viesti ei kuulu botin aiheisiin.",
    referral: (group: string) =>
      `Vastaa ohjausryhmän ${group} vastauksella: viesti on lähimpänä sen lauseita, ei minkään aiheen.`,
    mark: (from: string) => `Merkki palkissa: vastaus varmuudesta ${from}.`,
  },
  answerPreview: "Vastaus chatissa",
  bot: "Chatbot",
  noMessages: "Ei vastausta.",
  quickReplyTry: (label: string) => `Kokeile pikavalintaa: ${label}`,
  newWindow: "(avautuu uuteen ikkunaan)",
  actionNote: "Toimintopainike",
  quickReplyNote: "Pikavalinta",
  tryDone: (draft: string, live: string) => `Luonnos: ${draft}. Julkaistu versio: ${live}.`,
  // Try it: teaching the tried message to a topic
  tryTeachTitle: "Opeta viesti aiheeseen",
  tryTeachIntro: (lang: string) =>
    `Lisää kokeiltu viesti aiheen opetuslauseeksi tai testiviestiksi kielellä ${lang}. Muutos tallentuu luonnokseen, ja viesti kokeillaan sen jälkeen uudelleen.`,
  tryTeachGuesses: "Luonnoksen todennäköisimmät",
  tryTeachSplit: "Mihin viesti lisätään?",
  tryTeachSubmit: "Lisää aiheeseen",
  tryTeachBusy: "Lisätään…",
  tryTeachNothing:
    "Viestistä ei jää opetettavaa, kun peitetyt henkilötiedot poistetaan. Kirjoita kysymys omin sanoin.",
  tryTeachRefused: "Viestiä ei lisätty: sisällön tarkistus hylkäsi sen.",
  tryTeachAlready: (topic: string, split: "training" | "tests", lang: string) =>
    `Aiheella ${topic} on jo tämä ${split === "training" ? "opetuslause" : "testiviesti"} (${lang}). Mitään ei tallennettu.`,
  /** After a teach; `now`: the draft's likeliest topic when the message was tried again. */
  tryTaught: (topic: string, split: "training" | "tests", lang: string, now?: string) =>
    `Viesti lisätty aiheen ${topic} ${split === "training" ? "opetuslauseeksi" : "testiviestiksi"} (${lang}) luonnokseen.${now ? ` Kokeiltu uudelleen: luonnoksen todennäköisin aihe on nyt ${now}.` : ""} Asiakkaat saavat muutoksen, kun versio on otettu käyttöön.`,
  tryTeachWarnings: "Tarkistuksen varoitukset lisätystä rivistä:",
  tryOpenTopic: (topic: string) => `Avaa aihe ${topic}`,
  // Test all
  testTitle: "Testaa kaikki",
  testIntro:
    "Ajaa luonnoksella testi- ja kehitysjoukon viestit ja vertaa vastauksia julkaistuun versioon.",
  runTests: "Testaa kaikki",
  testing: "Testataan… Tämä voi kestää useita sekunteja.",
  testDone: (accuracyFi: string, accuracySv: string) =>
    `Testit valmiit. Testijoukon osuvuus: suomi ${accuracyFi}, ruotsi ${accuracySv}.`,
  noTestsYet: "Testejä ei ole vielä ajettu tässä istunnossa.",
  testStale:
    "Luonnosta on muutettu tämän testin jälkeen: tulokset kertovat aiemmasta luonnoksesta. Testaa kaikki uudelleen nähdäksesi nykyisen luonnoksen tulokset.",
  restoredWork: (at: string) =>
    `Lomakkeella on tallentamattomat muutoksesi, jotka tämä selain piti tallessa (${at}). Tallenna ne tai hylkää ne.`,
  restoredSavedSince:
    "Joku on tallentanut tämän sen jälkeen, kun aloitit: tallentaessasi näet, kuka, ja voit valita.",
  /** The save since was the person's own (by identity): most likely one that timed out. */
  restoredSavedByYou:
    "Olet itse tallentanut tämän sen jälkeen, kun aloitit (ehkä tallennus, joka ei vastannut ajoissa, ehti sittenkin perille): tallentaessasi voit valita, kumpi jää.",
  discardRestored: "Hylkää tallentamattomat muutokset",
  /** The gate's own thresholds: a topic's floor is lower than content:test's target. */
  gatePasses: (accuracy: string, none: string, topic: string, uncovered: string) =>
    `Luonnos läpäisisi julkaisun tarkistuksen: testijoukon osuvuus on vähintään ${accuracy}, aiheiden ulkopuolisista viesteistä vähintään ${none} jää ilman aihetta, jokainen aihe löytää vähintään ${topic} omista viesteistään ja kysymyksistä, joihin mikään aihe ei vastaa, enintään ${uncovered} saisi aiheen vastauksen.`,
  gateFails: (count: number) =>
    count === 1
      ? "Julkaisun tarkistus pysäyttäisi luonnoksen yhdestä syystä:"
      : `Julkaisun tarkistus pysäyttäisi luonnoksen ${count} syystä:`,
  belowTarget: (target: string) => `alle tavoitteen ${target} – ei estä julkaisua`,
  belowGate: (floor: string) => `alle julkaisun rajan ${floor} – estää julkaisun`,
  splitNames: { tests: "Testijoukko", dev: "Kehitysjoukko" } as Record<SplitName, string>,
  overviewCaption: "Osuvuus joukoittain ja kielittäin",
  colSplit: "Joukko",
  colLang: "Kieli",
  colAccuracy: "Osuvuus",
  colNoneRecall: "Aiheiden ulkopuoliset jätetty ilman aihetta",
  colTotal: "Viestejä",
  overviewHint:
    "Osuvuus: kuinka suuri osa kaikista viesteistä sai oikean aiheen (aiheiden ulkopuolisilla viesteillä oikea tulos on ei aihetta). Aiheiden ulkopuoliset jätetty ilman aihetta: kuinka suuren osan viesteistä, jotka eivät kuulu mihinkään aiheeseen, botti jätti oikein ilman aihetta eikä vastannut niihin jonkin aiheen vastauksella.",
  perTopicTitle: "Aiheittain",
  splitChoice: "Joukko",
  sortChoice: "Järjestys",
  sortWorst: "Heikoin ensin",
  sortTopic: "Aiheen mukaan",
  perTopicCaption: (split: string) => `${split}: tarkkuus ja kattavuus aiheittain`,
  colTopic: "Aihe",
  colPrecision: "Tarkkuus",
  colRecall: "Kattavuus",
  colSupport: "Aiheen viestejä",
  perTopicHint:
    "Tarkkuus: kun botti valitsi aiheen, kuinka usein se oli oikea. Kattavuus: aiheen viesteistä kuinka monelle botti valitsi tämän aiheen. Aiheen viestejä: kuinka monta aiheen viestiä joukossa on.",
  confusionsTitle: "Sekaannukset",
  confusionsCaption: (split: string) =>
    `${split}: aihe, johon viesti kuului, ja aihe, jonka botti valitsi`,
  colExpected: "Oikea aihe",
  colGot: "Botin valitsema aihe",
  colCount: "Kertaa",
  noConfusions: "Ei sekaannuksia.",
  chatTitle: "Mitä asiakas saisi chatissa",
  chatHint:
    "Aiheiden viestit sellaisina kuin chat vastaisi niihin. Botti vastaa vain, kun se on riittävän varma eikä toinen aihe ole lähes yhtä todennäköinen; muuten se kysyy, kumpaa aihetta asiakas tarkoittaa, tai kertoo, ettei osaa vastata, ja ohjaa eteenpäin. Väärä vastaus on asiakkaalle pahin: varma mutta väärä tieto Verohallinnolta.",
  chatCaption: "Aiheiden viestit chatissa joukoittain ja kielittäin",
  colRight: "Oikea vastaus",
  colAsked: "Kysyi, kumpaa tarkoitetaan",
  colNoAnswer: "Ei vastausta",
  colWrong: "Väärä vastaus",
  colTopicMessages: "Aiheiden viestejä",
  askedWithRight: (share: string) => `oikea aihe vaihtoehtona: ${share}`,
  uncoveredTitle: "Kysymykset, joihin mikään aihe ei vastaa",
  uncoveredHint:
    "Verokysymyksiä, joihin botilla ei ole aihetta. Niihin botin pitää kertoa, ettei se osaa vastata, ja ohjata asiakas eteenpäin: aiheen tekstillä vastaaminen antaisi väärän vastauksen. Julkaisun tarkistus pysäyttää version, joka vastaisi aiheen tekstillä useampaan kuin sallittuun osuuteen näistä kysymyksistä. Kysymyksiä muokataan sivulla ”Kysymykset ilman aihetta”. Kun aihe vastaa tällaiseen kysymykseen, korjaa ensin syy: avaa aihe tai kokeile kysymystä nähdäksesi, miksi aihe vastaa. Vain jos aiheen vastaus on oikea vastaus kysymykseen, siirrä kysymys aiheen testiviesteihin.",
  /** The first way on from a question answered with a topic: the topic, to mend it. */
  openAnsweringTopic: (topic: string) => `Avaa aihe ${topic}`,
  tryUncovered: "Kokeile kysymystä",
  moveToTopicTests: "Vastaus on oikea: siirrä testiviestiksi…",
  moveConfirm: (question: string, topic: string, lang: string) =>
    `Siirretäänkö? Kysymys ”${question}” tulee aiheen ${topic} testiviestiksi (${lang}) ja poistuu kysymyksistä, joihin mikään aihe ei vastaa. Testi hyväksyy sen jälkeen tämän aiheen vastauksen kysymykseen: tee näin vain, jos vastaus on oikea.`,
  moveConfirmYes: "Kyllä, siirrä testiviestiksi",
  editUncovered: "Muokkaa kysymyksiä",
  colMove: "Korjaa tai siirrä",
  moving: "Siirretään…",
  movedToTopic: (topic: string) => `Siirretty aiheeseen ${topic}`,
  moved: (topic: string) =>
    `Kysymys poistettiin listalta ja lisättiin aiheen ${topic} testiviesteihin. Testaa kaikki uudelleen nähdäksesi tuloksen.`,
  moveFailed: (why: string) => `Kysymystä ei siirretty: ${why}`,
  moveGone:
    "Kysymystä ei siirretty: sitä ei ole enää listalla. Joku on ehkä jo muokannut listaa; testaa kaikki uudelleen.",
  moveTopicFailed: (topic: string, why: string) =>
    `Kysymys poistettiin listalta, mutta sitä ei voitu lisätä aiheen ${topic} testiviesteihin: ${why} Lisää se aiheeseen itse tai palauta se listalle.`,
  uncoveredCaption: "Kysymykset, joihin mikään aihe ei vastaa, kielittäin",
  colUncoveredAnswered: (max: string) => `Vastattu aiheen tekstillä (enintään ${max})`,
  colUncoveredAsked: "Kysyi, kumpaa aihetta tarkoitetaan",
  colQuestions: "Kysymyksiä",
  overUncoveredLimit: "yli rajan – estää julkaisun",
  uncoveredAnsweredCaption: "Kysymykset, joihin vastattaisiin aiheen tekstillä, ja aihe",
  colQuestion: "Kysymys",
  colAnsweredWith: "Aihe, jonka vastaus annettaisiin",
  colSinceLive: "Julkaistuun verrattuna",
  newlyAnswered: "Uusi: julkaistu versio ei vastaa tähän aiheella",
  answeredBefore: "Julkaistu versio vastaa myös",
  noUncoveredAnswered: "Mihinkään näistä kysymyksistä ei vastattaisi aiheen tekstillä.",
  noUncovered:
    "Tällä sisällöllä ei ole näitä kysymyksiä (se on tallennettu ennen kuin ne otettiin sisällön mukaan), joten julkaisun tarkistus ei voi arvioida niitä.",
  uncoveredNoLonger: (n: number) =>
    n === 1
      ? "Yhteen kysymykseen, johon julkaistu versio vastaa aiheen tekstillä, ei enää vastattaisi aiheella."
      : `${n} kysymykseen, joihin julkaistu versio vastaa aiheen tekstillä, ei enää vastattaisi aiheella.`,
  changedTitle: "Vastaus muuttuu julkaistuun verrattuna",
  changedCaption: "Viestit, joiden aihe on luonnoksessa eri kuin julkaistussa versiossa",
  colText: "Viesti",
  colLive: "Julkaistu",
  colDraft: "Luonnos",
  noChanged: "Yhdenkään viestin aihe ei muutu.",
  colEffect: "Vaikutus",
  effects: { broken: "Uusi virhe", changed: "Yhä väärin", fixed: "Korjattu" } as Record<
    ChangeEffect,
    string
  >,
  newMistakesWhy:
    "Yhdenkin aiheen lisääminen tai muuttaminen voi siirtää muidenkin aiheiden viestejä: botti opetetaan uudelleen koko sisällöllä.",
  /** "12 uutta virhettä": messages answered right before and wrong now. */
  newMistakes: (n: number) => (n === 1 ? "1 uusi virhe" : `${n} uutta virhettä`),
  /** "19 korjattua": messages answered wrong before and right now. */
  fixedCount: (n: number) => (n === 1 ? "1 korjattu" : `${n} korjattua`),
  /** "8 uutta virhettä, 25 korjattua": new mistakes first, the still wrong only when any. */
  changedSummary: (counts: Record<ChangeEffect, number>): string =>
    [
      fi.newMistakes(counts.broken),
      fi.fixedCount(counts.fixed),
      ...(counts.changed > 0 ? [`${counts.changed} yhä väärin, eri aiheella`] : []),
    ].join(", "),
  // Versions
  versionsTitle: "Versiot ja julkaisu",
  publishTitle: "Luonnoksen julkaisu",
  draftChanges: (live: number) => `Luonnoksen muutokset julkaistuun versioon ${live} verrattuna`,
  noDraftChanges: "Luonnos on sama kuin julkaistu versio: julkaistavaa ei ole.",
  /** The topics saved unfinished, which a publish leaves out. */
  inProgressNotPublished: (n: number) =>
    n === 1
      ? "Keskeneräinen aihe ei tule julkaisuun:"
      : `Keskeneräiset aiheet (${n}) eivät tule julkaisuun:`,
  change: { added: "Uusi", removed: "Poistetaan käytöstä", changed: "Muutettu" } as Record<
    TopicChange,
    string
  >,
  commentLabel: "Kommentti tarkastajalle",
  commentHint: "Mitä muutit ja miksi.",
  commentRequired: "Kirjoita kommentti tarkastajalle.",
  /** Without four-eyes: the publish makes the version live at once. */
  publish: "Julkaise luonnos",
  publishing: "Julkaistaan…",
  /** With four-eyes: the publish only sends the draft to a reviewer. */
  sendToReview: "Lähetä tarkastettavaksi",
  sendingToReview: "Lähetetään…",
  published: (version: number, state: string) => `Versio ${version} luotu. Tila: ${state}.`,
  versionChanges: (version: number, against: number) =>
    `Version ${version} muutokset versioon ${against} verrattuna`,
  /** The summary under the form of the version just sent for review in this session. */
  sentChanges: (version: number, against: number) =>
    `Lähetit juuri tarkastettavaksi version ${version}. Sen muutokset versioon ${against} verrattuna:`,
  /** The same for a version made without review (or a rollback's). */
  createdChanges: (version: number, against: number) =>
    `Loit juuri version ${version}. Sen muutokset versioon ${against} verrattuna:`,
  draftPending: (version: number) =>
    `Luonnos on lähetetty tarkastettavaksi versiona ${version}: uutta lähetettävää ei ole ennen seuraavaa muutosta.`,
  showVersion: (version: number) => `Näytä versio ${version}`,
  versionListTitle: "Versiot",
  olderVersions: "Näytä vanhemmat versiot",
  liveNow: (version: number) => `Käytössä on versio ${version}.`,
  versionName: (version: number) => `Versio ${version}`,
  states: {
    "pending-review": "Odottaa tarkastusta",
    building: "Otetaan käyttöön",
    live: "Käytössä",
    superseded: "Korvattu",
    rejected: "Hylätty",
    failed: "Epäonnistui",
  } as Record<VersionState, string>,
  author: "Tekijä",
  editors: "Muutoksia myös",
  created: "Luotu",
  approvedBy: "Hyväksyjä",
  rejectedBy: "Hylkääjä",
  withdrawnBy: "Perunut",
  supersededTerm: "Korvattu",
  supersededWhen: (version: number, at: string) => `versiolla ${version}, ${at}`,
  decisionsTitle: "Päätökset versioistasi",
  decisionOutcomes: {
    approved: "hyväksytty",
    rejected: "hylätty",
    superseded: "korvattu ennen tarkastusta",
  } as Record<VersionOutcome, string>,
  decisionLine: (version: number, outcome: string, who: string, at: string) =>
    `Versio ${version} ${outcome}: ${who}, ${at}.`,
  stateNow: (state: string) => `Tila nyt: ${state}.`,
  commentTerm: "Kommentti",
  rollbackOf: (version: number) => `Palauttaa version ${version} sisällön`,
  failedReason: "Syy",
  contentRefused: (n: number) =>
    `Sisältö ei läpäissyt tarkistusta (${n === 1 ? "1 virhe" : `${n} virhettä`}). Mitään ei muutettu.`,
  refusedAt: (id: string) => `Aihe ${id}`,
  showDiff: "Näytä muutokset",
  /** A version published again after a rejection: what changed since the rejected one. */
  showDiffSince: (rejected: number) => `Näytä muutokset hylättyyn versioon ${rejected} verrattuna`,
  versionContext: (version: number) => ` (versio ${version})`,
  noDiff: "Ei muutoksia.",
  approve: "Hyväksy",
  approving: "Hyväksytään…",
  approved: (version: number, state: string) => `Versio ${version} hyväksytty. Tila: ${state}.`,
  approveConfirm: (version: number) =>
    `Hyväksytäänkö versio ${version}? Se tulee asiakkaiden käyttöön heti.`,
  approveYes: "Kyllä, hyväksy",
  withdraw: "Peru julkaisu",
  withdrawConfirm: (version: number) =>
    `Perutaanko version ${version} julkaisu? Versio merkitään hylätyksi, eikä sitä voi enää hyväksyä. Luonnos pysyy ennallaan.`,
  withdrawYes: "Kyllä, peru julkaisu",
  withdrawn: (version: number) => `Version ${version} julkaisu peruttu.`,
  ownVersion: "Tämä on oma versiosi: toisen tarkastajan on hyväksyttävä se.",
  ownChangesInVersion:
    "Versiossa on omia muutoksiasi: toisen tarkastajan on hyväksyttävä se (neljän silmän periaate).",
  selfApproval:
    "Omaa versiota ei voi hyväksyä (neljän silmän periaate). Pyydä toista tarkastajaa hyväksymään se.",
  reviewerOnly: "Vain sisällön tarkastaja voi hyväksyä tai hylätä version.",
  reject: "Hylkää",
  rejectReason: "Hylkäämisen syy",
  rejectYes: "Hylkää versio",
  rejectReasonRequired: "Kirjoita hylkäämisen syy.",
  rejected: (version: number) => `Versio ${version} hylätty.`,
  rollback: "Palauta tämä versio",
  rollbackConfirm: (version: number) =>
    `Palautetaanko version ${version} sisältö? Siitä tehdään uusi versio, joka tarkastetaan ennen käyttöönottoa. Luonnokseen tehdyt julkaisemattomat muutokset säilyvät.`,
  rollbackYes: "Kyllä, palauta",
  rollbackReason: "Palautuksen syy",
  rollbackReasonHint:
    "Mikä käytössä olevassa versiossa on vialla? Tarkastaja näkee syyn, ja se jää muutoslokiin.",
  rollbackReasonRequired: "Kirjoita palautuksen syy.",
  /** What a rollback does to the draft's own changes it meets (see `rollbackTouches`). */
  rollbackTouchesChecking: "Tarkistetaan, osuuko palautus luonnoksen muutoksiin…",
  rollbackTouchesFailed:
    "Ei voitu tarkistaa, osuuko palautus luonnoksen muutoksiin. Luonnoksessa muutetut aiheet ja ohjaukset jäävät joka tapauksessa luonnokseen sellaisinaan.",
  rollbackTouchesNone: "Palautus ei osu luonnoksen muutoksiin: ne jäävät luonnokseen sellaisinaan.",
  rollbackTouchesLead: (n: number) =>
    `Palautus osuu ${n === 1 ? "yhteen luonnoksen muutokseen" : `${n} luonnoksen muutokseen`}:`,
  rollbackTouchDraft: {
    added: "lisätty luonnokseen",
    changed: "muutettu luonnoksessa",
    removed: "poistettu käytöstä luonnoksessa",
  } satisfies Record<TopicChange, string>,
  rollbackTouchRollback: (version: number, change: TopicChange) =>
    ({
      added: `versio ${version} toisi sen takaisin`,
      changed: `versio ${version} muuttaisi sitä`,
      removed: `versio ${version} poistaisi sen käytöstä`,
    })[change],
  rollbackTouchesOutcome: (version: number, n: number) =>
    `Kun palautus otetaan käyttöön, asiakkaat saavat ${n === 1 ? "tähänkin" : "näihinkin"} version ${version} sisällön, mutta luonnos pitää ${n === 1 ? "siitä" : "niistä"} oman versionsa: palautus ei korvaa sitä. ${n === 1 ? "Se näkyy" : "Ne näkyvät"} sen jälkeen luonnoksen muutoksena, ja seuraava julkaisu veisi luonnoksen version taas asiakkaille. Jos haluat luonnokseen palautetun sisällön, paina aiheen, ohjauksen tai aiheen ulkopuolisten viestien sivulla Peru luonnoksen muutokset.`,
  /** A kept draft topic's follow-up the rolled-back content lacks (see `rollbackBrokenFollowUps`). */
  rollbackFollowUpsLead: (version: number, n: number) =>
    n === 1
      ? `Varoitus: luonnoksen aiheella on jatkoaihe, jota version ${version} sisällössä ei ole:`
      : `Varoitus: luonnoksen aiheilla on ${n} jatkoaihetta, joita version ${version} sisällössä ei ole:`,
  rollbackFollowUpLine: (topic: string, followUp: string) => `${topic}, jatkoaihe ${followUp}`,
  rollbackFollowUpTo: "jatkoaihe",
  rollbackFollowUpsOutcome: (n: number) =>
    `Luonnos pitää ${n === 1 ? "aiheen" : "aiheet"} sellaisinaan, joten palautuksen jälkeen seuraavan julkaisun tarkistus hylkää luonnoksen: jatkoaiheena on aihe, jota ei ole. Poista jatkoaihe aiheen sivulla ennen seuraavaa julkaisua.`,
  rolledBack: (from: number, version: number, state: string) =>
    `Versio ${version} luotu palauttamaan version ${from} sisältö. Tila: ${state}.`,
  auditTitle: "Muutosloki",
  auditCaption: "Viimeisimmät tapahtumat, uusin ensin",
  colAt: "Aika",
  colActor: "Kuka",
  colAction: "Tapahtuma",
  colVersion: "Versio",
  colAuditSubject: "Aihe tai ohjaus",
  colDetail: "Lisätieto",
  auditSavedUnfinished: "Tallennettu keskeneräisenä",
  auditDiscardedUnfinished: "Keskeneräinen aihe hylätty",
  auditActions: {
    seed: "Ensimmäinen versio",
    "draft-save": "Tallennettu luonnokseen",
    "draft-retire": "Poistettu käytöstä luonnoksessa",
    "draft-revert": "Luonnoksen muutokset peruttu",
    /** True with review and without: a publish sends the draft, a go-live is `live`. */
    publish: "Lähetetty julkaistavaksi",
    approve: "Hyväksytty",
    reject: "Hylätty",
    withdraw: "Julkaisu peruttu",
    rollback: "Palautus lähetetty julkaistavaksi",
    live: "Otettu käyttöön",
    supersede: "Korvattu ennen tarkastusta",
    failed: "Epäonnistui",
    import: "Tuotu tiedostoista",
    "inbox-teach": "Opetettu vastaamattomista kysymyksistä",
    "inbox-refer": "Ohjattu toiselle viranomaiselle",
    "inbox-dismiss": "Hylätty vastaamattomista kysymyksistä",
    "inbox-uncovered": "Lisätty vastaamattomista kysymyksistä kysymyksiin ilman aihetta",
    "inbox-confirm": "Vastaus todettu oikeaksi pistokokeessa",
  } satisfies Record<AuditAction, string> as Record<AuditAction, string>,
  systemActor: "Palvelu",
  diffParts: {
    dev: "kehitysjoukon viestit",
    uncovered: "kysymykset, joihin mikään aihe ei vastaa",
    outOfScope: "aiheiden ulkopuoliset esimerkit",
    sentences: "lauseet",
    link: "linkki",
  } as Record<string, string>,
  outOfScopeName: "Aiheiden ulkopuoliset viestit",
  /** After a fix that is partly made on the out-of-scope page: the way there. */
  openOutOfScope: "Avaa Aiheen ulkopuoliset",
  /** After a fix that is partly made on the uncovered questions' page: the way there. */
  openUncovered: "Avaa Kysymykset ilman aihetta",
  /** Beside a referral group's id in a diff, after its title. */
  diffReferralNote: "ohjausryhmä",
  /** A change whose answer changed in one language only: a translation perhaps forgotten. */
  answerOnlyIn: {
    fi: "Vain suomenkielinen vastaus muuttui. Tarvitseeko ruotsinkielinen vastaus saman muutoksen?",
    sv: "Vain ruotsinkielinen vastaus muuttui. Tarvitseeko suomenkielinen vastaus saman muutoksen?",
  } as Record<Lang, string>,
  diffAdded: "Lisätty:",
  diffRemoved: "Poistettu:",
  diffOnlyOrder: "Vain järjestys muuttui.",
  /** Over a topic's or group's answer as customers get it (the diff, the editor). */
  customerSees: "Näin asiakas näkee vastauksen",
  previewIn: { fi: "Suomeksi", sv: "Ruotsiksi" } as Record<Lang, string>,
  /** A changed answer's earlier form, folded under the new one. */
  previewBefore: (version: number) => `Vastaus versiossa ${version}`,
  /** The noun after a counted list's number in a diff: "+18 opetuslausetta". */
  listNouns: {
    utterances: (n: number) => (n === 1 ? "opetuslause" : "opetuslausetta"),
    tests: (n: number) => (n === 1 ? "testiviesti" : "testiviestiä"),
    dev: (n: number) => (n === 1 ? "kehitysjoukon viesti" : "kehitysjoukon viestiä"),
    outOfScope: (n: number) => (n === 1 ? "esimerkki" : "esimerkkiä"),
    uncovered: (n: number) => (n === 1 ? "kysymys" : "kysymystä"),
    sentences: (n: number) => (n === 1 ? "lause" : "lausetta"),
  } as Record<CountedList, (n: number) => string>,
  /** Under the editor's answer preview. */
  editorPreviewHint: "Päivittyy kirjoittaessasi, jatkoaiheet ja painikkeet mukaan lukien.",
  testVersion: "Testaa versio",
  versionTested: (version: number, changed: number) =>
    changed === 0
      ? `Versio ${version} testattu: minkään viestin aihe ei muutu.`
      : `Versio ${version} testattu: ${changed} viestin aihe muuttuu.`,
  versionTestTitle: (version: number, live: number) =>
    `Version ${version} testi versioon ${live} verrattuna`,
  versionChangedCaption: (version: number) =>
    `Viestit, joiden aihe on versiossa ${version} eri kuin käytössä olevassa versiossa`,
  versionColumn: (version: number) => `Versio ${version}`,
  scoresTerm: "Testijoukolla",
  scoreLine: (lang: string, accuracy: string, noneRecall: string) =>
    `${lang}: osuvuus ${accuracy}, aiheiden ulkopuoliset jätetty ilman aihetta ${noneRecall}`,
  scoreAgainstLive: (live: string) => `(käytössä oleva versio ${live})`,
  /** The honesty figure in a version's numbers: the share, with live's beside it when compared. */
  scoreUncovered: (share: string) =>
    `kysymyksistä, joihin mikään aihe ei vastaa, vastattu aiheen tekstillä ${share}`,
  /** Marks a version whose uncovered share is over the publish gate's limit. */
  overUncoveredGate: (max: string) => `yli julkaisun rajan ${max}`,
  /**
   * Before a version's new mistakes and fixes on the test split: against the version live
   * when it was published ("versioon 3 verrattuna 12 uutta virhettä, 19 korjattua").
   */
  againstLiveLead: (version: number) => `versioon ${version} verrattuna`,
  /** Where to see which messages those are: the version's test (its button's label). */
  againstLiveHint: (button: string) =>
    `Painike ”${button}” näyttää, minkä viestien vastaus muuttuu.`,
  showChangeDetails: "Näytä muutettu sisältö",
  hideChangeDetails: "Piilota muutettu sisältö",
  diffEmpty: "(tyhjä)",
  refresh: "Päivitä",
  noAudit: "Ei tapahtumia.",
  olderEntries: "Näytä vanhemmat",
  olderEntriesLoaded: (count: number) =>
    count === 1 ? "1 vanhempi tapahtuma ladattu." : `${count} vanhempaa tapahtumaa ladattu.`,
  noOlderEntries: "Vanhempia tapahtumia ei ole.",
  /** A filtered page that examined its share of the trail and found none of this item. */
  noneInStretch:
    "Tarkistetuista vanhemmista tapahtumista mikään ei koskenut tätä. Voit hakea vielä vanhempia.",
  historyTitle: "Muutoshistoria",
  historyCaption: "Tähän tehdyt muutokset, uusin ensin",
  // Inbox
  inboxTitle: "Vastaamattomat kysymykset",
  inboxIntro:
    "Asiakkaiden kysymykset, joihin botti ei löytänyt aihetta tai vastasi epävarmasti, joiden vastauksesta ei ollut asiakkaan mukaan apua tai joiden jälkeen asiakas pyysi neuvojaa. Tekstit on peitetty kuten keskusteluhistoriassa. Samankaltaiset kysymykset on ryhmitelty, suurin ryhmä ensin.",
  periodFrom: "Alkaen",
  periodTo: "Päättyen",
  inboxPeriodProblem: {
    fromInvalid: "Alkaen: anna päivämäärä.",
    toInvalid: "Päättyen: anna päivämäärä.",
    toBeforeFrom: "Päättyen: päättymispäivä on ennen alkamispäivää.",
    tooLong: "Päättyen: ajanjakso on liian pitkä (enintään kaksi vuotta).",
  } as Record<PeriodProblem, string>,
  langAll: "Molemmat kielet",
  statusFilterLabel: "Näytä",
  statusOpen: "Käsittelemättömät",
  statusAll: "Kaikki, myös käsitellyt",
  showInbox: "Näytä kysymykset",
  exportCsv: "Lataa CSV",
  exporting: "Ladataan CSV…",
  exportHint: "CSV-tiedostossa ovat kaikki ajanjakson kysymykset tiloineen.",
  inboxFile: "vastaamattomat-kysymykset",
  inboxCount: (groups: number, questions: number) =>
    `${groups === 1 ? "1 ryhmä" : `${groups} ryhmää`}, ${questions === 1 ? "1 kysymys" : `${questions} kysymystä`}`,
  inboxEmpty: "Ajanjaksolla ei ole kysymyksiä näillä rajauksilla.",
  // The answer review: a random share of the questions the bot answered surely.
  inboxKindLabel: "Kysymyslistat",
  inboxKinds: { misses: "Ohitetut kysymykset", sampled: "Vastausten pistokoe" },
  sampledIntro:
    "Satunnainen otos kysymyksistä, joihin botti vastasi varmana. Lue kysymys ja aihe, jolla botti vastasi: merkitse vastaus oikeaksi tai korjaa se opettamalla kysymys oikeaan aiheeseen, ohjaamalla se toiselle viranomaiselle tai lisäämällä se kysymyksiin, joihin mikään aihe ei vastaa. Tekstit on peitetty kuten keskusteluhistoriassa.",
  sampledFile: "vastausten-pistokoe",
  sampledEmpty: "Ajanjaksolla ei ole tarkistettavia vastauksia näillä rajauksilla.",
  reviewHeading: "Tarkistetut vastaukset",
  /** The review's figure: of the sampled answers reviewed, how many were right. */
  reviewFigure: (reviewed: number, confirmed: number, share: string) =>
    `Tarkistetuista ${reviewed} vastauksesta ${confirmed} oikein (${share})`,
  noneReviewed: "Ei vielä tarkistettuja vastauksia",
  answeredWithLabel: "Botti vastasi aiheella",
  answeredByVersion: (version: number) => `sisältöversio ${version}`,
  confirmAnswer: "Vastaus oikein",
  confirmedOutcome: (n: number) =>
    n === 1 ? "1 vastaus merkitty oikeaksi." : `${n} vastausta merkitty oikeiksi.`,
  /** A group's size beside the question it is known by (its heading). */
  groupSize: (size: number) => (size === 1 ? "1 kysymys" : `${size} kysymystä`),
  trendSummary: (total: number, days: number, peak: number, peakDay: string) =>
    `Ajanjaksolla (${days} pv) ${total === 1 ? "1 kysymys" : `${total} kysymystä`}, eniten ${peak} päivässä (${peakDay}).`,
  guessesLabel: "Botin arvaukset",
  guessCount: (title: string, n: number) => `${title} (${n})`,
  samplesLabel: (shown: number, size: number) => `Esimerkit: ${shown} / ${size}`,
  showAllSamples: (n: number) => `Näytä kaikki ${n} esimerkkiä`,
  showFewerSamples: "Näytä vähemmän esimerkkejä",
  reasonsLabel: "Syy",
  // The bot pointed the question to another agency (a referral group, by its title).
  referredToLabel: "Botti ohjasi",
  // The topic the customer picked when the bot asked which one they meant (by its title).
  chosenByCustomerLabel: "Asiakas valitsi",
  /** The topics a group's customers picked, counted (as the bot's guesses are). */
  choicesLabel: "Asiakkaiden valinnat",
  /** The one question's pick, first in the teach picker. */
  choiceLabel: "Asiakkaan valinta",
  // Keyed by the API's reason names, checked: a key the API does not send would show raw.
  reasons: {
    missed: "ei aihetta",
    "low-confidence": "epävarma vastaus",
    unhelpful: "vastauksesta ei apua",
    "person-requested": "pyysi neuvojaa",
    clarified: "botti kysyi, kumpaa aihetta tarkoitetaan",
    sampled: "pistokoe varmasta vastauksesta",
  } satisfies Record<MissReason, string> as Record<MissReason, string>,
  outcomeLabel: "Sen jälkeen",
  // Only what the server can tell: "rephrased" is any next message the bot found no topic for
  // (the same question reworded or another one), "left" any end of the chat (the customer,
  // an advisor or inactivity ended it), "handed-off" a request, not an advisor taking it.
  outcomes: {
    answered: "botti vastasi asiakkaan seuraavaan viestiin",
    // A which-one is a question back: the next message got no answer yet.
    clarified:
      "seuraavaan viestiin botti ei vastannut vaan kysyi, kumpaa aihetta asiakas tarkoittaa",
    rephrased: "botti ei löytänyt aihetta seuraavallekaan viestille",
    "handed-off": "asiakas pyysi neuvojaa",
    left: "keskustelu päättyi",
    // Nothing followed within the hour, or the service restarted meanwhile: not "missing data".
    unknown: "chatissa ei näkynyt seuraavaa viestiä",
  } satisfies Record<MissOutcome, string> as Record<MissOutcome, string>,
  /** A request for a person, with where it went when the server heard it. */
  handoffs: {
    queued: "asiakas pyysi neuvojaa ja pääsi jonoon",
    closed: "asiakas pyysi neuvojaa (palvelu suljettu)",
    "no-advisors": "asiakas pyysi neuvojaa (ei vapaita neuvojia)",
    "queue-full": "asiakas pyysi neuvojaa (jono täynnä)",
  } as Record<MissHandoff, string>,
  statusLabel: "Tila",
  statuses: {
    open: "käsittelemätön",
    taught: "opetettu",
    referred: "toisen viranomaisen asia",
    dismissed: "hylätty",
    uncovered: "ei aihetta (testikysymys)",
    confirmed: "vastaus oikein",
  } as Record<MissStatus, string>,
  /**
   * A handled question's status with where it went: the topic or referral group by its title,
   * the matter it is kept under (as the draft's set has it).
   */
  placedStatuses: {
    taught: (topic: string, split: "training" | "tests") =>
      split === "training" ? `opetettu aiheeseen ${topic}` : `testiviestinä aiheessa ${topic}`,
    referred: (group: string) => `toisen viranomaisen asia: ${group}`,
    uncovered: (matter: string) => `pidetty testikysymyksenä ilman aihetta (asia ${matter})`,
  },
  /** The topic the live version now answers an open question with, named as Versions names it. */
  answeredNowLive: (title: string) => `Nyt vastaa: ${title} (käytössä oleva versio)`,
  /** The topic the draft answers it with, when live does not (or answers another). */
  answeredNowDraft: (title: string) => `Luonnoksessa vastaa: ${title} (ei vielä julkaistu)`,
  markAnswered: "Merkitse vastatuksi",
  markedAnswered: (n: number) =>
    `${n === 1 ? "1 kysymys" : `${n} kysymystä`}: merkitty vastatuksi (hylätty, ei opeteta).`,
  /**
   * Why a taught, referred or kept question is open again; `name` is the topic's or group's
   * title (none for an uncovered question: its matter is in `r`).
   */
  reopenedNote: (r: Reopened, name: string) =>
    r.was === "uncovered"
      ? `${r.matter ? `Pidetty testikysymyksenä ilman aihetta (asia ${r.matter})` : "Pidetty aiemmin testikysymyksenä ilman aihetta"}, mutta kysymys ei ole enää luonnoksen kysymyksissä, joihin mikään aihe ei vastaa.`
      : r.was === "taught"
        ? `${name ? `Opetettu aiheeseen ${name}` : "Opetettu aiemmin"}, mutta ${
            r.gone ? "aihe ei ole enää käytössä luonnoksessa" : "opetus ei ole enää luonnoksessa"
          }.`
        : `${name ? `Merkitty toisen viranomaisen asiaksi (${name})` : "Merkitty aiemmin toisen viranomaisen asiaksi"}, mutta ${
            r.gone ? "ohjausryhmä ei ole enää luonnoksessa" : "lause ei ole enää luonnoksessa"
          }.`,
  groupActions: (size: number) =>
    `Käsittele koko ryhmä (${size === 1 ? "1 kysymys" : `${size} kysymystä`})`,
  /** The group's button when some of its questions are handled already (the view of all). */
  openActions: (open: number) =>
    `Käsittele ryhmän avoimet (${open === 1 ? "1 kysymys" : `${open} kysymystä`})`,
  /** The group's button when the owner took some of its questions out. */
  chosenActions: (chosen: number, size: number) => `Käsittele valitut ${chosen}/${size}`,
  chosenForGroup: "Mukana ryhmän käsittelyssä",
  chooseHint:
    "Ryhmän käsittely koskee vain valittuja kysymyksiä. Poista valinta kysymykseltä, joka ei kuulu ryhmään.",
  questionsMissing: "Kysymykset: valitse ryhmästä ainakin yksi kysymys.",
  sampleActions: "Käsittele tämä kysymys",
  actionFormLabel: (n: number) =>
    n === 1 ? "Toiminto 1 kysymykselle" : `Toiminto ${n} kysymykselle`,
  actionLegend: "Mitä kysymyksille tehdään?",
  actionNames: {
    teach: "Opeta aiheeseen",
    refer: "Toisen viranomaisen asia",
    newTopic: "Uusi aihe näistä kysymyksistä",
    dismiss: "Hylkää (ei opeteta)",
    uncovered: "Ei aihetta: pidä testikysymyksenä",
    confirm: "Vastaus oikein",
  },
  teachTopic: "Aihe",
  chooseTopic: "Valitse aihe",
  allTopics: "Kaikki aiheet",
  /** How many of a group's questions the bot guessed a topic for (beside it in the picker). */
  guessedIn: (n: number) => `${n} kysymyksessä`,
  splitLegend: "Minne kysymykset lisätään?",
  teachSplits: { training: "Opetuslauseiksi", tests: "Testiviesteiksi" } as Record<
    "training" | "tests",
    string
  >,
  splitHint:
    "Testiviesteillä mitataan, tunnistaako botti aiheen. Sama lause ei voi olla sekä opetuslause että testiviesti.",
  referTo: "Mihin asiakas ohjataan",
  chooseReferral: "Valitse viranomainen",
  newTopicHint:
    "Avaa uuden aiheen lomakkeen, jossa ryhmän valitut esimerkit ovat opetuslauseina omalla kielellään. Kun tallennat aiheen, jäljelle jääneet kysymykset merkitään opetetuiksi.",
  actionMissing: "Mitä kysymyksille tehdään: valitse toiminto.",
  topicMissing: "Aihe: valitse aihe.",
  splitMissing: "Minne kysymykset lisätään: valitse opetuslauseet tai testiviestit.",
  referralMissing: "Mihin asiakas ohjataan: valitse viranomainen.",
  uncoveredActionHint:
    "Kysymys lisätään luonnoksen kysymyksiin, joihin mikään aihe ei vastaa. Julkaisun tarkistus testaa jokaisessa julkaisussa, että botti sanoo, ettei tiedä, eikä vastaa jonkin aiheen tekstillä.",
  matterLabel: "Asia",
  /** Chosen questions the draft's uncovered set has already: they keep the matter it says. */
  alreadyKeptHint: (n: number, matter: string) =>
    `${n === 1 ? "1 kysymys" : `${n} kysymystä`} näistä on jo pidetty testikysymyksenä (asia ${matter}) ja pysyy siinä, vaikka kirjoittaisit toisen asian.`,
  matterHint:
    "Lyhyt tunnus pienillä kirjaimilla, numeroilla ja väliviivoilla, esimerkiksi dog-tax. Saman asian kysymyksillä on sama tunnus; ehdotukset ovat jo käytössä olevia.",
  matterMissing: "Asia: kirjoita asian tunnus, esimerkiksi dog-tax.",
  matterInvalid: (value: string) =>
    `Asia: ”${value}” ei ole tunnus. Käytä pieniä kirjaimia, numeroita ja väliviivoja, esimerkiksi dog-tax.`,
  applyAction: (n: number) => `Tee valittu toiminto (${n === 1 ? "1 kysymys" : `${n} kysymystä`})`,
  applying: "Tehdään…",
  actionRefused: "Toimintoa ei tehty: sisällön tarkistus hylkäsi sen.",
  /** After a teach: how many, to which topic, and that the bot learns them once published. */
  taughtOutcome: (n: number, topic: string, split: "training" | "tests") =>
    split === "training"
      ? `${n === 1 ? "1 kysymys" : `${n} kysymystä`} opetettu aiheeseen ${topic} luonnokseen. Botti oppii ${n === 1 ? "sen" : "ne"}, kun versio on otettu käyttöön.`
      : `${n === 1 ? "1 kysymys" : `${n} kysymystä`} lisätty aiheen ${topic} testiviesteiksi luonnokseen. ${n === 1 ? "Se tulee" : "Ne tulevat"} versioon, kun luonnos julkaistaan.`,
  referredOutcome: (n: number, group: string) =>
    `${n === 1 ? "1 kysymys" : `${n} kysymystä`} lisätty luonnoksen ohjaukseen ${group}. Botti ohjaa ${n === 1 ? "sen" : "ne"} sinne, kun versio on otettu käyttöön.`,
  dismissedOutcome: (n: number) =>
    `${n === 1 ? "1 kysymys hylätty. Sitä" : `${n} kysymystä hylätty. Niitä`} ei opeteta botille.`,
  /** After keeping questions as uncovered ones: how many, under which matter, and when tested. */
  uncoveredOutcome: (n: number, matter: string) =>
    `${n === 1 ? "1 kysymys" : `${n} kysymystä`} lisätty luonnoksen kysymyksiin, joihin mikään aihe ei vastaa (asia ${matter}). Julkaisun tarkistus testaa ${n === 1 ? "sen" : "ne"}, kun luonnos julkaistaan.`,
  /**
   * Questions the draft's uncovered set already had under another matter: they keep that one
   * (the set says one matter of each question), and the owner is told which.
   */
  alreadyKeptOutcome: (n: number, matter: string) =>
    `${n === 1 ? "1 kysymys oli" : `${n} kysymystä oli`} jo pidetty testikysymyksenä toisella asialla (${matter}), ja ${n === 1 ? "se pysyy" : "ne pysyvät"} siinä. Asian voi vaihtaa sivulla Kysymykset ilman aihetta.`,
  publishLink: "Julkaise sivulla Versiot ja julkaisu",
  seedNotice: (n: number) =>
    `Opetuslauseet on täytetty ${n === 1 ? "1 kysymyksellä" : `${n} kysymyksellä`}. Kun tallennat, rivit, jotka jätät, merkitään opetetuiksi tähän aiheeseen.`,
  seedTaught: (n: number) =>
    `${n === 1 ? "1 kysymys" : `${n} kysymystä`} merkitty opetetuiksi tähän aiheeseen.`,
  seedTeachFailed: (message: string) => `Kysymyksiä ei merkitty opetetuiksi. ${message}`,
  /** Save while a new topic's inbox questions are marked taught: the topic itself is saved. */
  seedTeaching: "Merkitään kysymyksiä opetetuiksi…",
  /** The teach after a new topic's save still running after 5 s: the save itself is done. */
  seedTeachSlow:
    "Aihe on tallennettu. Kysymysten merkitseminen opetetuiksi kestää tavallista kauemmin…",
  // Answer feedback
  feedbackTitle: "Asiakkaiden arviot, 30 päivää",
  helpfulShare: "Vastauksesta apua",
  votes: (yes: number, no: number) => `${yes} kyllä, ${no} ei`,
  latestUnhelpful: "Viimeisimmät kysymykset, joissa vastauksesta ei ollut apua",
  noVotes: "Ei arvioita.",
  noUnhelpful: "Ei kysymyksiä.",
  colHelpful: "Vastauksesta apua fi / sv (arvioita), 30 pv",
  colAnswers: "Botti vastasi fi / sv, 30 pv",
  orderLabel: "Järjestys",
  orderById: "Tunnisteen mukaan",
  orderByAnswers: "Eniten vastauksia ensin",
  orderByHelpful: "Vähiten apua ensin",
  /** `n` the count, `shown` it written for the page (thousands grouped). */
  answeredTimes: (n: number, shown: string) =>
    n === 1
      ? "Botti vastasi tällä aiheella kerran."
      : `Botti vastasi tällä aiheella ${shown} kertaa.`,
  helpfulCell: (share: string, votes: number) => `${share} (${votes})`,
  referrals: {
    title: "Ohjaukset muille virastoille",
    intro:
      "Kun asiakas kysyy toisen viraston asiaa (esimerkiksi ajoneuvovero tai passi), botti vastaa ryhmän lyhyellä ohjauksella ja linkillä viraston sivuille eikä tarjoa omia neuvojiamme. Ryhmän lauseista botti oppii tunnistamaan nämä viestit.",
    listCaption: "Ohjausryhmät luonnoksessa",
    columns: { id: "Tunnus", title: "Otsikko", sentences: "Lauseita", changed: "Muutettu" },
    none: "Luonnoksessa ei ole ohjausryhmiä.",
    add: "Uusi ohjausryhmä",
    back: "Takaisin ohjauksiin",
    newTitle: "Uusi ohjausryhmä",
    editTitle: (id: string) => `Ohjausryhmä ${id}`,
    id: "Tunnus",
    idHint: "Pienet kirjaimet a–z ja numerot, sanat yhdysmerkillä (esim. traficom).",
    idMissing: "Anna ryhmälle tunnus.",
    idForm: "Tunnuksessa saa olla vain pieniä kirjaimia a–z ja numeroita, sanat yhdysmerkillä.",
    idTaken: (id: string) => `Tunnus ${id} on jo käytössä.`,
    fieldTitle: "Otsikko",
    answer: "Vastaus",
    answerCount: (n: number, max: number) => `${n}/${max} merkkiä`,
    linkLabel: "Linkin teksti",
    linkUrl: "Linkin osoite (https://, viraston oma sivusto)",
    sentences: "Asiakkaan viestejä, yksi riviä kohden",
    sentencesCount: (n: number, min: number) =>
      `${n === 1 ? "1 lause" : `${n} lausetta`} (vähintään ${min})`,
    save: "Tallenna ohjaus",
    retire: "Poista ryhmä",
    retireConfirm: (id: string) =>
      `Poistetaanko ohjausryhmä ${id} luonnoksesta? Sen viestit jäävät silloin ilman vastausta.`,
    retireYes: "Poista",
    saved: (id: string) => `Ohjausryhmä ${id} tallennettu luonnokseen.`,
    saveRefused: "Tarkistus hylkäsi ryhmän. Virheet näkyvät kenttien vieressä.",
    unreadable:
      "Ryhmää ei voitu lukea, joten tallennus on estetty: muuten se voisi kirjoittaa toisen tallennuksen päälle. Yritä lukea se uudelleen.",
    restoredMeanwhile: (id: string) =>
      `Joku palautti ohjausryhmän ${id} jo. Se näkyy nyt ryhmien joukossa; avaa se nähdäksesi sisällön.`,
    retired: (id: string) => `Ohjausryhmä ${id} poistettu luonnoksesta.`,
    removedTitle: "Luonnoksesta poistetut ryhmät",
    restore: "Palauta",
    restoring: "Palautetaan…",
    revert: "Peru luonnoksen muutokset",
    revertConfirm: (id: string) =>
      `Perutaanko ohjausryhmän ${id} muutokset luonnoksessa? Ryhmä palautetaan sellaiseksi kuin se on käytössä olevassa versiossa. Ryhmä, jota ei ole vielä julkaistu, poistetaan luonnoksesta.`,
    revertYes: "Kyllä, peru muutokset",
    revertRefused: "Muutoksia ei peruttu:",
    reverted: (id: string, result: RevertOutcome) =>
      result === "retired"
        ? `Ohjausryhmää ${id} ei ole käytössä olevassa versiossa, joten se poistettiin luonnoksesta.`
        : result === "unchanged"
          ? `Ohjausryhmässä ${id} ei ollut luonnoksen muutoksia.`
          : `Ohjausryhmän ${id} luonnoksen muutokset peruttu: se on taas sama kuin käytössä olevassa versiossa.`,
    summary: "Tarkistuksen havainnot",
  },
  outOfScope: {
    title: "Aiheen ulkopuoliset viestit",
    intro:
      "Viestit, joihin botin ei pidä vastata millään aiheella: esimerkiksi toisen viranomaisen asiat, joille ei ole ohjausta, kauppojen ja pankkien asiat sekä merkityksetön teksti. Niistä botti oppii sanomaan, ettei sillä ole vastausta, eikä arvaa väärää aihetta. Sama lause voi olla vain yhdessä paikassa: kun teet lauseesta aiheen, poista se ensin täältä ja tallenna.",
    listLabel: "Viestit, yksi riville",
    listHint: "Kirjoita niin kuin asiakas kirjoittaisi. Tyhjät rivit jätetään pois.",
    count: (n: number) => (n === 1 ? "1 viesti" : `${n} viestiä`),
    summary: "Tarkistuksen havainnot",
    saved: "Aiheen ulkopuoliset viestit tallennettu luonnokseen.",
    saveRefused: "Tarkistus hylkäsi muutoksen. Virheet näkyvät listojen vieressä ja alla.",
    unreadable:
      "Viestejä ei voitu lukea, joten tallennus on estetty: muuten se voisi kirjoittaa toisen tallennuksen päälle. Yritä lukea ne uudelleen.",
    revertConfirm:
      "Perutaanko aiheen ulkopuolisten viestien muutokset luonnoksessa? Listat palautetaan sellaisiksi kuin ne ovat käytössä olevassa versiossa.",
    reverted: (result: RevertOutcome): string =>
      result === "unchanged"
        ? "Aiheen ulkopuolisissa viesteissä ei ollut luonnoksen muutoksia."
        : "Aiheen ulkopuolisten viestien luonnoksen muutokset peruttu: ne ovat taas samat kuin käytössä olevassa versiossa.",
  },
  uncoveredPage: {
    title: "Kysymykset, joihin mikään aihe ei vastaa",
    intro:
      "Verokysymyksiä, joihin botilla ei ole aihetta: niihin botin pitää kertoa, ettei se osaa vastata, ja ohjata asiakas eteenpäin. Testaa kaikki ja julkaisun tarkistus mittaavat, kuinka suureen osaan näistä botti vastaisi aiheen tekstillä; yli 5 % yhdellä kielellä estää julkaisun. Lisää tänne kysymys, johon mikään aihe ei vastaa (esimerkiksi vastaamattomista kysymyksistä), niin botin pysyminen hiljaa siitä tulee testatuksi.",
    newTopic:
      "Kun teet aiheen asialle, jonka kysymyksiä on näillä listoilla, siirrä ne pois listoilta (esimerkiksi aiheen testiviesteiksi Testaa kaikki -sivulta): muuten uusi aihe vastaa niihin ja julkaisun tarkistus pysäyttää version. Kysymys ei saa olla myös opetuslause, aiheen ulkopuolinen viesti tai testiviesti.",
    listLabel: "Kysymykset, yksi riville muodossa asia: kysymys",
    listHint:
      "Esimerkiksi dog-tax: paljonko koiravero on Espoossa? Asia on lyhyt tunniste pienin kirjaimin, numeroin ja väliviivoin; se ryhmittelee saman asian kysymykset. Tyhjät rivit jätetään pois.",
    count: (n: number) => (n === 1 ? "1 kysymys" : `${n} kysymystä`),
    summary: "Tarkistuksen havainnot",
    saved: "Kysymykset tallennettu luonnokseen.",
    saveRefused: "Tarkistus hylkäsi muutoksen. Virheet näkyvät listojen vieressä ja alla.",
    unreadable:
      "Kysymyksiä ei voitu lukea, joten tallennus on estetty: muuten se voisi kirjoittaa toisen tallennuksen päälle. Yritä lukea ne uudelleen.",
    revertConfirm:
      "Perutaanko näiden kysymysten muutokset luonnoksessa? Listat palautetaan sellaisiksi kuin ne ovat käytössä olevassa versiossa.",
    reverted: (result: RevertOutcome): string =>
      result === "unchanged"
        ? "Kysymyksissä ei ollut luonnoksen muutoksia."
        : "Kysymysten luonnoksen muutokset peruttu: ne ovat taas samat kuin käytössä olevassa versiossa.",
  },
  // Test all over several training orders (TrainingOrders.tsx)
  ordersTitle: "Vaihteleeko tulos opetusjärjestyksen mukaan?",
  ordersIntro:
    "Tunnistin opettelee lauseet sekoitetussa järjestyksessä. Siksi luku voi muuttua viestin tai kaksi järjestyksestä riippuen, ilman että muutoksesi vaikuttaa siihen. Toista testi usealla opetusjärjestyksellä: luku, joka vaihtelee järjestysten välillä, on satunnaisvaihtelua eikä muutoksesi vaikutusta. Julkaisun tarkistus käyttää aina yhtä ja samaa järjestystä.",
  runOrders: (n: number) =>
    `Toista ${["kahdella", "kolmella", "neljällä", "viidellä", "kuudella", "seitsemällä", "kahdeksalla"][n - 2] ?? n} opetusjärjestyksellä`,
  ordersCount: "Opetusjärjestyksiä",
  ordersCountHint: (min: number, max: number) =>
    `${min}–${max}. Jokainen järjestys opettaa luonnoksen kerran (noin Testaa kaikki -testin verran aikaa).`,
  ordersStale:
    "Luonnosta on muutettu tämän toiston jälkeen: luvut kertovat aiemmasta luonnoksesta. Toista uudelleen nähdäksesi nykyisen luonnoksen luvut.",
  ordersRunning: (n: number) =>
    `Luonnosta opetetaan ${n} kertaa eri järjestyksissä… Tämä kestää noin ${n} kertaa niin kauan kuin Testaa kaikki.`,
  ordersGate: (refused: number, orders: number) =>
    refused === 0
      ? `Julkaisun tarkistus päästäisi luonnoksen läpi kaikilla ${orders} järjestyksellä.`
      : `Julkaisun tarkistus pysäyttäisi luonnoksen ${refused} järjestyksellä ${orders} järjestyksestä.`,
  ordersSeeds: (seeds: string, shipped: number) =>
    `Järjestykset (siemenluvut): ${seeds}. Julkaisun tarkistus käyttää järjestystä ${shipped}, joten sen luvut ovat samat kuin Testaa kaikki -testissä.`,
  ordersCaption: (split: string, lang: string, orders: number) =>
    `${split}, ${lang}: luvut ${orders} opetusjärjestyksellä`,
  colFigure: "Luku",
  colGate: "Julkaisun raja",
  colMean: "Keskiarvo",
  colRange: "Vaihteluväli (pienin–suurin)",
  figureNames: {
    accuracy: "Osuvuus",
    noneRecall: "Aiheiden ulkopuoliset jätetty ilman aihetta",
    right: "Oikea vastaus chatissa",
    wrong: "Väärä vastaus chatissa",
    uncoveredAnswered: "Kysymykset, joihin mikään aihe ei vastaa: vastattu aiheen tekstillä",
  } as Record<SpreadFigure, string>,
  noGate: "ei rajaa",
  gateAtLeast: (value: string) => `vähintään ${value}`,
  gateAtMost: (value: string) => `enintään ${value}`,
  range: (min: string, max: string) => `${min} – ${max}`,
  rangeCrossesGate: "raja osuu vaihteluvälille – tulos riippuu järjestyksestä",
  rangeFailsGate: "ei täytä rajaa millään järjestyksellä",
  ordersTopicsUnder: (target: string, gate: string) =>
    `Aiheet, jotka jäivät alle tavoitteen ${target} tai julkaisun rajan ${gate}:`,
  ordersTopicUnder: (orders: number, of: number, underGate: number) =>
    `alle tavoitteen ${orders}/${of} järjestyksellä${underGate ? `, alle julkaisun rajan ${underGate}/${of} järjestyksellä` : ""}`,
  ordersNoTopicsUnder: (target: string) =>
    `Yksikään aihe ei jäänyt alle tavoitteen ${target} millään järjestyksellä.`,
  ordersBusy:
    "Toistoa usealla opetusjärjestyksellä ajetaan jo palvelimella (ehkä joku muu ajaa sitä). Yritä uudelleen, kun se on valmis.",
  ordersUnavailable:
    "Tässä ympäristössä toistoa usealla opetusjärjestyksellä ei voi ajaa: palvelu opettaa tunnistimen vain yhdessä järjestyksessä. Kehittäjä voi ajaa saman komennolla npm run content:test -- --seeds 5.",
};

export type UiText = typeof fi;

const sv: UiText = {
  lang: "sv",
  // Finland-Swedish, as the web chat writes it: "5.12.2026 kl. 23.52", not Sweden's "2026-12-05".
  locale: "sv-FI",
  atClock: "kl.",
  appTitle: "Innehållsstudio",
  switchLang: "Suomeksi",
  switchLangTo: "fi",
  langName: { fi: "finska", sv: "svenska" },
  langColumn: { fi: "Finska", sv: "Svenska" },
  roles: {
    "content-owner": "innehållsägare",
    "content-reviewer": "innehållsgranskare",
  },
  signedInAs: (name, roles) => (roles ? `${name} (${roles})` : name),
  signedInLabel: "Inloggad",
  signOut: "Logga ut",
  navLabel: "Studions delar",
  pendingReview: (n) => `(${n} väntar på granskning)`,
  decidedNews: (n) => (n === 1 ? "(1 nytt beslut)" : `(${n} nya beslut)`),
  nav: {
    topics: "Ämnen",
    inbox: "Obesvarade frågor",
    referrals: "Hänvisningar",
    outOfScope: "Utanför ämnena",
    uncovered: "Frågor utan ämne",
    try: "Testa ett meddelande",
    test: "Testa allt",
    versions: "Versioner och publicering",
  },
  loading: "Laddar…",
  yes: "Ja",
  cancel: "Avbryt",
  notAvailable: "–",
  signInTitle: "Logga in",
  signInIntro: "Lokal utvecklingsmiljö: välj en testperson för innehållsägare eller granskare.",
  loadingPersonas: "Hämtar testpersoner…",
  signInAs: (name) => `Logga in: ${name}`,
  noPersonas: "Inga testpersoner för innehållsarbete hittades.",
  productionSignIn:
    "I produktion loggar innehållsägare och granskare in via organisationens identifieringstjänst (Cognito). Om du har en ID-token kan du klistra in den här.",
  tokenLabel: "ID-token",
  tokenSubmit: "Logga in med token",
  tokenEmpty: "Klistra in en token först.",
  tokenFailed: "Det gick inte att hämta en token. Försök igen.",
  unauthorized: "Inloggningen är ogiltig eller har gått ut. Logga in på nytt.",
  workKept: "Dina osparade ändringar finns kvar när du loggar in på nytt som samma person.",
  forbidden:
    "Den här användaren har varken rollen innehållsägare eller granskare. Logga in med en annan användare.",
  serverSaid: (message) => `Serverns meddelande: ${message}`,
  noAnswer: "Tjänsten svarade inte. Försök igen om en stund.",
  noAnswerInTime: "Tjänsten svarade inte i tid. Försök igen om en stund.",
  failed: (message) => `Åtgärden misslyckades. ${message}`,
  retry: "Försök igen",
  keptWhileUnread:
    "Dina osparade ändringar finns kvar i den här webbläsaren och kommer tillbaka i formuläret när innehållet har lästs.",
  notFound: "Det hittades inte. Det har kanske tagits bort.",
  topicsTitle: "Ämnen",
  searchLabel: "Sök bland ämnen",
  searchHint: "Söker i rubriker, träningsmeningar och svar på båda språken.",
  newTopic: "Nytt ämne",
  topicsCaption: "Utkastets ämnen",
  topicCount: (n) => (n === 1 ? "1 ämne" : `${n} ämnen`),
  foundOutOfScope:
    "Hittades också bland meddelandena utanför ämnena, som boten avsiktligt inte svarar på med ett ämne:",
  searchCount: (n, q) =>
    n === 0
      ? `Sökningen ”${q}” gav inga ämnen.`
      : n === 1
        ? `Sökningen ”${q}” gav 1 ämne.`
        : `Sökningen ”${q}” gav ${n} ämnen.`,
  searching: "Söker…",
  colId: "Id",
  colTitles: "Rubrik fi / sv",
  colSentences: "Träningsmeningar fi / sv",
  colTests: "Testmeddelanden fi / sv",
  colScore: "Träffsäkerhet i test",
  colChanged: "Senast ändrad",
  colReviewBy: "Granska senast",
  colStatus: "Status",
  badgeChanged: "Ändrat sedan publiceringen",
  badgeRetired: "Taget ur bruk",
  badgeInProgress: "Påbörjat",
  problemsLeft: (n) => `${n} att rätta`,
  badgeSystem: "Systemämne",
  badgeReviewOverdue: "Granskning försenad",
  match: "Träff",
  editTopic: (id) => `Redigera ämnet ${id}`,
  newTopicTitle: "Nytt ämne",
  editTopicTitle: (id) => `Ämne: ${id}`,
  idNote: (id) => `id ${id}`,
  backToTopics: "Tillbaka till ämnena",
  lastChanged: (by, at) => `Senast ändrat av ${by} ${at}.`,
  idLabel: "Id",
  idHint:
    "Små bokstäver a–z, siffror och bindestreck, till exempel capital-gains. Id:t kan inte ändras efter att ämnet sparats.",
  idRequired: "Ge ämnet ett id.",
  idFormat: "Id:t får bara innehålla små bokstäver a–z, siffror och bindestreck.",
  idFormatFix: "Till exempel capital-gains eller tax-card-2.",
  idTooLong: (max) => `Id:t är för långt (högst ${max} tecken).`,
  idInUse: (id) => `Id:t ${id} används redan.`,
  idInUseFix: "Välj ett annat id eller redigera det befintliga ämnet.",
  localeLegend: (lang) => (lang === "fi" ? "På finska" : "På svenska"),
  titleLabel: "Rubrik",
  titleHint: (max) => `Visas på snabbvalsknappen, högst ${max} tecken.`,
  utterancesLabel: "Träningsmeningar",
  utterancesHint: "En mening per rad: olika sätt som en kund kan fråga om det här.",
  utteranceCount: (n, min) => `${n === 1 ? "1 mening" : `${n} meningar`} (minst ${min})`,
  answerLabel: "Svar",
  answerHint: "En tom rad börjar ett nytt stycke.",
  answerCount: (n, max) => `${n} / ${max} tecken`,
  answerOver: (n) => `${n} tecken för mycket`,
  linksLegend: "Länkar",
  linksHint: "Endast https-adresser till godkända offentliga webbplatser, till exempel vero.fi.",
  linkRow: (n) => `Länk ${n}`,
  linkLabel: "Länktext",
  linkUrl: "Adress",
  addLink: "Lägg till länk",
  removeLink: (n) => `Ta bort länk ${n}`,
  noLinks: "Inga länkar.",
  personalLegend: "Personliga svar (endast läsning)",
  personalHint:
    "De här mallarna använder kundens egna uppgifter och ändras därför av utvecklare. De bevaras oförändrade när du sparar.",
  testsLabel: "Testmeddelanden",
  testsHint: "Ett meddelande per rad. Skriv nya meddelanden, kopiera inte träningsmeningar.",
  testCount: (n, min) =>
    `${n === 1 ? "1 testmeddelande" : `${n} testmeddelanden`} (rekommenderat minst ${min})`,
  sharedLegend: "Gemensamma inställningar",
  actionLabel: "Åtgärd efter svaret",
  actions: {
    "": "Ingen åtgärd",
    handoff: "Överföring till kundrådgivare",
    callback: "Begäran om uppringning",
    appointment: "Tidsbokning",
    "change-appointment": "Avbokning eller flytt av bokad tid",
    "end-chat": "Avslutning av chatten",
  },
  followUpsLegend: "Följdämnen",
  followUpsHint: "Erbjuds som snabbval efter svaret.",
  noFollowUpChoices: "Det finns inga andra ämnen.",
  followUpsChosen: (list) => `Valda: ${list}`,
  noFollowUps: "Inga följdämnen.",
  followUpsChoose: (chosen, of) => `Välj följdämnen (${chosen}/${of} valda)`,
  reviewByLabel: "Granska senast",
  reviewByHint:
    "Dagen då någon senast kontrollerar att svaret fortfarande stämmer (till exempel skattesatser, eurobelopp och tidsfrister). Därefter får ämnet en varning. Lämna tomt om svaret inte blir föråldrat.",
  reviewByIncomplete: "Datumet är ofullständigt, så det skulle inte sparas.",
  reviewByIncompleteFix:
    "Ange dag, månad och år, eller töm fältet helt om svaret inte blir föråldrat.",
  demoLabel: "Demoinnehåll (inte officiella anvisningar)",
  fields: {
    id: "Id",
    title: "rubrik",
    utterances: "träningsmeningar",
    answer: "svar",
    links: "länkar",
    personal: "personliga svar",
    tests: "testmeddelanden",
    action: "Åtgärd",
    followUps: "Följdämnen",
    reviewBy: "Granska senast",
    demo: "Demoinnehåll",
    general: "Ämne",
  },
  line: (n) => `rad ${n}`,
  linkN: (n) => `länk ${n}`,
  itemN: (n) => `punkt ${n}`,
  checkTitle: "Kontroll",
  checking: "Kontrollerar…",
  checkOk: "Inga fel eller varningar.",
  checkCounts: (errors, warnings) =>
    `${errors === 1 ? "1 fel" : `${errors} fel`}, ${warnings === 1 ? "1 varning" : `${warnings} varningar`}.`,
  checkFailed: "Den senaste kontrollen kunde inte göras; den görs på nytt när du sparar.",
  checkNotRun: "Kontrollen kunde inte göras just nu; den görs på nytt när du sparar.",
  severity: { error: "Fel", warning: "Varning" },
  fixLabel: "Åtgärd:",
  goToField: "Gå till fältet",
  save: "Spara i utkastet",
  saving: "Sparar…",
  saveSlow: "Det tar längre tid än vanligt att spara…",
  actionSlow: "Det här tar längre tid än vanligt…",
  saveAlreadyRunning: "Sparandet pågår redan.",
  saveFailed: (reason, inBrowser) =>
    `Det gick inte att spara. ${reason} ${
      inBrowser
        ? "Dina ändringar finns kvar i den här webbläsaren, och du kan spara dem igen."
        : "Dina ändringar finns kvar i formuläret, och du kan spara dem igen."
    }`,
  mayHaveLanded:
    "Den kan ändå ha gått fram: sidan har lästs in på nytt, så kontrollera läget innan du försöker igen.",
  saveTimedOut: (inBrowser) =>
    `Det gick inte att spara: tjänsten svarade inte i tid. ${
      inBrowser
        ? "Dina ändringar finns kvar i den här webbläsaren."
        : "Dina ändringar finns kvar i formuläret."
    } Försök igen om en stund; om sparandet ändå hann gå fram ser du det då.`,
  saveShortcut: (keys) => `Kortkommando ${keys}`,
  saved: (name) => `Ämnet ${name} har sparats i utkastet.`,
  savedWithWarnings: (name, n) =>
    `Ämnet ${name} har sparats i utkastet. ${n === 1 ? "1 ny varning" : `${n} nya varningar`}.`,
  earlierWarnings: (n) => `Tidigare varningar (${n}): de fanns i ämnet redan när du öppnade det.`,
  saveBlocked: (n) => `Det går inte att spara: rätta först ${n === 1 ? "1 fel" : `${n} fel`}.`,
  saveRefused: "Kontrollen godkände inte ämnet. Felen visas vid fälten och nedan.",
  saveUnfinished: "Spara som påbörjat",
  saveUnfinishedHint:
    "Ett påbörjat ämne sparas i det gemensamma utkastet, men kunderna ser det inte och det publiceras inte förrän det är färdigt.",
  savedUnfinished: (name, n) =>
    `Ämnet ${name} har sparats som påbörjat i utkastet. ${n === 1 ? "1 fel" : `${n} fel`} att rätta innan det kan tas i bruk.`,
  inProgressNotice:
    "Det här ämnet är påbörjat: det finns i utkastet, men kunderna ser det inte och det publiceras inte. När felen är rättade tar Spara i utkastet det i bruk.",
  discardUnfinished: "Kasta det påbörjade ämnet",
  discardUnfinishedConfirm: (name) =>
    `Ska det påbörjade ämnet ${name} kastas? Det tas bort ur utkastet.`,
  discardUnfinishedYes: "Ja, kasta det",
  unfinishedDiscarded: (name) => `Det påbörjade ämnet ${name} har kastats.`,
  retire: "Ta ur bruk",
  retireConfirm: (name) =>
    `Ska ämnet ${name} tas ur bruk? Chattboten slutar svara på det när nästa version tas i bruk.`,
  retireOfferedBy: (names, count) =>
    `${count === 1 ? "Ämnet" : "Ämnena"} ${names} erbjuder det som följdämne: ta bort det där, annars kan versionen inte publiceras.`,
  retireYes: "Ja, ta ur bruk",
  retired: (name) => `Ämnet ${name} har tagits ur bruk i utkastet.`,
  retiredNotice: "Det här ämnet har tagits ur bruk i utkastet. Om du sparar återställs det.",
  revert: "Ångra ändringarna i utkastet",
  revertConfirm: (name) =>
    `Ska ändringarna av ämnet ${name} i utkastet ångras? Ämnet återställs till hur det är i versionen i bruk. Ett ämne som inte har publicerats ännu tas ur bruk.`,
  revertYes: "Ja, ångra ändringarna",
  revertRefused: "Ändringarna ångrades inte:",
  reverted: (name, result) =>
    result === "retired"
      ? `Ämnet ${name} finns inte i versionen i bruk, så det togs ur bruk i utkastet.`
      : result === "unchanged"
        ? `Ämnet ${name} hade inga ändringar i utkastet.`
        : `Ändringarna av ämnet ${name} i utkastet har ångrats: det är nu detsamma som i versionen i bruk.`,
  editConflict: (c) => {
    const who = c.updatedBy ?? "Någon annan";
    const when = c.at ? ` (${c.at})` : "";
    const kept = "Dina ändringar sparades inte, men de finns kvar i formuläret.";
    if (c.yours === "timedOut")
      return `Ditt förra sparande svarade inte i tid, men det gick tydligen fram: ${who} sparade det här${when}. ${
        c.on === "save"
          ? "Du kan öppna den sparade versionen eller spara formuläret över den."
          : "Öppna den sparade versionen för att se den."
      }`;
    if (c.yours === "earlier")
      return `Du har själv sparat det här efter att du öppnade det${when}: kanske gick ett sparande som inte svarade i tid fram ändå, eller så sparade du i ett annat fönster. ${
        c.on === "save" || c.on === "create"
          ? "Du kan öppna den sparade versionen (formulärets ändringar tas inte med) eller spara formuläret över den."
          : c.on === "retire"
            ? "Inget togs ur bruk. Öppna den sparade versionen och titta på den först."
            : "Inget ångrades. Öppna den sparade versionen och titta på den först."
      }`;
    if (c.on === "create")
      return `${who} hann redan spara samma id${when}. ${kept} Öppna den sparade versionen eller byt id.`;
    if (c.revision === undefined)
      return c.on === "save"
        ? `Någon tog bort det här efter att du öppnade det. ${kept} Om du sparar dem skapas det på nytt.`
        : "Någon tog redan bort det här efter att du öppnade det.";
    if (c.retired) {
      const retired = `${who} tog det här ur bruk efter att du öppnade det${when}.`;
      if (c.on === "save")
        return `${retired} ${kept} Du kan öppna den sparade versionen eller spara dina, så tas det i bruk igen.`;
      return c.on === "retire"
        ? retired
        : `${retired} Inget ångrades. Öppna den sparade versionen och titta på den först.`;
    }
    const did = `${who} sparade det här efter att du öppnade det${when}.`;
    if (c.on === "save")
      return `${did} ${kept} Du kan öppna den sparade versionen (dina ändringar tas inte med) eller spara dina över den.`;
    return c.on === "retire"
      ? `${did} Inget togs ur bruk. Öppna den sparade versionen och titta på den först.`
      : `${did} Inget ångrades. Öppna den sparade versionen och titta på den först.`;
  },
  conflictOpenTheirs: "Öppna den sparade versionen",
  conflictSaveMine: "Spara dina över den",
  conflictMakeAgain: "Spara och skapa igen",
  systemNotice: "Systemämne: tjänsten använder det här ämnet, så det kan inte tas ur bruk.",
  tryTitle: "Testa ett meddelande",
  tryIntro:
    "Du ser vilka ämnen utkastet och den publicerade versionen känner igen, och svaret så som chatten skulle visa det när kundrådgivarna är på plats. Annars utelämnar chatten knappen för kundrådgivare och de följdämnen som leder dit och berättar när rådgivarna är på plats nästa gång.",
  messageLabel: "Kundens meddelande",
  tryLang: "Språk",
  trySubmit: "Testa",
  trying: "Testar…",
  messageEmpty: "Skriv ett meddelande först.",
  tryColumn: { draft: "Utkast", live: "Publicerad version" },
  topThree: "De tre mest sannolika ämnena",
  likelyTopics: "De mest sannolika ämnena",
  noIntent: "inget ämne",
  confidence: (percent) => `säkerhet ${percent}`,
  whyTitle: "Varför det här svaret",
  why: {
    answer: (best, from) =>
      `Svarar med ämnet: säkerheten ${best} är minst ${from}, och det näst mest sannolika ämnet ligger inte nära.`,
    unsure: (best, from) =>
      `Frågar vilket som avses: det bästa ämnet är bara ${best} säkert, och ett svar ges först från säkerheten ${from}.`,
    close: (second, close) =>
      `Frågar vilket som avses: det näst mest sannolika ämnet (${second}) ligger nära det bästa, eftersom nära börjar redan vid ${close}.`,
    none: (from, offered) =>
      `Inget svar: inget ämne är tillräckligt säkert (svar från säkerheten ${from}, som val från ${offered}).`,
    outside: "Inget svar: meddelandet hör inte till botens ämnen.",
    referral: (group) =>
      `Svarar med hänvisningsgruppen ${group}: meddelandet ligger närmast dess meningar, inte något ämnes.`,
    mark: (from) => `Strecket i stapeln: svar från säkerheten ${from}.`,
  },
  answerPreview: "Svaret i chatten",
  bot: "Chattbot",
  noMessages: "Inget svar.",
  quickReplyTry: (label) => `Testa snabbvalet: ${label}`,
  newWindow: "(öppnas i ett nytt fönster)",
  actionNote: "Åtgärdsknapp",
  quickReplyNote: "Snabbval",
  tryDone: (draft, live) => `Utkast: ${draft}. Publicerad version: ${live}.`,
  tryTeachTitle: "Lär in meddelandet i ett ämne",
  tryTeachIntro: (lang) =>
    `Lägg till det testade meddelandet som träningsmening eller testmeddelande i ett ämne, på ${lang}. Ändringen sparas i utkastet och meddelandet testas sedan på nytt.`,
  tryTeachGuesses: "Utkastets mest sannolika",
  tryTeachSplit: "Var läggs meddelandet till?",
  tryTeachSubmit: "Lägg till i ämnet",
  tryTeachBusy: "Läggs till…",
  tryTeachNothing:
    "Inget finns kvar att lära in när de maskerade personuppgifterna tas bort. Skriv frågan med egna ord.",
  tryTeachRefused: "Meddelandet lades inte till: innehållskontrollen godkände det inte.",
  tryTeachAlready: (topic, split, lang) =>
    `Ämnet ${topic} har redan ${split === "training" ? "den här träningsmeningen" : "det här testmeddelandet"} (${lang}). Inget sparades.`,
  tryTaught: (topic, split, lang, now) =>
    `Meddelandet har lagts till som ${split === "training" ? "träningsmening" : "testmeddelande"} (${lang}) i ämnet ${topic} i utkastet.${now ? ` Testat på nytt: utkastets mest sannolika ämne är nu ${now}.` : ""} Kunderna får ändringen när versionen har tagits i bruk.`,
  tryTeachWarnings: "Kontrollens varningar om den tillagda raden:",
  tryOpenTopic: (topic) => `Öppna ämnet ${topic}`,
  testTitle: "Testa allt",
  testIntro:
    "Kör test- och utvecklingsmängdens meddelanden mot utkastet och jämför svaren med den publicerade versionen.",
  runTests: "Testa allt",
  testing: "Testar… Det kan ta flera sekunder.",
  testDone: (accuracyFi, accuracySv) =>
    `Testerna är klara. Träffsäkerhet i testmängden: finska ${accuracyFi}, svenska ${accuracySv}.`,
  noTestsYet: "Testerna har inte körts ännu under den här sessionen.",
  testStale:
    "Utkastet har ändrats sedan det här testet: resultaten gäller ett tidigare utkast. Testa allt igen för att se det nuvarande utkastets resultat.",
  restoredWork: (at) =>
    `Formuläret innehåller dina osparade ändringar, som webbläsaren har sparat åt dig (${at}). Spara dem eller förkasta dem.`,
  restoredSavedSince:
    "Någon har sparat det här efter att du började: när du sparar ser du vem, och du kan välja.",
  restoredSavedByYou:
    "Du har själv sparat det här efter att du började (kanske gick ett sparande som inte svarade i tid fram ändå): när du sparar kan du välja vilket som blir kvar.",
  discardRestored: "Förkasta osparade ändringar",
  gatePasses: (accuracy, none, topic, uncovered) =>
    `Utkastet skulle klara publiceringskontrollen: träffsäkerheten i testmängden är minst ${accuracy}, minst ${none} av meddelandena utanför ämnena lämnas utan ämne, varje ämne hittar minst ${topic} av sina egna meddelanden och högst ${uncovered} av frågorna som inget ämne svarar på skulle få ett ämnes svar.`,
  gateFails: (count) =>
    count === 1
      ? "Publiceringskontrollen skulle stoppa utkastet av ett skäl:"
      : `Publiceringskontrollen skulle stoppa utkastet av ${count} skäl:`,
  belowTarget: (target) => `under målet ${target} – hindrar inte publicering`,
  belowGate: (floor) => `under publiceringsgränsen ${floor} – hindrar publicering`,
  splitNames: { tests: "Testmängd", dev: "Utvecklingsmängd" },
  overviewCaption: "Träffsäkerhet per mängd och språk",
  colSplit: "Mängd",
  colLang: "Språk",
  colAccuracy: "Träffsäkerhet",
  colNoneRecall: "Meddelanden utanför ämnena lämnade utan ämne",
  colTotal: "Meddelanden",
  overviewHint:
    "Träffsäkerhet: hur stor del av alla meddelanden som fick rätt ämne (för meddelanden utanför ämnena är inget ämne det rätta). Meddelanden utanför ämnena lämnade utan ämne: hur stor del av meddelandena som inte hör till något ämne som chattboten rätt lämnade utan ämne i stället för att svara med ett ämnes svar.",
  perTopicTitle: "Per ämne",
  splitChoice: "Mängd",
  sortChoice: "Ordning",
  sortWorst: "Sämst först",
  sortTopic: "Efter ämne",
  perTopicCaption: (split) => `${split}: precision och täckning per ämne`,
  colTopic: "Ämne",
  colPrecision: "Precision",
  colRecall: "Täckning",
  colSupport: "Ämnets meddelanden",
  perTopicHint:
    "Precision: när chattboten valde ämnet, hur ofta det var rätt. Täckning: hur många av ämnets meddelanden chattboten valde ämnet för. Ämnets meddelanden: hur många meddelanden ämnet har i mängden.",
  confusionsTitle: "Förväxlingar",
  confusionsCaption: (split) => `${split}: ämnet meddelandet hörde till och ämnet chattboten valde`,
  colExpected: "Rätt ämne",
  colGot: "Ämnet chattboten valde",
  colCount: "Gånger",
  noConfusions: "Inga förväxlingar.",
  chatTitle: "Vad kunden skulle få i chatten",
  chatHint:
    "Ämnenas meddelanden så som chatten skulle svara på dem. Chattboten svarar bara när den är tillräckligt säker och inget annat ämne är nästan lika sannolikt; annars frågar den vilket ämne kunden menar, eller säger att den inte kan svara och hänvisar vidare. Ett fel svar är värst för kunden: säker men fel information från Skatteförvaltningen.",
  chatCaption: "Ämnenas meddelanden i chatten per mängd och språk",
  colRight: "Rätt svar",
  colAsked: "Frågade vilket som avses",
  colNoAnswer: "Inget svar",
  colWrong: "Fel svar",
  colTopicMessages: "Ämnenas meddelanden",
  askedWithRight: (share) => `rätt ämne bland alternativen: ${share}`,
  uncoveredTitle: "Frågor som inget ämne svarar på",
  uncoveredHint:
    "Skattefrågor som chattboten inte har något ämne för. På dem ska chattboten säga att den inte kan svara och hänvisa kunden vidare: att svara med ett ämnes text vore ett fel svar. Publiceringskontrollen stoppar en version som skulle svara med ett ämnes text på fler än den tillåtna andelen av frågorna. Frågorna redigeras på sidan ”Frågor utan ämne”. När ett ämne svarar på en sådan fråga, rätta först orsaken: öppna ämnet eller prova frågan för att se varför ämnet svarar. Flytta frågan till ämnets testmeddelanden bara om ämnets svar är rätt svar på frågan.",
  openAnsweringTopic: (topic) => `Öppna ämnet ${topic}`,
  tryUncovered: "Prova frågan",
  moveToTopicTests: "Svaret är rätt: flytta till testmeddelandena…",
  moveConfirm: (question, topic, lang) =>
    `Flytta frågan? ”${question}” blir ett testmeddelande (${lang}) i ämnet ${topic} och tas bort från frågorna som inget ämne svarar på. Testet godkänner sedan ämnets svar på frågan: gör så bara om svaret är rätt.`,
  moveConfirmYes: "Ja, flytta till testmeddelandena",
  editUncovered: "Redigera frågorna",
  colMove: "Rätta till eller flytta",
  moving: "Flyttar…",
  movedToTopic: (topic) => `Flyttad till ämnet ${topic}`,
  moved: (topic) =>
    `Frågan togs bort från listan och lades till bland testmeddelandena för ämnet ${topic}. Testa allt igen för att se resultatet.`,
  moveFailed: (why) => `Frågan flyttades inte: ${why}`,
  moveGone:
    "Frågan flyttades inte: den finns inte längre på listan. Någon har kanske redan ändrat listan; testa allt igen.",
  moveTopicFailed: (topic, why) =>
    `Frågan togs bort från listan men kunde inte läggas till bland testmeddelandena för ämnet ${topic}: ${why} Lägg till den i ämnet själv eller återställ den till listan.`,
  uncoveredCaption: "Frågor som inget ämne svarar på, per språk",
  colUncoveredAnswered: (max) => `Besvarade med ett ämnes text (högst ${max})`,
  colUncoveredAsked: "Frågade vilket ämne som avses",
  colQuestions: "Frågor",
  overUncoveredLimit: "över gränsen – hindrar publicering",
  uncoveredAnsweredCaption: "Frågor som skulle besvaras med ett ämnes text, och ämnet",
  colQuestion: "Fråga",
  colAnsweredWith: "Ämnet vars svar skulle ges",
  colSinceLive: "Jämfört med den publicerade",
  newlyAnswered: "Ny: den publicerade versionen svarar inte med ett ämne",
  answeredBefore: "Den publicerade versionen svarar också",
  noUncoveredAnswered: "Ingen av de här frågorna skulle besvaras med ett ämnes text.",
  noUncovered:
    "Det här innehållet har inte de här frågorna (det sparades innan de togs med i innehållet), så publiceringskontrollen kan inte bedöma dem.",
  uncoveredNoLonger: (n) =>
    n === 1
      ? "En fråga som den publicerade versionen besvarar med ett ämnes text skulle inte längre besvaras med ett ämne."
      : `${n} frågor som den publicerade versionen besvarar med ett ämnes text skulle inte längre besvaras med ett ämne.`,
  changedTitle: "Svaret ändras jämfört med den publicerade versionen",
  changedCaption: "Meddelanden vars ämne i utkastet skiljer sig från den publicerade versionen",
  colText: "Meddelande",
  colLive: "Publicerad",
  colDraft: "Utkast",
  noChanged: "Inget meddelandes ämne ändras.",
  colEffect: "Effekt",
  effects: { broken: "Nytt fel", changed: "Fortfarande fel", fixed: "Rättat" },
  newMistakesWhy:
    "Att lägga till eller ändra ett enda ämne kan flytta även andra ämnens meddelanden: boten tränas om med hela innehållet.",
  newMistakes: (n) => (n === 1 ? "1 nytt fel" : `${n} nya fel`),
  fixedCount: (n) => (n === 1 ? "1 rättat" : `${n} rättade`),
  changedSummary: (counts) =>
    [
      sv.newMistakes(counts.broken),
      sv.fixedCount(counts.fixed),
      ...(counts.changed > 0 ? [`${counts.changed} fortfarande fel, med ett annat ämne`] : []),
    ].join(", "),
  versionsTitle: "Versioner och publicering",
  publishTitle: "Publicering av utkastet",
  draftChanges: (live) => `Utkastets ändringar jämfört med den publicerade versionen ${live}`,
  noDraftChanges: "Utkastet är detsamma som den publicerade versionen: inget att publicera.",
  inProgressNotPublished: (n) =>
    n === 1 ? "Ett påbörjat ämne publiceras inte:" : `Påbörjade ämnen (${n}) publiceras inte:`,
  change: { added: "Nytt", removed: "Tas ur bruk", changed: "Ändrat" },
  commentLabel: "Kommentar till granskaren",
  commentHint: "Vad du ändrade och varför.",
  commentRequired: "Skriv en kommentar till granskaren.",
  publish: "Publicera utkastet",
  publishing: "Publicerar…",
  sendToReview: "Skicka för granskning",
  sendingToReview: "Skickar…",
  published: (version, state) => `Version ${version} har skapats. Status: ${state}.`,
  versionChanges: (version, against) =>
    `Ändringarna i version ${version} jämfört med version ${against}`,
  sentChanges: (version, against) =>
    `Du skickade just version ${version} för granskning. Dess ändringar jämfört med version ${against}:`,
  createdChanges: (version, against) =>
    `Du skapade just version ${version}. Dess ändringar jämfört med version ${against}:`,
  draftPending: (version) =>
    `Utkastet har skickats för granskning som version ${version}: det finns inget nytt att skicka före nästa ändring.`,
  showVersion: (version) => `Visa version ${version}`,
  versionListTitle: "Versioner",
  olderVersions: "Visa äldre versioner",
  liveNow: (version) => `Version ${version} är i bruk.`,
  versionName: (version) => `Version ${version}`,
  states: {
    "pending-review": "Väntar på granskning",
    building: "Tas i bruk",
    live: "I bruk",
    superseded: "Ersatt",
    rejected: "Avvisad",
    failed: "Misslyckades",
  },
  author: "Skapad av",
  editors: "Ändringar även av",
  created: "Skapad",
  approvedBy: "Godkänd av",
  rejectedBy: "Avvisad av",
  withdrawnBy: "Återkallad av",
  supersededTerm: "Ersatt",
  supersededWhen: (version, at) => `av version ${version}, ${at}`,
  decisionsTitle: "Beslut om dina versioner",
  decisionOutcomes: {
    approved: "godkänd",
    rejected: "avvisad",
    superseded: "ersatt före granskning",
  },
  decisionLine: (version, outcome, who, at) => `Version ${version} ${outcome}: ${who}, ${at}.`,
  stateNow: (state) => `Status nu: ${state}.`,
  commentTerm: "Kommentar",
  rollbackOf: (version) => `Återställer innehållet i version ${version}`,
  failedReason: "Orsak",
  contentRefused: (n) => `Innehållet klarade inte kontrollen (${n} fel). Inget ändrades.`,
  refusedAt: (id) => `Ämnet ${id}`,
  showDiff: "Visa ändringar",
  showDiffSince: (rejected) => `Visa ändringarna jämfört med den avvisade versionen ${rejected}`,
  versionContext: (version) => ` (version ${version})`,
  noDiff: "Inga ändringar.",
  approve: "Godkänn",
  approving: "Godkänner…",
  approved: (version, state) => `Version ${version} har godkänts. Status: ${state}.`,
  approveConfirm: (version) =>
    `Ska version ${version} godkännas? Den tas i bruk för kunderna direkt.`,
  approveYes: "Ja, godkänn",
  withdraw: "Återkalla",
  withdrawConfirm: (version) =>
    `Ska publiceringen av version ${version} återkallas? Versionen markeras som avvisad och kan inte längre godkännas. Utkastet förblir som det är.`,
  withdrawYes: "Ja, återkalla",
  withdrawn: (version) => `Version ${version} har återkallats.`,
  ownVersion: "Det här är din egen version: en annan granskare måste godkänna den.",
  ownChangesInVersion:
    "Versionen innehåller dina egna ändringar: en annan granskare måste godkänna den (fyraögonsprincipen).",
  selfApproval:
    "Du kan inte godkänna din egen version (fyraögonsprincipen). Be en annan granskare godkänna den.",
  reviewerOnly: "Endast en innehållsgranskare kan godkänna eller avvisa en version.",
  reject: "Avvisa",
  rejectReason: "Orsak till avvisningen",
  rejectYes: "Avvisa versionen",
  rejectReasonRequired: "Skriv orsaken till avvisningen.",
  rejected: (version) => `Version ${version} har avvisats.`,
  rollback: "Återställ den här versionen",
  rollbackConfirm: (version) =>
    `Ska innehållet i version ${version} återställas? Det blir en ny version som granskas innan den tas i bruk. Opublicerade ändringar i utkastet behålls.`,
  rollbackYes: "Ja, återställ",
  rollbackReason: "Orsak till återställningen",
  rollbackReasonHint:
    "Vad är fel i versionen som används? Granskaren ser orsaken, och den sparas i ändringsloggen.",
  rollbackReasonRequired: "Skriv orsaken till återställningen.",
  rollbackTouchesChecking: "Kontrollerar om återställningen berör ändringar i utkastet…",
  rollbackTouchesFailed:
    "Det gick inte att kontrollera om återställningen berör ändringar i utkastet. Ämnen och hänvisningar som ändrats i utkastet stannar i alla fall kvar i utkastet som de är.",
  rollbackTouchesNone:
    "Återställningen berör inga ändringar i utkastet: de stannar kvar i utkastet som de är.",
  rollbackTouchesLead: (n) =>
    `Återställningen berör ${n === 1 ? "en ändring" : `${n} ändringar`} i utkastet:`,
  rollbackTouchDraft: {
    added: "tillagd i utkastet",
    changed: "ändrad i utkastet",
    removed: "tagen ur bruk i utkastet",
  },
  rollbackTouchRollback: (version, change) =>
    ({
      added: `version ${version} skulle ta tillbaka den`,
      changed: `version ${version} skulle ändra den`,
      removed: `version ${version} skulle ta den ur bruk`,
    })[change],
  rollbackTouchesOutcome: (version, n) =>
    `När återställningen tas i bruk får kunderna innehållet i version ${version} även för ${n === 1 ? "den" : "dem"}, men utkastet behåller sin egen version av ${n === 1 ? "den" : "dem"}: återställningen ersätter den inte. ${n === 1 ? "Den syns" : "De syns"} sedan som en ändring i utkastet, och nästa publicering skulle åter ge kunderna utkastets version. Vill du ha det återställda innehållet i utkastet, tryck på Ångra ändringarna i utkastet på sidan för ämnet, hänvisningen eller meddelandena utanför ämnena.`,
  rollbackFollowUpsLead: (version, n) =>
    n === 1
      ? `Varning: ett ämne i utkastet har ett följdämne som version ${version} inte har:`
      : `Varning: ämnen i utkastet har ${n} följdämnen som version ${version} inte har:`,
  rollbackFollowUpLine: (topic, followUp) => `${topic}, följdämne ${followUp}`,
  rollbackFollowUpTo: "följdämne",
  rollbackFollowUpsOutcome: (n) =>
    `Utkastet behåller ${n === 1 ? "ämnet" : "ämnena"} som ${n === 1 ? "det" : "de"} är, så efter återställningen avvisar kontrollen nästa publicering: följdämnet är ett ämne som inte finns. Ta bort följdämnet på ämnets sida före nästa publicering.`,
  rolledBack: (from, version, state) =>
    `Version ${version} har skapats för att återställa innehållet i version ${from}. Status: ${state}.`,
  auditTitle: "Ändringslogg",
  auditCaption: "De senaste händelserna, nyaste först",
  colAt: "Tid",
  colActor: "Vem",
  colAction: "Händelse",
  colVersion: "Version",
  colAuditSubject: "Ämne eller hänvisning",
  colDetail: "Mer information",
  auditSavedUnfinished: "Sparat som påbörjat",
  auditDiscardedUnfinished: "Påbörjat ämne kastat",
  auditActions: {
    seed: "Första versionen",
    "draft-save": "Sparat i utkastet",
    "draft-retire": "Taget ur bruk i utkastet",
    "draft-revert": "Utkastets ändringar ångrade",
    publish: "Skickad för publicering",
    approve: "Godkänd",
    reject: "Avvisad",
    withdraw: "Publicering återkallad",
    rollback: "Återställning skickad för publicering",
    live: "Tagen i bruk",
    supersede: "Ersatt före granskning",
    failed: "Misslyckades",
    import: "Importerat från filer",
    "inbox-teach": "Inlärt från obesvarade frågor",
    "inbox-refer": "Hänvisat till en annan myndighet",
    "inbox-dismiss": "Avvisat från obesvarade frågor",
    "inbox-uncovered": "Tillagt från obesvarade frågor bland frågor utan ämne",
    "inbox-confirm": "Svaret bekräftat som rätt i stickprovet",
  },
  systemActor: "Tjänsten",
  diffParts: {
    dev: "utvecklingsmängdens meddelanden",
    uncovered: "frågor som inget ämne svarar på",
    outOfScope: "exempel utanför ämnena",
    sentences: "meningar",
    link: "länk",
  },
  outOfScopeName: "Meddelanden utanför ämnena",
  openOutOfScope: "Öppna Utanför ämnena",
  openUncovered: "Öppna Frågor utan ämne",
  diffReferralNote: "hänvisningsgrupp",
  answerOnlyIn: {
    fi: "Bara det finskspråkiga svaret ändrades. Behöver det svenskspråkiga svaret samma ändring?",
    sv: "Bara det svenskspråkiga svaret ändrades. Behöver det finskspråkiga svaret samma ändring?",
  },
  diffAdded: "Tillagt:",
  diffRemoved: "Borttaget:",
  diffOnlyOrder: "Bara ordningen ändrades.",
  customerSees: "Så här ser kunden svaret",
  previewIn: { fi: "På finska", sv: "På svenska" },
  previewBefore: (version) => `Svaret i version ${version}`,
  listNouns: {
    utterances: (n) => (n === 1 ? "träningsmening" : "träningsmeningar"),
    tests: (n) => (n === 1 ? "testmeddelande" : "testmeddelanden"),
    dev: (n) => (n === 1 ? "utvecklingsmeddelande" : "utvecklingsmeddelanden"),
    outOfScope: (_n) => "exempel",
    uncovered: (n) => (n === 1 ? "fråga" : "frågor"),
    sentences: (n) => (n === 1 ? "mening" : "meningar"),
  },
  editorPreviewHint: "Uppdateras medan du skriver, med följdämnen och knappar.",
  testVersion: "Testa versionen",
  versionTested: (version, changed) =>
    changed === 0
      ? `Version ${version} har testats: inget meddelandes ämne ändras.`
      : `Version ${version} har testats: ämnet ändras för ${changed === 1 ? "1 meddelande" : `${changed} meddelanden`}.`,
  versionTestTitle: (version, live) => `Test av version ${version} jämfört med version ${live}`,
  versionChangedCaption: (version) =>
    `Meddelanden vars ämne i version ${version} är ett annat än i versionen i bruk`,
  versionColumn: (version) => `Version ${version}`,
  scoresTerm: "Med testmängden",
  scoreLine: (lang, accuracy, noneRecall) =>
    `${lang}: träffsäkerhet ${accuracy}, meddelanden utanför ämnena lämnade utan ämne ${noneRecall}`,
  scoreAgainstLive: (live) => `(versionen i bruk ${live})`,
  scoreUncovered: (share) =>
    `av frågorna som inget ämne svarar på besvarade med ett ämnes text ${share}`,
  overUncoveredGate: (max) => `över publiceringsgränsen ${max}`,
  // The colon keeps the version apart from the count that follows ("version 3: 12 nya fel").
  againstLiveLead: (version) => `jämfört med version ${version}:`,
  againstLiveHint: (button) => `Knappen ”${button}” visar vilka meddelandens svar som ändras.`,
  showChangeDetails: "Visa det ändrade innehållet",
  hideChangeDetails: "Dölj det ändrade innehållet",
  diffEmpty: "(tomt)",
  refresh: "Uppdatera",
  noAudit: "Inga händelser.",
  olderEntries: "Visa äldre",
  olderEntriesLoaded: (count) =>
    count === 1 ? "1 äldre händelse har hämtats." : `${count} äldre händelser har hämtats.`,
  noOlderEntries: "Det finns inga äldre händelser.",
  noneInStretch:
    "Ingen av de genomgångna äldre händelserna gällde det här. Du kan hämta ännu äldre.",
  historyTitle: "Ändringshistorik",
  historyCaption: "Ändringar som gäller det här, de senaste först",
  // Inbox
  inboxTitle: "Obesvarade frågor",
  inboxIntro:
    "Kundernas frågor som chattboten inte hittade något ämne för eller svarade osäkert på, där kunden tyckte att svaret inte hjälpte eller där kunden sedan bad om en rådgivare. Texterna är maskerade som i chatthistoriken. Liknande frågor är grupperade, den största gruppen först.",
  periodFrom: "Från",
  periodTo: "Till",
  inboxPeriodProblem: {
    fromInvalid: "Från: ange ett datum.",
    toInvalid: "Till: ange ett datum.",
    toBeforeFrom: "Till: slutdagen är före startdagen.",
    tooLong: "Till: perioden är för lång (högst två år).",
  } as Record<PeriodProblem, string>,
  langAll: "Båda språken",
  statusFilterLabel: "Visa",
  statusOpen: "Obehandlade",
  statusAll: "Alla, även behandlade",
  showInbox: "Visa frågorna",
  exportCsv: "Ladda ner CSV",
  exporting: "CSV laddas ner…",
  exportHint: "CSV-filen innehåller alla frågor under perioden med deras status.",
  inboxFile: "obesvarade-fragor",
  inboxCount: (groups: number, questions: number) =>
    `${groups === 1 ? "1 grupp" : `${groups} grupper`}, ${questions === 1 ? "1 fråga" : `${questions} frågor`}`,
  inboxEmpty: "Det finns inga frågor under perioden med dessa avgränsningar.",
  inboxKindLabel: "Frågelistor",
  inboxKinds: { misses: "Missade frågor", sampled: "Stickprov på svar" },
  sampledIntro:
    "Ett slumpmässigt urval av frågor som chattboten svarade säkert på. Läs frågan och ämnet som boten svarade med: bekräfta att svaret är rätt eller rätta det genom att lära in frågan i rätt ämne, hänvisa den till en annan myndighet eller lägga till den bland frågor som inget ämne svarar på. Texterna är maskerade som i chatthistoriken.",
  sampledFile: "stickprov-pa-svar",
  sampledEmpty: "Det finns inga svar att granska under perioden med dessa avgränsningar.",
  reviewHeading: "Granskade svar",
  reviewFigure: (reviewed: number, confirmed: number, share: string) =>
    `Av ${reviewed} ${reviewed === 1 ? "granskat" : "granskade"} svar var ${confirmed} rätt (${share})`,
  noneReviewed: "Inga granskade svar ännu",
  answeredWithLabel: "Boten svarade med ämnet",
  answeredByVersion: (version) => `innehållsversion ${version}`,
  confirmAnswer: "Svaret är rätt",
  confirmedOutcome: (n: number) =>
    n === 1 ? "1 svar markerat som rätt." : `${n} svar markerade som rätta.`,
  groupSize: (size: number) => (size === 1 ? "1 fråga" : `${size} frågor`),
  trendSummary: (total: number, days: number, peak: number, peakDay: string) =>
    `Under perioden (${days === 1 ? "1 dag" : `${days} dagar`}) ${total === 1 ? "1 fråga" : `${total} frågor`}, flest ${peak} på en dag (${peakDay}).`,
  guessesLabel: "Chattbotens gissningar",
  guessCount: (title: string, n: number) => `${title} (${n})`,
  samplesLabel: (shown: number, size: number) => `Exempel: ${shown} / ${size}`,
  showAllSamples: (n: number) => `Visa alla ${n} exempel`,
  showFewerSamples: "Visa färre exempel",
  reasonsLabel: "Orsak",
  referredToLabel: "Boten hänvisade till",
  chosenByCustomerLabel: "Kunden valde",
  choicesLabel: "Kundernas val",
  choiceLabel: "Kundens val",
  reasons: {
    missed: "inget ämne",
    "low-confidence": "osäkert svar",
    unhelpful: "svaret hjälpte inte",
    "person-requested": "bad om en rådgivare",
    clarified: "boten frågade vilket ämne som avses",
    sampled: "stickprov på ett säkert svar",
  } satisfies Record<MissReason, string> as Record<MissReason, string>,
  outcomeLabel: "Därefter",
  outcomes: {
    answered: "chattboten svarade på kundens nästa meddelande",
    clarified: "på nästa meddelande svarade chattboten inte utan frågade vilket ämne kunden menade",
    rephrased: "chattboten hittade inget ämne för nästa meddelande heller",
    "handed-off": "kunden bad om en rådgivare",
    left: "chatten avslutades",
    unknown: "inget nytt meddelande syntes i chatten",
  } satisfies Record<MissOutcome, string> as Record<MissOutcome, string>,
  handoffs: {
    queued: "kunden bad om en rådgivare och placerades i kö",
    closed: "kunden bad om en rådgivare (tjänsten stängd)",
    "no-advisors": "kunden bad om en rådgivare (inga lediga rådgivare)",
    "queue-full": "kunden bad om en rådgivare (kön full)",
  } as Record<MissHandoff, string>,
  statusLabel: "Status",
  statuses: {
    open: "obehandlad",
    taught: "inlärd",
    referred: "en annan myndighets ärende",
    dismissed: "avvisad",
    uncovered: "inget ämne (testfråga)",
    confirmed: "svaret är rätt",
  } as Record<MissStatus, string>,
  placedStatuses: {
    taught: (topic: string, split: "training" | "tests") =>
      split === "training" ? `inlärd i ämnet ${topic}` : `testmeddelande i ämnet ${topic}`,
    referred: (group: string) => `en annan myndighets ärende: ${group}`,
    uncovered: (matter: string) => `behållen som testfråga utan ämne (ärende ${matter})`,
  },
  answeredNowLive: (title: string) => `Svarar nu: ${title} (versionen i bruk)`,
  answeredNowDraft: (title: string) => `Utkastet svarar: ${title} (ännu inte publicerat)`,
  markAnswered: "Markera som besvarad",
  markedAnswered: (n: number) =>
    `${n === 1 ? "1 fråga markerad som besvarad" : `${n} frågor markerade som besvarade`} (avvisad, lärs inte in).`,
  reopenedNote: (r: Reopened, name: string) =>
    r.was === "uncovered"
      ? `${r.matter ? `Behållen som testfråga utan ämne (ärende ${r.matter})` : "Tidigare behållen som testfråga utan ämne"}, men frågan finns inte längre bland utkastets frågor som inget ämne svarar på.`
      : r.was === "taught"
        ? `${name ? `Inlärd i ämnet ${name}` : "Inlärd tidigare"}, men ${
            r.gone
              ? "ämnet används inte längre i utkastet"
              : "inlärningen finns inte längre i utkastet"
          }.`
        : `${name ? `Märkt som en annan myndighets ärende (${name})` : "Tidigare märkt som en annan myndighets ärende"}, men ${
            r.gone
              ? "hänvisningsgruppen finns inte längre i utkastet"
              : "meningen finns inte längre i utkastet"
          }.`,
  groupActions: (size: number) =>
    `Behandla hela gruppen (${size === 1 ? "1 fråga" : `${size} frågor`})`,
  openActions: (open: number) =>
    `Behandla gruppens öppna (${open === 1 ? "1 fråga" : `${open} frågor`})`,
  chosenActions: (chosen: number, size: number) => `Behandla de markerade ${chosen}/${size}`,
  chosenForGroup: "Med i gruppåtgärden",
  chooseHint:
    "Gruppåtgärden gäller bara de markerade frågorna. Avmarkera en fråga som inte hör till gruppen.",
  questionsMissing: "Frågor: markera minst en fråga i gruppen.",
  sampleActions: "Behandla den här frågan",
  actionFormLabel: (n: number) => (n === 1 ? "Åtgärd för 1 fråga" : `Åtgärd för ${n} frågor`),
  actionLegend: "Vad görs med frågorna?",
  actionNames: {
    teach: "Lär in i ett ämne",
    refer: "En annan myndighets ärende",
    newTopic: "Nytt ämne av de här frågorna",
    dismiss: "Avvisa (lärs inte in)",
    uncovered: "Inget ämne: behåll som testfråga",
    confirm: "Svaret är rätt",
  },
  teachTopic: "Ämne",
  chooseTopic: "Välj ämne",
  allTopics: "Alla ämnen",
  guessedIn: (n: number) => (n === 1 ? "i 1 fråga" : `i ${n} frågor`),
  splitLegend: "Var läggs frågorna till?",
  teachSplits: { training: "Som träningsmeningar", tests: "Som testmeddelanden" } as Record<
    "training" | "tests",
    string
  >,
  splitHint:
    "Testmeddelandena mäter om chattboten känner igen ämnet. Samma mening kan inte vara både träningsmening och testmeddelande.",
  referTo: "Vart kunden hänvisas",
  chooseReferral: "Välj myndighet",
  newTopicHint:
    "Öppnar formuläret för ett nytt ämne med gruppens markerade exempel som träningsmeningar på sitt språk. När du sparar ämnet märks de frågor som finns kvar som inlärda.",
  actionMissing: "Vad görs med frågorna: välj en åtgärd.",
  topicMissing: "Ämne: välj ett ämne.",
  splitMissing: "Var läggs frågorna till: välj träningsmeningar eller testmeddelanden.",
  referralMissing: "Vart kunden hänvisas: välj en myndighet.",
  uncoveredActionHint:
    "Frågan läggs till bland utkastets frågor som inget ämne svarar på. Publiceringskontrollen testar vid varje publicering att boten säger att den inte vet, i stället för att svara med ett ämnes text.",
  matterLabel: "Ärende",
  alreadyKeptHint: (n: number, matter: string) =>
    `${n === 1 ? "1 av frågorna" : `${n} av frågorna`} finns redan som testfråga (ärende ${matter}) och stannar där även om du skriver ett annat ärende.`,
  matterHint:
    "Ett kort id med små bokstäver, siffror och bindestreck, till exempel dog-tax. Frågor om samma ärende har samma id; förslagen är de som redan används.",
  matterMissing: "Ärende: skriv ärendets id, till exempel dog-tax.",
  matterInvalid: (value: string) =>
    `Ärende: ”${value}” är inget id. Använd små bokstäver, siffror och bindestreck, till exempel dog-tax.`,
  applyAction: (n: number) => `Utför den valda åtgärden (${n === 1 ? "1 fråga" : `${n} frågor`})`,
  applying: "Utförs…",
  actionRefused: "Åtgärden utfördes inte: innehållskontrollen godkände den inte.",
  taughtOutcome: (n: number, topic: string, split: "training" | "tests") =>
    split === "training"
      ? `${n === 1 ? "1 fråga inlärd" : `${n} frågor inlärda`} i ämnet ${topic} i utkastet. Boten lär sig ${n === 1 ? "den" : "dem"} när versionen har tagits i bruk.`
      : `${n === 1 ? "1 fråga tillagd" : `${n} frågor tillagda`} som testmeddelanden i ämnet ${topic} i utkastet. ${n === 1 ? "Den" : "De"} kommer med i versionen när utkastet publiceras.`,
  referredOutcome: (n: number, group: string) =>
    `${n === 1 ? "1 fråga tillagd" : `${n} frågor tillagda`} i utkastets hänvisning ${group}. Boten hänvisar ${n === 1 ? "den" : "dem"} dit när versionen har tagits i bruk.`,
  dismissedOutcome: (n: number) =>
    `${n === 1 ? "1 fråga avvisad. Den" : `${n} frågor avvisade. De`} lärs inte in.`,
  uncoveredOutcome: (n: number, matter: string) =>
    `${n === 1 ? "1 fråga tillagd" : `${n} frågor tillagda`} bland utkastets frågor som inget ämne svarar på (ärende ${matter}). Publiceringskontrollen testar ${n === 1 ? "den" : "dem"} när utkastet publiceras.`,
  alreadyKeptOutcome: (n: number, matter: string) =>
    `${n === 1 ? "1 fråga fanns" : `${n} frågor fanns`} redan som testfråga under ett annat ärende (${matter}) och stannar där. Ärendet kan ändras på sidan Frågor utan ämne.`,
  publishLink: "Publicera på sidan Versioner och publicering",
  seedNotice: (n: number) =>
    `Träningsmeningarna är ifyllda med ${n === 1 ? "1 fråga" : `${n} frågor`}. När du sparar märks de rader du behåller som inlärda i det här ämnet.`,
  seedTaught: (n: number) =>
    `${n === 1 ? "1 fråga" : `${n} frågor`} märkta som inlärda i det här ämnet.`,
  seedTeachFailed: (message: string) => `Frågorna märktes inte som inlärda. ${message}`,
  seedTeaching: "Frågorna märks som inlärda…",
  seedTeachSlow: "Ämnet är sparat. Det tar längre tid än vanligt att märka frågorna som inlärda…",
  // Answer feedback
  feedbackTitle: "Kundernas bedömningar, 30 dagar",
  helpfulShare: "Svaret var till hjälp",
  votes: (yes: number, no: number) => `${yes} ja, ${no} nej`,
  latestUnhelpful: "De senaste frågorna där svaret inte hjälpte",
  noVotes: "Inga bedömningar.",
  noUnhelpful: "Inga frågor.",
  colHelpful: "Svaret var till hjälp fi / sv (antal bedömningar), 30 dagar",
  colAnswers: "Boten svarade fi / sv, 30 dagar",
  orderLabel: "Ordning",
  orderById: "Efter id",
  orderByAnswers: "Flest svar först",
  orderByHelpful: "Minst till hjälp först",
  answeredTimes: (n: number, shown: string) =>
    `Boten svarade med det här ämnet ${n === 1 ? "1 gång" : `${shown} gånger`}.`,
  helpfulCell: (share: string, votes: number) => `${share} (${votes})`,
  referrals: {
    title: "Hänvisningar till andra myndigheter",
    intro:
      "När en kund frågar om en annan myndighets ärende (till exempel fordonsskatt eller pass) svarar boten med gruppens korta hänvisning och en länk till myndighetens webbplats och erbjuder inte våra egna rådgivare. Av gruppens meningar lär sig boten känna igen de här meddelandena.",
    listCaption: "Hänvisningsgrupper i utkastet",
    columns: { id: "Id", title: "Rubrik", sentences: "Meningar", changed: "Ändrad" },
    none: "Utkastet har inga hänvisningsgrupper.",
    add: "Ny hänvisningsgrupp",
    back: "Tillbaka till hänvisningarna",
    newTitle: "Ny hänvisningsgrupp",
    editTitle: (id) => `Hänvisningsgruppen ${id}`,
    id: "Id",
    idHint: "Små bokstäver a–z och siffror, ord med bindestreck (t.ex. traficom).",
    idMissing: "Ge gruppen ett id.",
    idForm: "Id:t får bara innehålla små bokstäver a–z och siffror, ord med bindestreck.",
    idTaken: (id) => `Id:t ${id} används redan.`,
    fieldTitle: "Rubrik",
    answer: "Svar",
    answerCount: (n, max) => `${n}/${max} tecken`,
    linkLabel: "Länktext",
    linkUrl: "Länkadress (https://, myndighetens egen webbplats)",
    sentences: "Kundmeddelanden, ett per rad",
    sentencesCount: (n, min) => `${n === 1 ? "1 mening" : `${n} meningar`} (minst ${min})`,
    save: "Spara hänvisningen",
    retire: "Ta bort gruppen",
    retireConfirm: (id) =>
      `Ska hänvisningsgruppen ${id} tas bort ur utkastet? Dess meddelanden blir då utan svar.`,
    retireYes: "Ta bort",
    saved: (id) => `Hänvisningsgruppen ${id} har sparats i utkastet.`,
    saveRefused: "Kontrollen godkände inte gruppen. Felen visas vid fälten.",
    unreadable:
      "Gruppen kunde inte läsas, så det går inte att spara: annars kunde någon annans ändring skrivas över. Försök läsa den igen.",
    restoredMeanwhile: (id) =>
      `Någon har redan återställt hänvisningsgruppen ${id}. Den syns nu bland grupperna; öppna den för att se innehållet.`,
    retired: (id) => `Hänvisningsgruppen ${id} har tagits bort ur utkastet.`,
    removedTitle: "Grupper borttagna ur utkastet",
    restore: "Återställ",
    restoring: "Återställer…",
    revert: "Ångra ändringarna i utkastet",
    revertConfirm: (id) =>
      `Ska ändringarna av hänvisningsgruppen ${id} i utkastet ångras? Gruppen återställs till hur den är i versionen i bruk. En grupp som inte har publicerats ännu tas bort ur utkastet.`,
    revertYes: "Ja, ångra ändringarna",
    revertRefused: "Ändringarna ångrades inte:",
    reverted: (id, result) =>
      result === "retired"
        ? `Hänvisningsgruppen ${id} finns inte i versionen i bruk, så den togs bort ur utkastet.`
        : result === "unchanged"
          ? `Hänvisningsgruppen ${id} hade inga ändringar i utkastet.`
          : `Ändringarna av hänvisningsgruppen ${id} i utkastet har ångrats: den är nu densamma som i versionen i bruk.`,
    summary: "Kontrollens anmärkningar",
  },
  outOfScope: {
    title: "Meddelanden utanför ämnena",
    intro:
      "Meddelanden som boten inte ska besvara med något ämne: till exempel andra myndigheters ärenden som saknar hänvisning, butikers och bankers ärenden samt nonsens. Av dem lär sig boten att säga att den inte har något svar, i stället för att gissa fel ämne. En mening kan finnas på bara ett ställe: när du gör ett ämne av en mening, ta först bort den här och spara.",
    listLabel: "Meddelanden, ett per rad",
    listHint: "Skriv som kunden skulle skriva. Tomma rader tas bort.",
    count: (n) => (n === 1 ? "1 meddelande" : `${n} meddelanden`),
    summary: "Kontrollens anmärkningar",
    saved: "Meddelandena utanför ämnena har sparats i utkastet.",
    saveRefused: "Kontrollen godkände inte ändringen. Felen visas vid listorna och nedan.",
    unreadable:
      "Meddelandena kunde inte läsas, så det går inte att spara: annars kunde någon annans ändring skrivas över. Försök läsa dem igen.",
    revertConfirm:
      "Ska ändringarna av meddelandena utanför ämnena i utkastet ångras? Listorna återställs till hur de är i versionen i bruk.",
    reverted: (result) =>
      result === "unchanged"
        ? "Meddelandena utanför ämnena hade inga ändringar i utkastet."
        : "Ändringarna av meddelandena utanför ämnena i utkastet har ångrats: de är nu desamma som i versionen i bruk.",
  },
  uncoveredPage: {
    title: "Frågor som inget ämne svarar på",
    intro:
      "Skattefrågor som chattboten inte har något ämne för: på dem ska boten säga att den inte kan svara och hänvisa kunden vidare. Testa allt och publiceringskontrollen mäter hur stor andel av frågorna boten skulle besvara med ett ämnes text; över 5 % på ett språk hindrar publicering. Lägg till en fråga som inget ämne svarar på här (till exempel från de obesvarade frågorna), så testas att boten inte svarar på den.",
    newTopic:
      "När du gör ett ämne för ett ärende som har frågor på listorna, flytta bort dem från listorna (till exempel till ämnets testmeddelanden på sidan Testa allt): annars besvarar det nya ämnet dem och publiceringskontrollen stoppar versionen. En fråga får inte heller vara en träningsmening, ett meddelande utanför ämnena eller ett testmeddelande.",
    listLabel: "Frågor, en per rad i formen ärende: fråga",
    listHint:
      "Till exempel dog-tax: vad kostar hundskatten i Esbo? Ärendet är en kort beteckning med små bokstäver, siffror och bindestreck; den grupperar frågor om samma sak. Tomma rader tas bort.",
    count: (n) => (n === 1 ? "1 fråga" : `${n} frågor`),
    summary: "Kontrollens anmärkningar",
    saved: "Frågorna har sparats i utkastet.",
    saveRefused: "Kontrollen godkände inte ändringen. Felen visas vid listorna och nedan.",
    unreadable:
      "Frågorna kunde inte läsas, så det går inte att spara: annars kunde någon annans ändring skrivas över. Försök läsa dem igen.",
    revertConfirm:
      "Ska ändringarna av frågorna i utkastet ångras? Listorna återställs till hur de är i versionen i bruk.",
    reverted: (result) =>
      result === "unchanged"
        ? "Frågorna hade inga ändringar i utkastet."
        : "Ändringarna av frågorna i utkastet har ångrats: de är nu desamma som i versionen i bruk.",
  },
  ordersTitle: "Varierar resultatet med träningsordningen?",
  ordersIntro:
    "Igenkännaren lär sig meningarna i en blandad ordning. Därför kan ett tal röra sig ett eller två meddelanden beroende på ordningen, utan att din ändring har något med det att göra. Upprepa testet med flera träningsordningar: ett tal som varierar mellan ordningarna är slumpvariation, inte din ändring. Publiceringskontrollen använder alltid en och samma ordning.",
  runOrders: (n) =>
    `Upprepa med ${["två", "tre", "fyra", "fem", "sex", "sju", "åtta"][n - 2] ?? n} träningsordningar`,
  ordersCount: "Antal träningsordningar",
  ordersCountHint: (min, max) =>
    `${min}–${max}. Varje ordning tränar utkastet en gång (ungefär lika länge som Testa allt).`,
  ordersStale:
    "Utkastet har ändrats sedan den här upprepningen: talen gäller ett tidigare utkast. Upprepa igen för att se det nuvarande utkastets tal.",
  ordersRunning: (n) =>
    `Utkastet tränas ${n} gånger i olika ordningar… Det tar ungefär ${n} gånger så lång tid som Testa allt.`,
  ordersGate: (refused, orders) =>
    refused === 0
      ? `Publiceringskontrollen skulle släppa igenom utkastet med alla ${orders} ordningar.`
      : `Publiceringskontrollen skulle stoppa utkastet med ${refused} av ${orders} ordningar.`,
  ordersSeeds: (seeds, shipped) =>
    `Ordningarna (frövärden): ${seeds}. Publiceringskontrollen använder ordning ${shipped}, så dess tal är desamma som i Testa allt.`,
  ordersCaption: (split, lang, orders) =>
    `${split}, ${lang}: talen med ${orders} träningsordningar`,
  colFigure: "Tal",
  colGate: "Publiceringsgräns",
  colMean: "Medelvärde",
  colRange: "Variationsvidd (minst–störst)",
  figureNames: {
    accuracy: "Träffsäkerhet",
    noneRecall: "Meddelanden utanför ämnena lämnade utan ämne",
    right: "Rätt svar i chatten",
    wrong: "Fel svar i chatten",
    uncoveredAnswered: "Frågor som inget ämne svarar på: besvarade med ett ämnes text",
  },
  noGate: "ingen gräns",
  gateAtLeast: (value) => `minst ${value}`,
  gateAtMost: (value) => `högst ${value}`,
  range: (min, max) => `${min} – ${max}`,
  rangeCrossesGate: "gränsen ligger inom variationsvidden – resultatet beror på ordningen",
  rangeFailsGate: "klarar inte gränsen med någon ordning",
  ordersTopicsUnder: (target, gate) =>
    `Ämnen som hamnade under målet ${target} eller publiceringsgränsen ${gate}:`,
  ordersTopicUnder: (orders, of, underGate) =>
    `under målet med ${orders} av ${of} ordningar${underGate ? `, under publiceringsgränsen med ${underGate} av ${of}` : ""}`,
  ordersNoTopicsUnder: (target) => `Inget ämne hamnade under målet ${target} med någon ordning.`,
  ordersBusy:
    "Upprepningen med flera träningsordningar körs redan på servern (kanske av någon annan). Försök igen när den är klar.",
  ordersUnavailable:
    "Upprepningen med flera träningsordningar kan inte köras i den här miljön: tjänsten tränar igenkännaren bara i en ordning. En utvecklare kan köra samma sak med npm run content:test -- --seeds 5.",
};

/** Both tables; the parity test walks them. */
export const UI: Record<Lang, UiText> = { fi, sv };

const LANG_KEY = "asiointi-studio-lang";

function readLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "sv" ? "sv" : "fi";
  } catch {
    return "fi";
  }
}

/** The UI language; remembered in the browser like the console's choice. */
export const uiLang = signal<Lang>(readLang());
/** The strings of the current UI language. */
export const text = computed(() => UI[uiLang.value]);

export function setUiLang(lang: Lang): void {
  uiLang.value = lang;
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

/** 0.873 → "87,3 %" / "87,3 %"; undefined or NaN → "–". */
/** A count as the studio's language writes it (1 204 in Finnish and Swedish). */
export function formatCount(value: number, t: UiText): string {
  return new Intl.NumberFormat(t.locale).format(value);
}

export function formatPercent(value: number | undefined, t: UiText): string {
  if (value === undefined || !Number.isFinite(value)) return t.notAvailable;
  return new Intl.NumberFormat(t.locale, { style: "percent", maximumFractionDigits: 1 }).format(
    value,
  );
}

/**
 * Who did something, as the studio names them: the service itself in the studio's words
 * ("Palvelu" / "Tjänsten", never its id "system"), a person by name. By `subject` where the API
 * gives it (versions, the audit trail); the topic and referral lists and an edit conflict give
 * only the name, which for the service is the same word as its subject.
 */
export function actorName(
  who: { subject?: string | undefined; name?: string | undefined },
  t: UiText,
): string {
  const isService =
    who.subject !== undefined
      ? who.subject === SYSTEM_ACTOR.subject
      : who.name === SYSTEM_ACTOR.displayName;
  if (isService) return t.systemActor;
  return who.name ?? who.subject ?? t.notAvailable;
}

/**
 * What happened after an inbox question, as far as the server saw: a request for a person
 * says where it went when that is known, never that an advisor took the chat.
 */
export function outcomeText(sample: Pick<MissSample, "outcome" | "handoff">, t: UiText): string {
  if (sample.outcome === "handed-off" && sample.handoff) return t.handoffs[sample.handoff];
  return t.outcomes[sample.outcome] ?? sample.outcome;
}

/**
 * The Helsinki calendar day and time of an instant. Built from parts rather than a locale's
 * pattern: ICU versions differ (Node writes sv-FI "5.12.2026 23.52" without "kl."), and both
 * languages of Finland write dates the same way.
 */
function helsinkiParts(
  iso: string,
): Record<"day" | "month" | "year" | "hour" | "minute", string> | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = helsinkiFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: part("day"),
    month: part("month"),
    year: part("year"),
    hour: part("hour"),
    minute: part("minute"),
  };
}

const helsinkiFormat = new Intl.DateTimeFormat("fi-FI", {
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/Helsinki",
});

/** An instant as a Helsinki date and time: "24.11.2026 klo 10.00" / "24.11.2026 kl. 10.00". */
export function formatDateTime(iso: string | undefined, t: UiText): string {
  if (!iso) return t.notAvailable;
  const p = helsinkiParts(iso);
  if (!p) return iso;
  return `${p.day}.${p.month}.${p.year} ${t.atClock} ${p.hour}.${p.minute}`;
}

/** An instant's Helsinki day, for where the time would crowd a table: "24.11.2026". */
export function formatDate(iso: string | undefined, t: UiText): string {
  if (!iso) return t.notAvailable;
  const p = helsinkiParts(iso);
  return p ? `${p.day}.${p.month}.${p.year}` : iso;
}

/**
 * A calendar date (YYYY-MM-DD, a day rather than an instant) as both languages write it:
 * "30.11.2027"; a text that is no date comes back as it is.
 */
export function formatDay(day: string | undefined, t: UiText): string {
  if (!day) return t.notAvailable;
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return parts ? `${Number(parts[3])}.${Number(parts[2])}.${parts[1]}` : day;
}

/** A calendar day YYYY-MM-DD without its year, as both languages write it: "5.12.". */
export function formatDayMonth(day: string, t: UiText): string {
  const [, month, date] = day.split("-");
  if (!month || !date) return day || t.notAvailable;
  return `${Number(date)}.${Number(month)}.`;
}
