import { describe, expect, it } from 'vitest';
import {
  currentPrivacy,
  needsChanges,
  privacyChanges,
  readPrivacyForm,
  readTextsForm,
  serviceFieldId,
  textChanges,
  textFieldId,
  withLanguage,
  type InitiativeRecord,
} from './initiative-changes.ts';

const record: InitiativeRecord = {
  handle: 'univerbal',
  name: { fr: 'Univerbal' },
  summary: { fr: 'Interprétariat social.', en: 'Social interpreting.' },
  originalLanguage: 'fr',
  services: [{ name: { fr: 'Interprétariat' }, languages: ['ps', 'ar'] }],
  location: { locality: 'Liège', country: 'BE', precision: 'city', streetAddress: 'Rue X 1' },
  contact: { email: 'info@univerbal.example', relay: true, visibility: { email: 'signed-in' } },
  needs: [{ type: 'NEED-SPACE', description: { fr: 'Un bureau' } }],
};

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

describe('withLanguage', () => {
  it('sets one language and keeps the others', () => {
    expect(withLanguage({ fr: 'a', en: 'b' }, 'en', 'c')).toEqual({ fr: 'a', en: 'c' });
  });

  it('removes a language whose text is emptied', () => {
    expect(withLanguage({ fr: 'a', en: 'b' }, 'en', '  ')).toEqual({ fr: 'a' });
  });
});

describe('textChanges', () => {
  it('sends only the fields that changed, each with its other languages untouched', () => {
    const posted = readTextsForm(
      form({
        [textFieldId('name')]: 'Univerbal',
        [textFieldId('summary')]: 'Social interpreting by migrants.',
        [serviceFieldId(0, 'name')]: '',
      }),
      'en',
      1,
    );
    // The English name is new; the summary changed; the service gets no English name (empty).
    expect(textChanges(record, posted)).toEqual({
      name: [
        { language: 'fr', text: 'Univerbal' },
        { language: 'en', text: 'Univerbal' },
      ],
      summary: [
        { language: 'fr', text: 'Interprétariat social.' },
        { language: 'en', text: 'Social interpreting by migrants.' },
      ],
    });
  });

  it('sends nothing when nothing changed', () => {
    const posted = readTextsForm(
      form({
        [textFieldId('name')]: 'Univerbal',
        [textFieldId('summary')]: 'Interprétariat social.',
        [serviceFieldId(0, 'name')]: 'Interprétariat',
      }),
      'fr',
      1,
    );
    expect(textChanges(record, posted)).toEqual({});
  });

  it('sends every service, in the API’s shape, when one service’s text changed', () => {
    const posted = readTextsForm(
      form({
        [textFieldId('name')]: 'Univerbal',
        [textFieldId('summary')]: 'Interprétariat social.',
        [serviceFieldId(0, 'name')]: 'Interprétariat social',
        [serviceFieldId(0, 'description')]: 'Sur rendez-vous.',
      }),
      'fr',
      1,
    );
    expect(textChanges(record, posted)).toEqual({
      services: [
        {
          name: [{ language: 'fr', text: 'Interprétariat social' }],
          description: [{ language: 'fr', text: 'Sur rendez-vous.' }],
          languages: ['ps', 'ar'],
        },
      ],
    });
  });

  it('removes a field whose last language is emptied (the registry refuses it for required fields)', () => {
    const posted = readTextsForm(
      form({
        [textFieldId('name')]: '',
        [textFieldId('summary')]: 'Interprétariat social.',
        [serviceFieldId(0, 'name')]: 'Interprétariat',
      }),
      'fr',
      1,
    );
    expect(textChanges(record, posted)).toEqual({ name: null });
  });
});

describe('privacy choices', () => {
  it('reads the record’s choices with the registry’s defaults', () => {
    expect(currentPrivacy(record)).toEqual({
      precision: 'CITY',
      emailVisibility: 'SIGNED_IN',
      phoneVisibility: 'PRIVATE',
      relay: true,
      migrantLedDeclared: false,
      migrantLedConsent: false,
    });
  });

  it('falls back to the most private answer for anything unexpected, and never consents without a declaration', () => {
    expect(readPrivacyForm(form({ precision: 'GPS', emailVisibility: 'everyone', migrantLedConsent: 'yes' }))).toEqual({
      precision: 'CITY',
      emailVisibility: 'PRIVATE',
      phoneVisibility: 'PRIVATE',
      relay: true,
      migrantLedDeclared: false,
      migrantLedConsent: false,
    });
  });

  it('sends the whole location with the new precision, and the contact in the API’s shape', () => {
    const posted = readPrivacyForm(
      form({
        precision: 'NEIGHBOURHOOD',
        emailVisibility: 'PUBLIC',
        phoneVisibility: 'PRIVATE',
        relay: 'no',
        migrantLedDeclared: 'yes',
        migrantLedConsent: 'yes',
      }),
    );
    expect(privacyChanges(record, posted)).toEqual({
      location: { locality: 'Liège', country: 'BE', precision: 'NEIGHBOURHOOD', streetAddress: 'Rue X 1' },
      contact: { email: 'info@univerbal.example', relay: false, emailVisibility: 'PUBLIC', phoneVisibility: 'PRIVATE' },
      migrantLed: { declared: true, consentToPublish: true },
    });
  });

  it('sends nothing when the choices are unchanged', () => {
    expect(privacyChanges(record, currentPrivacy(record))).toEqual({});
  });
});

describe('needsChanges', () => {
  it('keeps the description of a need kept, and adds the new ones', () => {
    expect(needsChanges(record, ['NEED-SPACE', 'NEED-FUNDING'])).toEqual({
      needs: [{ type: 'NEED-SPACE', description: [{ language: 'fr', text: 'Un bureau' }] }, { type: 'NEED-FUNDING' }],
    });
  });

  it('sends nothing when the same needs are ticked', () => {
    expect(needsChanges(record, ['NEED-SPACE'])).toEqual({});
  });
});
