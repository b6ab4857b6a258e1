// A topic a content owner adds in the studio: capital gains on selling shares, in both
// languages, with its own test messages. Used by the studio's integration and browser tests.

export const CAPITAL_GAINS_QUESTION_FI = "Miten osakkeiden myyntivoitto verotetaan?";
export const CAPITAL_GAINS_QUESTION_SV = "Hur beskattas vinsten när jag säljer aktier?";

export const capitalGainsTopic = {
  id: "capital-gains",
  demo: true,
  fi: {
    title: "Luovutusvoitto osakkeista",
    utterances: [
      "myin osakkeita voitolla mitä veroa siitä maksetaan",
      "osakkeiden myyntivoiton verotus",
      "luovutusvoitto osakkeista",
      "paljonko veroa menee osakekaupan voitosta",
      "myin osakkeet pitääkö voitto ilmoittaa",
      "osakkeiden myynti ja verot",
      "miten ilmoitan osakkeiden luovutusvoiton",
      "hankintameno-olettama osakkeet",
      "myin rahasto-osuuksia voitolla",
      "rahasto-osuuksien myyntivoiton vero",
      "luovutustappio osakkeista vähennys",
      "tappiolla myydyt osakkeet verotuksessa",
      "paljonko on pääomatulon vero osakevoitosta",
      "osakevoitot veroilmoitukselle",
      "myyntivoitto osakkeet vero",
      "mun osakkeet myyty voitolla mitä teen",
      "osakkeiden myynti voitto verotetaanko",
      "luovutusvoiton laskeminen osakkeista",
      "osakkeiden ostohinta ja myyntihinta verotus",
      "arvopaperien myyntivoitto",
      "myin pörssiosakkeita pitääkö maksaa veroa",
      "osakkeet myyty tappiolla voiko vähentää",
    ],
    answer:
      "Osakkeiden myyntivoitto on pääomatuloa. Voitto on myyntihinta vähennettynä hankintamenolla ja kuluilla, tai hankintameno-olettamalla (20 % tai 40 % myyntihinnasta).\n\nIlmoita myynnit esitäytetyssä veroilmoituksessa OmaVerossa. Luovutustappion voi vähentää luovutusvoitoista myyntivuonna ja viitenä seuraavana vuonna.",
    links: [
      {
        label: "Osakkeiden myynti",
        url: "https://www.vero.fi/henkiloasiakkaat/omaisuus/osakkeet-ja-rahastot/",
      },
    ],
  },
  sv: {
    title: "Överlåtelsevinst på aktier",
    utterances: [
      "jag sålde aktier med vinst vilken skatt betalar jag",
      "beskattning av vinst vid aktieförsäljning",
      "överlåtelsevinst på aktier",
      "hur mycket skatt på vinsten från aktieaffären",
      "jag sålde mina aktier ska vinsten deklareras",
      "aktieförsäljning och skatt",
      "hur anmäler jag överlåtelsevinst på aktier",
      "presumtiv anskaffningsutgift aktier",
      "sålde fondandelar med vinst",
      "skatt på vinst av fondandelar",
      "överlåtelseförlust på aktier avdrag",
      "aktier sålda med förlust i beskattningen",
      "hur stor är kapitalinkomstskatten på aktievinst",
      "aktievinster i skattedeklarationen",
      "försäljningsvinst aktier skatt",
      "mina aktier såldes med vinst vad gör jag",
      "beskattas vinsten när man säljer aktier",
      "räkna ut överlåtelsevinst för aktier",
      "aktiernas köppris och försäljningspris beskattning",
      "vinst på värdepapper",
      "sålde börsaktier måste jag betala skatt",
      "aktier sålda med förlust kan jag dra av",
    ],
    answer:
      "Vinst på sålda aktier är kapitalinkomst. Vinsten är försäljningspriset minus anskaffningsutgiften och kostnaderna, eller minus den presumtiva anskaffningsutgiften (20 % eller 40 % av priset).\n\nAnmäl försäljningarna i den förhandsifyllda skattedeklarationen i MinSkatt. En överlåtelseförlust kan dras av från överlåtelsevinster samma år och de fem följande åren.",
    links: [
      {
        label: "Försäljning av aktier",
        url: "https://www.vero.fi/sv/privatpersoner/egendom/aktier-och-fonder/",
      },
    ],
  },
  tests: {
    fi: [
      "myin osakkeita viime vuonna voitolla, miten se verotetaan",
      "osakkeiden myynnistä tuli voittoa verotus",
      "mistä lasken osakkeiden luovutusvoiton",
      "myin rahastoja voitolla onko veroa",
      "osakkeiden myyntitappio verotuksessa",
      "pääomatulovero osakkeiden myynnistä",
      "paljonko veroa osakkeiden myyntivoitosta",
      "myytyjen osakkeiden voitto veroilmoitus",
    ],
    sv: [
      "jag sålde aktier i fjol med vinst hur beskattas det",
      "vinst från aktieförsäljningen beskattning",
      "hur räknar jag överlåtelsevinsten på aktier",
      "sålde fonder med vinst blir det skatt",
      "förlust på aktieförsäljning i beskattningen",
      "kapitalinkomstskatt på aktieförsäljning",
      "hur mycket skatt på vinsten från sålda aktier",
      "vinst på sålda aktier skattedeklaration",
    ],
  },
};
