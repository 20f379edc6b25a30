// The Notes this node's actors posted (ADR 0051): each actor's outbox for fediverse followers,
// and what a Delete must name when the record a Note announced is withdrawn. Only this file
// knows how they are stored.
import type { Collection, Doc, Store } from '../../store/store.ts';
import type { Hashtag, NoteDraft, NoteSubject } from './note-content.ts';

export type StoredNote = Doc & {
  /** The local actor that posted it: NODE_ACTOR or an initiative handle. */
  actor: string;
  about: NoteSubject | null;
  /** For a digest Note: how many changes it stands for. */
  digestOf: number | null;
  language: string;
  content: string;
  url: string;
  tags: Hashtag[];
  published: string;
  /** When the record it announced was withdrawn (the Note is then gone from the outbox and served as gone). */
  deleted: string | null;
};

export class NoteRepository {
  readonly #notes: Collection<StoredNote>;

  constructor(store: Store) {
    this.#notes = store.collection<StoredNote>('fediverseNotes');
  }

  async ensureIndexes(): Promise<void> {
    await this.#notes.createIndex({ actor: 1, deleted: 1, published: -1 });
    await this.#notes.createIndex({ 'about.kind': 1, 'about.id': 1 });
  }

  async add(actor: string, draft: NoteDraft, published: string, digestOf: number | null = null): Promise<StoredNote> {
    const note: StoredNote = {
      _id: crypto.randomUUID(),
      actor,
      about: draft.about,
      digestOf,
      language: draft.language,
      content: draft.content,
      url: draft.url,
      tags: draft.tags,
      published,
      deleted: null,
    };
    await this.#notes.insertOne(note);
    return note;
  }

  /** The live Note `id`, or null (never posted, or withdrawn). */
  findLive(id: string): Promise<StoredNote | null> {
    return this.#notes.findOne({ _id: id, deleted: null });
  }

  /** The actor's live Notes, newest first. */
  page(actor: string, skip: number, limit: number): Promise<StoredNote[]> {
    return this.#notes.find({ actor, deleted: null }, { sort: { published: -1, _id: -1 }, skip, limit });
  }

  count(actor: string): Promise<number> {
    return this.#notes.countDocuments({ actor, deleted: null });
  }

  /** The actor's latest live Note about `subject`, if any. */
  latestAbout(actor: string, subject: NoteSubject): Promise<StoredNote | null> {
    return this.#notes.findOne(
      { actor, 'about.kind': subject.kind, 'about.id': subject.id, deleted: null },
      { sort: { published: -1, _id: -1 } },
    );
  }

  /**
   * Marks every live Note about `subject` withdrawn, and for an initiative also every Note its own
   * actor posted (its digests name it), and returns them: their followers are to hear a Delete.
   */
  async withdrawAbout(subject: NoteSubject, at: string): Promise<StoredNote[]> {
    const about = { 'about.kind': subject.kind, 'about.id': subject.id };
    const filter = subject.kind === 'initiative' ? { $or: [about, { actor: subject.id }], deleted: null } : { ...about, deleted: null };
    const notes = await this.#notes.find(filter);
    if (notes.length) await this.#notes.updateMany({ _id: { $in: notes.map((n) => n._id) } }, { $set: { deleted: at } });
    return notes;
  }
}
