import { describe, expect, it } from 'vitest';
import { withOriginalText } from './original-text-hint.ts';

const i18n = {
  t: (key: string, values?: Readonly<Record<string, string | number>>) => `${key}(${values?.language}: ${values?.text})`,
  languageName: (tag: string) => `lang-${tag}`,
};

describe('withOriginalText', () => {
  it('adds the text in the original language after the hint', () => {
    expect(withOriginalText(i18n, 'Two lines.', 'fr', 'Bonjour')).toBe('Two lines. originalTextHint(lang-fr: Bonjour)');
  });

  it('gives the original text alone when the field has no hint', () => {
    expect(withOriginalText(i18n, '', 'fr', 'Bonjour')).toBe('originalTextHint(lang-fr: Bonjour)');
  });

  it('cuts a long original text at 300 characters', () => {
    const long = 'a'.repeat(400);
    expect(withOriginalText(i18n, 'Hint.', 'fr', long)).toBe(`Hint. originalTextHint(lang-fr: ${'a'.repeat(300)}…)`);
  });

  it('leaves the hint alone when the original language is the one edited or has no text', () => {
    expect(withOriginalText(i18n, 'Hint.', null, 'Bonjour')).toBe('Hint.');
    expect(withOriginalText(i18n, 'Hint.', 'fr', undefined)).toBe('Hint.');
  });
});
