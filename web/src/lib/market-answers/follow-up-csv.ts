// The answers to a record as a CSV file, for the buyer's spreadsheet: one line per party, the
// shortlist only or every answer, headed in the reader's language. The file format (BOM, the
// reader's separator, quoting, formula-looking cells kept as text) is the shortlist export's
// (lib/shortlist/csv.ts): a name or a message an initiative typed as "=HYPERLINK(…)" stays text.
import type { MessageKey } from '../i18n/catalog.ts';
import { separatorFor, toCsv } from '../shortlist/csv.ts';
import { VERDICT_KEYS } from './answer-fields.ts';
import type { MarketFollowUp } from './sent-types.ts';

type Entry = MarketFollowUp['entries'][number];
type T = (key: MessageKey) => string;

const COLUMNS: readonly [MessageKey, (entry: Entry, t: T) => string][] = [
  ['mansCsvName', (e) => e.name],
  ['mansCsvWhere', (e, t) => t(e.local ? 'mansCsvThisNode' : 'mansCsvPartnerNode')],
  ['mansCsvTold', (e) => e.toldAt ?? ''],
  ['mansCsvSeen', (e) => e.seenAt ?? ''],
  ['mansCsvAnswer', (e, t) => (e.answer ? t(VERDICT_KEYS[e.answer.verdict]) : t('mansNoAnswer'))],
  ['mansCsvMessage', (e) => e.answer?.message ?? ''],
  ['mansCsvAnsweredAt', (e) => e.answer?.answeredAt ?? ''],
  ['mansCsvShortlisted', (e, t) => t(e.shortlisted ? 'csvYes' : 'csvNo')],
];

/** The whole file: every party (or the shortlisted ones), headed in the reader's language. */
export function followUpCsv(followUp: MarketFollowUp, options: { shortlistOnly: boolean; lang: string; t: T }): string {
  const entries = followUp.entries.filter((e) => (options.shortlistOnly ? e.shortlisted : true));
  return toCsv(
    COLUMNS.map(([key]) => options.t(key)),
    entries.map((entry) => COLUMNS.map(([, cell]) => cell(entry, options.t))),
    separatorFor(options.lang),
  );
}

/** File name: the record's handle and the day, ASCII only (answers-catering-2027-01-15.csv). */
export function followUpFileName(slug: string, shortlistOnly: boolean, now: Date): string {
  const safe = slug.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 80) || 'record';
  return `${shortlistOnly ? 'shortlist' : 'answers'}-${safe}-${now.toISOString().slice(0, 10)}.csv`;
}
