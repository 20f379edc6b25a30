// Invitations (moderators: the first editor of an initiative that has none; admins: any editor,
// and moderators): create one, see those not used yet (admins: all; moderators: their own), and
// withdraw one, which stops its link at once (ADR 0012); admins also see those that expired and
// resend any, which makes a new link and stops the old one (ADR 0032). The secret link is shown once, on the
// answer to the creation, and never stored by the site.
import { fail } from '@sveltejs/kit';
import { loadAs, requireModerator } from '#lib/server/manage/page-access.ts';
import { currentAccount } from '#lib/server/session.ts';
import { runMutation } from '#lib/server/manage/edit-action.ts';
import { CREATE_INVITATION, INVITATIONS_QUERY, type CreateInvitationResult } from '#lib/server/manage/admin-queries.ts';
import {
  checkInvitationCreateForm,
  invitationInput,
  readInvitationCreateForm,
  type InvitationCreateForm,
} from '#lib/forms/manage/invitation-create-form.ts';
import { withdrawInvitation } from '#lib/server/manage/withdraw-invitation.ts';
import { resendInvitation } from '#lib/server/manage/people-actions.ts';
import type { Actions, PageServerLoad } from './$types';
import type { InvitationsQuery } from '#lib/generated/operation-types.ts';

export const load: PageServerLoad = async (event) => {
  const result = await loadAs<InvitationsQuery>(event, INVITATIONS_QUERY);
  return { invitations: result.pendingInvitations, initiatives: result.initiatives.edges.map((edge) => edge.node) };
};

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    // Actions run without the layouts' loads: ask who is signed in (the registry checks the role again).
    const account = requireModerator(await currentAccount(event), event.url);
    const posted = readInvitationCreateForm(form);
    const local = checkInvitationCreateForm(posted, account.isAdmin);
    if (local) return fail(400, { problems: local, posted });
    const fieldIds = { role: 'role-EDITOR', initiatives: 'initiatives', note: 'note', email: 'email' };
    const outcome = await runMutation<CreateInvitationResult, InvitationCreateForm>(
      event,
      form,
      CREATE_INVITATION,
      { input: invitationInput(posted) },
      { fieldIds, posted },
    );
    if (!outcome.ok) {
      // A refusal here is the invitation rule (ADR 0012), not a missing role: say it in words.
      if (
        !account.isAdmin &&
        outcome.failure.data.problems.general.some((problem) => 'key' in problem && problem.key === 'manageErrorNotAuthorized')
      )
        return fail(403, { problems: { fields: { initiatives: { key: 'inviteErrorHasEditors' as const } }, general: [] }, posted });
      return outcome.failure;
    }
    return { created: { url: outcome.result.url, emailed: outcome.result.emailed, role: posted.role } };
  },
  withdraw: withdrawInvitation,
  // Admins only: the registry refuses anyone else.
  resend: resendInvitation,
};
