import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minutesToWait, problemsFromApiError } from './api-error-problems.ts';

const validation = (fields: Array<{ field: string; code: string; message: string }>, message = 'Validation failed.') => ({
  code: 'VALIDATION_FAILED',
  message,
  fields,
});

describe('problemsFromApiError', () => {
  it('puts a field error next to the field its path names by its longest known prefix, the rest in the summary with their path', () => {
    const problems = problemsFromApiError(
      validation([
        { field: 'services.0.name.fr', code: 'TOO_LONG', message: 'is too long.' },
        { field: 'legalForm', code: 'REQUIRED', message: 'is required.' },
      ]),
      {
        fields: { services: 'services', 'services.0.name': 'service-0-name' },
      },
    );
    expect(problems).toEqual({
      fields: { 'service-0-name': { text: 'is too long.', lang: 'en' } },
      general: [{ text: 'legalForm: is required.', lang: 'en' }],
    });
  });

  it('translates a field error by "field/CODE" before its code alone, and keeps the first problem of a field', () => {
    const problems = problemsFromApiError(
      validation([
        { field: 'body', code: 'TOO_LONG', message: 'a' },
        { field: 'body', code: 'TOO_SHORT', message: 'b' },
        { field: 'subject', code: 'TOO_LONG', message: 'c' },
      ]),
      {
        fields: { body: 'body', subject: 'subject' },
        fieldMessages: { 'body/TOO_LONG': 'contactErrorBodyTooLong', TOO_LONG: 'contactErrorSubjectTooLong' },
      },
    );
    expect(problems).toEqual({
      fields: { body: { key: 'contactErrorBodyTooLong' }, subject: { key: 'contactErrorSubjectTooLong' } },
      general: [],
    });
  });

  it('translates a list item’s error by its field’s "field/CODE"', () => {
    const problems = problemsFromApiError(
      validation([
        { field: 'practices.2', code: 'UNKNOWN_REFERENCE', message: 'no good practice "x" on this node.' },
        { field: 'services.0.name.fr', code: 'TOO_LONG', message: 'is too long.' },
      ]),
      {
        fields: { practices: 'practices', services: 'services' },
        fieldMessages: {
          'practices/UNKNOWN_REFERENCE': 'orgEditErrorUnknownReference',
          'services.name.fr/TOO_LONG': 'orgEditErrorTooLong',
        },
      },
    );
    expect(problems.fields).toEqual({ practices: { key: 'orgEditErrorUnknownReference' }, services: { key: 'orgEditErrorTooLong' } });
  });

  it('writes untranslated field errors with their path, or as the whole sentence when alone, as the form asks', () => {
    const lone = validation([{ field: 'password', code: 'ODD', message: 'is odd.' }], 'The password is odd.');
    expect(problemsFromApiError(lone, { fields: { password: 'password' }, fieldText: 'withPath' }).fields).toEqual({
      password: { text: 'password: is odd.', lang: 'en' },
    });
    expect(problemsFromApiError(lone, { fields: { password: 'password' }, fieldText: 'withPath', sentenceWhenAlone: true }).fields).toEqual(
      { password: { text: 'The password is odd.', lang: 'en' } },
    );
    expect(problemsFromApiError(lone, { fields: {}, sentenceWhenAlone: true }).general).toEqual([
      { text: 'The password is odd.', lang: 'en' },
    ]);
  });

  it('translates an error without field errors by its code, else keeps the registry’s English text', () => {
    expect(
      problemsFromApiError({ code: 'NOT_FOUND', message: 'x' }, { fields: {}, codeMessages: { NOT_FOUND: 'manageErrorNotFound' } }).general,
    ).toEqual([{ key: 'manageErrorNotFound' }]);
    expect(
      problemsFromApiError({ code: 'NEW_CODE', message: 'Do this.' }, { fields: {}, codeMessages: { NOT_FOUND: 'manageErrorNotFound' } })
        .general,
    ).toEqual([{ text: 'Do this.', lang: 'en' }]);
  });

  it('does not translate a field error by an error code, nor an error by a field code', () => {
    const fieldCoded = validation([{ field: 'x', code: 'NOT_FOUND', message: 'gone.' }]);
    expect(problemsFromApiError(fieldCoded, { fields: {}, codeMessages: { NOT_FOUND: 'manageErrorNotFound' } }).general).toEqual([
      { text: 'x: gone.', lang: 'en' },
    ]);
    expect(
      problemsFromApiError(
        { code: 'WEAK_PASSWORD', message: 'Weak.' },
        { fields: {}, fieldMessages: { WEAK_PASSWORD: 'invitationErrorWeakPassword' } },
      ).general,
    ).toEqual([{ text: 'Weak.', lang: 'en' }]);
  });
});

describe('minutesToWait', () => {
  it('rounds the registry’s seconds up to whole minutes, at least one', () => {
    expect([0, 1, 60, 61, 1_250].map((retryAfterSeconds) => minutesToWait({ retryAfterSeconds }))).toEqual([1, 1, 1, 2, 21]);
    expect(minutesToWait({})).toBe(1);
  });
});

describe('one home for mapping registry errors', () => {
  it('no other web module walks a MutationError’s field errors', () => {
    const src = join(import.meta.dirname, '..', '..');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (file) => /\.(ts|svelte)$/.test(file) && !file.endsWith('.test.ts'),
    );
    const walkers = files.filter((file) =>
      /\b(?:error|caught|result)\.(?:fields|changedFields)\s*(?:\?\?|\?\.|\.)/.test(readFileSync(join(src, file), 'utf8')),
    );
    expect(walkers.map((file) => relative(src, join(src, file))).sort()).toEqual([
      'lib/forms/api-error-problems.ts',
      'lib/forms/manage/edit-problems.ts',
    ]);
  });
});
