import { describe, expect, it } from 'vitest';
import { checkAnswer, checkName, MESSAGE_MAX } from './market-answer-rules.ts';
import { matchedMailText } from './matched-mail-texts.ts';
import { MAIL_LANGUAGES } from '../../notifications/notice-mail-texts.ts';

describe('checkAnswer', () => {
  it('keeps a verdict with or without words, trimmed, line ends as \\n', () => {
    expect(checkAnswer({ verdict: 'interested' })).toEqual({ ok: true, verdict: 'interested', message: null });
    expect(checkAnswer({ verdict: 'not-for-us', message: '  Pas cette fois.\r\nMerci ' })).toEqual({
      ok: true,
      verdict: 'not-for-us',
      message: 'Pas cette fois.\nMerci',
    });
    expect(checkAnswer({ verdict: 'question', message: 'Les permanences ont-elles lieu le soir ?' }).ok).toBe(true);
  });

  it('refuses an unknown verdict, naming the three', () => {
    const refused = checkAnswer({ verdict: 'maybe' });
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'verdict', code: 'INVALID' }] });
  });

  it('refuses a question without enough words, and any message too long', () => {
    expect(checkAnswer({ verdict: 'question', message: ' ? ' })).toMatchObject({
      ok: false,
      errors: [{ field: 'message', code: 'REQUIRED' }],
    });
    expect(checkAnswer({ verdict: 'interested', message: 'x'.repeat(MESSAGE_MAX + 1) })).toMatchObject({
      ok: false,
      errors: [{ field: 'message', code: 'TOO_LONG' }],
    });
    expect(checkAnswer({ verdict: 'interested', message: 'x'.repeat(MESSAGE_MAX) }).ok).toBe(true);
  });

  it('refuses control characters and bidirectional overrides that make words read otherwise', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'c1\u0085', 'rlo\u202e', 'isolate\u2066x'])
      expect(checkAnswer({ verdict: 'interested', message: `Oui ${bad}` }).ok, JSON.stringify(bad)).toBe(false);
    expect(checkAnswer({ verdict: 'interested', message: 'نعم، نحن مهتمون\tOui' }).ok).toBe(true);
  });
});

describe('checkName', () => {
  it('takes a one-line plain name and refuses empty, multi-line, too long or control characters', () => {
    expect(checkName('  Interpreti Solidali ')).toBe('Interpreti Solidali');
    for (const bad of ['', '   ', 'a\nb', 'x'.repeat(301), 'a\u202eb', 'a\u0000']) expect(checkName(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('matchedMailText', () => {
  it('says it in every language, with the name, title and link, and keeps the subject on one line', () => {
    for (const lang of MAIL_LANGUAGES) {
      const { subject, text } = matchedMailText(lang, 'initiative', {
        name: 'Univerbal',
        title: 'Traiteur\r\nBcc: x@evil.test',
        link: 'http://registry.test/x',
      });
      expect(subject, lang).not.toMatch(/[\r\n]/);
      expect(subject, lang).toContain('Univerbal');
      expect(text, lang).toContain('http://registry.test/x');
    }
    expect(matchedMailText('fr', 'initiative', { name: 'A', title: 'T', link: 'L' }).text).not.toBe(
      matchedMailText('en', 'initiative', { name: 'A', title: 'T', link: 'L' }).text,
    );
  });
});
