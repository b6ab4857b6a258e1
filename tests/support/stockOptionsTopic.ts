// A topic a content owner starts in the studio for a matter bot-content leaves out of scope:
// employee stock options. Its first sentences, "työsuhdeoptio" and "personaloption", are
// out-of-scope examples in bot-content/out-of-scope.yaml, so the topic can be saved only once
// they have left that list (a sentence teaches one place only). Nothing else here repeats a
// sentence of bot-content.

/** The out-of-scope examples the topic takes over, as bot-content/out-of-scope.yaml has them. */
export const STOCK_OPTION_SENTENCES = { fi: "työsuhdeoptio", sv: "personaloption" } as const;

export const stockOptionsTopic = {
  id: "stock-options",
  demo: true,
  fi: {
    title: "Työsuhdeoptiot",
    utterances: [
      STOCK_OPTION_SENTENCES.fi,
      "työsuhdeoption verotus",
      "miten työsuhdeoptiot verotetaan",
      "työnantajan antamat optiot ja vero",
      "optio-oikeuden käyttäminen ja vero",
      "milloin työsuhdeoptiosta maksetaan vero",
      "optioetu palkkana",
      "onko työsuhdeoptio ansiotuloa vai pääomatuloa",
      "osakkeiden merkintä optiolla työnantajalta",
      "optioiden toteutus ja verotus",
      "optiotulon ilmoittaminen veroilmoituksella",
      "saako työsuhdeoptiosta vähentää jotain",
      "työsuhdeoptio ja ennakonpidätys",
      "myin optiolla saamani osakkeet",
      "startupin optio-ohjelma ja vero",
      "ulkomaisen yhtiön optiot verotus",
      "työsuhdeoptioilla saatujen osakkeiden luovutusvoitto",
      "optio-ohjelma työntekijöille ja verot",
      "paljonko veroa menee optioista",
      "optioedusta veroa",
    ],
    answer:
      "Työsuhdeoptiosta saatu etu on palkkaa eli ansiotuloa. Se verotetaan sinä vuonna, kun käytät option, ja etu on osakkeen arvon ja merkintähinnan erotus.\n\nKun myöhemmin myyt osakkeet, myyntivoitto on pääomatuloa.",
  },
  sv: {
    title: "Personaloptioner",
    utterances: [
      STOCK_OPTION_SENTENCES.sv,
      "beskattning av personaloption",
      "hur beskattas personaloptioner",
      "optioner från arbetsgivaren och skatt",
      "när beskattas en personaloption",
      "optionsförmån som lön",
      "är personaloption förvärvsinkomst eller kapitalinkomst",
      "teckna aktier med option från arbetsgivaren",
      "utnyttja optioner och skatt",
      "deklarera optionsinkomst",
      "avdrag för personaloption",
      "personaloption och förskottsinnehållning",
      "sålde aktier jag fått med option",
      "startupens optionsprogram och skatt",
      "optioner i utländskt bolag beskattning",
      "vinst när optionsaktierna säljs",
      "optionsprogram för anställda och skatter",
      "hur mycket skatt blir det på optioner",
      "skatt på optionsförmån",
      "personaloptioner och skatten",
    ],
    answer:
      "Förmånen av en personaloption är lön, alltså förvärvsinkomst. Den beskattas det år du utnyttjar optionen, och förmånen är skillnaden mellan aktiens värde och teckningspriset.\n\nNär du senare säljer aktierna är vinsten kapitalinkomst.",
  },
};
