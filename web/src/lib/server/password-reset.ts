// Forgotten passwords, for the pages under /sign-in (no session: the person cannot sign in). The
// browser's address goes to the registry, whose limits count per client; the token and the new
// password are variables, never in a log line.
import type { SessionEvent } from './session.ts';
import { askWithoutSession as ask } from './sessionless-request.ts';
import type { ApiError } from '../forms/api-error-problems.ts';
import FORGOT_PAGE_QUERY from './queries/forgot-password-page.graphql?raw';
import RESET_PAGE_QUERY from './queries/password-reset-page.graphql?raw';
import REQUEST_RESET_MUTATION from './queries/request-password-reset.graphql?raw';
import RESET_PASSWORD_MUTATION from './queries/reset-password.graphql?raw';
import type {
  ForgotPasswordPageQuery,
  PasswordResetPageQuery,
  RequestPasswordResetMutation,
  ResetPasswordMutation,
} from '../generated/operation-types.ts';

/** Whether this node e-mails reset links (it has SMTP); otherwise the admin makes them. */
export async function resetByEmail(event: SessionEvent): Promise<boolean> {
  return (await ask<ForgotPasswordPageQuery>(event, FORGOT_PAGE_QUERY, {}, [])).passwordResetByEmail;
}

export async function requestReset(event: SessionEvent, email: string): Promise<ApiError | null> {
  return (await ask<RequestPasswordResetMutation>(event, REQUEST_RESET_MUTATION, { email }, [])).requestPasswordReset.error ?? null;
}

export async function resetLinkUsable(event: SessionEvent, token: string): Promise<boolean> {
  return (await ask<PasswordResetPageQuery>(event, RESET_PAGE_QUERY, { token }, [token])).passwordResetLinkUsable;
}

export async function resetPassword(event: SessionEvent, token: string, newPassword: string): Promise<ApiError | null> {
  const result = await ask<ResetPasswordMutation>(event, RESET_PASSWORD_MUTATION, { token, newPassword }, [token, newPassword]);
  return result.resetPassword.error ?? null;
}
