// The rows of the shortlist's CSV export: one line per initiative, public fields only, labels
// in the reader's language; the file format is csv.ts's.
import type { MessageKey } from '../i18n/catalog.ts';
import { toCsv, separatorFor } from './csv.ts';
import type { ShortlistEntry } from './shortlist-types.ts';

const COLUMNS: readonly [MessageKey, (entry: ShortlistEntry, yes: string, no: string) => string][] = [
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
];

/** The whole CSV file for these entries, headed in the reader's language. */
export function shortlistCsv(entries: readonly ShortlistEntry[], lang: string, t: (key: MessageKey) => string): string {
  const yes = t('csvYes');
  const no = t('csvNo');
  return toCsv(
    COLUMNS.map(([key]) => t(key)),
    entries.map((entry) => COLUMNS.map(([, cell]) => cell(entry, yes, no))),
    separatorFor(lang),
  );
}

/** File name with the day, e.g. preselection-2026-11-22.csv (ASCII, as the catalogue writes it). */
export function shortlistFileName(base: string, now: Date): string {
  const safe =
    base
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\w-]+/g, '-') || 'shortlist';
  return `${safe}-${now.toISOString().slice(0, 10)}.csv`;
}
