// The form that creates an invitation (routes/admin/invitations), without SvelteKit: what was
// posted, the checks made before asking the registry, and the CreateInvitationInput.
import { textField, type Problems } from './form-problems.ts';

export interface InvitationCreateForm {
  role: 'EDITOR' | 'MODERATOR' | 'TRANSLATOR';
  initiatives: string[];
  note: string;
  email: string;
}

export function readInvitationCreateForm(data: FormData): InvitationCreateForm {
  const posted = data.get('role');
  // Translators (ADR 0041) are invited by moderators and admins, like the staff who approve their work.
  const role = posted === 'MODERATOR' || posted === 'TRANSLATOR' ? posted : 'EDITOR';
  const initiatives = data.getAll('initiative').filter((value): value is string => typeof value === 'string' && value !== '');
  return {
    role,
    initiatives: role === 'EDITOR' ? [...new Set(initiatives)] : [],
    note: textField(data, 'note'),
    email: textField(data, 'email'),
  };
}

/** An editor needs at least one initiative to edit; a note is at most 500 characters. */
export function checkInvitationCreateForm(form: InvitationCreateForm, isAdmin: boolean): Problems | null {
  const fields: Problems['fields'] = {};
  if (form.role === 'MODERATOR' && !isAdmin) fields['role-MODERATOR'] = { key: 'inviteErrorModeratorAdminOnly' };
  if (form.role === 'EDITOR' && form.initiatives.length === 0) fields.initiatives = { key: 'inviteErrorNoInitiative' };
  if (form.note.length > 500) fields.note = { key: 'inviteErrorNoteTooLong' };
  return Object.keys(fields).length > 0 ? { fields, general: [] } : null;
}

/** The createInvitation input: empty optional fields left out. */
export function invitationInput(form: InvitationCreateForm): Record<string, unknown> {
  return {
    role: form.role,
    ...(form.role === 'EDITOR' ? { initiatives: form.initiatives } : {}),
    ...(form.note ? { note: form.note } : {}),
    ...(form.email ? { email: form.email } : {}),
  };
}
