// Sources an admin is importing, between the upload and the import: the file arrives in pieces
// (GraphQL requests are small, see ADR 0047), is read once into a table or a list of records,
// and stays here for the mapping, the dry run and the run, so all three see the same rows. Each
// expires after a day; only the admin who started it can use it.
import type { Collection, Doc, Store } from '../store/store.ts';
import type { ImportTable } from './table-reader.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import type { FieldError } from '../records/field-errors.ts';

export type StagedContent =
  | { kind: 'table'; table: ImportTable }
  /** Records read whole from a JSON-LD export (no mapping): each with what was left out. */
  | { kind: 'records'; records: Array<{ record: InitiativeRecord | null; errors: FieldError[]; label: string; key: string | null }> };

export interface StagedImport {
  id: string;
  createdBy: string;
  createdAt: string;
  /** The source's identity for remembered mappings and import keys: its URL, or the file's header signature. */
  source: string;
  /** What the admin sees: the file name or the URL. */
  label: string;
  format: 'csv' | 'xlsx' | 'jsonld' | 'murmurations';
  /** Set once the whole file is there and read. */
  content: StagedContent | null;
  /** Base64 pieces of a file still arriving. */
  chunks: string[];
  receivedBytes: number;
}

type StagedDoc = Doc & Omit<StagedImport, 'id'>;

export class StagedImportRepository {
  readonly #c: Collection<StagedDoc>;

  constructor(store: Store) {
    this.#c = store.collection<StagedDoc>('importStaging');
  }

  async create(staged: StagedImport): Promise<void> {
    const { id, ...rest } = staged;
    await this.#c.insertOne({ _id: id, ...rest });
  }

  async find(id: string): Promise<StagedImport | null> {
    const doc = await this.#c.findOne({ _id: id });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { id: _id, ...rest };
  }

  async appendChunk(id: string, chunk: string, bytes: number): Promise<void> {
    await this.#c.updateOne({ _id: id, content: null }, { $push: { chunks: chunk }, $inc: { receivedBytes: bytes } });
  }

  async setContent(id: string, content: StagedContent, source: string, format: StagedImport['format']): Promise<void> {
    await this.#c.updateOne({ _id: id }, { $set: { content, source, format, chunks: [] } });
  }

  /** Removes staged imports started before `before` (ISO time). */
  async deleteOlderThan(before: string): Promise<number> {
    return this.#c.deleteMany({ createdAt: { $lt: before } });
  }
}
