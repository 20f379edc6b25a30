import { describe, expect, it } from 'vitest';
import { isOutdatedText, translationWanted, type TranslationStatusView } from './translation-status.ts';

const status: TranslationStatusView = {
  available: [
    { code: 'fr', name: 'French' },
    { code: 'en', name: 'English' },
  ],
  outdated: [{ code: 'en', name: 'English' }],
  partial: [{ code: 'it', name: 'Italian' }],
  missing: [{ code: 'de' }],
  texts: [
    { field: 'summary', outdated: [{ code: 'en' }] },
    { field: 'description', outdated: [] },
  ],
};

describe('translation status on a public page', () => {
  it('marks only the texts shown in a language they are out of date in', () => {
    expect(isOutdatedText(status, 'summary', 'en')).toBe(true);
    expect(isOutdatedText(status, 'summary', 'en-GB')).toBe(true);
    expect(isOutdatedText(status, 'description', 'en')).toBe(false);
    expect(isOutdatedText(status, 'summary', 'fr')).toBe(false);
    expect(isOutdatedText(null, 'summary', 'en')).toBe(false);
  });

  it('offers to ask when the reader’s language is missing somewhere or out of date, not when it is all there', () => {
    expect(translationWanted(status, 'it')).toBe('missing');
    expect(translationWanted(status, 'de')).toBe('missing');
    expect(translationWanted(status, 'en')).toBe('outdated');
    expect(translationWanted(status, 'fr')).toBeNull();
  });
});
