// A topic a content owner adds in the studio: the tax return of a deceased person's estate,
// in both languages, with its own test messages. Used by the studio's integration and browser
// tests, which need a matter the live bot does not know: bot-content has no such topic and is
// not meant to get one (inheritance-gift-tax covers the estate inventory and inheritance tax,
// not the estate's yearly tax return). Nothing here may repeat a sentence of bot-content, or
// the studio refuses the topic as a duplicate.

/**
 * The questions the tests ask. Worded so that the live bot answers neither with a topic
 * (`npm run bot -- classify` gives its nearest topic well under the dialogue's 0.5): more
 * direct wordings ("pitääkö kuolinpesän tehdä veroilmoitus") already reach inheritance-gift-tax
 * or tax-return, and the tests would then prove nothing about the new topic.
 */
export const ESTATE_QUESTION_FI = "Miten kuolinpesän veroilmoitus tarkistetaan?";
export const ESTATE_QUESTION_SV = "Hur fyller man i dödsboets skattedeklaration?";

/** A phrase only this topic's Finnish answer has: the bot answered from it. */
export const ESTATE_ANSWER_MARK_FI = "Kuolinpesä on oma verovelvollisensa";

export const estateTopic = {
  id: "estate-tax-return",
  demo: true,
  fi: {
    title: "Kuolinpesän veroilmoitus",
    utterances: [
      "kuolinpesän veroilmoitus",
      "kuolinpesan veroilmotus",
      "pitääkö kuolinpesän tehdä veroilmoitus",
      "kuolinpesälle tuli esitäytetty veroilmoitus",
      "kuka hoitaa kuolinpesän veroilmoituksen",
      "äiti kuoli ja nyt tuli veroilmoitus kuolinpesän nimellä",
      "vainajan veroilmoitus",
      "jakamaton kuolinpesä veroilmoitus",
      "kuolinpesän veroilmoituksen palautus omaverossa",
      "miten kuolinpesän veroilmoitus korjataan",
      "kuolinpesän osakas ja veroilmoitus",
      "pesänhoitaja tekee kuolinpesän veroilmoituksen",
      "kuolinpesän tulot veroilmoitukselle",
      "kuolinpesä myi asunnon mihin ilmoitan",
      "kuolinpesän veroilmotuksen määräpäivä",
      "pitääkö kuolinpesän veroilmoitus palauttaa jos ei ole tuloja",
      "mummon kuolinpesälle tuli verottajalta paperit",
      "kuolinpesän veroilmoitus netissä",
      "kuolinpesa veroilmoitus mita pitaa tehda",
      "kuolinpesän vuokratulojen ilmoittaminen",
      "kuolinpesän osingot ja korot veroilmoituksella",
      "kuolinpesän veroilmoitus paperilla",
    ],
    answer:
      "Kuolinpesä on oma verovelvollisensa, kunnes perintö on jaettu. Verohallinto lähettää kuolinpesälle esitäytetyn veroilmoituksen joka kevät.\n\nKuolinpesän osakas tai pesänhoitaja tarkistaa veroilmoituksen ja ilmoittaa puuttuvat tai väärät tiedot, esimerkiksi vuokratulot tai myydyn omaisuuden, OmaVerossa tai paperilla. Jos kaikki on oikein, veroilmoitusta ei tarvitse palauttaa.",
    links: [
      {
        label: "Kuolinpesän verotus (vero.fi)",
        url: "https://www.vero.fi/henkiloasiakkaat/perhe/kuolinpesa/",
      },
    ],
  },
  sv: {
    title: "Dödsboets skattedeklaration",
    utterances: [
      "dödsboets skattedeklaration",
      "dodsbo skattedeklaration",
      "ska dödsboet lämna skattedeklaration",
      "dödsboet fick en deklaration hem",
      "vem sköter dödsboets skattedeklaration",
      "mamma dog och nu kom en skattedeklaration i dödsboets namn",
      "den avlidnas skattedeklaration",
      "oskiftat dödsbo skattedeklaration",
      "lämna in dödsboets deklaration i MinSkatt",
      "hur rättar man dödsboets skattedeklaration",
      "delägare i dödsbo och skattedeklarationen",
      "boutredningsman gör dödsboets deklaration",
      "dödsboets inkomster i deklarationen",
      "dödsboet sålde bostaden var anmäler jag det",
      "sista dag för dödsboets skattedeklaration",
      "måste dödsboet deklarera om det inte har inkomster",
      "mormors dödsbo fick papper från skatteförvaltningen",
      "sköta dödsboets deklaration på nätet",
      "dodsbo deklaration vad ska man gora",
      "dödsboet har hyresintäkter hur deklarerar vi",
      "dödsboets dividender och räntor i deklarationen",
      "dödsboets deklaration på papper",
    ],
    answer:
      "Dödsboet är en egen skattskyldig tills arvet har skiftats. Skatteförvaltningen skickar dödsboet en förhandsifylld skattedeklaration varje vår.\n\nEn delägare i dödsboet eller boutredningsmannen granskar deklarationen och anmäler uppgifter som saknas eller är fel, till exempel hyresinkomster eller såld egendom, i MinSkatt eller på papper. Om allt stämmer behöver deklarationen inte lämnas in.",
    links: [
      {
        label: "Dödsbo (vero.fi)",
        url: "https://www.vero.fi/sv/privatpersoner/familj/dodsbo/",
      },
    ],
  },
  tests: {
    fi: [
      "isä kuoli keväällä ja kuolinpesälle tuli veroilmoitus mitä teen",
      "kenen pitää tarkistaa kuolinpesän veroilmoitus",
      "kuolinpesän esitäytetty veroilmoitus tuli postissa",
      "onko kuolinpesällä oma veroilmoitus",
      "miten ilmoitan kuolinpesän vuokratulot",
      "kuolinpesä myi mökin, pitääkö se ilmoittaa veroilmoituksella",
      "jakamattoman kuolinpesän veroilmotus",
      "voiko kuolinpesän veroilmoituksen tehdä omaverossa",
    ],
    sv: [
      "pappa dog i våras och dödsboet fick en skattedeklaration vad gör jag",
      "vem ska granska dödsboets skattedeklaration",
      "dödsboets förhandsifyllda deklaration kom med posten",
      "har dödsboet en egen skattedeklaration",
      "hur anmäler jag dödsboets hyresinkomster",
      "dödsboet sålde stugan, ska det deklareras",
      "oskiftat dodsbo deklaration",
      "kan man göra dödsboets deklaration i minskatt",
    ],
  },
};
