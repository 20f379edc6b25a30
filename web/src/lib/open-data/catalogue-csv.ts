// The CSV exports (/export/initiatives.csv, /export/practices.csv): the same file format as the
// shortlist's (lib/shortlist/csv.ts: BOM, the reader's separator, RFC 4180 quoting, formula
// cells neutralised), so an official's spreadsheet opens both alike. Columns are headed in the
// reader's language; the initiatives' columns are the shortlist's, plus the node and the update.
import type { MessageKey } from '../i18n/catalog.ts';
import { separatorFor, toCsv } from '../shortlist/csv.ts';
import type { OpenDataInitiative, OpenDataPractice } from './open-data-types.ts';

type Column<T> = readonly [MessageKey, (item: T, yes: string, no: string) => string];

const INITIATIVE_COLUMNS: readonly Column<OpenDataInitiative>[] = [
  ['csvName', (e) => e.name.text],
  ['csvCity', (e) => e.location.locality],
  ['csvCountry', (e) => e.location.country.name],
  ['csvSectors', (e) => [e.primarySector, ...e.additionalSectors].map((s) => s.label).join(', ')],
  ['csvLegalForm', (e) => e.legalForm.label],
  ['csvNationalLegalForm', (e) => e.nationalLegalForm?.label ?? ''],
  ['csvServices', (e) => e.services.map((s) => s.name.text).join(' ; ')],
  ['csvLanguages', (e) => e.languagesOffered.map((l) => l.name).join(', ')],
  ['csvEmail', (e) => e.contact.email ?? ''],
  ['csvPhone', (e) => e.contact.phone ?? ''],
  ['csvWebsite', (e) => e.website ?? ''],
  ['csvRelay', (e, yes, no) => (e.contact.relay ? yes : no)],
  ['csvPage', (e) => e.url],
  ['odxCsvNode', (e) => e.node.city],
  ['odxCsvUpdated', (e) => e.updatedAt.slice(0, 10)],
];

const PRACTICE_COLUMNS: readonly Column<OpenDataPractice>[] = [
  ['odxCsvTitle', (p) => p.title.text],
  ['odxCsvPracticeType', (p) => p.practiceType.label],
  ['csvCity', (p) => p.location.locality],
  ['csvCountry', (p) => p.location.country.name],
  ['odxCsvSummary', (p) => p.summary.text],
  ['csvPage', (p) => p.url],
  ['odxCsvNode', (p) => p.node.city],
  ['odxCsvUpdated', (p) => p.updatedAt.slice(0, 10)],
];

function csvOf<T>(columns: readonly Column<T>[], items: readonly T[], lang: string, t: (key: MessageKey) => string): string {
  const yes = t('csvYes');
  const no = t('csvNo');
  return toCsv(
    columns.map(([key]) => t(key)),
    items.map((item) => columns.map(([, cell]) => cell(item, yes, no))),
    separatorFor(lang),
  );
}

export function initiativesCsv(items: readonly OpenDataInitiative[], lang: string, t: (key: MessageKey) => string): string {
  return csvOf(INITIATIVE_COLUMNS, items, lang, t);
}

export function practicesCsv(items: readonly OpenDataPractice[], lang: string, t: (key: MessageKey) => string): string {
  return csvOf(PRACTICE_COLUMNS, items, lang, t);
}
