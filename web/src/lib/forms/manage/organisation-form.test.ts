import { describe, expect, it } from 'vitest';
import {
  currentOrganisation,
  governanceFieldId,
  governanceLanguages,
  linesOf,
  organisationChanges,
  organisationProblems,
  readOrganisationForm,
  statusProblems,
  type OrganisationRecord,
} from './organisation-form.ts';

const record: OrganisationRecord = {
  handle: 'univerbal',
  name: { fr: 'Univerbal' },
  originalLanguage: 'fr',
  alternateNames: ['Service Univerbal'],
  primarySector: 'AM80',
  additionalSectors: ['AM40', 'AM10'],
  legalForm: 'L4',
  qualifiers: ['q03'],
  languagesOffered: ['ar', 'ps'],
  status: 'active',
  startDate: '2017',
  supportedBy: ['Le Monde des Possibles ASBL'],
  practices: ['liege-pt2'],
  migrantLed: { declared: true, consentToPublish: false, governance: { fr: 'Autogéré.', en: 'Self-managed.' } },
};

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

/** The form as the page draws it for the record, posted back with `overrides`. */
function posted(overrides: Record<string, string | string[]>, languages = ['fr', 'en']): FormData {
  const start = currentOrganisation(record, languages);
  const entries: Record<string, string | string[]> = { ...start.single, ...start.sets, status: start.status, startDate: start.startDate };
  for (const [field, lines] of Object.entries(start.lines)) entries[field] = lines.join('\n');
  for (const [lang, value] of Object.entries(start.governance)) entries[governanceFieldId(lang)] = value;
  return form({ ...entries, ...overrides });
}

describe('organisation form', () => {
  it('sends nothing when nothing changed, even with a set in another order', () => {
    const read = readOrganisationForm(posted({ additionalSectors: ['AM10', 'AM40'] }), ['fr', 'en']);
    expect(organisationChanges(record, read)).toEqual({});
  });

  it('sends only the fields that changed, with the status as the API enum', () => {
    const read = readOrganisationForm(
      posted({ additionalSectors: ['AM40', 'AM10', 'AM60'], qualifiers: ['q03', 'q05'], status: 'DORMANT', startDate: '2021-03' }),
      ['fr', 'en'],
    );
    expect(organisationChanges(record, read)).toEqual({
      additionalSectors: ['AM40', 'AM10', 'AM60'],
      qualifiers: ['q03', 'q05'],
      status: 'DORMANT',
      startDate: '2021-03',
    });
  });

  it('changes the language the texts were first written in', () => {
    const read = readOrganisationForm(posted({ originalLanguage: 'en' }), ['fr', 'en']);
    expect(organisationChanges(record, read)).toEqual({ originalLanguage: 'en' });
  });

  it('removes optional fields emptied, with null', () => {
    const read = readOrganisationForm(
      posted({ additionalSectors: [], supportedBy: '  \n ', status: '', startDate: ' ', nationalLegalForm: '' }),
      ['fr', 'en'],
    );
    expect(organisationChanges(record, read)).toEqual({ additionalSectors: null, supportedBy: null, status: null, startDate: null });
  });

  it('reads one organisation per line, trimmed, each once, in the order given', () => {
    expect(linesOf(' Fonds social européen \r\n\nLe Monde des Possibles ASBL\nFonds social européen')).toEqual([
      'Fonds social européen',
      'Le Monde des Possibles ASBL',
    ]);
    const read = readOrganisationForm(posted({ supportedBy: 'Ville de Liège\nLe Monde des Possibles ASBL' }), ['fr', 'en']);
    expect(organisationChanges(record, read)).toEqual({ supportedBy: ['Ville de Liège', 'Le Monde des Possibles ASBL'] });
  });

  it('passes unknown codes on unchanged, for the registry to refuse beside the field', () => {
    const read = readOrganisationForm(posted({ primarySector: 'AM999', qualifiers: ['q03', 'not-a-code', 'q03'] }), ['fr', 'en']);
    expect(organisationChanges(record, read)).toEqual({ primarySector: 'AM999', qualifiers: ['q03', 'not-a-code'] });
  });

  it('changes one language of the governance text and keeps the declaration, the consent and the other languages', () => {
    const read = readOrganisationForm(posted({ 'governance-en': 'Run by its interpreters.' }, ['fr', 'en']), ['fr', 'en']);
    expect(organisationChanges(record, read)).toEqual({
      migrantLed: {
        declared: true,
        consentToPublish: false,
        governance: [
          { language: 'fr', text: 'Autogéré.' },
          { language: 'en', text: 'Run by its interpreters.' },
        ],
      },
    });
    // A language the form did not show is kept as it is.
    const frenchOnly = readOrganisationForm(posted({ 'governance-fr': '' }, ['fr']), ['fr']);
    expect(organisationChanges(record, frenchOnly)).toEqual({
      migrantLed: { declared: true, consentToPublish: false, governance: [{ language: 'en', text: 'Self-managed.' }] },
    });
  });

  it('adds a governance text to a record without a declaration, as not declared and not consented', () => {
    const bare: OrganisationRecord = { handle: 'x', originalLanguage: 'it' };
    const read = readOrganisationForm(form({ 'governance-it': 'Gestito da persone migranti.' }), ['it']);
    expect(organisationChanges(bare, read).migrantLed).toEqual({
      declared: false,
      consentToPublish: false,
      governance: [{ language: 'it', text: 'Gestito da persone migranti.' }],
    });
  });

  it('edits the governance text in its languages, the original one, the reader’s and one asked for', () => {
    expect(governanceLanguages(record, 'it')).toEqual(['fr', 'en', 'it']);
    expect(governanceLanguages(record, 'fr', 'ti')).toEqual(['fr', 'en', 'ti']);
    expect(governanceLanguages(record, 'fr', '"><script>')).toEqual(['fr', 'en']);
  });

  it('refuses a status outside the list beside its field, before asking the registry', () => {
    expect(statusProblems(readOrganisationForm(form({ status: 'ASLEEP' }), []))).toEqual({
      fields: { status: { key: 'orgEditErrorUnknownCode' } },
      general: [],
    });
    expect(statusProblems(readOrganisationForm(form({ status: 'ACTIVE' }), []))).toBeNull();
    expect(statusProblems(readOrganisationForm(form({}), []))).toBeNull();
  });

  it('puts the registry’s errors beside the fields, in words that say what to choose', () => {
    const problems = organisationProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'The initiative was not saved: 4 field(s) need fixing.',
        fields: [
          { field: 'additionalSectors.1', code: 'UNKNOWN_CODE', message: '"AM999" is not a code of the sector taxonomy.' },
          { field: 'startDate', code: 'INVALID_FORMAT', message: 'must be a year …' },
          { field: 'practices.0', code: 'UNKNOWN_REFERENCE', message: 'no good practice "x" on this node.' },
          { field: 'migrantLed.governance.en', code: 'TOO_LONG', message: 'must be at most 4000 characters.' },
          { field: 'supportedBy.0', code: 'WRONG_TYPE', message: 'must be a string.' },
        ],
      },
      ['fr', 'en'],
    );
    expect(problems.fields).toEqual({
      additionalSectors: { key: 'orgEditErrorUnknownCode' },
      startDate: { key: 'orgEditErrorStartDate' },
      practices: { key: 'orgEditErrorUnknownReference' },
      'governance-en': { key: 'orgEditErrorTooLong' },
      supportedBy: { text: 'must be a string.', lang: 'en' },
    });
    const impossible = organisationProblems(
      { code: 'VALIDATION_FAILED', message: '…', fields: [{ field: 'startDate', code: 'INVALID_DATE', message: '…' }] },
      ['fr'],
    );
    expect(impossible.fields).toEqual({ startDate: { key: 'orgEditErrorDateDoesNotExist' } });
  });
});
