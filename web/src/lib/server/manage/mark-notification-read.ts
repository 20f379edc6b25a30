// The "Mark as read" button of a notice, on the account page and in the inbox.
import { textField } from '#lib/forms/manage/form-problems.ts';
import type { MarkNotificationReadMutation } from '#lib/generated/operation-types.ts';
import { MARK_NOTIFICATION_READ } from './editor-queries.ts';
import type { SessionEvent } from '../session.ts';
import { runMutation } from './edit-action.ts';

export async function markNotificationRead(event: SessionEvent & { request: Request }) {
  const form = await event.request.formData();
  const id = textField(form, 'notification');
  const outcome = await runMutation<MarkNotificationReadMutation['result']>(event, form, MARK_NOTIFICATION_READ, { id }, { formId: id });
  if (!outcome.ok) return outcome.failure;
  return { markedRead: id };
}
