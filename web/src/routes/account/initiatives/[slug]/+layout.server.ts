// One initiative in the editor's area: its status, record and unread messages, shared by the
// overview and each section (texts, privacy, needs, preview, history, messages). Moderators
// may open it too, but not its messages, which are for the initiative's own editors.
import { loadAs } from '#lib/server/manage/page-access.ts';
import {
  EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY,
  EDITABLE_INITIATIVE_QUERY,
  type EditableInitiative,
} from '#lib/server/manage/editor-queries.ts';
import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { account } = await event.parent();
  const isEditor = account.initiatives.includes(event.params.slug);
  const query = isEditor ? EDITABLE_INITIATIVE_QUERY : EDITABLE_INITIATIVE_FOR_MODERATOR_QUERY;
  const { editableInitiative } = await loadAs<{ editableInitiative: EditableInitiative | null }>(event, query, { slug: event.params.slug });
  if (!editableInitiative) error(404);
  return { initiative: { ...editableInitiative, unread: editableInitiative.unread ?? [] }, isEditor };
};
