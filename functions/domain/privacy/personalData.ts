import { type PersonalDataKind, PLACEHOLDERS } from "./placeholders.ts";

export { type PersonalDataKind, PLACEHOLDERS, withoutPlaceholders } from "./placeholders.ts";

/**
 * Finding and masking personal data in free text (transcript messages, survey comments).
 *
 * Customers are told not to type personal data, and some do anyway. Before a message or a
 * comment is stored or shown in reports, every finding is replaced by a placeholder:
 *
 * | kind            | placeholder  | what is recognised                                      |
 * |-----------------|--------------|---------------------------------------------------------|
 * | `identity-code` | `[ID-CODE]`  | Finnish personal identity code (henkilötunnus), incl.   |
 * |                 |              | temporary codes (individual number 900-999)             |
 * | `iban`          | `[IBAN]`     | IBAN of any IBAN country, compact or in groups          |
 * | `phone`         | `[PHONE]`    | phone numbers in national (0…) or international form    |
 * | `email`         | `[EMAIL]`    | e-mail addresses                                         |
 *
 * Placeholders are language-neutral (the same in Finnish and Swedish chats), contain no
 * digits and no `@`, so masking already-masked text changes nothing.
 *
 * Rules, chosen so that ordinary numbers are left alone:
 * - Identity code: DDMMYY, century sign (`+` 1800s; `-` `Y` `X` `W` `V` `U` 1900s;
 *   `A`-`F` 2000s), individual number 002-999, check character. Only codes with a real
 *   calendar date (leap years included) and a correct check character are findings.
 *   Letters may be lower case; typographic hyphens (‐ ‑ – −) count as `-`.
 * - IBAN: known IBAN country code, that country's exact length (Finland 18), and the
 *   mod-97 check. Single spaces between characters are allowed (`FI21 1234 5600 0007 85`).
 * - Phone: a run of digit groups separated by single spaces, hyphens or parentheses that
 *   starts with `+`, `00` + country code, or a national `0` followed by a non-zero digit:
 *   - international: 8-15 digits after `+`/`00` (for +358: 5-12 digits after the country
 *     code, an optional `(0)` trunk prefix is ignored);
 *   - national: 8-11 digits, or 9-11 when written without separators.
 *   A run that does not start like a phone number is never masked, so amounts
 *   (`12 000 euroa`), years, reference numbers (`1 23456 78901 2`), business IDs
 *   (`1234567-8`), postcodes (`00100`), dates (`24.11.2026`), times (`9.00-16.00`) and
 *   percentages stay. The last group must have at least two digits (keeps Y-tunnus shapes
 *   like `0245458-3`). A group glued to a decimal point, date, time or letter is not part
 *   of a phone number, and neither is a run right after a code head of two letters and two
 *   digits (`RF71 0012 3456 7890`). A run may hold several numbers (`040 123 4567
 *   050 765 4321`) when each one starts with 0 (so a reference number that begins with 0 in
 *   a phone shape, `01234 56789 01234 5`, is partly masked); a number followed by other digits
 *   (`040 123 4567 2024`) or preceded by them (`12 040 123 4567`) is not split off and
 *   stays unmasked. The agency's own service numbers are phone numbers and are masked too:
 *   masking never hides anything the reports need.
 * - E-mail: local part of letters, digits and `._%+-`, domain of at least two labels with
 *   an alphabetic top-level domain. Sub-domains, plus-addressing and upper case are fine.
 *
 * Overlaps go to the first of e-mail, IBAN, identity code, phone. A finding's neighbours see
 * it as a boundary, as they will see its placeholder, so findings glued together
 * (`FI21…85,0401234567`) are all found and masking is idempotent.
 *
 * Plain TypeScript, no I/O, linear time (no backtracking-prone regular expressions).
 */

export interface Finding {
  kind: PersonalDataKind;
  /** Offset of the first character, in UTF-16 code units. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** The text as typed. */
  text: string;
}

export interface MaskResult {
  text: string;
  /** Kinds found, each once, in order of first appearance in the text. */
  kinds: PersonalDataKind[];
}

const ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

// ---------------------------------------------------------------------------------------
// Identity code (henkilötunnus)

const CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const TYPOGRAPHIC_HYPHENS = "\u2010\u2011\u2013\u2212";

function centuryOf(sign: string): number | undefined {
  if (sign === "+") return 1800;
  if (sign === "-" || TYPOGRAPHIC_HYPHENS.includes(sign) || "YXWVU".includes(sign)) return 1900;
  if ("ABCDEF".includes(sign)) return 2000;
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `code` is a Finnish personal identity code with a real date and a valid check character. */
export function isValidIdentityCode(code: string): boolean {
  const c = code.toUpperCase();
  if (c.length !== 11) return false;
  const date = c.slice(0, 6);
  const individual = c.slice(7, 10);
  if (!/^\d{6}$/.test(date) || !/^\d{3}$/.test(individual)) return false;
  const century = centuryOf(c.charAt(6));
  if (century === undefined) return false;
  const day = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const year = century + Number(date.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (Number(individual) < 2) return false;
  return CHECK_CHARS.charAt(Number(date + individual) % 31) === c.charAt(10);
}

/**
 * Whether `code` has an identity code's form with a real date, whatever its individual number
 * and check character: a mistyped code still names a person and their birth date.
 */
function hasIdentityCodeShape(code: string): boolean {
  const c = code.toUpperCase();
  const century = centuryOf(c.charAt(6));
  if (century === undefined || !/^\d{6}$/.test(c.slice(0, 6))) return false;
  const day = Number(c.slice(0, 2));
  const month = Number(c.slice(2, 4));
  const year = century + Number(c.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Letters may come right before the code ("on131052-308T"): the check character keeps
// ordinary codes out. Digits may not: the code would be the tail of a longer number.
const IDENTITY_CODE_CANDIDATE =
  /(?<!\p{N})\d{6}[-+A-FU-Ya-fu-y\u2010\u2011\u2013\u2212]\d{3}[0-9A-Za-z](?![\p{L}\p{N}])/gu;

function findIdentityCodes(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(IDENTITY_CODE_CANDIDATE)) {
    if (isValidIdentityCode(m[0])) {
      found.push({ kind: "identity-code", start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// IBAN

/** IBAN length per country (SWIFT IBAN registry). */
// biome-ignore format: a table reads better compact
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Remainder of the IBAN's rearranged numeric form modulo 97 (1 for a valid IBAN). */
export function ibanMod97(compact: string): number {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged.toUpperCase()) {
    const value = Number.parseInt(ch, 36);
    rest = value < 10 ? (rest * 10 + value) % 97 : (rest * 100 + value) % 97;
  }
  return rest;
}

/** Whether `iban` (spaces allowed) is an IBAN of a known country with a valid mod-97 check. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/[ \u00A0-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  return ibanMod97(compact) === 1;
}

// Groups apart by one or two spaces or a hyphen ("FI21-1234-5600-0007-85").
const IBAN_CANDIDATE =
  /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:(?:[ \u00A0]{1,2}|-)?[A-Za-z0-9]){11,30}/gu;

function findIbans(text: string): Finding[] {
  const found: Finding[] = [];
  IBAN_CANDIDATE.lastIndex = 0;
  for (let m = IBAN_CANDIDATE.exec(text); m !== null; m = IBAN_CANDIDATE.exec(text)) {
    const base = m.index;
    // The candidate may run on into the following words: try the prefix that ends at a
    // chunk boundary.
    const chunks = [...m[0].matchAll(/[A-Za-z0-9]+/g)].map((c) => ({
      text: c[0],
      end: base + c.index + c[0].length,
    }));
    // Only the prefix with the country's exact length can be valid.
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
    let accepted: Finding | undefined;
    let compact = "";
    for (const chunk of chunks) {
      compact += chunk.text;
      if (length === undefined || compact.length > length) break;
      if (compact.length === length) {
        if (!isAlnum(text[chunk.end]) && isValidIban(compact)) {
          accepted = {
            kind: "iban",
            start: base,
            end: chunk.end,
            text: text.slice(base, chunk.end),
          };
        }
        break;
      }
    }
    if (accepted) {
      found.push(accepted);
      IBAN_CANDIDATE.lastIndex = accepted.end;
    } else {
      IBAN_CANDIDATE.lastIndex = base + 1;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// E-mail

const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;

function findEmails(text: string): Finding[] {
  const found: Finding[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    while (start < at && text.charAt(start) === ".") start++;
    const local = text.slice(start, at);
    if (local === "" || local.endsWith(".") || local.includes("..")) continue;

    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN_CHAR.test(text.charAt(end))) end++;
    while (end > at + 1 && ".-".includes(text.charAt(end - 1))) end--;
    const labels = text.slice(at + 1, end).split(".");
    if (labels.length < 2) continue;
    if (labels.some((l) => l === "" || l.startsWith("-") || l.endsWith("-"))) continue;
    if (!/^\p{L}{2,}$/u.test(labels[labels.length - 1] ?? "")) continue;
    found.push({ kind: "email", start, end, text: text.slice(start, end) });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Phone numbers

/** A run of digits, spaces, hyphens and parentheses, not glued to a word or a decimal. */
const PHONE_RUN = /(?<![\p{L}\p{N}]|\d[.,:])(?:\+|\(\+?)?\d[\d \u00A0()\-\u2010\u2011\u2013]*/gu;
const PHONE_SEPARATOR =
  /^(?:[ \u00A0]|[ \u00A0]?[-\u2010\u2011\u2013][ \u00A0]?|[ \u00A0]?\(|\)[ \u00A0]?)$/u;

const MAX_PHONE_DIGITS = 17;

interface DigitGroup {
  digits: string;
  /** Absolute offsets in the text. */
  start: number;
  end: number;
  /** Separator text before this group (prefix such as "+" or "(" for the first group). */
  before: string;
}

function isPhoneNumber(prefix: string, groups: readonly DigitGroup[]): boolean {
  const last = groups[groups.length - 1];
  if (last === undefined) return false;
  if (groups.length > 1 && last.digits.length < 2) return false;
  let intl = prefix.includes("+");
  const parts: string[] = [];
  groups.forEach((g, i) => {
    const next = groups[i + 1];
    const isTrunkZero =
      intl && i > 0 && g.digits === "0" && g.before.endsWith("(") && next?.before.startsWith(")");
    if (!isTrunkZero) parts.push(g.digits);
  });
  let digits = parts.join("");
  if (!intl && digits.startsWith("00")) {
    intl = true;
    digits = digits.slice(2);
  }
  if (intl) {
    if (!/^[1-9]/.test(digits)) return false;
    if (digits.startsWith("358")) {
      let national = digits.slice(3);
      if (national.startsWith("0")) national = national.slice(1);
      return national.length >= 5 && national.length <= 12 && !national.startsWith("0");
    }
    return digits.length >= 8 && digits.length <= 15;
  }
  if (!/^0[1-9]/.test(digits)) return false;
  const min = groups.length === 1 ? 9 : 8;
  return digits.length >= min && digits.length <= 11;
}

/** The token (letters and digits) just before `start`, skipping one space, if any. */
function previousToken(text: string, start: number): { start: number; end: number } | undefined {
  let end = start;
  if (end > 0 && " \u00A0".includes(text.charAt(end - 1))) end--;
  let s = end;
  while (s > 0 && isAlnum(text.charAt(s - 1))) s--;
  return s < end ? { start: s, end } : undefined;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function findPhones(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    const runStart = m.index;
    // A number right after a code head like "RF71" or "FI02" continues a reference or an
    // account number ("RF71 0012 3456 7890").
    const prev = previousToken(text, runStart);
    if (prev && /^[A-Za-z]{2}\d{2}$/.test(text.slice(prev.start, prev.end))) continue;

    const groups: DigitGroup[] = [];
    let cursor = runStart;
    for (const g of m[0].matchAll(/\d+/g)) {
      const start = runStart + g.index;
      groups.push({
        digits: g[0],
        start,
        end: start + g[0].length,
        before: text.slice(cursor, start),
      });
      cursor = start + g[0].length;
    }
    // The last group is glued to a word, a decimal, a date or a time: not part of a number.
    const tail = groups[groups.length - 1];
    if (tail) {
      const after = text.charAt(tail.end);
      if (
        isAlnum(after) ||
        (".,:".includes(after) && after !== "" && isDigit(text[tail.end + 1]))
      ) {
        groups.pop();
      }
    }

    // Split the run at separators that do not belong inside a phone number.
    const segments: DigitGroup[][] = [];
    let segment: DigitGroup[] = [];
    for (const [i, g] of groups.entries()) {
      if (i > 0 && !PHONE_SEPARATOR.test(g.before)) {
        segments.push(segment);
        segment = [];
      }
      segment.push(g);
    }
    segments.push(segment);

    for (const [s, seg] of segments.entries()) {
      let i = 0;
      while (i < seg.length) {
        const first = seg[i];
        if (first === undefined) break;
        const prefix = s === 0 && i === 0 ? first.before : "";
        // No phone number has more than 17 digits (with the 00 prefix): start from the
        // longest span that fits, so long runs of groups stay linear.
        let longest = i;
        for (let digits = first.digits.length; longest + 1 < seg.length; longest++) {
          digits += seg[longest + 1]?.digits.length ?? 0;
          if (digits > MAX_PHONE_DIGITS) break;
        }
        let chosen = -1;
        for (let j = longest; j >= i; j--) {
          // Stop early only where another phone number could follow.
          const next = seg[j + 1];
          if (next !== undefined && !next.digits.startsWith("0")) continue;
          if (isPhoneNumber(prefix, seg.slice(i, j + 1))) {
            chosen = j;
            break;
          }
        }
        const last = seg[chosen];
        if (last === undefined) break;
        const start = first.start - prefix.length;
        found.push({ kind: "phone", start, end: last.end, text: text.slice(start, last.end) });
        i = chosen + 1;
      }
    }
  }
  return found;
}

/**
 * National numbers written with dots (`040.123.4567`, `09.123.4567`), which the runs above
 * leave alone so that dates and times stay. A date has at most eight digits (`01.02.2026`),
 * a phone number at least nine.
 */
const DOTTED_PHONE =
  /(?<![\p{L}\p{N}.,:+])0[1-9]\d{0,2}(?:\.\d{2,4}){2,3}(?![\p{L}\p{N}]|[.,:]\d)/gu;

function findDottedPhones(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(DOTTED_PHONE)) {
    const digits = m[0].replace(/\./g, "").length;
    if (digits >= 9 && digits <= 11) {
      found.push({ kind: "phone", start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// What people do to get past filters: invisible characters, full-width digits, "(at)"

/** The text the finders read, and for each of its code units the original span it stands for. */
interface Normalised {
  text: string;
  start: number[];
  end: number[];
}

// Zero-width space, non-joiner, joiner, word joiner, byte order mark, soft hyphen.
const INVISIBLE = new Set(["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"]);
// "matti(at)example.fi", "matti [at] example [dot] fi", Swedish "(snabel-a)", Finnish "(piste)".
const SPELLED_AT =
  /[ \u00A0]?[([{][ \u00A0]?(?:at|ät|a|snabel-a|miuku)[ \u00A0]?[)\]}][ \u00A0]?/iy;
const SPELLED_DOT = /[ \u00A0]?[([{][ \u00A0]?(?:dot|piste|punkt)[ \u00A0]?[)\]}][ \u00A0]?/iy;
/** Where a spelled-out "(at)" or "[dot]" can begin. */
const SPELLED_START = "([{ \u00A0";
/**
 * Any character `normalise` changes, drops, or may start a spelled-out form at (U+3000 and the
 * full-width forms U+FF01-FF5E are changed): text without one is its own normal form.
 */
const NEEDS_NORMALISING = new RegExp(
  `[${SPELLED_START}\u3000\uFF01-\uFF5E${[...INVISIBLE].join("")}]`,
);

function normalise(text: string): Normalised {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const emit = (ch: string, from: number, to: number) => {
    out.push(ch);
    start.push(from);
    end.push(to);
  };
  for (let i = 0; i < text.length; ) {
    const ch = text.charAt(i);
    if (SPELLED_START.includes(ch)) {
      const spelled = spelledAt(text, i);
      if (spelled) {
        emit(spelled.char, i, spelled.end);
        i = spelled.end;
        continue;
      }
    }
    const code = ch.charCodeAt(0);
    if (INVISIBLE.has(ch)) {
      i++;
      continue;
    }
    // Full-width forms (U+FF01-FF5E) of ASCII: "１３１０５２－３０８Ｔ".
    if (code >= 0xff01 && code <= 0xff5e) emit(String.fromCharCode(code - 0xfee0), i, i + 1);
    else if (code === 0x3000) emit(" ", i, i + 1);
    else emit(ch, i, i + 1);
    i++;
  }
  return { text: out.join(""), start, end };
}

function spelledAt(text: string, i: number): { char: string; end: number } | undefined {
  for (const [pattern, char] of [
    [SPELLED_AT, "@"],
    [SPELLED_DOT, "."],
  ] as const) {
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    // Only between two words: "(a)" alone is a list item, not an address.
    if (m && isAlnum(text[i - 1]) && isAlnum(text[i + m[0].length])) {
      return { char, end: i + m[0].length };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Public API

/** `text` with the findings' characters replaced by a non-alphanumeric filler (same offsets). */
function blankOut(text: string, findings: readonly Finding[]): string {
  let out = "";
  let cursor = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, f.start) + "\u0000".repeat(f.end - f.start);
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/**
 * Every kind of finding needs one of these: a digit (identity codes, IBANs, phone numbers;
 * full-width ones too), an at sign, or a bracket that may spell one ("matti(at)example.fi").
 * Most questions have none ("miten saan verokortin") and skip the scan, which runs on every
 * message the customer sends (masked at rest, and checked for the bot's warning).
 */
const MAY_HOLD_PERSONAL_DATA = /[0-9\uFF10-\uFF19@\uFF20([{]/;

/** All personal data in `text`, in text order, without overlaps. */
export function findPersonalData(text: string): Finding[] {
  if (!MAY_HOLD_PERSONAL_DATA.test(text)) return [];
  // Nothing to normalise (no space, bracket, invisible or full-width character, as in every
  // clientId): the text is its own normal form, and mapping each place back is identity.
  if (!NEEDS_NORMALISING.test(text)) return findInNormalised(text);
  const normalised = normalise(text);
  return findInNormalised(normalised.text).map((f) => {
    const start = normalised.start[f.start] ?? f.start;
    const end = normalised.end[f.end - 1] ?? f.end;
    return { ...f, start, end, text: text.slice(start, end) };
  });
}

function findInNormalised(text: string): Finding[] {
  const accepted: Finding[] = [];
  const accept = (candidates: readonly Finding[]) => {
    for (const c of candidates) {
      if (!accepted.some((a) => overlaps(a, c))) accepted.push(c);
    }
  };
  // A finding's neighbour sees it as a boundary, exactly as it will see the placeholder
  // after masking: scan again with the findings blanked out until nothing new turns up.
  // This is what makes masking idempotent ("tili FI21…85,0401234567" has two findings).
  let view = text;
  for (;;) {
    const before = accepted.length;
    // Priority on overlap: e-mail, IBAN, identity code, phone.
    accept(findEmails(view));
    accept(findIbans(view));
    accept(findIdentityCodes(view));
    accept(findDottedPhones(view));
    accept(findPhones(blankOut(view, accepted)));
    if (accepted.length === before) break;
    view = blankOut(text, accepted);
  }
  return accepted
    .map((f) => ({ ...f, text: text.slice(f.start, f.end) }))
    .sort((a, b) => a.start - b.start);
}

/** Whether `text` contains personal data; the bot uses this for its gentle warning. */
export function containsPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/** `text` with every finding replaced by its placeholder (see {@link PLACEHOLDERS}). */
export function maskPersonalData(text: string): MaskResult {
  const findings = findPersonalData(text);
  const kinds: PersonalDataKind[] = [];
  let out = "";
  let cursor = 0;
  for (const f of findings) {
    out += text.slice(cursor, f.start) + PLACEHOLDERS[f.kind];
    cursor = f.end;
    if (!kinds.includes(f.kind)) kinds.push(f.kind);
  }
  out += text.slice(cursor);
  return { text: out, kinds };
}

/**
 * Masking for texts kept outside the chat for other people to read (the missed-question
 * inbox and its CSV export): everything {@link maskPersonalData} masks, and also what has an
 * identity code's form with a real date but a wrong check character ("010190-123A"), which
 * transcripts keep because a mistyped code there is read in its conversation.
 */
export function maskPersonalDataStrictly(text: string): string {
  return maskPersonalData(text).text.replace(IDENTITY_CODE_CANDIDATE, (code) =>
    hasIdentityCodeShape(code) ? PLACEHOLDERS["identity-code"] : code,
  );
}
