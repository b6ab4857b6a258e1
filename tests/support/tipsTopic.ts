// A topic a content owner starts from a group of inbox questions: tips (juomarahat / dricks).
// bot-content has no such topic and the live bot answers "Onko tippi veronalaista tuloa?" with
// no topic at all (a plain miss, kept by the inbox), so tests can teach it and see the bot
// answer it once the topic is live. Nothing here repeats a sentence of bot-content.

/** The customer's question the topic is started from; the live bot has no answer to it. */
export const TIP_QUESTION_FI = "Onko tippi veronalaista tuloa?";

export const tipsTopic = {
  id: "tips",
  demo: true,
  fi: {
    title: "Juomarahat",
    utterances: [
      "juomaraha",
      "juomarahan verotus",
      "pitääkö tipeistä maksaa veroa",
      "tippi ravintolassa ja vero",
      "tarjoilija sai tippiä",
      "ilmoitetaanko juomarahat veroilmoituksella",
      "onko juomaraha verotonta",
      "tipit kassasta ja verotus",
      "asiakkaan antama tippi",
      "kampaaja saa juomarahaa",
      "taksikuski tipit vero",
      "tippien ilmoittaminen",
      "juomarahat palkkana",
      "tipit kortilla ja vero",
      "paljonko tipeistä menee veroa",
      "juomarahat ja ennakonpidätys",
      "tippipurkki ja verot",
      "tipit jaetaan työntekijöille",
      "juomarahatulot",
      "saako tipin pitää verottomana",
    ],
    answer:
      "Juomaraha eli tippi on veronalaista ansiotuloa. Kun työnantaja maksaa tipit palkan mukana, se toimittaa niistä ennakonpidätyksen. Asiakkaalta suoraan saadut tipit ilmoitat itse veroilmoituksella.",
    links: [
      { label: "Palkka ja muu ansiotulo (vero.fi)", url: "https://www.vero.fi/henkiloasiakkaat/" },
    ],
  },
  sv: {
    title: "Dricks",
    utterances: [
      "dricks",
      "beskattning av dricks",
      "ska man betala skatt på dricks",
      "dricks på restaurang och skatt",
      "servitören fick dricks",
      "ska dricks deklareras",
      "är dricks skattefri",
      "dricks från kassan och beskattning",
      "dricks från kunden",
      "frisören får dricks",
      "taxichaufför dricks skatt",
      "anmäla dricks",
      "dricks som lön",
      "dricks med kort och skatt",
      "hur mycket skatt på dricks",
      "dricks och förskottsinnehållning",
      "dricksburk och skatter",
      "dricksen delas mellan anställda",
      "inkomster av dricks",
      "får man behålla dricksen skattefritt",
    ],
    answer:
      "Dricks är skattepliktig förvärvsinkomst. När arbetsgivaren betalar ut dricksen med lönen gör den förskottsinnehållning på den. Dricks du får direkt av kunden deklarerar du själv.",
    links: [
      {
        label: "Lön och annan förvärvsinkomst (vero.fi)",
        url: "https://www.vero.fi/sv/privatpersoner/",
      },
    ],
  },
  tests: {
    fi: [
      "sain paljon tippiä kesätyössä, pitääkö se ilmoittaa",
      "verotetaanko tarjoilijan tipit",
      "mitä teen asiakkailta saaduille juomarahoille",
      "tipit ja verotus",
      "onko tipistä maksettava veroa",
      "juomarahan ilmoittaminen verottajalle",
      "ravintolan tippien verotus",
      "tippi kuuluu palkkaan",
    ],
    sv: [
      "jag fick mycket dricks i sommarjobbet, ska det deklareras",
      "beskattas servitörens dricks",
      "vad gör jag med dricks från kunder",
      "dricks och beskattning",
      "måste man betala skatt på dricksen",
      "anmäla dricks till skatteförvaltningen",
      "restaurangens dricks beskattning",
      "dricksen hör till lönen",
    ],
  },
};
