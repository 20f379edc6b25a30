// Accounts, sessions, invitations, settings and the audit log. Thin: each resolver calls a
// service, which authorises and validates.
import type { Account } from '../../accounts/account-repository.ts';
import { AuthorizationError, authorize, can } from '../../accounts/authorization.ts';
import type { Invitation } from '../../accounts/invitation-service.ts';
import type { Notification } from '../../notifications/notification-repository.ts';
import { noticeLinks } from '../../notifications/notice-subscribers.ts';
import type { Role } from '../../accounts/actor.ts';
import { ActionError } from '../../accounts/action-error.ts';
import type { GraphQLContext } from '../context.ts';
import { localized, readerWith } from '../reader.ts';
import { mutation, toMutationError } from './mutation-support.ts';
import type { NotificationKind, Resolvers, Role as GqlRole } from '../generated/resolver-types.ts';

const ROLE_ENUM = (role: string) => role.toUpperCase() as GqlRole;
const roleFromEnum = (role: string) => role.toLowerCase() as Role;

const accountView = (account: Account) => ({
  id: account._id,
  email: account.email,
  role: ROLE_ENUM(account.role),
  initiatives: account.initiatives,
  createdAt: account.createdAt,
  disabled: Boolean(account.disabledAt),
  disabledAt: account.disabledAt ?? null,
});
const NOTIFICATION_KINDS: Readonly<Record<Notification['kind'], NotificationKind>> = {
  'editor.added': 'EDITOR_ADDED',
  'message.received': 'MESSAGE_RECEIVED',
  'review.decided': 'REVIEW_DECIDED',
  'report.received': 'REPORT_RECEIVED',
  'listing.requested': 'LISTING_REQUESTED',
  'market.matched': 'MARKET_MATCHED',
  'adoption.received': 'ADOPTION_RECEIVED',
  'city-question.received': 'CITY_QUESTION_RECEIVED',
  'city-question.answered': 'CITY_QUESTION_ANSWERED',
};
const notificationPath = (n: Notification): string => {
  if (n.kind === 'report.received') return noticeLinks.reports();
  if (n.kind === 'listing.requested') return noticeLinks.review();
  if (n.kind === 'market.matched' && typeof n.data.path === 'string') return n.data.path;
  if (n.kind === 'city-question.received' || n.kind === 'city-question.answered') return '/account/city-questions';
  if (n.kind === 'adoption.received') return `/practices/${encodeURIComponent(String(n.data.practice))}`;
  if (n.kind === 'review.decided' && n.data.decision === 'declined') return noticeLinks.account();
  if (!n.initiative) return '/account';
  return n.kind === 'message.received' ? noticeLinks.messages(n.initiative) : noticeLinks.initiative(n.initiative);
};
const notificationView = (n: Notification) => ({
  id: n._id,
  kind: NOTIFICATION_KINDS[n.kind],
  initiative: n.initiative,
  byRole: typeof n.data.invitedBy === 'string' ? ROLE_ENUM(n.data.invitedBy) : null,
  decision:
    n.data.decision === 'approved'
      ? ('APPROVED' as const)
      : n.data.decision === 'changes-requested'
        ? ('CHANGES_REQUESTED' as const)
        : n.data.decision === 'declined'
          ? ('DECLINED' as const)
          : null,
  note: typeof n.data.note === 'string' ? n.data.note : null,
  path: notificationPath(n),
  createdAt: n.createdAt,
  readAt: n.readAt,
  data: n.data,
});
export type InvitationView = ReturnType<typeof invitationView>;
const invitationView = (invitation: Invitation, now: Date) => ({
  id: invitation._id.slice(0, 12),
  role: ROLE_ENUM(invitation.role),
  initiatives: invitation.initiatives,
  note: invitation.note,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
  expired: invitation.expiresAt <= now.toISOString(),
});

/** The invited initiatives named for the reader: local ones not deleted, drafts included (the invitee will edit them). */
async function invitedInitiatives(v: InvitationView, args: { lang?: string | null }, ctx: GraphQLContext) {
  const docs = await ctx.services.initiatives.findLocalUndeleted(v.initiatives);
  const reader = readerWith(ctx.reader, args.lang);
  return v.initiatives.map((slug) => {
    const doc = docs.find((d) => d._id === slug);
    return { slug, name: doc ? localized(doc.record.name, reader, doc.record.originalLanguage) : null };
  });
}

export const accountResolvers: Resolvers = {
  Invitation: { invitedInitiatives },
  Query: {
    me: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      if (ctx.actor.kind !== 'account') return null;
      const account = await ctx.services.accounts.findById(ctx.actor.accountId);
      if (!account) return null;
      return {
        account: accountView(account),
        csrfToken: ctx.actor.via === 'cookie' ? ctx.csrfToken : null,
        canModerate: can(ctx.actor, { do: 'review.list' }),
        isAdmin: can(ctx.actor, { do: 'settings.update' }),
        unreadNotifications: await ctx.services.notifications.unreadCount(account._id),
      };
    },
    invitation: async (_: unknown, args: { token: string }, ctx: GraphQLContext) => {
      try {
        return { invitation: invitationView(await ctx.services.invitations.inspect(args.token), ctx.services.now()), error: null };
      } catch (error) {
        const mapped = toMutationError(error);
        if (!mapped) throw error;
        return { invitation: null, error: mapped };
      }
    },
    pendingInvitations: async (_: unknown, args: { includeExpired?: boolean | null }, ctx: GraphQLContext) =>
      (await ctx.services.invitations.listPending(ctx.actor, { includeExpired: args.includeExpired ?? false })).map((i) =>
        invitationView(i, ctx.services.now()),
      ),
    myNotifications: async (_: unknown, args: { unreadOnly?: boolean | null; first?: number | null }, ctx: GraphQLContext) => {
      if (ctx.actor.kind !== 'account') return [];
      return (
        await ctx.services.notifications.listFor(ctx.actor.accountId, { unreadOnly: args.unreadOnly ?? false, first: args.first ?? 50 })
      ).map(notificationView);
    },
    accounts: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'account.list' });
      return (await ctx.services.accounts.listAll(1000)).map(accountView);
    },
    auditLog: async (_: unknown, args: { first?: number | null; before?: string | null }, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'audit.read' });
      return ctx.services.audit.list(Math.min(Math.max(args.first ?? 50, 1), 200), args.before ?? undefined);
    },
    nodeSettings: async (_: unknown, __: unknown, ctx: GraphQLContext) => {
      authorize(ctx.actor, { do: 'settings.update' });
      return ctx.services.settings.get();
    },
    passwordResetByEmail: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.services.passwordResets.byEmail,
    passwordResetLinkUsable: (_: unknown, args: { token: string }, ctx: GraphQLContext) => ctx.services.passwordResets.isUsable(args.token),
    firstAdminSetupLinkUsable: (_: unknown, args: { token: string }, ctx: GraphQLContext) =>
      ctx.services.firstAdminSetup.isUsable(args.token),
  },
  Mutation: {
    // Signing in needs no CSRF token (there is no session yet); SameSite cookies and the JSON-only
    // body keep other sites from signing a browser in.
    signIn: mutation(
      async (args: { email: string; password: string; session?: 'COOKIE' | 'BEARER' | null; deviceToken?: string | null }, ctx) => {
        const via = args.session === 'BEARER' ? 'bearer' : 'cookie';
        const deviceToken = args.deviceToken ?? ctx.deviceCookie;
        const signedIn = await ctx.services.accountService.signIn({
          email: args.email,
          password: args.password,
          via,
          address: ctx.address,
          deviceToken,
        });
        // E-mails to the person are then written in the language they use the site in.
        const language = ctx.reader.languages[0];
        if (language) await ctx.services.accounts.setLanguage(signedIn.account._id, language);
        // Cookie sessions keep both secrets in httpOnly cookies, out of reach of page scripts.
        if (via === 'cookie') {
          ctx.setSessionCookie(signedIn.token, signedIn.expiresAt);
          ctx.setDeviceCookie(signedIn.device.token, signedIn.device.expiresAt);
        }
        const bearer = via === 'bearer';
        return {
          account: accountView(signedIn.account),
          token: bearer ? signedIn.token : null,
          deviceToken: bearer ? signedIn.device.token : null,
          csrfToken: signedIn.csrfToken,
          expiresAt: signedIn.expiresAt,
          error: null,
        };
      },
      {},
      { csrf: false },
    ),
    signOut: mutation(
      async (_args: unknown, ctx) => {
        await ctx.services.accountService.signOut(ctx.actor);
        if (ctx.actor.kind === 'account' && ctx.actor.via === 'cookie') ctx.setSessionCookie(null, null);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    changePassword: mutation(
      async (args: { currentPassword: string; newPassword: string }, ctx) => {
        if (ctx.actor.kind !== 'account') throw new ActionError('INVALID_CREDENTIALS', 'Sign in to change your password.');
        await ctx.services.accountService.changePassword(ctx.actor, args.currentPassword, args.newPassword);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    createInvitation: mutation(
      async (args: { input: { role: string; initiatives?: string[] | null; note?: string | null; email?: string | null } }, ctx) => {
        const role = roleFromEnum(args.input.role);
        if (role === 'admin')
          throw new ActionError(
            'VALIDATION_FAILED',
            'Admins are not invited: invite a moderator or an editor, then make the account admin with changeAccountRole (admins).',
            { fields: [{ field: 'role', code: 'NOT_ALLOWED', message: 'must be MODERATOR or EDITOR.' }] },
          );
        const created = await ctx.services.invitations.create(ctx.actor, {
          role,
          initiatives: args.input.initiatives ?? [],
          note: args.input.note ?? null,
          email: args.input.email ?? null,
        });
        return {
          invitation: invitationView(created.invitation, ctx.services.now()),
          url: created.url,
          emailed: created.emailed,
          error: null,
        };
      },
      { emailed: false },
    ),
    withdrawInvitation: mutation(
      async (args: { id: string }, ctx) => {
        await ctx.services.invitations.withdraw(ctx.actor, args.id);
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    disableAccount: mutation(async (args: { id: string }, ctx) => ({
      account: accountView(await ctx.services.accountAdministration.disable(ctx.actor, args.id)),
      error: null,
    })),
    enableAccount: mutation(async (args: { id: string }, ctx) => ({
      account: accountView(await ctx.services.accountAdministration.enable(ctx.actor, args.id)),
      error: null,
    })),
    removeEditor: mutation(async (args: { account: string; initiative: string }, ctx) => ({
      account: accountView(await ctx.services.accountAdministration.removeEditor(ctx.actor, args.account, args.initiative)),
      error: null,
    })),
    addEditor: mutation(async (args: { account: string; initiative: string }, ctx) => ({
      account: accountView(await ctx.services.accountAdministration.addEditor(ctx.actor, args.account, args.initiative)),
      error: null,
    })),
    changeAccountRole: mutation(async (args: { account: string; role: string }, ctx) => ({
      account: accountView(await ctx.services.accountAdministration.changeRole(ctx.actor, args.account, roleFromEnum(args.role))),
      error: null,
    })),
    resendInvitation: mutation(
      async (args: { id: string; email?: string | null }, ctx) => {
        const resent = await ctx.services.invitations.resend(ctx.actor, args.id, args.email ?? null);
        return { invitation: invitationView(resent.invitation, ctx.services.now()), url: resent.url, emailed: resent.emailed, error: null };
      },
      { emailed: false },
    ),
    // No session and no CSRF token: the node has no account yet; the link's token is the proof.
    createFirstAdmin: mutation(
      async (args: { token: string; email: string; password: string }, ctx) => ({
        account: accountView(await ctx.services.firstAdminSetup.createFirstAdmin(args.token, args.email, args.password)),
        error: null,
      }),
      {},
      { csrf: false },
    ),
    markNotificationRead: mutation(async (args: { id: string }, ctx) => {
      if (ctx.actor.kind !== 'account') throw new AuthorizationError('SIGN_IN_REQUIRED', 'Sign in to see your notifications.');
      const notification = await ctx.services.notifications.markRead(ctx.actor.accountId, args.id, ctx.services.now().toISOString());
      if (!notification) throw new ActionError('NOT_FOUND', 'You have no notification with this id; see myNotifications.');
      return { notification: notificationView(notification), error: null };
    }),
    markAllNotificationsRead: mutation(
      async (_args: unknown, ctx) => {
        if (ctx.actor.kind !== 'account') throw new AuthorizationError('SIGN_IN_REQUIRED', 'Sign in to see your notifications.');
        return { marked: await ctx.services.notifications.markAllRead(ctx.actor.accountId, ctx.services.now().toISOString()), error: null };
      },
      { marked: 0 },
    ),
    // No session and no CSRF token: the person has forgotten their password. Limited per address
    // asked for and per client address; the same answer whether or not the address has an account.
    requestPasswordReset: mutation(
      async (args: { email: string }, ctx) => {
        await ctx.services.passwordResets.request({ email: args.email, address: ctx.address, language: ctx.reader.languages[0] ?? null });
        return { ok: true, error: null };
      },
      { ok: false },
      { csrf: false },
    ),
    resetPassword: mutation(
      async (args: { token: string; newPassword: string }, ctx) => {
        await ctx.services.passwordResets.reset({ token: args.token, newPassword: args.newPassword, address: ctx.address });
        return { ok: true, error: null };
      },
      { ok: false },
      { csrf: false },
    ),
    createPasswordResetLink: mutation(async (args: { account: string }, ctx) => ({
      ...(await ctx.services.passwordResets.makeLink(ctx.actor, args.account)),
      error: null,
    })),
    acceptInvitation: mutation(
      async (args: { token: string; email: string; password: string }, ctx) => ({
        account: accountView(await ctx.services.invitations.accept(args.token, args.email, args.password, ctx.address)),
        error: null,
      }),
      {},
      { csrf: false },
    ),
    // Like signIn, no CSRF token: there is no session yet, and it only sets the device cookie.
    trustThisDevice: mutation(
      async (args: { token: string; session?: 'COOKIE' | 'BEARER' | null }, ctx) => {
        const device = await ctx.services.accountService.trustDeviceByLink(args.token);
        if (args.session === 'BEARER') return { deviceToken: device.token, error: null };
        ctx.setDeviceCookie(device.token, device.expiresAt);
        return { deviceToken: null, error: null };
      },
      {},
      { csrf: false },
    ),
    clearSignInLock: mutation(
      async (args: { account: string }, ctx) => {
        authorize(ctx.actor, { do: 'account.unlock' });
        if (ctx.actor.kind !== 'account') throw new Error('unreachable');
        await ctx.services.accountService.clearSignInLock(args.account);
        await ctx.services.audit.record({
          accountId: ctx.actor.accountId,
          role: ctx.actor.role,
          action: 'account.clearSignInLock',
          target: `account:${args.account}`,
        });
        return { ok: true, error: null };
      },
      { ok: false },
    ),
    updateNodeSettings: mutation(async (args: { editsRequireReview: boolean }, ctx) => {
      authorize(ctx.actor, { do: 'settings.update' });
      const settings = await ctx.services.settings.update({ editsRequireReview: args.editsRequireReview });
      if (ctx.actor.kind === 'account')
        await ctx.services.audit.record({
          accountId: ctx.actor.accountId,
          role: ctx.actor.role,
          action: 'settings.update',
          target: 'node',
          details: { editsRequireReview: args.editsRequireReview },
        });
      return { settings, error: null };
    }),
  },
};
