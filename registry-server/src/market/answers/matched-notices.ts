// Telling the matched side that a record concerns it: the editors of a matched local initiative
// (or of the initiative whose need an offer matched), or the node's moderators and admins for a
// lender's offer, in the site always and by e-mail too with SMTP. Called once per record and
// party (market-answers.ts decides that), never per update, so a record edited ten times is one notice.
import type { AccountRepository } from '../../accounts/account-repository.ts';
import { logger } from '../../config/logging.ts';
import type { SendMail } from '../../mail/mailer.ts';
import type { NotificationRepository } from '../../notifications/notification-repository.ts';
import { mailLanguage } from '../../notifications/notice-mail-texts.ts';
import type { StoredMarketRecord } from '../market-record-repository.ts';
import { matchedMailText } from './matched-mail-texts.ts';

const log = logger('notifications');

/** Who a match tells: a local initiative (its editors answer for it) or an organisation's record (the staff are told). */
export interface TellParty {
  party: 'initiative' | 'organisation';
  iri: string;
  /** The local initiative's handle; null for an organisation. */
  handle: string | null;
  name: string;
}

export interface MatchedNoticeDependencies {
  accounts: AccountRepository;
  notifications: NotificationRepository;
  nodeLanguage: () => Promise<string | null>;
  publicUrl: URL;
  now: () => Date;
  sendMail?: SendMail;
}

/** Where an editor opens a record sent to their initiative and answers it (web/src/routes/market/[handle]/answer). */
export function answerPath(record: StoredMarketRecord, recordIri: string, initiative: string): string {
  const query = new URLSearchParams({ initiative });
  if (record.origin.kind !== 'local') query.set('record', recordIri);
  return `/market/${encodeURIComponent(record.record.handle)}/answer?${query}`;
}

/** Where the record's followers see who answered (web/src/routes/market/[handle]/follow). */
export const followPath = (handle: string) => `/market/${encodeURIComponent(handle)}/follow`;

export class MatchedNotices {
  readonly #deps: MatchedNoticeDependencies;

  constructor(deps: MatchedNoticeDependencies) {
    this.#deps = deps;
  }

  async tell(party: TellParty, record: StoredMarketRecord, recordIri: string): Promise<void> {
    const { accounts, notifications } = this.#deps;
    const recipients = party.handle ? await accounts.editorsOf(party.handle) : await accounts.enabledStaff();
    if (recipients.length === 0) return;
    const title = record.record.title[record.record.originalLanguage] ?? Object.values(record.record.title)[0] ?? record.record.handle;
    // An organisation's offer has no answer page: its staff see the matched record's own page.
    const path = party.handle ? answerPath(record, recordIri, party.handle) : `/market/${encodeURIComponent(record.record.handle)}`;
    const createdAt = this.#deps.now().toISOString();
    await notifications.add(
      recipients.map((account) => ({
        accountId: account._id,
        kind: 'market.matched' as const,
        initiative: party.handle,
        createdAt,
        data: { record: recordIri, recordKind: record.record.kind, title, party: party.name, path },
      })),
    );
    log.info('Told {count} account(s) that market record {record} matches {party}', {
      count: recipients.length,
      record: recordIri,
      party: party.iri,
    });
    const sendMail = this.#deps.sendMail;
    if (!sendMail) return;
    const nodeLanguage = await this.#deps.nodeLanguage();
    const link = new URL(path, this.#deps.publicUrl).href;
    // A slow or failing mail server never holds up, nor fails, the telling.
    void Promise.allSettled(
      recipients.map((account) => {
        const { subject, text } = matchedMailText(mailLanguage([account.language, nodeLanguage]), party.party, {
          name: party.name,
          title,
          link,
        });
        return sendMail(account.email, subject, text);
      }),
    );
  }
}
