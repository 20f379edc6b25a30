import { describe, expect, it } from 'vitest';
import { checkContactForm, problemsFromSendError, readContactForm, statusForSendError } from './contact-form.ts';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

const good = {
  'contact-sender': ' Ville de Liège, service des marchés publics ',
  'contact-reply-to': ' marches@liege.example ',
  'contact-subject': ' Marché réservé ',
  'contact-body': 'Bonjour, nous préparons un marché réservé.',
};

describe('readContactForm', () => {
  it('reads and trims the fields, keeping the message as written', () => {
    expect(readContactForm(form({ ...good, 'contact-body': '  Bonjour.\n  ' }))).toEqual({
      senderName: 'Ville de Liège, service des marchés publics',
      replyTo: 'marches@liege.example',
      subject: 'Marché réservé',
      body: '  Bonjour.\n  ',
    });
  });

  it('counts missing fields and files as empty', () => {
    const data = new FormData();
    data.set('contact-body', new Blob(['x']));
    expect(readContactForm(data)).toEqual({ senderName: '', replyTo: '', subject: '', body: '' });
  });
});

describe('checkContactForm', () => {
  it('lets a good message through', () => {
    expect(checkContactForm(readContactForm(form(good)))).toBeNull();
  });

  it('names every field with a problem, with the relay’s limits', () => {
    const problems = checkContactForm({ senderName: 'n'.repeat(201), replyTo: 'not-an-address', subject: '', body: 'short' });
    expect(problems?.fields).toEqual({
      senderName: { key: 'contactErrorSenderTooLong' },
      replyTo: { key: 'contactErrorReplyTo' },
      subject: { key: 'contactErrorSubjectMissing' },
      body: { key: 'contactErrorBodyTooShort' },
    });
    expect(checkContactForm({ senderName: '', replyTo: 'a@b.org', subject: 's'.repeat(201), body: 'b'.repeat(5001) })?.fields).toEqual({
      subject: { key: 'contactErrorSubjectTooLong' },
      body: { key: 'contactErrorBodyTooLong' },
    });
  });

  it('does not count spaces towards the 10 characters', () => {
    expect(checkContactForm({ senderName: '', replyTo: 'a@b.org', subject: 'x', body: '   hi      ' })?.fields.body).toEqual({
      key: 'contactErrorBodyTooShort',
    });
  });
});

describe('problemsFromSendError', () => {
  it('says how many minutes to wait when rate-limited (429)', () => {
    expect(problemsFromSendError({ code: 'RATE_LIMITED', message: 'Too many', retryAfterSeconds: 1_250 })).toEqual({
      fields: {},
      general: [{ key: 'contactErrorRateLimited', values: { minutes: 21 } }],
    });
    expect(statusForSendError('RATE_LIMITED')).toBe(429);
    expect(statusForSendError('VALIDATION_FAILED')).toBe(400);
  });

  it('puts validation errors next to their fields, translated', () => {
    const problems = problemsFromSendError({
      code: 'VALIDATION_FAILED',
      message: 'fix',
      fields: [
        { field: 'replyTo', code: 'INVALID_EMAIL', message: 'must be…' },
        { field: 'body', code: 'TOO_SHORT', message: 'must be…' },
      ],
    });
    expect(problems).toEqual({
      fields: { replyTo: { key: 'contactErrorReplyTo' }, body: { key: 'contactErrorBodyTooShort' } },
      general: [],
    });
  });

  it('keeps the registry’s English text for what it cannot place', () => {
    expect(
      problemsFromSendError({ code: 'VALIDATION_FAILED', message: 'fix', fields: [{ field: 'other', code: 'ODD', message: 'is odd.' }] })
        .general,
    ).toEqual([{ text: 'other: is odd.', lang: 'en' }]);
    expect(problemsFromSendError({ code: 'NOT_FOUND', message: 'No published initiative.' }).general).toEqual([
      { text: 'No published initiative.', lang: 'en' },
    ]);
    expect(problemsFromSendError({ code: 'INVALID_STATE', message: 'x' }).general).toEqual([{ key: 'contactErrorNoRelay' }]);
  });
});
