// Reports about listings, kept for this node's moderators (ADR 0031). Three kinds share one
// collection, told apart by `direction`:
//   - `received`: a partner's Flag about one of this node's listings (federation/inbox/on-flag.ts);
//     its _id is the Flag's id, so a Flag delivered twice is one report;
//   - `local`: made on this node's site about one of its own listings;
//   - `forwarded`: made on this node's site about a listing received from a partner, sent to its
//     origin as a Flag; the origin's answer (Accept or Reject of that Flag) closes it here.
// The reporter's text (`reason`) may hold personal data: it is emptied a while after the report
// is closed (purgeTexts), and never sent anywhere but to the listing's origin.
import type { Collection, Doc, Store } from '../store/store.ts';
import type { ReportCategory } from './report-categories.ts';

export type ReportDirection = 'received' | 'local' | 'forwarded';
export type ReportStatus = 'open' | 'forwarded' | 'resolved' | 'dismissed';
export type ReportDecision = 'resolved' | 'dismissed';

export interface ReportDecisionRecord {
  /** What was done (resolved) or why nothing was (dismissed). */
  note: string;
  decidedAt: string;
  /** The moderator's account here; null when the decision came from the listing's origin node. */
  by: string | null;
}

export type Report = Doc & {
  /** Absent on reports stored before ADR 0031: they were all received from partners. */
  direction?: ReportDirection;
  /** The reporting partner's actor IRI (received); null for reports made on this site (anonymous). */
  reporter: string | null;
  reporterHost: string | null;
  /** Global ids (IRIs) of the listings the report is about. */
  objects: string[];
  /** Absent on reports stored before ADR 0031: "other". */
  category?: ReportCategory;
  /** What the reporter wrote, as plain text; private; '' when they wrote nothing or once purged. */
  reason: string;
  receivedAt: string;
  status: ReportStatus;
  decision?: ReportDecisionRecord | null;
  /** Forwarded: the Flag sent to the origin, and the origin actor whose answer is accepted. */
  flagId?: string | null;
  sentTo?: string | null;
  /** Forwarded: why the Flag could not be sent (origin unknown or unreachable). */
  forwardError?: string | null;
  textPurgedAt?: string | null;
  /** Received and closed: when the Accept/Reject telling the reporting partner was queued. */
  answerQueuedAt?: string | null;
};

/** A report as the rest of the code sees it: the defaults of older documents filled in. */
export type ReportView = Report & { direction: ReportDirection; category: ReportCategory };

const view = (r: Report): ReportView => ({ ...r, direction: r.direction ?? 'received', category: r.category ?? 'other' });

export class ReportRepository {
  readonly #reports: Collection<Report>;

  constructor(store: Store) {
    this.#reports = store.collection<Report>('reports');
  }

  async ensureIndexes(): Promise<void> {
    await this.#reports.createIndex({ status: 1, receivedAt: -1 });
    await this.#reports.createIndex({ flagId: 1 }, { sparse: true });
  }

  /** Keeps a report under its Flag's id: a Flag delivered twice is one report. Whether it is new. */
  async receive(flagId: string, report: Omit<Report, '_id' | 'status' | 'direction'>): Promise<boolean> {
    const known = await this.#reports.findOne({ _id: flagId });
    // A second delivery never reopens a closed report nor overwrites a purged text.
    if (known) return false;
    await this.#reports.replaceOne({ _id: flagId }, { ...report, direction: 'received', status: 'open' }, { upsert: true });
    return true;
  }

  /** Stores a report made on this site (local or to be forwarded). */
  async insert(report: Report): Promise<void> {
    await this.#reports.insertOne(report);
  }

  findById(id: string): Promise<ReportView | null> {
    return this.#reports.findOne({ _id: id }).then((r) => (r ? view(r) : null));
  }

  /** The forwarded report whose Flag had this id. */
  findByFlagId(flagId: string): Promise<ReportView | null> {
    return this.#reports.findOne({ flagId, direction: 'forwarded' }).then((r) => (r ? view(r) : null));
  }

  /** The newest reports first, at most `limit`: still open ones (the default) or those in `statuses`. */
  async list(statuses: readonly ReportStatus[], limit: number): Promise<ReportView[]> {
    return (await this.#reports.find({ status: { $in: [...statuses] } }, { sort: { receivedAt: -1 }, limit })).map(view);
  }

  /** The newest open reports first, at most `limit`. */
  open(limit: number): Promise<ReportView[]> {
    return this.list(['open'], limit);
  }

  /** How many reports in `statuses` name `object`. */
  countAbout(object: string, statuses: readonly ReportStatus[]): Promise<number> {
    return this.#reports.countDocuments({ objects: object, status: { $in: [...statuses] } });
  }

  /**
   * Closes a report that is still in `from` (open, or forwarded for the origin's answer). Atomic:
   * of two moderators deciding at once, one wins and the other is told. The report after, or null.
   */
  decide(id: string, from: ReportStatus, decision: ReportDecision, record: ReportDecisionRecord): Promise<ReportView | null> {
    return this.#reports
      .findOneAndUpdate({ _id: id, status: from }, { $set: { status: decision, decision: record } }, { returnDocument: 'after' })
      .then((r) => (r ? view(r) : null));
  }

  /** Notes that the Flag of a forwarded report was queued for `sentTo`, or why it could not be. */
  async markForwarded(id: string, sent: { flagId: string; sentTo: string } | { error: string }): Promise<void> {
    const set = 'error' in sent ? { forwardError: sent.error } : { flagId: sent.flagId, sentTo: sent.sentTo, forwardError: null };
    await this.#reports.updateOne({ _id: id }, { $set: set });
  }

  /** Notes that the answer to a partner's report was queued (so a restart does not send it again). */
  async markAnswered(id: string, at: string): Promise<void> {
    await this.#reports.updateOne({ _id: id }, { $set: { answerQueuedAt: at } });
  }

  /**
   * What a stop may have left undone, at most `limit` of each: forwarded reports whose Flag was
   * neither queued nor found impossible, and partners' reports closed here whose answer was not
   * queued. Reports stored before ADR 0031 have no direction and were never answered: left alone.
   */
  async unfinished(limit: number): Promise<{ toForward: ReportView[]; toAnswer: ReportView[] }> {
    const toForward = await this.#reports.find(
      { direction: 'forwarded', status: 'forwarded', flagId: null, forwardError: null },
      { limit },
    );
    const toAnswer = await this.#reports.find(
      { direction: 'received', status: { $in: ['resolved', 'dismissed'] }, answerQueuedAt: null },
      { limit },
    );
    return { toForward: toForward.map(view), toAnswer: toAnswer.map(view) };
  }

  /**
   * Empties the reporters' texts of reports closed before `closedBefore`, and of forwarded reports
   * still without an answer received before `unansweredBefore`. How many were purged.
   */
  async purgeTexts(closedBefore: string, unansweredBefore: string, now: string): Promise<number> {
    const closed = await this.#reports.updateMany(
      { status: { $in: ['resolved', 'dismissed'] }, 'decision.decidedAt': { $lt: closedBefore }, reason: { $ne: '' } },
      { $set: { reason: '', textPurgedAt: now } },
    );
    const unanswered = await this.#reports.updateMany(
      { status: 'forwarded', receivedAt: { $lt: unansweredBefore }, reason: { $ne: '' } },
      { $set: { reason: '', textPurgedAt: now } },
    );
    return closed.modifiedCount + unanswered.modifiedCount;
  }
}
