// The admins' actions on people that issue 14 point 8 added (ADR 0032): change an account's
// role, make an existing account an editor of an initiative, resend an invitation, remove a
// fediverse follower. Each is a plain form post (CSRF field, works without JavaScript); the
// registry authorises, audits and refuses what must not happen (the last admin, a partner node).
import { fail, redirect } from '@sveltejs/kit';
import { textField } from '#lib/forms/manage/form-problems.ts';
import type {
  AddEditorMutation,
  ChangeAccountRoleMutation,
  RemoveFollowerMutation,
  ResendInvitationMutation,
} from '#lib/generated/operation-types.ts';
import { ADD_EDITOR, CHANGE_ACCOUNT_ROLE, REMOVE_FOLLOWER, RESEND_INVITATION } from './admin-queries.ts';
import { currentAccount, type SessionEvent } from '../session.ts';
import { runMutation } from './edit-action.ts';

type ActionEvent = SessionEvent & { request: Request };

const ROLES = new Set(['ADMIN', 'MODERATOR', 'EDITOR']);

/** Changes one account's role; the registry never demotes the last admin (said in words here). */
export async function changeRole(event: ActionEvent) {
  const form = await event.request.formData();
  const id = textField(form, 'account');
  const role = textField(form, 'role');
  if (!ROLES.has(role)) return fail(400, { problems: { fields: {}, general: [{ key: 'peopleAdminErrorRole' as const }] }, formId: id });
  const outcome = await runMutation<ChangeAccountRoleMutation['result']>(
    event,
    form,
    CHANGE_ACCOUNT_ROLE,
    { account: id, role },
    { formId: id },
  );
  if (!outcome.ok) {
    if (outcome.failure.status === 409) {
      const lastAdmin = textField(form, 'currentRole') === 'ADMIN' && role !== 'ADMIN';
      return fail(409, {
        problems: {
          fields: {},
          general: [{ key: lastAdmin ? ('peopleAdminErrorLastAdmin' as const) : ('peopleAdminErrorSameRole' as const) }],
        },
        formId: id,
      });
    }
    return outcome.failure;
  }
  // An admin who stepped down can no longer open this page: their own account page says where they are.
  const self = await currentAccount(event);
  if (self && !self.isAdmin) redirect(303, '/account');
  return { done: 'roleChanged' as const, target: outcome.result.account?.email ?? '', role };
}

/** Makes an existing account an editor of one initiative. */
export async function addEditor(event: ActionEvent) {
  const form = await event.request.formData();
  const id = textField(form, 'account');
  const initiative = textField(form, 'initiative');
  if (initiative === '')
    return fail(400, { problems: { fields: {}, general: [{ key: 'peopleAdminErrorChooseInitiative' as const }] }, formId: id });
  const outcome = await runMutation<AddEditorMutation['result']>(event, form, ADD_EDITOR, { account: id, initiative }, { formId: id });
  if (!outcome.ok) {
    if (outcome.failure.status === 409)
      return fail(409, { problems: { fields: {}, general: [{ key: 'peopleAdminErrorAlreadyEditor' as const }] }, formId: id });
    return outcome.failure;
  }
  return { done: 'editorAdded' as const, target: outcome.result.account?.email ?? '', initiative };
}

/** A new link for a pending or expired invitation; the old one stops working. */
export async function resendInvitation(event: ActionEvent) {
  const form = await event.request.formData();
  const id = textField(form, 'invitation');
  const email = textField(form, 'email');
  const outcome = await runMutation<ResendInvitationMutation['result']>(
    event,
    form,
    RESEND_INVITATION,
    { id, email: email === '' ? null : email },
    { formId: id, fieldIds: { email: `resend-email-${id}` } },
  );
  if (!outcome.ok) return outcome.failure;
  return { resent: { url: outcome.result.url ?? '', emailed: outcome.result.emailed } };
}

/** Removes an ordinary fediverse follower: it is sent a Reject of its Follow. */
export async function removeFollower(event: ActionEvent) {
  const form = await event.request.formData();
  const id = textField(form, 'follower');
  const outcome = await runMutation<RemoveFollowerMutation['result']>(event, form, REMOVE_FOLLOWER, { id }, { formId: id });
  if (!outcome.ok) return outcome.failure;
  return { removed: { actor: textField(form, 'actor'), followed: textField(form, 'followed') } };
}
