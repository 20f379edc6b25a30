import { describe, expect, it } from 'vitest';
import { summaryEntries } from './form-problems.ts';
import { conflictProblems, editProblems } from './edit-problems.ts';
import { checkSignInForm, signInProblems, signInStatus } from './sign-in-form.ts';
import { checkRejectReason } from './review-changes.ts';
import { checkInvitationCreateForm, invitationInput, readInvitationCreateForm } from './invitation-create-form.ts';
import { chosenContentLanguage, contentLanguages } from './content-languages.ts';

describe('editProblems', () => {
  it('puts field errors next to the form’s fields, by the longest known prefix of their path', () => {
    const problems = editProblems(
      {
        code: 'VALIDATION_FAILED',
        message: 'x',
        fields: [
          { field: 'summary.en', code: 'TOO_LONG', message: 'must be at most 1000 characters.' },
          { field: 'legalForm', code: 'REQUIRED', message: 'is required.' },
        ],
      },
      { summary: 'text-summary' },
    );
    expect(problems.fields).toEqual({ 'text-summary': { text: 'must be at most 1000 characters.', lang: 'en' } });
    // A field this form does not show still reaches the summary, with its path.
    expect(problems.general).toEqual([{ text: 'legalForm: is required.', lang: 'en' }]);
  });

  it('says in our words what the common codes mean', () => {
    expect(editProblems({ code: 'CSRF_FAILED', message: 'x' }).general).toEqual([{ key: 'manageErrorCsrf' }]);
    expect(editProblems({ code: 'SOMETHING_NEW', message: 'Do this.' }).general).toEqual([{ text: 'Do this.', lang: 'en' }]);
  });

  it('explains a version conflict with the fields that changed, in words where it can', () => {
    const problems = conflictProblems({
      code: 'VERSION_CONFLICT',
      message: 'x',
      currentVersion: 4,
      changedFields: [
        { field: 'summary', code: 'CHANGED', message: 'changed from a to b' },
        { field: 'website', code: 'CHANGED', message: 'changed from x to y' },
        { field: 'aFieldOfTomorrow', code: 'CHANGED', message: 'changed from x to y' },
      ],
    });
    expect(problems.general).toEqual([
      { key: 'editConflict' },
      { key: 'editConflictField', fieldKey: 'fieldSummary' },
      { key: 'editConflictField', fieldKey: 'fieldWebsite' },
      { text: 'aFieldOfTomorrow: changed from x to y', lang: 'en' },
    ]);
    expect(editProblems({ code: 'VERSION_CONFLICT', message: 'x', changedFields: [] }).general).toEqual([{ key: 'editConflict' }]);
  });
});

describe('summaryEntries', () => {
  it('lists general problems first, then fields in the form’s order, each linked to its field', () => {
    const entries = summaryEntries(
      {
        fields: { password: { key: 'signInErrorPasswordMissing' }, email: { key: 'signInErrorEmailMissing' } },
        general: [{ key: 'manageErrorUnavailable' }],
      },
      ['email', 'password'],
    );
    expect(entries.map((entry) => entry.href ?? null)).toEqual([null, '#email', '#password']);
  });
});

describe('sign-in form', () => {
  it('asks for both fields before calling the registry', () => {
    expect(checkSignInForm({ email: '', password: '', next: '' })?.fields).toEqual({
      email: { key: 'signInErrorEmailMissing' },
      password: { key: 'signInErrorPasswordMissing' },
    });
    expect(checkSignInForm({ email: 'a@b.org', password: 'x', next: '' })).toBeNull();
  });

  it('says how long to wait when rate-limited, in whole minutes', () => {
    expect(signInProblems({ code: 'RATE_LIMITED', message: 'x', retryAfterSeconds: 61 }).general).toEqual([
      { key: 'signInErrorRateLimited', values: { minutes: 2 } },
    ]);
    expect(signInStatus('RATE_LIMITED')).toBe(429);
    expect(signInProblems({ code: 'INVALID_CREDENTIALS', message: 'x' }).general).toEqual([{ key: 'signInErrorInvalid' }]);
  });
});

describe('review', () => {
  it('needs a reason of 3 to 2,000 characters to send a record back', () => {
    expect(checkRejectReason('  ok ')).toBe('reviewErrorReasonMissing');
    expect(checkRejectReason('x'.repeat(2001))).toBe('reviewErrorReasonTooLong');
    expect(checkRejectReason('Please add an English summary.')).toBeNull();
  });
});

describe('invitation form', () => {
  function data(entries: Array<[string, string]>): FormData {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return form;
  }

  it('gives editors their initiatives and moderators none', () => {
    expect(
      invitationInput(
        readInvitationCreateForm(
          data([
            ['role', 'EDITOR'],
            ['initiative', 'univerbal'],
            ['initiative', 'univerbal'],
            ['note', ''],
          ]),
        ),
      ),
    ).toEqual({ role: 'EDITOR', initiatives: ['univerbal'] });
    expect(
      invitationInput(
        readInvitationCreateForm(
          data([
            ['role', 'MODERATOR'],
            ['initiative', 'univerbal'],
            ['email', 'a@b.org'],
          ]),
        ),
      ),
    ).toEqual({ role: 'MODERATOR', email: 'a@b.org' });
  });

  it('needs an initiative for an editor, and an admin to invite a moderator', () => {
    expect(checkInvitationCreateForm(readInvitationCreateForm(data([['role', 'EDITOR']])), true)?.fields).toEqual({
      initiatives: { key: 'inviteErrorNoInitiative' },
    });
    expect(checkInvitationCreateForm(readInvitationCreateForm(data([['role', 'MODERATOR']])), false)?.fields).toEqual({
      'role-MODERATOR': { key: 'inviteErrorModeratorAdminOnly' },
    });
  });
});

describe('content languages', () => {
  it('offers the interface languages and any other language the record is written in', () => {
    expect(contentLanguages({ name: { fr: 'x', ps: 'y' } }).slice(-2)).toEqual(['de', 'ps']);
  });

  it('edits the language asked for, else the original language', () => {
    expect(chosenContentLanguage('ti', { originalLanguage: 'fr' }, 'en')).toBe('ti');
    expect(chosenContentLanguage('<script>', { originalLanguage: 'fr' }, 'en')).toBe('fr');
    expect(chosenContentLanguage(null, {}, 'en')).toBe('en');
  });
});
