// Storage of who was told of a market record, who saw it, who answered and what (ADR 0037): the
// entries (`marketAnswers`, one per record and party) and every answer given (`marketAnswerHistory`).
// Only this file knows their stored shape.
import { DuplicateKeyError } from '../../store/store-errors.ts';
import type { Collection, Store } from '../../store/store.ts';
import { MAX_ANSWERS_PER_ENTRY, type GivenAnswer, type MarketAnswerEntry, type MarketAnswerHistoryEntry } from './market-answer.ts';

/** Entries one follow-up page lists at most (a record is sent to the initiatives it matches: hundreds, not more). */
const MAX_ENTRIES_PER_RECORD = 1000;

export class MarketAnswerRepository {
  readonly #entries: Collection<MarketAnswerEntry>;
  readonly #history: Collection<MarketAnswerHistoryEntry>;

  constructor(store: Store) {
    this.#entries = store.collection<MarketAnswerEntry>('marketAnswers');
    this.#history = store.collection<MarketAnswerHistoryEntry>('marketAnswerHistory');
  }

  async ensureIndexes(): Promise<void> {
    await this.#entries.createIndex({ recordIri: 1, partyName: 1 });
    await this.#entries.createIndex({ initiative: 1, toldAt: -1 });
    await this.#history.createIndex({ entry: 1, at: -1 });
  }

  /** Stores a new entry; false when one exists already for this record and party (told once, not per update). */
  async insertIfAbsent(entry: MarketAnswerEntry): Promise<boolean> {
    try {
      await this.#entries.insertOne(entry);
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  findById(id: string): Promise<MarketAnswerEntry | null> {
    return this.#entries.findOne({ _id: id });
  }

  /** The entries of a record, by party name. */
  forRecord(recordIri: string): Promise<MarketAnswerEntry[]> {
    return this.#entries.find({ recordIri }, { sort: { partyName: 1, _id: 1 }, limit: MAX_ENTRIES_PER_RECORD });
  }

  /** How many of one partner node's initiatives a record's entries hold (a cap against a flood, ADR 0055). */
  countPartnerParties(recordIri: string, partyNode: string): Promise<number> {
    return this.#entries.countDocuments({ recordIri, partyNode });
  }

  /** The records sent to a local initiative, newest first. */
  forInitiative(initiative: string, limit: number): Promise<MarketAnswerEntry[]> {
    return this.#entries.find({ initiative }, { sort: { toldAt: -1, _id: 1 }, limit });
  }

  /** Keeps the latest reasons of a match (a record updated, matched again) without telling again. */
  async setReasons(id: string, reasons: MarketAnswerEntry['reasons']): Promise<void> {
    await this.#entries.updateOne({ _id: id }, { $set: { reasons } });
  }

  /** Names a partner's initiative that was known by its IRI only (a seen mark carries no name; its answer does). */
  async nameParty(id: string, name: string): Promise<void> {
    await this.#entries.updateOne({ _id: id, partyName: { $ne: name } }, { $set: { partyName: name } });
  }

  /** Marks the entry seen at `at` unless it was already; whether it changed. */
  async markSeen(id: string, at: string): Promise<boolean> {
    return this.mark(id, 'seenAt', at);
  }

  /** Sets the entry's told or seen time unless it is set already (the first one stands); whether it changed. */
  async mark(id: string, field: 'toldAt' | 'seenAt', at: string): Promise<boolean> {
    return (await this.#entries.updateOne({ _id: id, [field]: null }, { $set: { [field]: at } })).modifiedCount > 0;
  }

  /** Takes one of the entry's answer slots; false when it has given MAX_ANSWERS_PER_ENTRY already. */
  async claimAnswerSlot(id: string): Promise<boolean> {
    const claimed = await this.#entries.findOneAndUpdate(
      { _id: id, answerCount: { $lt: MAX_ANSWERS_PER_ENTRY } },
      { $inc: { answerCount: 1 } },
    );
    return claimed !== null;
  }

  /** Gives a slot back (an answer that was not stored after all). */
  async releaseAnswerSlot(id: string): Promise<void> {
    await this.#entries.updateOne({ _id: id, answerCount: { $gt: 0 } }, { $inc: { answerCount: -1 } });
  }

  /**
   * Makes `answer` the entry's current one unless a later answer is current already (answers from
   * partners can arrive out of order); a first answer also marks the entry seen.
   */
  async applyAnswer(id: string, answer: GivenAnswer): Promise<void> {
    await this.#entries.updateOne({ _id: id, $or: [{ answer: null }, { 'answer.at': { $lte: answer.at } }] }, { $set: { answer } });
    await this.#entries.updateOne({ _id: id, seenAt: null }, { $set: { seenAt: answer.at } });
  }

  /** Adds to the history; throws DuplicateKeyError when an entry with this _id exists (a replayed activity). */
  async addHistory(entry: MarketAnswerHistoryEntry): Promise<void> {
    await this.#history.insertOne(entry);
  }

  async historyHas(id: string): Promise<boolean> {
    return (await this.#history.countDocuments({ _id: id })) > 0;
  }

  /** Every answer the entry gave, newest first. */
  history(entry: string): Promise<MarketAnswerHistoryEntry[]> {
    return this.#history.find({ entry }, { sort: { at: -1, _id: -1 }, limit: MAX_ANSWERS_PER_ENTRY });
  }

  /** The histories of several entries at once (one query for a follow-up page), newest first. */
  historyOf(entries: readonly string[]): Promise<MarketAnswerHistoryEntry[]> {
    if (entries.length === 0) return Promise.resolve([]);
    return this.#history.find(
      { entry: { $in: [...entries] } },
      { sort: { at: -1, _id: -1 }, limit: entries.length * MAX_ANSWERS_PER_ENTRY },
    );
  }

  /** Puts the entry on the record's shortlist (a date) or takes it off (null); the entry as it is now. */
  setShortlisted(id: string, at: string | null): Promise<MarketAnswerEntry | null> {
    return this.#entries.findOneAndUpdate({ _id: id }, { $set: { shortlistedAt: at } });
  }
}
