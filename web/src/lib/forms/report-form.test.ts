// The report form's own checks and its reading of the registry's errors (report-form.ts).
import { describe, expect, it } from 'vitest';
import { checkReportForm, problemsFromReportError, readReportForm, statusForReportError } from './report-form.ts';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe('readReportForm and checkReportForm', () => {
  it('reads a reason from the list and the text as typed', () => {
    const values = readReportForm(
      form({ listing: ' https://liege.example/initiatives/univerbal ', category: 'PERSONAL_DATA', text: ' Un numéro privé ' }),
    );
    expect(values).toEqual({
      listing: 'https://liege.example/initiatives/univerbal',
      category: 'PERSONAL_DATA',
      text: ' Un numéro privé ',
    });
    expect(checkReportForm(values)).toBeNull();
  });

  it('counts an unknown or missing reason as none, and asks for one', () => {
    for (const category of ['', 'SOMETHING', 'other']) {
      const values = readReportForm(form({ listing: 'x', category }));
      expect(values.category).toBe('');
      expect(checkReportForm(values)?.fields.category).toEqual({ key: 'reportLoopErrorCategory' });
    }
  });

  it('asks for words with "something else", and at most 2,000 characters', () => {
    expect(checkReportForm({ listing: 'x', category: 'OTHER', text: '  ' })?.fields.text).toEqual({ key: 'reportLoopErrorTextOther' });
    expect(checkReportForm({ listing: 'x', category: 'WRONG_INFORMATION', text: 'é'.repeat(2001) })?.fields.text).toEqual({
      key: 'reportLoopErrorTextTooLong',
    });
    expect(checkReportForm({ listing: 'x', category: 'WRONG_INFORMATION', text: '' })).toBeNull();
  });
});

describe('problemsFromReportError', () => {
  it('says how long to wait when rate-limited, and that an unpublished listing cannot be reported', () => {
    expect(problemsFromReportError({ code: 'RATE_LIMITED', message: 'Too many', retryAfterSeconds: 600 })).toEqual({
      fields: {},
      general: [{ key: 'reportLoopErrorRateLimited', values: { minutes: 10 } }],
    });
    expect(problemsFromReportError({ code: 'NOT_FOUND', message: 'No published listing' }).general).toEqual([
      { key: 'reportLoopErrorNotFound' },
    ]);
    expect(statusForReportError('RATE_LIMITED')).toBe(429);
    expect(statusForReportError('NOT_FOUND')).toBe(404);
  });

  it('puts field errors next to their field, translated', () => {
    const problems = problemsFromReportError({
      code: 'VALIDATION_FAILED',
      message: 'The report was not sent',
      fields: [{ field: 'text', code: 'TOO_LONG', message: 'must be at most 2,000 characters.' }],
    });
    expect(problems.fields.text).toEqual({ key: 'reportLoopErrorTextTooLong' });
  });
});
