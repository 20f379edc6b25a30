// Reports partners send about this node's listings (ActivityPub Flag, see federation/inbox/on-flag.ts),
// kept for this node's moderators.
import type { Collection, Doc, Store } from '../store/store.ts';

export type Report = Doc & {
  /** The reporting actor's IRI. */
  reporter: string;
  reporterHost: string;
  /** IRIs of this node's listings the report is about. */
  objects: string[];
  /** What the reporter says is wrong, as plain text. */
  reason: string;
  receivedAt: string;
  status: 'open';
};

export class ReportRepository {
  readonly #reports: Collection<Report>;

  constructor(store: Store) {
    this.#reports = store.collection<Report>('reports');
  }

  /** Keeps a report under its Flag's id: a Flag delivered twice is one report. Whether it is new. */
  async receive(flagId: string, report: Omit<Report, '_id' | 'status'>): Promise<boolean> {
    const known = (await this.#reports.countDocuments({ _id: flagId })) > 0;
    await this.#reports.replaceOne({ _id: flagId }, { ...report, status: 'open' }, { upsert: true });
    return !known;
  }

  /** The newest reports first, at most `limit`. */
  open(limit: number): Promise<Report[]> {
    return this.#reports.find({}, { sort: { receivedAt: -1 }, limit });
  }
}
