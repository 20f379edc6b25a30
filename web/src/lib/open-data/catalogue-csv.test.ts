import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n/catalog.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { initiativesCsv, practicesCsv } from './catalogue-csv.ts';
import { initiative, practice } from './open-data-fixtures.ts';

const t = (lang: 'fr' | 'en') => (key: MessageKey) => messagesFor(lang)[key];
/** Reads the file back as a spreadsheet would: BOM dropped, the separator of the language. */
const readBack = (csv: string, delimiter: string) => parse(csv, { bom: true, delimiter, relax_column_count: false }) as string[][];

describe('the initiatives CSV export', () => {
  it('parses back with a CSV library to the same rows, whatever the names hold', () => {
    const hostile = [
      initiative('a', { name: { text: 'Café "Le Monde"; Liège, ensemble', language: 'fr', direction: 'LTR' } }),
      initiative('b', { name: { text: 'Deux\r\nlignes', language: 'fr', direction: 'LTR' }, website: 'https://b.example/?x=1,2' }),
      initiative('c', { name: { text: 'مطبخ التضامن', language: 'ar', direction: 'RTL' } }),
    ];
    for (const lang of ['fr', 'en'] as const) {
      const rows = readBack(initiativesCsv(hostile, lang, t(lang)), lang === 'fr' ? ';' : ',');
      expect(rows).toHaveLength(4);
      expect(rows[0]![0]).toBe(messagesFor(lang).csvName);
      expect(rows.slice(1).map((row) => row[0])).toEqual(['Café "Le Monde"; Liège, ensemble', 'Deux\r\nlignes', 'مطبخ التضامن']);
      expect(rows[2]![10]).toBe('https://b.example/?x=1,2');
      expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    }
  });

  it('keeps a formula typed as a name as text, as the shortlist does', () => {
    const rows = readBack(
      initiativesCsv([initiative('f', { name: { text: '=HYPERLINK("http://evil")', language: 'fr', direction: 'LTR' } })], 'en', t('en')),
      ',',
    );
    expect(rows[1]![0]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes no contact the registry did not publish, and says when a message goes through the relay', () => {
    const rows = readBack(initiativesCsv([initiative('r')], 'en', t('en')), ',');
    const header = rows[0]!;
    const row = rows[1]!;
    expect(row[header.indexOf(messagesFor('en').csvEmail)]).toBe('');
    expect(row[header.indexOf(messagesFor('en').csvPhone)]).toBe('');
    expect(row[header.indexOf(messagesFor('en').csvRelay)]).toBe(messagesFor('en').csvYes);
  });
});

describe('the practices CSV export', () => {
  it('parses back to one row per practice with its type', () => {
    const rows = readBack(practicesCsv([practice('p1'), practice('p2')], 'fr', t('fr')), ';');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('Marchés publics');
    expect(rows[2]![0]).toBe('Pratique p2');
  });
});
