// Telling an initiative's editors that someone new joined them: nobody becomes an editor of an
// initiative unseen (ADR 0012). Its enabled editors are told, in the site and by e-mail when SMTP
// is configured; an initiative without editors yet has the admins told instead. Notices name the
// role of whoever invited, never a person's e-mail address.
import type { Role } from '../accounts/actor.ts';
import type { AccountRepository } from '../accounts/account-repository.ts';
import { logger } from '../config/logging.ts';
import type { SendMail } from '../mail/mailer.ts';
import type { NotificationRepository } from './notification-repository.ts';
import { mailLanguage, mailText } from './notice-mail-texts.ts';

const log = logger('notifications');

export interface EditorNoticeDependencies {
  accounts: AccountRepository;
  notifications: NotificationRepository;
  /** The initiative's name, for e-mails (its handle when it has none). */
  initiativeName: (handle: string) => Promise<string>;
  /** The node's own language, for e-mails to people whose language is not known. */
  nodeLanguage: () => Promise<string | null>;
  publicUrl: URL;
  now: () => Date;
  sendMail?: SendMail;
}

export class EditorNotices {
  readonly #deps: EditorNoticeDependencies;

  constructor(deps: EditorNoticeDependencies) {
    this.#deps = deps;
  }

  /** `newAccountId` has just become an editor of `initiative`, invited by someone with role `invitedBy`. */
  async editorAdded(input: { initiative: string; newAccountId: string; invitedBy: Role }): Promise<void> {
    const editors = (await this.#deps.accounts.editorsOf(input.initiative)).filter((account) => account._id !== input.newAccountId);
    const audience = editors.length > 0 ? 'editors' : 'admins';
    const recipients = editors.length > 0 ? editors : await this.#deps.accounts.enabledAdmins();
    const createdAt = this.#deps.now().toISOString();
    await this.#deps.notifications.add(
      recipients.map((account) => ({
        accountId: account._id,
        kind: 'editor.added' as const,
        initiative: input.initiative,
        createdAt,
        data: { invitedBy: input.invitedBy, audience },
      })),
    );
    log.info('Told {count} account(s) ({audience}) that an editor joined {initiative}', {
      count: recipients.length,
      audience,
      initiative: input.initiative,
    });
    const sendMail = this.#deps.sendMail;
    if (!sendMail || recipients.length === 0) return;
    const name = await this.#deps.initiativeName(input.initiative);
    const nodeLanguage = await this.#deps.nodeLanguage();
    const link = new URL('/account/notifications', this.#deps.publicUrl).href;
    // Translators invite nobody (authorization.ts), so an editor's inviter is one of the three.
    if (input.invitedBy === 'translator') return;
    const editorAdded = { by: input.invitedBy, audience } as const;
    // A slow or failing mail server never holds up, nor fails, the person joining.
    void Promise.allSettled(
      recipients.map((account) => {
        const { subject, text } = mailText(mailLanguage([account.language, nodeLanguage]), 'editorAdded', { name, link, editorAdded });
        return sendMail(account.email, subject, text);
      }),
    );
  }
}
