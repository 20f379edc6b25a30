import { describe, expect, it } from 'vitest';
import {
  checkProfileForm,
  profileFieldIds,
  profileInput,
  profileProblems,
  readProfileForm,
  type StoredProfile,
} from './node-profile-form.ts';

const stored: StoredProfile = {
  profileVersion: 4,
  editableTexts: [
    { language: 'it', name: 'Rete Milano', summary: 'Testo italiano.' },
    { language: 'fr', name: 'Réseau Milan', summary: null },
  ],
  contact: null,
  geo: null,
  defaultLanguages: [{ code: 'it' }, { code: 'en' }],
  operators: [{ name: 'Comune di Milano', url: null, role: { code: 'city' } }],
};

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('the node profile form', () => {
  it('sends this language as posted and every other language as stored, the main language first', () => {
    const posted = readProfileForm(
      form([
        ['name', ' Réseau des initiatives '],
        ['summary', 'Texte français.'],
        ['lat', '45,4642'],
        ['lon', ' 9.19'],
        ['languages', 'fr'],
        ['languages', 'it'],
        ['operator-0-name', 'Comune di Milano'],
        ['operator-0-role', 'city'],
        ['operator-1-name', ''],
        ['operator-1-role', 'union'],
      ]),
      'fr',
      2,
    );
    const input = profileInput(stored, posted);
    expect(input.version).toBe(4);
    expect(input.texts).toEqual([
      { language: 'it', name: 'Rete Milano', summary: 'Testo italiano.' },
      { language: 'fr', name: 'Réseau des initiatives', summary: 'Texte français.' },
    ]);
    expect(input.geo).toEqual({ lat: 45.4642, lon: 9.19 });
    expect(input.defaultLanguages).toEqual(['it', 'fr']);
    expect(input.operators).toEqual([{ name: 'Comune di Milano', role: 'city', url: null }]);
    expect(input.contact).toBeNull();
  });

  it('refuses coordinates that are not numbers, and one coordinate without the other', () => {
    const base = readProfileForm(form([]), 'it', 1);
    expect(checkProfileForm(base)).toBeNull();
    expect(checkProfileForm({ ...base, lat: '45°N', lon: '9.19' })?.fields).toEqual({ 'profile-lat': { key: 'profileErrorLat' } });
    expect(checkProfileForm({ ...base, lat: '1e400', lon: '' })?.fields).toEqual({
      'profile-lat': { key: 'profileErrorLat' },
      'profile-lon': { key: 'profileErrorLon' },
    });
  });

  it("puts the registry's errors next to the right fields, in the reader's language", () => {
    const posted = {
      ...readProfileForm(form([]), 'it', 3),
      operators: [
        { name: '', role: 'city', url: '' },
        { name: 'Sindacato', role: 'mayor', url: '' },
        { name: '', role: 'city', url: '' },
      ],
    };
    // The empty first row is not sent, so the registry's operators.0 is the page's second row.
    expect(profileFieldIds(posted)['operators.0.role']).toBe('operator-1-role');
    const problems = profileProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'The profile was not saved.',
        fields: [
          { field: 'geo.lat', code: 'OUT_OF_RANGE', message: 'must be at most 90.' },
          { field: 'contact.email', code: 'PERSONAL_ADDRESS', message: 'is a person’s.' },
          { field: 'operators.0.role', code: 'UNKNOWN_CODE', message: '"mayor" is not a code.' },
        ],
      },
      posted,
    );
    expect(problems.fields).toEqual({
      'profile-lat': { key: 'profileErrorLatRange' },
      'profile-email': { key: 'profileErrorPersonalEmail' },
      'operator-1-role': { text: '"mayor" is not a code.', lang: 'en' },
    });
  });
});
