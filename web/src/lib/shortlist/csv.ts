// CSV for the shortlist export (/shortlist.csv), written for the spreadsheet an official will
// open it in, which is most often Excel:
// - a UTF-8 byte order mark first, without which Excel reads the file as the local ANSI code
//   page and "Liège" or Arabic names come out garbled;
// - the field separator of the reader's locale: Excel splits on ";" where the decimal
//   separator is a comma (fr, de, it, nl, el, bg, sl) and on "," elsewhere;
// - RFC 4180 quoting (fields with the separator, quotes or line breaks in double quotes,
//   quotes doubled) and CRLF line ends;
// - a cell that starts with = + - @ or a tab is prefixed with an apostrophe, so a listing named
//   "=HYPERLINK(…)" stays text instead of running as a formula (OWASP "CSV injection"); so is
//   one where that sign hides behind spaces (LibreOffice can trim them on import) or a line
//   break, or is a full-width ＝ ＋ － ＠, which some spreadsheets read as the ASCII sign.

export const UTF8_BOM = '\uFEFF';

export type CsvSeparator = ',' | ';';

/** ";" for languages that write decimals with a comma (where Excel expects it), else ",". */
export function separatorFor(lang: string): CsvSeparator {
  const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

const FORMULA_START = /^[\s\u00a0\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

/** One cell, neutralised and quoted when needed. */
export function csvCell(value: string, separator: CsvSeparator): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, a header row, then one row per record, CRLF after every row. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  const line = (cells: readonly string[]) => `${cells.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`;
  return UTF8_BOM + line(header) + rows.map(line).join('');
}
