import { describe, expect, it } from 'vitest';
import { CATALOGS, type MessageKey } from '../i18n/catalog.ts';
import { UTF8_BOM } from '../shortlist/csv.ts';
import { followUpCsv, followUpFileName } from './follow-up-csv.ts';
import type { MarketFollowUp } from './sent-types.ts';

const entry = (name: string, extra: Partial<MarketFollowUp['entries'][number]> = {}): MarketFollowUp['entries'][number] => ({
  id: name,
  party: 'INITIATIVE',
  name,
  local: true,
  toldAt: '2027-01-15T10:00:00.000Z',
  seenAt: null,
  answer: null,
  answers: [],
  shortlisted: false,
  shortlistedAt: null,
  ...extra,
});
const followUp = (entries: MarketFollowUp['entries']): MarketFollowUp => ({
  recordId: 'http://registry.test/market/x',
  slug: 'x',
  kind: 'REQUEST',
  title: 'Interprétariat',
  titleLanguage: 'fr',
  expiresOn: '2027-03-31',
  open: true,
  told: entries.length,
  seen: 0,
  answered: 0,
  shortlisted: 0,
  entries,
});
const t = (lang: 'fr' | 'en') => (key: MessageKey) => CATALOGS[lang][key];
const rows = (csv: string) => csv.slice(1).split('\r\n').slice(1, -1);

describe('followUpCsv', () => {
  it('writes one row per party, headed and worded in the reader’s language, with its separator', () => {
    const csv = followUpCsv(
      followUp([
        entry('Univerbal', {
          seenAt: '2027-01-15T11:00:00.000Z',
          answer: { verdict: 'INTERESTED', message: 'Oui, le soir aussi.', answeredAt: '2027-01-15T12:00:00.000Z' },
          shortlisted: true,
        }),
        entry('Atemos'),
      ]),
      { shortlistOnly: false, lang: 'fr', t: t('fr') },
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Initiative;Nœud;Prévenue le;Ouverte le;Réponse;Message;Répondu le;Présélection');
    expect(rows(csv)).toEqual([
      'Univerbal;Ce nœud;2027-01-15T10:00:00.000Z;2027-01-15T11:00:00.000Z;Intéressés;Oui, le soir aussi.;2027-01-15T12:00:00.000Z;oui',
      'Atemos;Ce nœud;2027-01-15T10:00:00.000Z;;Pas encore de réponse;;;non',
    ]);
    const shortlist = followUpCsv(followUp([entry('A', { shortlisted: true }), entry('B')]), {
      shortlistOnly: true,
      lang: 'en',
      t: t('en'),
    });
    expect(rows(shortlist)).toHaveLength(1);
    expect(rows(shortlist)[0]).toMatch(/^A,This node,/);
  });

  it('keeps every formula-looking name or message as text, whatever hides the = in front', () => {
    const attacks = [
      '=HYPERLINK("http://evil.example","click")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      ' =1+1',
      '\u00a0=1+1',
      '\u3000=1+1',
      '\uff1d1+1',
      '\uff0b1',
      '\uff20SUM(A1)',
      '\n=1+1',
    ];
    for (const attack of attacks) {
      const csv = followUpCsv(
        followUp([entry(attack, { answer: { verdict: 'QUESTION', message: attack, answeredAt: '2027-01-15T12:00:00.000Z' } })]),
        { shortlistOnly: false, lang: 'en', t: t('en') },
      );
      const cells = csv.slice(1).split('\r\n').slice(1).join('\r\n');
      // Each cell, unquoted, starts with the apostrophe that makes a spreadsheet read it as text.
      const name = cells.startsWith('"') ? cells.slice(1) : cells;
      expect(name.startsWith("'"), JSON.stringify(attack)).toBe(true);
      expect(
        cells.split(',').filter((cell) => cell.replace(/^"/, '').startsWith("'")).length,
        JSON.stringify(attack),
      ).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('followUpFileName', () => {
  it('names the file by record and day, ASCII only', () => {
    expect(followUpFileName('catering', false, new Date('2027-01-15T10:00:00Z'))).toBe('answers-catering-2027-01-15.csv');
    expect(followUpFileName('a"b\r\nc', true, new Date('2027-01-15T10:00:00Z'))).toBe('shortlist-a-b-c-2027-01-15.csv');
  });
});
