import { describe, expect, it } from 'vitest';
import {
  checkInvitationForm,
  FIELD_IDS,
  messageLang,
  messageText,
  invitationProblems,
  readInvitationForm,
  statusForError,
  summaryItems,
  unavailableProblem,
} from './invitation-form.ts';
import { CATALOGS } from '../i18n/catalog.ts';

function formData(values: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const input = { email: 'amina@example.org', password: 'river lamp orbit tea', passwordAgain: 'river lamp orbit tea' };

describe('readInvitationForm', () => {
  it('reads the three fields by their input names and trims only the e-mail address', () => {
    const data = formData({
      [FIELD_IDS.email]: '  amina@example.org ',
      [FIELD_IDS.password]: ' pass word ',
      [FIELD_IDS.passwordAgain]: ' pass word ',
    });
    expect(readInvitationForm(data)).toEqual({ email: 'amina@example.org', password: ' pass word ', passwordAgain: ' pass word ' });
  });

  it('counts a missing field or a file as empty', () => {
    const data = formData({ [FIELD_IDS.password]: new Blob(['x']) });
    expect(readInvitationForm(data)).toEqual({ email: '', password: '', passwordAgain: '' });
  });
});

describe('checkInvitationForm', () => {
  it('lets a complete form with the same password twice go to the registry', () => {
    expect(checkInvitationForm(input)).toBeNull();
  });

  it('puts differing passwords on the second password field', () => {
    expect(checkInvitationForm({ ...input, passwordAgain: 'river lamp orbit te' })).toEqual({
      fields: { passwordAgain: { key: 'invitationErrorPasswordsDiffer' } },
      general: [],
    });
  });

  it('asks for every empty field, and says nothing of a mismatch with an empty password', () => {
    expect(checkInvitationForm({ email: '', password: '', passwordAgain: '' })).toEqual({
      fields: {
        email: { key: 'invitationErrorEmailMissing' },
        password: { key: 'invitationErrorPasswordMissing' },
        passwordAgain: { key: 'invitationErrorPasswordAgainMissing' },
      },
      general: [],
    });
    expect(checkInvitationForm({ ...input, password: '' })?.fields).toEqual({ password: { key: 'invitationErrorPasswordMissing' } });
  });

  it('leaves judging the e-mail address and the password’s strength to the registry', () => {
    expect(checkInvitationForm({ email: 'not an address', password: 'short', passwordAgain: 'short' })).toBeNull();
  });
});

describe('invitationProblems', () => {
  it('puts a weak password next to the password field, in the reader’s language', () => {
    const problems = invitationProblems({
      code: 'WEAK_PASSWORD',
      message: 'The password must be at least 12 characters; a few unrelated words make a good one.',
      fields: [
        { field: 'password', code: 'WEAK_PASSWORD', message: 'must be at least 12 characters; a few unrelated words make a good one.' },
      ],
    });
    expect(problems).toEqual({ fields: { password: { key: 'invitationErrorWeakPassword' } }, general: [] });
  });

  it('puts an invalid or taken e-mail address next to the e-mail field', () => {
    expect(
      invitationProblems({
        code: 'INVALID_EMAIL',
        message: '"x" is not an e-mail address.',
        fields: [{ field: 'email', code: 'INVALID_EMAIL', message: 'is not an e-mail address.' }],
      }).fields,
    ).toEqual({
      email: { key: 'invitationErrorInvalidEmail' },
    });
    expect(
      invitationProblems({
        code: 'EMAIL_TAKEN',
        message: 'An account with this e-mail address exists already; sign in instead.',
        fields: [{ field: 'email', code: 'EMAIL_TAKEN', message: 'has an account already.' }],
      }).fields,
    ).toEqual({
      email: { key: 'invitationErrorEmailTaken' },
    });
  });

  it('keeps the registry’s English message for a field code it has no translation for', () => {
    const lone = invitationProblems({
      code: 'VALIDATION_FAILED',
      message: 'The password must not contain the e-mail address.',
      fields: [{ field: 'password', code: 'CONTAINS_EMAIL', message: 'must not contain the e-mail address.' }],
    });
    expect(lone.fields).toEqual({ password: { text: 'The password must not contain the e-mail address.', lang: 'en' } });
    const two = invitationProblems({
      code: 'VALIDATION_FAILED',
      message: 'Two fields are not valid.',
      fields: [
        { field: 'email', code: 'TOO_LONG', message: 'must be at most 254 characters.' },
        { field: 'password', code: 'WEAK_PASSWORD', message: 'is too repetitive; use a few unrelated words.' },
      ],
    });
    expect(two.fields).toEqual({
      email: { text: 'email: must be at most 254 characters.', lang: 'en' },
      password: { key: 'invitationErrorWeakPassword' },
    });
  });

  it('sends errors about fields the form does not have to the summary', () => {
    const problems = invitationProblems({
      code: 'VALIDATION_FAILED',
      message: 'The token is not valid.',
      fields: [{ field: 'token', code: 'INVALID', message: 'is not valid.' }],
    });
    expect(problems).toEqual({ fields: {}, general: [{ text: 'The token is not valid.', lang: 'en' }] });
  });

  it('sends a used, expired or unknown link to the summary, translated', () => {
    expect(
      invitationProblems({ code: 'INVITATION_USED', message: 'This invitation link has been used already. Ask for a new one.' }),
    ).toEqual({ fields: {}, general: [{ key: 'invitationErrorUsed' }] });
    expect(invitationProblems({ code: 'INVITATION_EXPIRED', message: 'expired', fields: [] }).general).toEqual([
      { key: 'invitationErrorExpired' },
    ]);
    expect(invitationProblems({ code: 'INVITATION_INVALID', message: 'not valid', fields: null }).general).toEqual([
      { key: 'invitationErrorInvalid' },
    ]);
  });

  it('keeps the registry’s message for any other error without fields', () => {
    expect(invitationProblems({ code: 'RATE_LIMITED', message: 'Too many attempts. Try again in 2 minute(s).' }).general).toEqual([
      { text: 'Too many attempts. Try again in 2 minute(s).', lang: 'en' },
    ]);
  });
});

describe('statusForError', () => {
  it('answers 410 for a used or expired link, 404 for an unknown one, else 400', () => {
    expect(statusForError('INVITATION_USED')).toBe(410);
    expect(statusForError('INVITATION_EXPIRED')).toBe(410);
    expect(statusForError('INVITATION_INVALID')).toBe(404);
    expect(statusForError('WEAK_PASSWORD')).toBe(400);
  });
});

describe('summaryItems', () => {
  it('lists general problems first, then the fields in the order of the form', () => {
    const items = summaryItems({
      fields: { passwordAgain: { key: 'invitationErrorPasswordsDiffer' }, email: { key: 'invitationErrorEmailTaken' } },
      general: [{ key: 'invitationErrorExpired' }],
    });
    expect(items).toEqual([
      { message: { key: 'invitationErrorExpired' } },
      { field: 'email', message: { key: 'invitationErrorEmailTaken' } },
      { field: 'passwordAgain', message: { key: 'invitationErrorPasswordsDiffer' } },
    ]);
  });

  it('is empty without problems', () => {
    expect(summaryItems({ fields: {}, general: [] })).toEqual([]);
  });
});

describe('messageText and messageLang', () => {
  const t = (key: keyof typeof CATALOGS.ar) => CATALOGS.ar[key];

  it('translates our messages and leaves them unmarked', () => {
    const message = unavailableProblem().general[0]!;
    expect(messageText(message, t)).toBe(CATALOGS.ar.invitationErrorUnavailable);
    expect(messageLang(message)).toBeUndefined();
  });

  it('shows the registry’s messages as they are, marked as English', () => {
    const message = { text: 'Too many attempts.', lang: 'en' } as const;
    expect(messageText(message, t)).toBe('Too many attempts.');
    expect(messageLang(message)).toBe('en');
  });
});
