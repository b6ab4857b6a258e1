import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsPersonalData,
  findPersonalData,
  IBAN_LENGTHS,
  ibanMod97,
  isValidIban,
  isValidIdentityCode,
  maskPersonalData,
  maskPersonalDataStrictly,
  PLACEHOLDERS,
  withoutPlaceholders,
} from "./personalData.ts";

const CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/** Builds a valid identity code from its parts (test helper, independent of the module). */
function hetu(ddmmyy: string, sign: string, individual: string): string {
  return ddmmyy + sign + individual + CHECK_CHARS.charAt(Number(ddmmyy + individual) % 31);
}

const masked = (text: string) => maskPersonalData(text).text;

describe("identity codes (henkilötunnus)", () => {
  const valid = [
    "131052-308T",
    "010594Y9021",
    "290204W4562",
    "311299V0029",
    "010101U999X",
    "150623A900F",
    "241180B789E",
    "291196C5558",
    "010400D234D",
    "050918E111P",
  ];

  it.each(valid)("masks %s", (code) => {
    expect(isValidIdentityCode(code)).toBe(true);
    expect(maskPersonalData(`Hetuni on ${code}.`)).toEqual({
      text: "Hetuni on [ID-CODE].",
      kinds: ["identity-code"],
    });
  });

  it.each([
    ["Finnish sentence", "Henkilötunnukseni on 131052-308T, voitteko tarkistaa?"],
    ["Swedish sentence", "Min personbeteckning är 131052-308T och jag undrar om skatten."],
    ["lower case check character", "hetu 131052-308t"],
    ["lower case century sign", "hetu 150623a900F"],
    ["in parentheses", "(131052-308T)"],
    ["after a colon", "hetu:131052-308T"],
    ["in quotes", '"131052-308T"'],
    ["typographic hyphen", "hetu 131052\u2013308T"],
    ["1800s", `syntynyt ${hetu("010199", "+", "123")}`],
    ["new 1900s sign Y", `tunnus ${hetu("241180", "Y", "345")}`],
    ["new 2000s sign F", `tunnus ${hetu("010123", "F", "345")}`],
    ["temporary code 900-999", `väliaikainen ${hetu("131052", "-", "987")}`],
    ["29 February in a leap year", `hetu ${hetu("290296", "-", "123")}`],
    ["29 February 2000", `hetu ${hetu("290200", "A", "123")}`],
    ["end of line", `hetu\n${hetu("311299", "-", "222")}\n`],
  ])("masks an identity code: %s", (_, text) => {
    const result = maskPersonalData(text);
    expect(result.kinds).toEqual(["identity-code"]);
    expect(result.text).toContain("[ID-CODE]");
    expect(result.text).not.toMatch(/\d{6}/);
  });

  it.each([
    ["wrong check character", "131052-308U"],
    ["wrong check digit", "010594Y9022"],
    ["31 February", hetu("310280", "-", "123")],
    ["30 February", hetu("300280", "-", "123")],
    ["29 February in a common year", hetu("290297", "-", "123")],
    ["29 February 1900", hetu("290200", "-", "123")],
    ["31 April", hetu("310480", "-", "123")],
    ["month 13", hetu("011380", "-", "123")],
    ["day 00", hetu("000180", "-", "123")],
    ["individual number 001", hetu("131052", "-", "001")],
    ["individual number 000", hetu("131052", "-", "000")],
    ["unknown century sign", "131052G308T"],
    ["glued to digits", `${hetu("131052", "-", "308")}9`],
    ["11-digit plain number", "13105230811"],
    ["12-digit plain number", "131052308111"],
  ])("leaves a near miss alone: %s", (_, code) => {
    const text = `Numero ${code} ei ole hetu.`;
    expect(findPersonalData(text).filter((f) => f.kind === "identity-code")).toEqual([]);
    expect(masked(text)).toBe(text);
  });

  it("validates by calendar and checksum only", () => {
    expect(isValidIdentityCode("131052-308T")).toBe(true);
    expect(isValidIdentityCode(" 131052-308T")).toBe(false);
    expect(isValidIdentityCode("131052-308")).toBe(false);
  });
});

describe("IBANs", () => {
  const valid = [
    "FI21 1234 5600 0007 85",
    "FI2112345600000785",
    "fi21 1234 5600 0007 85",
    "FI10 8000 1234 5678 90",
    "SE45 5000 0000 0583 9825 7466",
    "DE89 3704 0044 0532 0130 00",
    "NO93 8601 1117 947",
    "GB29 NWBK 6016 1331 9268 19",
    "EE38 2200 2210 2014 5685",
    "FR14 2004 1010 0505 0001 3M02 606",
  ];

  it.each(valid)("masks %s", (iban) => {
    expect(isValidIban(iban)).toBe(true);
    expect(maskPersonalData(`Tilinumeroni on ${iban}, kiitos.`)).toEqual({
      text: "Tilinumeroni on [IBAN], kiitos.",
      kinds: ["iban"],
    });
  });

  it.each([
    [
      "Swedish sentence",
      "Mitt kontonummer är FI21 1234 5600 0007 85 och jag väntar på återbäring.",
    ],
    ["followed by a word", "FI21 1234 5600 0007 85 kiitoksia paljon"],
    ["followed by a 4-letter word", "SE45 5000 0000 0583 9825 7466 kiitos"],
    ["compact, then a word", "FI2112345600000785 ok"],
    ["after a colon", "Tili:FI21 1234 5600 0007 85."],
    ["irregular grouping", "FI21 12345600000785"],
    ["non-breaking spaces", "FI21\u00A01234\u00A05600\u00A00007\u00A085"],
    ["after a non-IBAN code", "ab12 FI21 1234 5600 0007 85"],
  ])("masks an IBAN: %s", (_, text) => {
    const result = maskPersonalData(text);
    expect(result.kinds).toEqual(["iban"]);
    expect(result.text).not.toMatch(/1234|5600/);
  });

  it("keeps the words after the IBAN", () => {
    expect(masked("FI21 1234 5600 0007 85 kiitoksia paljon")).toBe("[IBAN] kiitoksia paljon");
    expect(masked("SE45 5000 0000 0583 9825 7466 kiitos")).toBe("[IBAN] kiitos");
  });

  it.each([
    ["wrong check digits", "FI22 1234 5600 0007 85"],
    ["one digit changed", "FI21 1234 5600 0007 86"],
    ["Finnish IBAN one digit short", "FI21 1234 5600 0007 8"],
    ["unknown country", "ZZ21 1234 5600 0007 85"],
    ["RF creditor reference", "RF18 5390 0754 7034"],
    ["glued to a word", "xFI21 1234 5600 0007 85"],
  ])("leaves a near miss alone: %s", (_, text) => {
    expect(findPersonalData(text).filter((f) => f.kind === "iban")).toEqual([]);
  });

  it("computes mod 97 over the rearranged IBAN", () => {
    expect(ibanMod97("FI2112345600000785")).toBe(1);
    expect(ibanMod97("GB29NWBK60161331926819")).toBe(1);
  });
});

describe("phone numbers", () => {
  it.each([
    "040 123 4567",
    "0401234567",
    "050-123 4567",
    "050 1234567",
    "044-1234567",
    "0400 123 456",
    "09 1234 567",
    "09 123 4567",
    "(09) 123 4567",
    "029 497 000",
    "0800 123 456",
    "+358 40 123 4567",
    "+358401234567",
    "+358-40-1234567",
    "+358 (0)40 123 4567",
    "+358 9 1234 567",
    "00358 40 1234567",
    "00 358 40 123 4567",
    "+46 70 123 45 67",
    "070-123 45 67",
    "+44 20 7946 0958",
  ])("masks %s", (phone) => {
    expect(maskPersonalData(`Soittakaa numeroon ${phone}, kiitos.`)).toEqual({
      text: "Soittakaa numeroon [PHONE], kiitos.",
      kinds: ["phone"],
    });
  });

  it.each([
    [
      "Swedish sentence",
      "Ring mig på 040 123 4567 efter klockan 16.",
      "Ring mig på [PHONE] efter klockan 16.",
    ],
    ["end of sentence", "Numeroni on 0401234567.", "Numeroni on [PHONE]."],
    ["after a label", "puh. 09 123 4567", "puh. [PHONE]"],
    ["after a colon", "Tel:+358401234567", "Tel:[PHONE]"],
    ["two numbers with a comma", "040 123 4567, 050 765 4321", "[PHONE], [PHONE]"],
    ["two numbers with a space", "040 123 4567 050 765 4321", "[PHONE] [PHONE]"],
    ["before a postcode", "040 123 4567 00100 Helsinki", "[PHONE] 00100 Helsinki"],
    ["followed by a date", "Soita 040 123 4567 24.11. klo 10", "Soita [PHONE] 24.11. klo 10"],
    ["in parentheses", "(puh. 040 123 4567)", "(puh. [PHONE])"],
  ])("masks a phone number: %s", (_, text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it("documents the limits of the phone rule", () => {
    // A number run that begins with 0 in a phone shape is a phone number, even in a reference.
    expect(masked("Viite 01234 56789 01234 5")).toBe("Viite [PHONE] 01234 5");
    // Other digits right after a phone number keep the run whole and unmasked.
    expect(masked("puh 040 123 4567 2024")).toBe("puh 040 123 4567 2024");
  });

  it.each([
    ["year", "Verovuosi 2024 ja 2025."],
    ["amount with decimals", "Maksoin 1 234,56 € veroa."],
    ["amount in euros", "Jäännösvero oli 12 000 euroa."],
    ["big amount", "Perintö oli 1 250 000 euroa."],
    ["small amount", "Maksu 0,50 € ja 0 000 €."],
    ["date", "Eräpäivä on 24.11.2026."],
    ["date with leading zeros", "Eräpäivä on 01.01.2026 tai 05.02.2027."],
    ["short date", "Voimassa 1.1. alkaen."],
    ["times", "Palvelemme klo 9.00-16.00 ja 09.00–16.15."],
    ["time with a colon", "Kello 09:00 tai 16:00."],
    ["reference number", "Viitenumero 1 23456 78901 2."],
    ["reference number without spaces", "Viite 12345678901234."],
    ["RF creditor reference", "Viite RF71 0012 3456 7890."],
    ["business ID", "Y-tunnus 1234567-8."],
    ["business ID starting with 0", "Y-tunnus 0245458-3."],
    ["tax percentage", "Veroprosentti on 23,5 % ja lisäprosentti 0,5 %."],
    ["postcode", "Osoite PL 325, 00052 VERO tai 00100 Helsinki."],
    ["11-digit plain number", "Numero 12345678901 ei ole puhelin."],
    ["short number starting with 0", "Koodi 012345."],
    ["compact 8 digits starting with 0", "Tunniste 01012024."],
    ["range of years", "Vuosina 2019-2024."],
    ["Swedish amount", "Jag betalade 1 500,00 euro den 15.3.2025."],
    ["invalid hetu is not a phone", "010190-123X"],
  ])("leaves a near miss alone: %s", (_, text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(masked(text)).toBe(text);
  });
});

describe("e-mail addresses", () => {
  it.each([
    "matti.meikalainen@example.fi",
    "MATTI.MEIKALAINEN@EXAMPLE.FI",
    "matti+vero@gmail.com",
    "anna-liisa_virtanen@posti.example.co.uk",
    "a@b.fi",
    "etunimi.sukunimi@vero.fi",
    "maija.mäkinen@yritys.fi",
    "0401234567@sms.example.com",
  ])("masks %s", (email) => {
    expect(maskPersonalData(`Sähköpostini on ${email}.`)).toEqual({
      text: "Sähköpostini on [EMAIL].",
      kinds: ["email"],
    });
  });

  it.each([
    [
      "Swedish sentence",
      "Min e-post är anna.andersson@example.se, tack.",
      "Min e-post är [EMAIL], tack.",
    ],
    ["in angle brackets", "<matti@example.fi>", "<[EMAIL]>"],
    ["mailto", "mailto:matti@example.fi", "mailto:[EMAIL]"],
    ["after an ellipsis", "...matti@example.fi...", "...[EMAIL]..."],
  ])("masks an address: %s", (_, text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it.each([
    ["no domain dot", "matti@localhost"],
    ["handle", "@vero ja @matti"],
    ["numeric top-level domain", "x@1.2"],
    ["empty local part", "@example.fi"],
    ["double dot", "matti..m@example.fi"],
  ])("leaves a near miss alone: %s", (_, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("mixed messages", () => {
  it("masks several kinds and reports them in order of appearance", () => {
    const text =
      "Hei! Olen Matti, hetu 131052-308T. Palautus tilille FI21 1234 5600 0007 85. " +
      "Tavoittaa numerosta +358 40 123 4567 tai matti@example.fi. Verovuosi 2024, summa 1 234,56 €.";
    expect(maskPersonalData(text)).toEqual({
      text:
        "Hei! Olen Matti, hetu [ID-CODE]. Palautus tilille [IBAN]. " +
        "Tavoittaa numerosta [PHONE] tai [EMAIL]. Verovuosi 2024, summa 1 234,56 €.",
      kinds: ["identity-code", "iban", "phone", "email"],
    });
  });

  it("masks a Swedish message", () => {
    const text =
      "Hej, mitt personnummer är 010594Y9021 och mitt telefonnummer 070-123 45 67. " +
      "Skicka svaret till anna@example.se. Förfallodag 24.11.2026, referens 1 23456 78901 2.";
    expect(maskPersonalData(text)).toEqual({
      text:
        "Hej, mitt personnummer är [ID-CODE] och mitt telefonnummer [PHONE]. " +
        "Skicka svaret till [EMAIL]. Förfallodag 24.11.2026, referens 1 23456 78901 2.",
      kinds: ["identity-code", "phone", "email"],
    });
  });

  it("reports findings with offsets into the original text", () => {
    const text = "hetu 131052-308T puh 0401234567";
    expect(findPersonalData(text)).toEqual([
      { kind: "identity-code", start: 5, end: 16, text: "131052-308T" },
      { kind: "phone", start: 21, end: 31, text: "0401234567" },
    ]);
  });

  it("lets a phone number follow an identity code or IBAN", () => {
    expect(masked("131052-308T 040 123 4567")).toBe("[ID-CODE] [PHONE]");
    expect(masked("FI21 1234 5600 0007 85 040 123 4567")).toBe("[IBAN] [PHONE]");
  });

  it.each([
    ["IBAN, comma, phone", "tili FI2112345600000785,0401234567", "tili [IBAN],[PHONE]"],
    ["two phones glued by +", "0401234567+358401234567", "[PHONE][PHONE]"],
    ["e-mail glued to a phone", "matti@example.fi+358401234567", "[EMAIL][PHONE]"],
    ["identity code, slash, phone", "131052-308T/0401234567", "[ID-CODE]/[PHONE]"],
  ])("masks findings glued together: %s", (_, text, expected) => {
    const once = masked(text);
    expect(once).toBe(expected);
    expect(masked(once)).toBe(once);
  });

  it("leaves text without personal data untouched", () => {
    const text =
      "Miten teen veroilmoituksen? Vastaan parhaiten, kun kysyt yhden kysymyksen kerrallaan.";
    expect(maskPersonalData(text)).toEqual({ text, kinds: [] });
    expect(maskPersonalData("")).toEqual({ text: "", kinds: [] });
  });

  it("is idempotent", () => {
    const texts = [
      "hetu 131052-308T, tili FI21 1234 5600 0007 85, puh (09) 123 4567, matti@example.fi",
      "Ring 070-123 45 67 eller +46 70 123 45 67.",
      Object.values(PLACEHOLDERS).join(" "),
    ];
    for (const text of texts) {
      const once = masked(text);
      expect(masked(once)).toBe(once);
      expect(findPersonalData(once)).toEqual([]);
    }
  });

  it("tells the bot whether to warn", () => {
    expect(containsPersonalData("Tilini on FI2112345600000785")).toBe(true);
    expect(containsPersonalData("Soita 040 123 4567")).toBe(true);
    expect(containsPersonalData("Maksoin 12 000 euroa 24.11.2026")).toBe(false);
    expect(containsPersonalData("131052-308U")).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

const pad2 = (n: number) => String(n).padStart(2, "0");

const validHetu = fc
  .record({
    date: fc.date({
      min: new Date("1850-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    individual: fc.integer({ min: 2, max: 999 }),
    sign: fc.integer({ min: 0, max: 5 }),
    lower: fc.boolean(),
  })
  .map(({ date, individual, sign, lower }) => {
    const year = date.getUTCFullYear();
    const signs = year < 1900 ? "+" : year < 2000 ? "-YXWVU" : "ABCDEF";
    const ddmmyy = pad2(date.getUTCDate()) + pad2(date.getUTCMonth() + 1) + pad2(year % 100);
    const code = hetu(
      ddmmyy,
      signs.charAt(sign % signs.length),
      String(individual).padStart(3, "0"),
    );
    return lower ? code.toLowerCase() : code;
  });

const validIban = fc
  .record({
    country: fc.constantFrom(...Object.keys(IBAN_LENGTHS)),
    bban: fc.stringMatching(/^[0-9A-Z]{30}$/),
    spaced: fc.boolean(),
  })
  .map(({ country, bban, spaced }) => {
    const body = bban.slice(0, (IBAN_LENGTHS[country] ?? 0) - 4);
    const check = pad2(98 - ibanMod97(`${country}00${body}`));
    const compact = `${country}${check}${body}`;
    return spaced ? (compact.match(/.{1,4}/g) ?? []).join(" ") : compact;
  });

const validEmail = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}[a-z0-9]$/),
    fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/),
    fc.constantFrom("fi", "se", "com", "org", "co.uk", "example.fi"),
    fc.boolean(),
  )
  .filter(([local]) => !local.includes(".."))
  .map(([local, domain, tld, upper]) => {
    const email = `${local}@${domain}.${tld}`;
    return upper ? email.toUpperCase() : email;
  });

/** Text that cannot glue onto an embedded value: words, spaces and sentence punctuation. */
const prose = fc
  .array(
    fc.constantFrom(
      "hei",
      "Hej",
      "veroilmoitus",
      "skatt",
      "ja",
      "och",
      " ",
      ", ",
      ". ",
      "? ",
      "\n",
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(" "));

describe("properties", () => {
  it("masks any valid identity code, IBAN or e-mail embedded in text", () => {
    fc.assert(
      fc.property(
        prose,
        fc.oneof(validHetu, validIban, validEmail),
        prose,
        (before, value, after) => {
          const text = `${before} ${value} ${after}`;
          const result = maskPersonalData(text);
          expect(result.text).not.toContain(value);
          expect(result.kinds.length).toBeGreaterThan(0);
          expect(containsPersonalData(text)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("generated identity codes validate and are found whole", () => {
    fc.assert(
      fc.property(validHetu, (code) => {
        expect(isValidIdentityCode(code)).toBe(true);
        expect(findPersonalData(`(${code})`)).toEqual([
          { kind: "identity-code", start: 1, end: 12, text: code },
        ]);
      }),
    );
  });

  it("generated IBANs validate", () => {
    fc.assert(
      fc.property(validIban, (iban) => {
        expect(isValidIban(iban)).toBe(true);
      }),
    );
  });

  it("findings in digits-and-punctuation noise always validate", () => {
    const noise = fc
      .array(fc.constantFrom(..."0123456789-+ABCDEFUVWXYabcxy .,:()/€%\n"), { maxLength: 200 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(noise, (text) => {
        for (const f of findPersonalData(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          if (f.kind === "identity-code") expect(isValidIdentityCode(f.text)).toBe(true);
          if (f.kind === "iban") expect(isValidIban(f.text)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("a changed check character is never masked as an identity code", () => {
    fc.assert(
      fc.property(validHetu, fc.constantFrom(...CHECK_CHARS), (code, other) => {
        fc.pre(code.charAt(10).toUpperCase() !== other);
        const broken = code.slice(0, 10) + other;
        expect(
          findPersonalData(`hetu ${broken}`).filter((f) => f.kind === "identity-code"),
        ).toEqual([]);
      }),
    );
  });

  it("findings never overlap, and masking is idempotent", () => {
    const piece = fc.oneof(
      validHetu,
      validIban,
      validEmail,
      fc.constantFrom(
        "040 123 4567",
        "+358401234567",
        "(09) 123 4567",
        "2024",
        "12 000 €",
        "24.11.2026",
      ),
      prose,
      fc.constantFrom(" ", ", ", ". ", "-", "(", ")", "+", ",", ".", "0", "1", "x", "@"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        const findings = findPersonalData(text);
        for (let i = 1; i < findings.length; i++) {
          expect(findings[i]?.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
        }
        const once = masked(text);
        expect(masked(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("finds the same in text with nothing to normalise (a clientId) as through the normalising scan", () => {
    // A zero-width space at the end sends the text through `normalise`, which drops it and
    // maps every place back; without it the text is scanned as it is.
    const glued = fc
      .array(
        fc.oneof(
          validHetu,
          validEmail,
          fc.uuid(),
          fc.constantFrom("+358401234567", "0401234567", "FI2112345600000785", "040.123.4567"),
          fc.constantFrom(..."0123456789-+.,:/@_abcdefxyFIAUVWXY"),
        ),
        { maxLength: 10 },
      )
      .map((parts) => parts.join(""))
      .filter((text) => !/[\s([{]/.test(text));
    fc.assert(
      fc.property(glued, (text) => {
        expect(findPersonalData(text)).toEqual(findPersonalData(`${text}\u200B`));
      }),
      { numRuns: 2000 },
    );
  });

  it("masking is idempotent on arbitrary digit-heavy text", () => {
    const chars = fc.constantFrom(..."0123456789+-() .,:@xFIRSEfi\u00A0");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), (parts) => {
        const once = masked(parts.join(""));
        expect(masked(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("performance guard", () => {
  it("masks 2,000-character messages quickly, also adversarial ones", () => {
    const realistic = (
      "Hei, hetuni on 131052-308T ja tilini FI21 1234 5600 0007 85. Soita 040 123 4567 tai " +
      "kirjoita matti.meikalainen@example.fi. Maksoin 1 234,56 € 24.11.2026 klo 9.00-16.00. "
    )
      .repeat(20)
      .slice(0, 2000);
    const adversarial = [
      "0 ".repeat(1000),
      "1".repeat(2000),
      "a.".repeat(1000),
      "a@".repeat(1000),
      "FI21 ".repeat(400),
      "(".repeat(2000),
      "0-".repeat(1000),
      "00 ".repeat(666),
      "040 ".repeat(500),
      "AB12".repeat(500),
    ];
    const inputs = [realistic, ...adversarial];
    for (const input of inputs) maskPersonalData(input); // warm up
    const rounds = 50;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const input of inputs) maskPersonalData(input);
    const perMessage = (performance.now() - started) / (rounds * inputs.length);
    // Typically well under 1 ms; the bound is generous so slow CI machines do not flake.
    expect(perMessage).toBeLessThan(20);
  });
});

describe("strict masking for texts others read (the missed-question inbox)", () => {
  it("also masks an identity code with a wrong check character, and what the usual masking masks", () => {
    expect(maskPersonalDataStrictly("hetu 010190-123A ja 010190-123M")).toBe(
      "hetu [ID-CODE] ja [ID-CODE]",
    );
    expect(maskPersonalDataStrictly("soita 040 123 4567 tai maija@example.fi")).toBe(
      "soita [PHONE] tai [EMAIL]",
    );
  });

  it("leaves numbers alone that are no date", () => {
    expect(maskPersonalDataStrictly("viite 999999-1234 ja 2024")).toBe("viite 999999-1234 ja 2024");
  });
});

describe("a masked text as a sentence to learn from", () => {
  it("drops every placeholder and the space it leaves, and nothing else", () => {
    const masked = maskPersonalDataStrictly(
      "nettisivut ei lataudu, hetuni on 131052-308T ja puh 040 123 4567, maija@example.fi",
    );
    expect(withoutPlaceholders(masked)).toBe("nettisivut ei lataudu, hetuni on ja puh ,");
    expect(withoutPlaceholders("[IBAN] [EMAIL] verokortti [x]")).toBe("verokortti [x]");
  });
});

describe("what people do to get personal data past a filter", () => {
  it.each([
    ["identity code glued to a word", "hetuni on131052-308T", "hetuni on[ID-CODE]"],
    ["identity code with a zero-width space", "hetu 131052\u200B-308T.", "hetu [ID-CODE]."],
    [
      "identity code in full-width characters",
      "hetu １３１０５２－３０８Ｔ kiitos",
      "hetu [ID-CODE] kiitos",
    ],
    ["IBAN with hyphens", "tili FI21-1234-5600-0007-85 kiitos", "tili [IBAN] kiitos"],
    ["IBAN with double spaces", "tili FI21  1234  5600  0007  85.", "tili [IBAN]."],
    ["phone number with dots", "soita 040.123.4567 kiitos", "soita [PHONE] kiitos"],
    ["e-mail with (at)", "matti(at)example.fi vastaa", "[EMAIL] vastaa"],
    ["e-mail with [at] and [dot]", "matti [at] example [dot] fi", "[EMAIL]"],
    // No ASCII digit or at sign: the quick check before the scan must still let these in.
    ["e-mail with a full-width at sign", "matti＠example.fi vastaa", "[EMAIL] vastaa"],
    ["e-mail with {at}", "matti{at}example.fi", "[EMAIL]"],
  ])("masks %s", (_, text, expected) => {
    expect(masked(text)).toBe(expected);
    expect(masked(masked(text))).toBe(expected);
  });

  it.each([
    ["a date with dots", "Eräpäivä on 01.02.2026."],
    ["a time range", "klo 09.00-16.00"],
    ["digits before the identity code", `numero 9${hetu("131052", "-", "308")}`],
    ["a list item", "vaihtoehto (a) tai (b)"],
    ["full-width ordinary number", "summa １２３ euroa"],
  ])("leaves alone %s", (_, text) => {
    expect(masked(text)).toBe(text);
  });
});
