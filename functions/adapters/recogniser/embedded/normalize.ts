import type { Lang } from "../../../contracts/lang.ts";

/** Lower-cased, NFC text split into word tokens (letters and digits); punctuation dropped. */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const FOLDED = new Map<string, string>();

/** Removes diacritics (ä→a, ö→o, å→a, é→e) because customers often type without them. */
export function fold(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = word.normalize("NFD").replace(/\p{M}+/gu, "");
    if (FOLDED.size >= 50_000) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

// Spoken forms customers type in chat, mapped to the written form content owners use.
// Only forms that are unambiguous in a tax-service chat belong here.
const SPOKEN: Record<Lang, Record<string, string>> = {
  fi: {
    mä: "minä",
    mää: "minä",
    mie: "minä",
    sä: "sinä",
    mul: "minulla",
    mulla: "minulla",
    mulle: "minulle",
    multa: "minulta",
    mun: "minun",
    mua: "minua",
    sul: "sinulla",
    sulla: "sinulla",
    sun: "sinun",
    ois: "olisi",
    oisko: "olisiko",
    oiskohan: "olisikohan",
    millon: "milloin",
    millo: "milloin",
    mis: "missä",
    mist: "mistä",
    mihi: "mihin",
    miks: "miksi",
    paljo: "paljon",
    tarttee: "tarvitsee",
    tarviin: "tarvitsen",
    tartteeko: "tarvitseeko",
    tarviiko: "tarvitseeko",
    pitäis: "pitäisi",
    pitäiskö: "pitäisikö",
    vois: "voisi",
    voisko: "voisiko",
    voiks: "voiko",
    saisko: "saisiko",
    ootte: "olette",
    oon: "olen",
    kuitenki: "kuitenkin",
    tänää: "tänään",
    nää: "nämä",
    noi: "nuo",
    toi: "tuo",
    tää: "tämä",
    tommonen: "tuollainen",
    semmonen: "sellainen",
    mitäs: "mitä",
    moro: "moi",
    moikka: "moi",
    heippa: "hei",
    kiitti: "kiitos",
    kiitoksia: "kiitos",
    sulle: "sinulle",
    olis: "olisi",
    oliks: "olisiko",
    haluun: "haluan",
    haluisin: "haluaisin",
    tiiän: "tiedän",
    tiiä: "tiedä",
    sit: "sitten",
    ku: "kun",
    meil: "meillä",
    teil: "teillä",
    teiän: "teidän",
    meiän: "meidän",
    kaa: "kanssa",
    pitäs: "pitäisi",
    tarttis: "tarvitsisi",
    tarvis: "tarvitsisi",
    tuun: "tulen",
    meen: "menen",
    ny: "nyt",
    mites: "miten",
  },
  sv: {
    int: "inte",
    nån: "någon",
    nåt: "något",
    nåra: "några",
    mej: "mig",
    dej: "dig",
    sej: "sig",
    va: "vad",
    tackar: "tack",
    morjens: "hej",
    moi: "hej",
    tjena: "hej",
    sku: "skulle",
    fö: "för",
  },
};

/** Written form of a spoken-language token, or the token itself. */
export function writtenForm(token: string, lang: Lang): string {
  const mapped = SPOKEN[lang][token];
  if (mapped) return mapped;
  // Spoken Finnish shortens the question clitic: "onks" = "onko", "saaks" = "saako".
  if (lang === "fi" && token.length > 4 && token.endsWith("ks")) {
    const stem = token.slice(0, -2);
    return /[äöy]/.test(stem) ? `${stem}kö` : `${stem}ko`;
  }
  return token;
}
