/**
 * CSV for spreadsheets, as the reports and the missed-question inbox export it. Written for
 * Excel in a Finnish or Swedish locale: UTF-8 with a byte order mark (so ä and ö survive),
 * semicolons between fields and decimal commas, CRLF line ends, RFC 4180 quoting. Pure.
 */

export const CSV_SEPARATOR = ";";
/** Excel reads a file as UTF-8 only when it starts with this. */
export const BOM = "\ufeff";

const NUMBER = /^-?\d+(,\d+)?$/;

/**
 * One field: quoted when it holds a separator, quote or line break; a text that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe. Numbers pass unchanged.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && !NUMBER.test(text) && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, one line per row, CRLF after every line. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(CSV_SEPARATOR)}\r\n`).join("");
}
