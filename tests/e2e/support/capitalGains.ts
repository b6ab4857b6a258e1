import type { StudioTopic } from "./studio.ts";

/**
 * The topic a new content owner adds in the studio's browser test: taxation of capital gains,
 * in Finnish and Swedish, written fresh (no sentence shared with another topic, and test
 * messages that are not training sentences).
 */
export const CAPITAL_GAINS_QUESTION = "Miten osakkeiden myyntivoitto verotetaan?";

/** A phrase only this topic's Finnish answer has: the widget answered from it. */
export const CAPITAL_GAINS_ANSWER_MARK = "Myyntivoitto on pääomatuloa";

export const CAPITAL_GAINS: StudioTopic = {
  id: "capital-gains",
  fi: {
    title: "Osakkeiden myyntivoitto",
    utterances: [
      "miten myyntivoitto verotetaan",
      "osakkeiden myyntivoiton verotus",
      "paljonko veroa maksan osakkeiden myyntivoitosta",
      "myyntivoiton veroprosentti",
      "pääomatulon vero osakkeiden myynnistä",
      "luovutusvoiton verotus",
      "miten luovutusvoitto lasketaan",
      "hankintameno-olettama osakkeet",
      "myin osakkeet voitolla paljonko veroa",
      "rahasto-osuuksien myyntivoiton verotus",
      "kryptovaluutan myyntivoitto vero",
      "myyntitappion vähentäminen",
      "osakkeiden myyntitappio verotuksessa",
      "onko osakkeiden myynti verovapaata alle 1000 euroa",
      "pienet luovutukset verovapaita",
      "asunnon myyntivoiton vero",
      "kesämökin myyntivoitto verotus",
      "miten osakkeiden hankintahinta vähennetään",
      "myyntivoiton vero 30 vai 34 prosenttia",
      "veroa osakkeiden voitosta",
      "mistä tiedän myyntivoiton veron määrän",
    ],
    answer:
      "Myyntivoitto on pääomatuloa. Pääomatulon vero on 30 prosenttia 30 000 euroon asti ja sen ylittävältä osalta 34 prosenttia.\n\nVoitto on myyntihinta vähennettynä hankintahinnalla ja kuluilla, tai hankintameno-olettamalla (20 % tai 40 % myyntihinnasta). Myyntitappion voit vähentää luovutusvoitoista.\n\nIlmoita myynnit esitäytetyllä veroilmoituksella OmaVerossa.",
    links: [
      {
        label: "Arvopaperien myynti (vero.fi)",
        url: "https://www.vero.fi/henkiloasiakkaat/omaisuus/arvopaperit/",
      },
    ],
    tests: [
      "kuinka paljon veroa osakevoitoista menee",
      "verotetaanko osakkeiden myynti",
      "myin rahastoja, miten voitto verotetaan",
      "bitcoinin myyntivoiton vero",
      "saako myyntitappion vähentää verotuksessa",
      "mökin myynnistä saadun voiton verotus",
      "hankintameno-olettaman käyttö",
      "osakkeiden luovutusvoiton veroprosentti",
    ],
  },
  sv: {
    title: "Vinst vid aktieförsäljning",
    utterances: [
      "hur beskattas försäljningsvinst",
      "skatt på vinst vid aktieförsäljning",
      "hur mycket skatt betalar jag på aktievinster",
      "beskattning av överlåtelsevinst",
      "hur räknar man överlåtelsevinst",
      "kapitalinkomstskatt på aktier",
      "antagen anskaffningsutgift aktier",
      "sålde aktier med vinst hur mycket skatt",
      "skatt på vinst från fondandelar",
      "kryptovaluta vinst skatt",
      "avdrag för överlåtelseförlust",
      "förlust vid aktieförsäljning i beskattningen",
      "är små överlåtelser skattefria",
      "aktieförsäljning under 1000 euro skattefri",
      "skatt på vinst vid försäljning av bostad",
      "sommarstuga försäljningsvinst skatt",
      "hur drar man av anskaffningspriset för aktier",
      "30 eller 34 procent skatt på vinsten",
      "skatt på aktievinst",
      "var ser jag skatten på min försäljningsvinst",
    ],
    answer:
      "Överlåtelsevinst är kapitalinkomst. Skatten på kapitalinkomst är 30 procent upp till 30 000 euro och 34 procent på den del som överstiger det.\n\nVinsten är försäljningspriset minus anskaffningsutgiften och kostnaderna, eller minus den antagna anskaffningsutgiften (20 % eller 40 % av försäljningspriset). En överlåtelseförlust kan du dra av från överlåtelsevinster.\n\nAnmäl försäljningarna i den förifyllda skattedeklarationen i MinSkatt.",
    links: [
      {
        label: "Försäljning av värdepapper (vero.fi)",
        url: "https://www.vero.fi/sv/privatpersoner/egendom/vardepapper/",
      },
    ],
    tests: [
      "beskattas det om jag säljer aktier",
      "skatt när man säljer fonder med vinst",
      "bitcoin vinst beskattning",
      "får man dra av förlust på aktier",
      "vinst från försäljning av stuga skatt",
      "vad är antagen anskaffningsutgift",
      "skattesats för överlåtelsevinst",
      "hur mycket skatt tar staten av aktievinsten",
    ],
  },
};
