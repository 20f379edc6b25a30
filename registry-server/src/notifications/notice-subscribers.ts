// People are told what happened, in the site always and by e-mail too when SMTP is configured:
// an initiative's editors when a message waits for it or a moderator decided on it, moderators
// and admins when a report came in. Thin reactions to domain events; a notice names the
// initiative and where to act, never the sender's, the reporter's or anyone else's address.
import type { Account } from '../accounts/account-repository.ts';
import { logger } from '../config/logging.ts';
import type { DomainEvent, DomainEvents } from '../events/domain-events.ts';
import type { NotificationKind } from './notification-repository.ts';
import type { EditorNoticeDependencies } from './editor-added-notices.ts';
import { mailLanguage, mailText, type MailKind } from './notice-mail-texts.ts';

const log = logger('notifications');

/** What the editor-added notices need (editor-added-notices.ts), and the events to react to. */
export interface NoticeDependencies extends EditorNoticeDependencies {
  events: DomainEvents;
}

/** Where on the site each notice is acted on (the site links to the same places). */
export const noticeLinks = {
  messages: (initiative: string) => `/account/initiatives/${initiative}/messages`,
  initiative: (initiative: string) => `/account/initiatives/${initiative}`,
  reports: () => '/admin/reports',
  review: () => '/admin/review',
  account: () => '/account',
};

export function subscribeNotices(deps: NoticeDependencies): void {
  deps.events.subscribe((event) => tell(deps, event));
}

async function tell(deps: NoticeDependencies, event: DomainEvent): Promise<void> {
  if (event.type === 'message.received') {
    const recipients = await deps.accounts.editorsOf(event.initiativeId);
    await notify(deps, recipients, 'message.received', event.initiativeId, {}, 'message', noticeLinks.messages(event.initiativeId));
  } else if (event.type === 'review.decided' && event.kind === 'initiative') {
    const recipients = await deps.accounts.editorsOf(event.id);
    const data = { decision: event.decision, ...(event.note ? { note: event.note } : {}) };
    const mail = event.decision === 'approved' ? 'approved' : event.decision === 'declined' ? 'declined' : 'changes';
    // A declined record is deleted: its editors can only read why, on their account page.
    const path = event.decision === 'declined' ? noticeLinks.account() : noticeLinks.initiative(event.id);
    await notify(deps, recipients, 'review.decided', event.id, data, mail, path, event.note ?? undefined);
  } else if (event.type === 'report.received') {
    const recipients = await deps.accounts.enabledStaff();
    await notify(deps, recipients, 'report.received', null, { listings: event.objects.length }, 'report', noticeLinks.reports());
  } else if (event.type === 'listing.requested') {
    // Moderators and admins decide on it; the notice names the initiative, never who asked.
    const recipients = await deps.accounts.enabledStaff();
    await notify(deps, recipients, 'listing.requested', event.id, {}, 'listing', noticeLinks.review());
  }
}

async function notify(
  deps: NoticeDependencies,
  recipients: Account[],
  kind: NotificationKind,
  initiative: string | null,
  data: Record<string, unknown>,
  mail: MailKind,
  path: string,
  note?: string,
): Promise<void> {
  if (recipients.length === 0) return;
  const createdAt = deps.now().toISOString();
  await deps.notifications.add(recipients.map((account) => ({ accountId: account._id, kind, initiative, createdAt, data })));
  log.info('Told {count} account(s) of {kind} ({initiative})', { count: recipients.length, kind, initiative });
  const sendMail = deps.sendMail;
  if (!sendMail) return;
  const name = initiative ? await deps.initiativeName(initiative) : undefined;
  const nodeLanguage = await deps.nodeLanguage();
  const link = new URL(path, deps.publicUrl).href;
  // A slow or failing mail server never holds up, nor fails, what happened.
  void Promise.allSettled(
    recipients.map((account) => {
      const { subject, text } = mailText(mailLanguage([account.language, nodeLanguage]), mail, {
        link,
        ...(name ? { name } : {}),
        ...(note ? { note } : {}),
      });
      return sendMail(account.email, subject, text);
    }),
  );
}
