import { describe, expect, it } from 'vitest';
import { checkForgotForm, checkResetForm, forgotProblems, resetProblems } from './password-reset-form.ts';

describe('the forgotten-password forms', () => {
  it('ask for an e-mail address before asking the registry', () => {
    expect(checkForgotForm({ email: '' })).toEqual({ fields: { email: { key: 'forgotErrorEmail' } }, general: [] });
    expect(checkForgotForm({ email: 'name@example.org' })).toBeNull();
  });

  it('say how long to wait when the registry limits requests', () => {
    expect(forgotProblems({ code: 'RATE_LIMITED', message: 'Too many.', retryAfterSeconds: 61 })).toEqual({
      fields: {},
      general: [{ key: 'forgotErrorRateLimited', values: { minutes: 2 } }],
    });
  });

  it('want the new password twice, the same', () => {
    expect(checkResetForm({ newPassword: '', passwordAgain: '' })?.fields).toEqual({
      'new-password': { key: 'invitationErrorPasswordMissing' },
      'password-again': { key: 'invitationErrorPasswordAgainMissing' },
    });
    expect(checkResetForm({ newPassword: 'one long password', passwordAgain: 'another long one' })?.fields).toEqual({
      'password-again': { key: 'invitationErrorPasswordsDiffer' },
    });
    expect(checkResetForm({ newPassword: 'one long password', passwordAgain: 'one long password' })).toBeNull();
  });

  it("put the registry's weak-password refusal at the new password's field", () => {
    const problems = resetProblems({
      code: 'WEAK_PASSWORD',
      message: 'The new password must be at least 12 characters.',
      fields: [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: 'must be at least 12 characters.' }],
    });
    expect(problems.fields).toEqual({ 'new-password': { key: 'invitationErrorWeakPassword' } });
  });
});
