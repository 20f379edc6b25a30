// The practice's own city hears of its adoptions (issue 16 point 1): when a partner's adoption
// record of one of this node's practices arrives for the first time, or reaches another stage,
// the node's moderators and admins get a notice in the site linking to the practice's page. The
// notice names the practice, the adopting city and the stage, never a person.
import type { AccountRepository } from '../accounts/account-repository.ts';
import { logger } from '../config/logging.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { NotificationRepository } from '../notifications/notification-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { AdoptionRecordRepository } from './adoption-record-repository.ts';
import type { AdoptedPractices } from './adopted-practices.ts';

const log = logger('notifications', 'adoptions');

export interface AdoptionNoticeDependencies {
  events: DomainEvents;
  accounts: AccountRepository;
  notifications: NotificationRepository;
  records: AdoptionRecordRepository;
  practices: AdoptedPractices;
  iris: RecordIris;
  now: () => Date;
}

export function subscribeAdoptionNotices(deps: AdoptionNoticeDependencies): void {
  deps.events.subscribe(async (event) => {
    if (event.type !== 'adoption.received' || !(event.created || event.stageChanged)) return;
    if (!deps.practices.isLocal(event.practice)) return;
    const [practice, record] = await Promise.all([deps.practices.find(event.practice), deps.records.findById(event.id)]);
    if (!practice || !record) return;
    const recipients = await deps.accounts.enabledStaff();
    if (recipients.length === 0) return;
    const createdAt = deps.now().toISOString();
    const data = { practice: practice.record.handle, city: record.record.node, stage: record.record.stage, adoption: event.id };
    await deps.notifications.add(
      recipients.map((account) => ({ accountId: account._id, kind: 'adoption.received' as const, initiative: null, createdAt, data })),
    );
    log.info('Told {count} account(s) that {city} adopts {practice}', { count: recipients.length, ...data });
  });
}
