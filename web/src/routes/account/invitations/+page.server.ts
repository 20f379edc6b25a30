// An editor invites co-editors for their own initiatives (ADR 0012): the registry allows an
// editor to invite editors of the initiatives they belong to, nothing else. The page also lists
// the invitations they sent, not used yet, each with a button that withdraws it at once. The
// secret link is shown once, on the answer to the creation, and never stored by the site.
import { fail } from '@sveltejs/kit';
import { loadAs } from '#lib/server/manage/page-access.ts';
import { currentAccount } from '#lib/server/session.ts';
import { requireAccount } from '#lib/server/manage/page-access.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { CO_EDITOR_INVITATIONS_QUERY } from '#lib/server/manage/editor-queries.ts';
import { CREATE_INVITATION, type CreateInvitationResult } from '#lib/server/manage/admin-queries.ts';
import {
  checkInvitationCreateForm,
  invitationInput,
  readInvitationCreateForm,
  type InvitationCreateForm,
} from '#lib/forms/manage/invitation-create-form.ts';
import { withdrawInvitation } from '#lib/server/manage/withdraw-invitation.ts';
import type { Actions, PageServerLoad } from './$types';
import type { CoEditorInvitationsQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const result = await loadAs<CoEditorInvitationsQuery>(event, CO_EDITOR_INVITATIONS_QUERY);
  return { initiatives: result.myInitiatives, invitations: result.pendingInvitations };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    requireAccount(await currentAccount(event), event.url);
    // Only editor invitations here, whatever was posted; the registry checks each initiative again.
    form.set('role', 'EDITOR');
    const posted = readInvitationCreateForm(form);
    const local = checkInvitationCreateForm(posted, false);
    if (local) return fail(400, { problems: local, posted });
    const fieldIds = { initiatives: 'initiatives', note: 'note', email: 'email' };
    const outcome = await runMutation<CreateInvitationResult, InvitationCreateForm>(
      event,
      form,
      CREATE_INVITATION,
      { input: invitationInput(posted) },
      { fieldIds, posted },
    );
    if (!outcome.ok) return outcome.failure;
    return { created: { url: outcome.result.url, emailed: outcome.result.emailed } };
  },
  withdraw: withdrawInvitation,
};
