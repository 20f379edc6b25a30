// Messages people sent to the initiative through the registry's contact relay, newest first.
// Only the initiative's own editors may read them (the registry refuses moderators); the
// reader answers from their own mailbox, to the address the sender gave.
import { error } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { MARK_MESSAGE_READ, MESSAGES_QUERY } from '#lib/server/manage/editor-queries.ts';
import type { Actions, PageServerLoad } from './$types';
import type { InitiativeMessagesQuery, MarkMessageReadMutation } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const { isEditor } = await event.parent();
  if (!isEditor) error(403, 'Only the initiative’s own editors can read its messages.');
  const { editableInitiative } = await loadAs<InitiativeMessagesQuery>(event, MESSAGES_QUERY, { slug: event.params.slug });
  if (!editableInitiative) error(404);
  return { messages: editableInitiative.messages };
};

export const actions: Actions = {
  read: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const outcome = await runMutation<MarkMessageReadMutation['result']>(event, form, MARK_MESSAGE_READ, { id });
    if (!outcome.ok) return outcome.failure;
    return { read: id };
  },
};
