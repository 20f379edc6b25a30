// The bounds of a question's and an answer's texts (ADR 0046): languages, lengths, and no way to
// reach a person.
import { describe, expect, it } from 'vitest';
import { textMapErrors } from './city-question.ts';

const codes = (map: unknown, max = 20) => textMapErrors('text', map, max).map((e) => `${e.field}:${e.code}`);

describe('textMapErrors', () => {
  it('takes short texts in known languages', () => {
    expect(codes({ fr: 'Comment faites-vous ?', it: 'Come fate?' }, 100)).toEqual([]);
  });

  it('refuses no text, blank texts, texts that are not strings, unknown tags and too many languages', () => {
    expect(codes(undefined)).toEqual(['text:REQUIRED']);
    expect(codes({})).toEqual(['text:REQUIRED']);
    expect(codes(['fr', 'x'])).toEqual(['text:REQUIRED']);
    expect(codes({ fr: '   ' })).toEqual(['text.fr:REQUIRED']);
    expect(codes({ fr: 42 })).toEqual(['text.fr:REQUIRED']);
    expect(codes({ 'not a tag': 'x' })).toEqual(['text.not a tag:INVALID_LANGUAGE']);
    const many = Object.fromEntries(
      ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de', 'es', 'pt', 'pl', 'ro', 'hu', 'cs', 'sk', 'hr', 'sr', 'sq', 'tr', 'fa'].map(
        (l) => [l, 'x'],
      ),
    );
    expect(codes(many)).toEqual(['text:TOO_LONG']);
  });

  it('refuses a text longer than its bound', () => {
    expect(codes({ fr: 'x'.repeat(21) })).toEqual(['text.fr:TOO_LONG']);
    expect(codes({ fr: 'x'.repeat(20) })).toEqual([]);
  });

  it('refuses e-mail addresses and phone numbers, whatever their writing', () => {
    for (const text of ['mario.rossi@example.org', 'écrire à x@y.it', '+39 333 123 4567', '04/221.22.33', '0032-4-221-22-33'])
      expect(codes({ fr: text }, 100), text).toEqual(['text.fr:PERSONAL_CONTACT']);
    expect(codes({ fr: 'Directive 2014/24/UE, article 20' }, 100)).toEqual([]);
  });
});
