// Where questions between cities are kept (ADR 0046): one collection, keyed by the question's
// IRI, on the asking node (`sent`) and on the asked node (`received`). Only this file knows the
// stored shape.
import type { Collection, Store } from '../store/store.ts';
import { DuplicateKeyError } from '../store/store-errors.ts';
import type { CityQuestion, CityQuestionAnswer } from './city-question.ts';

export class CityQuestionRepository {
  readonly #questions: Collection<CityQuestion>;

  constructor(store: Store) {
    this.#questions = store.collection<CityQuestion>('cityQuestions');
  }

  async ensureIndexes(): Promise<void> {
    await this.#questions.createIndex({ direction: 1, askedAt: -1 });
  }

  /** Stores a new question; false when one with this IRI is already kept (a replay). */
  async insert(question: CityQuestion): Promise<boolean> {
    try {
      await this.#questions.insertOne(question);
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  findById(id: string): Promise<CityQuestion | null> {
    return this.#questions.findOne({ _id: id });
  }

  /** The questions this node sent or received, newest first. */
  list(direction: CityQuestion['direction'], limit = 200): Promise<CityQuestion[]> {
    return this.#questions.find({ direction }, { sort: { askedAt: -1, _id: 1 }, limit });
  }

  /** How many questions `askingNode` asked this node that wait for an answer. */
  countOpenFrom(askingNode: string): Promise<number> {
    return this.#questions.countDocuments({ direction: 'received', askingNode, answer: { $exists: false } });
  }

  /** Records the answer on a question that has none yet; the question as it is now, or null when it was answered already. */
  answerOnce(id: string, answer: CityQuestionAnswer): Promise<CityQuestion | null> {
    return this.#questions.findOneAndUpdate({ _id: id, answer: { $exists: false } }, { $set: { answer } }, { returnDocument: 'after' });
  }
}
