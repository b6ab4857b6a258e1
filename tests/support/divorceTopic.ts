// A topic a content owner adds in the studio: taxation in a divorce and the division of
// matrimonial property, in both languages, with its own test messages. Used by the studio's
// integration and browser tests, which need a matter the live bot does not know: no topic of
// bot-content answers it; it is one of the tax matters kept as uncovered questions (matter
// "divorce" in uncovered/*.yaml), with out-of-scope examples. A draft with this topic answers
// those questions, yet Test all stays under the uncovered limit (5 %): 2.2 % fi, 3.3 % sv.
// Nothing here may repeat a sentence of bot-content, or the studio refuses the topic as a
// duplicate; should bot-content get a divorce topic, the tests need another matter again.

/**
 * The questions the tests ask. The live bot answers neither with a topic: `npm run bot --
 * classify` gives both "none" (0.90 fi, 0.95 sv), and `npm run bot -- chat` their nearest
 * topic, correction-appeal, at 0.10 and 0.05, well under the dialogue's 0.5. Neither is an
 * uncovered question, so the inbox test can teach the Finnish one to the topic.
 */
export const DIVORCE_QUESTION_FI = "Miten avioeron ositus vaikuttaa verotukseen?";
export const DIVORCE_QUESTION_SV = "Hur påverkar bodelningen vid skilsmässa beskattningen?";

/** A phrase only this topic's Finnish answer has: the bot answered from it. */
export const DIVORCE_ANSWER_MARK_FI = "Osituksesta ei makseta veroa";

export const divorceTopic = {
  id: "divorce-taxation",
  demo: true,
  fi: {
    title: "Avioero ja ositus verotuksessa",
    utterances: [
      "avioero ja verotus",
      "avioeron verotus",
      "ositus verotuksessa",
      "omaisuuden ositus ja vero",
      "pitääkö osituksesta maksaa veroa",
      "tuleeko osituksesta lahjaveroa",
      "maksetaanko osituksessa varainsiirtovero",
      "tasingon verotus",
      "sain tasinkoa erossa, onko se veronalaista",
      "myyn osituksessa saamani asunnon",
      "osituksessa saadun asunnon hankintameno",
      "osituksessa saadun asunnon hankinta-aika myynnissä",
      "yhteinen asunto jäi mulle osituksessa exän kanssa",
      "eron jälkeen myin asunnon, miten myyntivoitto lasketaan",
      "kuka vähentää asuntolainan korot eroamisvuonna",
      "eroamisvuoden verotus",
      "avioerovuoden vähennykset",
      "erosimme viime vuonna, miten se näkyy verotuksessa",
      "avioeron ositus ja verot",
      "asumusero ja verotus",
      "omaisuuden jakaminen erossa verotus",
      "avioehto ja ositus verotuksessa",
      "aviero verotus",
      "osituksen veroseuraamukset",
    ],
    answer:
      "Osituksesta ei makseta veroa: avioliittolain mukaisessa osituksessa saadusta omaisuudesta tai tasingosta ei tule tuloveroa, lahjaveroa eikä varainsiirtoveroa. Kun myöhemmin myyt osituksessa saamasi asunnon, myyntivoitto lasketaan sen alkuperäisestä hankintamenosta ja hankinta-ajasta.\n\nEroamisvuonna kumpikin vähentää omassa verotuksessaan itse maksamansa kulut, esimerkiksi asuntolainan korot tai kotitalousvähennykseen oikeuttavat työt.",
    links: [
      {
        label: "Perhe ja verotus (vero.fi)",
        url: "https://www.vero.fi/henkiloasiakkaat/perhe/",
      },
    ],
  },
  sv: {
    title: "Skilsmässa och bodelning i beskattningen",
    utterances: [
      "skilsmässa och skatt",
      "beskattning vid skilsmässa",
      "bodelning och skatt",
      "bodelningen i beskattningen",
      "ska man betala skatt för bodelningen",
      "blir det gåvoskatt vid bodelning",
      "överlåtelseskatt vid bodelning",
      "beskattning av utjämning vid bodelning",
      "fick utjämning vid skilsmässan, är det skattepliktigt",
      "jag säljer bostaden jag fick vid bodelningen",
      "anskaffningsutgift för bostad från bodelning",
      "anskaffningstid när man säljer bostad från bodelningen",
      "bostaden blev min i bodelningen med mitt ex",
      "sålde bostaden efter skilsmässan, hur räknas vinsten",
      "vem drar av bostadslånets räntor året vi skilde oss",
      "beskattningen under skilsmässoåret",
      "avdrag året för skilsmässan",
      "vi skilde oss i fjol, hur syns det i beskattningen",
      "skilsmässans bodelning och skatterna",
      "hemskillnad och beskattning",
      "dela egendom vid skilsmässa skatt",
      "äktenskapsförord och bodelning i beskattningen",
      "skilsmasa skatt",
      "skattekonsekvenser av bodelning",
    ],
    answer:
      "Bodelningen beskattas inte: egendom eller utjämning som du får vid en bodelning enligt äktenskapslagen ger ingen inkomstskatt, gåvoskatt eller överlåtelseskatt. När du senare säljer en bostad som du fått vid bodelningen räknas vinsten från bostadens ursprungliga anskaffningsutgift och anskaffningstid.\n\nUnder skilsmässoåret drar var och en av er i sin egen beskattning av kostnader som hen själv har betalat, till exempel räntor på bostadslån eller arbeten som ger hushållsavdrag.",
    links: [
      {
        label: "Familj och beskattning (vero.fi)",
        url: "https://www.vero.fi/sv/privatpersoner/familj/",
      },
    ],
  },
  tests: {
    fi: [
      "erosimme ja asunto siirtyi minulle osituksessa, tuleeko veroa",
      "pitääkö avioeron osituksesta ilmoittaa verottajalle",
      "onko tasinko veronalaista tuloa",
      "mikä on osituksessa saadun asunnon hankintahinta kun myyn sen",
      "kumpi meistä saa vähentää asuntolainan korot eroamisvuonna",
      "maksetaanko varainsiirtoveroa kun asunto siirtyy osituksessa",
      "avioeron omaisuuden jako ja verot",
      "tuleeko osituksesta veroa",
    ],
    sv: [
      "vi skildes och bostaden gick till mig vid bodelningen, blir det skatt",
      "ska bodelningen anmälas till skatteförvaltningen",
      "är utjämning skattepliktig inkomst",
      "vad är anskaffningsutgiften när jag säljer bostaden från bodelningen",
      "vem av oss får dra av räntorna på bostadslånet skilsmässoåret",
      "betalar man överlåtelseskatt när bostaden övergår vid bodelning",
      "skilsmässa egendomsdelning och skatter",
      "blir det skatt på bodelningen",
    ],
  },
};
