// The "Withdraw" button of a pending invitation, on the admins' and the editors' invitation
// pages: the registry decides whose invitations the reader may withdraw (ADR 0012).
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { WithdrawInvitationMutation } from '#lib/generated/operation-types.ts';
import { WITHDRAW_INVITATION } from './admin-queries.ts';
import type { SessionEvent } from '../session.ts';
import { runMutation } from './edit-action.ts';

export async function withdrawInvitation(event: SessionEvent & { request: Request }) {
  const form = await event.request.formData();
  const id = textField(form, 'invitation');
  const outcome = await runMutation<WithdrawInvitationMutation['result']>(event, form, WITHDRAW_INVITATION, { id }, { formId: id });
  if (!outcome.ok) return outcome.failure;
  return { withdrawn: id };
}
