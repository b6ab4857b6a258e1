// A topic a content owner adds in the studio: the tax audit (verotarkastus, skattegranskning),
// in both languages, with its own test messages. Used by the studio's integration and browser
// tests, which need a matter the live bot does not know: bot-content has no topic for it (its
// one uncovered question per language is tagged `tax-audit`, so publishing this topic moves the
// honesty figure by a single question, well under the gate). It was the estate's tax return
// until bot-content got the `deceased-estate` topic (December 2026). Nothing here may repeat a
// sentence of bot-content, or the studio refuses the topic as a duplicate.

/**
 * The questions the tests ask. Worded so that the live bot answers neither with a topic
 * (`npm run bot -- classify` gives its nearest topic well under the dialogue's 0.5).
 */
export const AUDIT_QUESTION_FI = "Miten verotarkastus käytännössä etenee?";
export const AUDIT_QUESTION_SV = "Hur går en skattegranskning till i praktiken?";

/** A phrase only this topic's Finnish answer has: the bot answered from it. */
export const AUDIT_ANSWER_MARK_FI = "Verotarkastuksessa Verohallinto selvittää";

export const auditTopic = {
  id: "tax-audit",
  demo: true,
  fi: {
    title: "Verotarkastus",
    utterances: [
      "verotarkastus",
      "verotarastus",
      "verotarkastus yritykseen",
      "miten verotarkastus etenee",
      "verotarkastuksen kesto",
      "mitä verotarkastuksessa tarkastetaan",
      "verotarkastajan käynti yrityksessä",
      "verotarkastuskertomus",
      "verotarkastuksen jälkeen tuli veronkorotus",
      "voiko verotarkastuksen tuloksesta valittaa",
      "verotarkastusilmoitus tuli postissa",
      "mitä asiakirjoja verotarkastukseen tarvitaan",
      "tositteet verotarkastusta varten",
      "verotarkastus toiminimelle",
      "verotarkastus etänä",
      "valmistautuminen verotarkastukseen",
      "kuinka usein verotarkastuksia tehdään",
      "verotarkastuksen loppupalaveri",
      "saako verotarkastuksessa olla tilitoimisto mukana",
      "verotarkastuksen tulokset",
      "verotarkastaja pyysi lisää selvitystä",
      "miksi meille tulee verotarkastus",
    ],
    answer:
      "Verotarkastuksessa Verohallinto selvittää, onko yritys tai muu verovelvollinen ilmoittanut ja maksanut veronsa oikein. Tarkastuksesta ilmoitetaan yleensä etukäteen, ja sinulta pyydetään tositteet ja muut asiakirjat.\n\nLopuksi saat tarkastuskertomuksen, johon voit antaa selvityksen ennen kuin Verohallinto tekee päätöksen. Päätökseen voit hakea oikaisua.",
    links: [
      {
        label: "Verotarkastus (vero.fi)",
        url: "https://www.vero.fi/yritykset-ja-yhteisot/yhteistyo-ja-palvelut/verotarkastus-ja-harmaa-talous/",
      },
    ],
  },
  sv: {
    title: "Skattegranskning",
    utterances: [
      "skattegranskning",
      "skattegransking",
      "skattegranskning på företaget",
      "hur går en skattegranskning till",
      "hur länge pågår en skattegranskning",
      "vad granskas i en skattegranskning",
      "skattegranskarens besök på företaget",
      "granskningsberättelse",
      "skatteförhöjning efter skattegranskningen",
      "kan man överklaga resultatet av en skattegranskning",
      "meddelande om skattegranskning kom med posten",
      "vilka handlingar behövs för skattegranskningen",
      "verifikat inför skattegranskningen",
      "skattegranskning av enskild firma",
      "skattegranskning på distans",
      "förbereda sig för skattegranskning",
      "hur ofta görs skattegranskningar",
      "slutmöte i skattegranskningen",
      "får bokföringsbyrån vara med vid skattegranskningen",
      "resultatet av skattegranskningen",
      "skattegranskaren bad om mer utredning",
      "varför blir vi skattegranskade",
    ],
    answer:
      "I en skattegranskning utreder Skatteförvaltningen om ett företag eller någon annan skattskyldig har deklarerat och betalat sina skatter rätt. Granskningen meddelas i regel i förväg, och du ombeds visa verifikat och andra handlingar.\n\nTill sist får du en granskningsberättelse som du kan ge en utredning om innan Skatteförvaltningen fattar beslut. Du kan begära omprövning av beslutet.",
    links: [
      {
        label: "Skatteförvaltningen (vero.fi)",
        url: "https://www.vero.fi/sv/",
      },
    ],
  },
  tests: {
    fi: [
      "firmaan tulee verotarkastus ensi kuussa mitä teen",
      "montako viikkoa verotarkastus vie",
      "miten vastaan verotarkastuskertomukseen",
      "mitä verotarkastaja haluaa nähdä",
      "voiko verotarkastuksen ajankohtaa siirtää",
      "verotarkastus pienelle yritykselle",
      "tarkastuskertomus tuli, mitä nyt",
      "oikaisu verotarkastuksen päätökseen",
    ],
    sv: [
      "firman får skattegranskning nästa månad vad gör jag",
      "hur många veckor tar en skattegranskning",
      "hur svarar jag på granskningsberättelsen",
      "vad vill skattegranskaren se",
      "kan man skjuta upp skattegranskningen",
      "skattegranskning för ett litet företag",
      "granskningsberättelsen kom, vad nu",
      "omprövning av beslutet efter skattegranskning",
    ],
  },
};
