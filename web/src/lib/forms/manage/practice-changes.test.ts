import { describe, expect, it } from 'vitest';
import { editProblems } from './edit-problems.ts';
import { PRACTICE_FIELD_MESSAGES } from './practice-problems.ts';
import {
  actorsChanges,
  DETAIL_PATHS,
  detailsChanges,
  handleFromTitle,
  initiativeHandle,
  initiativesChanges,
  newPracticeInput,
  practiceTextChanges,
  readActorsForm,
  readDetailsForm,
  type PracticeRecord,
} from './practice-changes.ts';

const RECORD: PracticeRecord = {
  handle: 'liege-pt6',
  practiceType: 'PT6',
  originalLanguage: 'fr',
  title: { fr: 'Clauses sociales', en: 'Social clauses' },
  summary: { fr: 'Résumé.' },
  location: { locality: 'Liège', country: 'BE', geo: { lat: 50.6, lon: 5.6 } },
  period: { startDate: '2019' },
  actors: [
    { name: 'Ville de Liège', role: 'city', description: { fr: 'Achète.' } },
    { name: 'FGTB', role: 'union' },
  ],
  initiatives: ['univerbal', 'siriuscoop'],
};

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

describe('practice texts', () => {
  it('sends only the texts that changed, with their other languages, and removes an emptied language', () => {
    const changes = practiceTextChanges(RECORD, {
      lang: 'en',
      texts: { title: '', summary: 'Summary.', context: '' },
      actors: ['Buys.', ''],
    });
    expect(changes).toEqual({
      title: [{ language: 'fr', text: 'Clauses sociales' }],
      summary: [
        { language: 'fr', text: 'Résumé.' },
        { language: 'en', text: 'Summary.' },
      ],
      actors: [
        {
          name: 'Ville de Liège',
          role: 'city',
          description: [
            { language: 'fr', text: 'Achète.' },
            { language: 'en', text: 'Buys.' },
          ],
        },
        { name: 'FGTB', role: 'union' },
      ],
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(
      practiceTextChanges(RECORD, { lang: 'fr', texts: { title: 'Clauses sociales', summary: 'Résumé.' }, actors: ['Achète.', ''] }),
    ).toEqual({});
  });
});

describe('type, place and period', () => {
  it('keeps the point of the city and clears an emptied period', () => {
    const posted = readDetailsForm(
      form({ practiceType: 'PT7', startDate: '', endDate: '', locality: 'Liège', country: 'be', region: 'Wallonie' }),
    );
    expect(detailsChanges(RECORD, posted)).toEqual({
      practiceType: 'PT7',
      period: null,
      location: { locality: 'Liège', country: 'BE', region: 'Wallonie', geo: { lat: 50.6, lon: 5.6 } },
    });
  });
});

describe('organisations', () => {
  it('removes a ticked row, adds the blank one filled in, keeps descriptions, and points errors at the rows posted', () => {
    const rows = readActorsForm(
      form({
        rows: '3',
        'actor-0-name': 'Ville de Liège',
        'actor-0-role': 'city',
        'actor-1-name': 'FGTB',
        'actor-1-role': 'union',
        'actor-1-remove': 'yes',
        'actor-2-name': 'Forem',
        'actor-2-role': '',
      }),
    );
    const { changes, fieldIds, fieldMessages } = actorsChanges(RECORD, rows);
    expect(changes).toEqual({
      actors: [
        { name: 'Ville de Liège', role: 'city', description: [{ language: 'fr', text: 'Achète.' }] },
        { name: 'Forem', role: '' },
      ],
    });
    // The second organisation sent is the third row: its errors show there.
    expect(fieldIds['actors.1.role']).toBe('actor-2-role');
    expect(fieldMessages['actors.1.role/INVALID_FORMAT']).toBe('practiceEditErrorChoose');
  });

  it('ignores a blank row and sends nothing when nothing changed', () => {
    const rows = readActorsForm(
      form({ rows: '3', 'actor-0-name': 'Ville de Liège', 'actor-0-role': 'city', 'actor-1-name': 'FGTB', 'actor-1-role': 'union' }),
    );
    expect(actorsChanges(RECORD, rows).changes).toEqual({});
  });

  it('reads no more rows than a practice may have, whatever the form says', () => {
    expect(readActorsForm(form({ rows: '100000' }))).toHaveLength(31);
    expect(readActorsForm(form({ rows: '-3' }))).toHaveLength(0);
  });
});

describe('implementing initiatives', () => {
  it('takes the handle from a page address and keeps only the handles the practice named', () => {
    expect(initiativeHandle('https://liege.example/initiatives/Atemos?lang=fr')).toBe('atemos');
    const { changes, fieldIds } = initiativesChanges(RECORD, { kept: ['univerbal', 'forged'], added: 'http://x/initiatives/atemos' });
    expect(changes).toEqual({ initiatives: ['univerbal', 'atemos'] });
    expect(fieldIds['initiatives.1']).toBe('initiative-add');
  });

  it('removes the field when no initiative is left', () => {
    expect(initiativesChanges(RECORD, { kept: [], added: '' }).changes).toEqual({ initiatives: null });
  });
});

describe('a new practice', () => {
  it('makes a handle from the title when none is typed', () => {
    expect(handleFromTitle('  Guichet unique : accueil & emploi à Liège ')).toBe('guichet-unique-accueil-emploi-a-liege');
    expect(
      newPracticeInput({
        handle: '',
        title: 'Guichet unique',
        summary: '',
        originalLanguage: 'fr',
        practiceType: 'PT4',
        locality: 'Liège',
        country: 'BE',
      }),
    ).toEqual({
      handle: 'guichet-unique',
      originalLanguage: 'fr',
      practiceType: 'PT4',
      title: [{ language: 'fr', text: 'Guichet unique' }],
      summary: undefined,
      location: { locality: 'Liège', country: 'BE' },
    });
  });
});

describe('the registry’s refusals on the practice forms', () => {
  it('puts each problem at its field in the reader’s words, and keeps the rest in the summary', () => {
    const problems = editProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'The good practice was not saved: 4 field(s) need fixing.',
        fields: [
          { field: 'period.startDate', code: 'INVALID_FORMAT', message: 'must be a year, a year-month or a date.' },
          { field: 'location.country', code: 'UNKNOWN_COUNTRY', message: 'is not a country code.' },
          { field: 'practiceType', code: 'UNKNOWN_CODE', message: 'is not a practice type.' },
          { field: 'sources.0.title', code: 'TOO_LONG', message: 'must be at most 300 characters.' },
        ],
      },
      DETAIL_PATHS,
      PRACTICE_FIELD_MESSAGES,
    );
    expect(problems.fields).toEqual({
      'period-start': { key: 'practiceEditErrorDate' },
      'location-country': { key: 'practiceEditErrorCountry' },
      'practice-type': { key: 'practiceEditErrorChoose' },
    });
    // Not a field of this form: said with its place, in the registry's words.
    expect(problems.general).toEqual([{ text: 'sources.0.title: must be at most 300 characters.', lang: 'en' }]);
  });
});
