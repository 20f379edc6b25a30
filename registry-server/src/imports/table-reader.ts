// Reads an uploaded or fetched spreadsheet into a table of text cells: CSV (comma, semicolon or
// tab separated, with or without a byte-order mark, quoted cells with separators and line breaks
// inside) through csv-parse, XLSX through read-excel-file (ADR 0047). Every cell comes out as
// text, exactly as written: a cell "=cmd|' /C calc'!A0" stays that text and is never evaluated
// (an XLSX formula cell gives its last computed value, never the formula).
import { parse } from 'csv-parse/sync';
import { sourceRefused } from './import-errors.ts';

export interface ImportTable {
  headers: string[];
  /** Data rows, each as long as `headers` (missing cells are ""). */
  rows: string[][];
}

export const TABLE_LIMITS = {
  /** Largest file read (bytes). */
  maxBytes: 4 * 1024 * 1024,
  /** Most data rows in one import. */
  maxRows: 5000,
  /** Most columns. */
  maxColumns: 200,
  /** Largest cell (characters): longer than any text a record field takes. */
  maxCellChars: 20_000,
  /** Largest total size of an XLSX's unpacked parts: a small zip can unpack to gigabytes. */
  maxUnpackedBytes: 64 * 1024 * 1024,
};

export type TableFormat = 'csv' | 'xlsx';

/** Which format bytes are in: an XLSX is a zip (starts "PK"); anything else is read as CSV text. */
export function tableFormatOf(bytes: Uint8Array): TableFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv';
}

export async function readTable(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.byteLength === 0)
    throw sourceRefused('The file is empty. Choose a CSV or XLSX file with a header row and one row per initiative.');
  if (bytes.byteLength > TABLE_LIMITS.maxBytes)
    throw sourceRefused(
      `The file is ${Math.ceil(bytes.byteLength / 1024)} KB; imports take files up to ${TABLE_LIMITS.maxBytes / 1024 / 1024} MB. Split it into several files.`,
    );
  const cells = tableFormatOf(bytes) === 'xlsx' ? await xlsxCells(bytes) : csvCells(bytes);
  return tableOf(cells);
}

function csvCells(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Spreadsheets saved "as CSV" on Windows are often Windows-1252, not UTF-8.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  try {
    return parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      // A quote inside an unquoted cell (=HYPERLINK("…") typed in a sheet saved by hand) is text, not an error.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: TABLE_LIMITS.maxCellChars * 4,
    }) as string[][];
  } catch (error) {
    throw sourceRefused(
      `The CSV file could not be read: ${(error as Error).message}. Check that quotes are closed, or save it again from the spreadsheet as "CSV UTF-8".`,
    );
  }
}

/**
 * The separator of the header line: the most frequent of ";", "," and tab outside quotes
 * (European spreadsheets write ";" where the decimal mark is a comma). csv-parse's own
 * discovery scores letters too, and took "a" for the separator of a one-column file.
 */
function delimiterOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

async function xlsxCells(bytes: Uint8Array): Promise<string[][]> {
  // Loaded with the first spreadsheet: imports are rare, and every node would carry their code.
  const [{ unzipSync }, { readSheet }] = await Promise.all([import('fflate'), import('read-excel-file/node')]);
  let unpacked = 0;
  try {
    // Only the sizes the zip declares are read here (nothing is inflated): a zip bomb is refused before read-excel-file unpacks it.
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw sourceRefused(`The XLSX file could not be opened (${(error as Error).message}). Save it again from the spreadsheet, or as CSV.`);
  }
  if (unpacked > TABLE_LIMITS.maxUnpackedBytes)
    throw sourceRefused(
      `The XLSX file unpacks to more than ${TABLE_LIMITS.maxUnpackedBytes / 1024 / 1024} MB. Save it as CSV, or split it.`,
    );
  try {
    const data = await readSheet(Buffer.from(bytes));
    return data.map((row) => row.map(cellText));
  } catch (error) {
    throw sourceRefused(`The XLSX file could not be read (${(error as Error).message}). Save it again from the spreadsheet, or as CSV.`);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function tableOf(cells: string[][]): ImportTable {
  const nonEmpty = cells.filter((row) => row.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw sourceRefused('The file has no rows. The first row must name the columns (name, city, country …).');
  if (header.length > TABLE_LIMITS.maxColumns)
    throw sourceRefused(
      `The file has ${header.length} columns; imports read up to ${TABLE_LIMITS.maxColumns}. Remove the columns you do not import.`,
    );
  if (rows.length === 0) throw sourceRefused('The file has a header row but no data rows: add one row per initiative.');
  if (rows.length > TABLE_LIMITS.maxRows)
    throw sourceRefused(`The file has ${rows.length} rows; one import takes up to ${TABLE_LIMITS.maxRows}. Split it into several files.`);
  const headers = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const tooLong = rows.findIndex((row) => row.some((c) => c.length > TABLE_LIMITS.maxCellChars));
  if (tooLong >= 0)
    throw sourceRefused(`Row ${tooLong + 2} has a cell longer than ${TABLE_LIMITS.maxCellChars} characters. Shorten it and import again.`);
  return { headers, rows: rows.map((row) => headers.map((_, i) => (row[i] ?? '').trim())) };
}
