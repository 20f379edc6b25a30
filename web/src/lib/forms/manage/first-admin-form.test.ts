import { describe, expect, it } from 'vitest';
import { checkFirstAdminForm, firstAdminProblems, readFirstAdminForm } from './first-admin-form.ts';

describe('the first-admin setup form', () => {
  it('reads the address trimmed and the passwords as typed', () => {
    const data = new FormData();
    data.set('email', '  admin@city.example ');
    data.set('password', ' spaced password ');
    data.set('passwordAgain', ' spaced password ');
    expect(readFirstAdminForm(data)).toEqual({
      email: 'admin@city.example',
      password: ' spaced password ',
      passwordAgain: ' spaced password ',
    });
  });

  it('wants an address and the same password twice before asking the registry', () => {
    expect(checkFirstAdminForm({ email: 'not an address', password: '', passwordAgain: '' })?.fields).toEqual({
      email: { key: 'forgotErrorEmail' },
      password: { key: 'invitationErrorPasswordMissing' },
      'password-again': { key: 'invitationErrorPasswordAgainMissing' },
    });
    expect(
      checkFirstAdminForm({ email: 'admin@city.example', password: 'one long password', passwordAgain: 'another long one' })?.fields,
    ).toEqual({ 'password-again': { key: 'invitationErrorPasswordsDiffer' } });
    expect(
      checkFirstAdminForm({ email: 'admin@city.example', password: 'one long password', passwordAgain: 'one long password' }),
    ).toBeNull();
  });

  it("puts the registry's refusals at their fields, in the reader's language", () => {
    const weak = firstAdminProblems({
      code: 'WEAK_PASSWORD',
      message: 'The password is too short.',
      fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: 'is too short.' }],
    });
    expect(weak.fields.password).toEqual({ key: 'invitationErrorWeakPassword' });
    const taken = firstAdminProblems({
      code: 'EMAIL_TAKEN',
      message: 'An account with this e-mail address exists already.',
      fields: [{ field: 'email', code: 'EMAIL_TAKEN', message: 'has an account already.' }],
    });
    expect(taken.fields.email).toEqual({ key: 'peopleAdminSetupEmailTaken' });
  });
});
