// Global ids of records: the IRI on the node that published them. A local record's IRI is
// minted from PUBLIC_URL and its handle, so it is also its web page (and, with issue 4, its
// ActivityPub id); a received record keeps the IRI its origin gave it.
import type { Origin } from './stored-record.ts';

/** `market`: requests, needs, offers and openings (ADR 0033); `adoptions`: adoption records (ADR 0040). */
export type RecordKind = 'initiatives' | 'practices' | 'nodes' | 'market' | 'adoptions';

export class RecordIris {
  readonly #origin: string;

  constructor(publicUrl: URL) {
    this.#origin = publicUrl.origin;
  }

  local(kind: RecordKind, handle: string): string {
    return `${this.#origin}/${kind}/${encodeURIComponent(handle)}`;
  }

  of(kind: RecordKind, doc: { _id: string; origin: Origin }): string {
    return doc.origin.kind === 'remote' ? doc.origin.objectId : this.local(kind, doc._id);
  }

  /** The web page of a record: its IRI for local records, the origin's page for received ones. */
  pageOf(kind: RecordKind, doc: { _id: string; origin: Origin }): string {
    return doc.origin.kind === 'remote' ? doc.origin.url : this.local(kind, doc._id);
  }

  /** The store _id for a global id: a local IRI maps to its handle, anything else is used as is. */
  storeIdFor(kind: RecordKind, id: string): string {
    const prefix = `${this.#origin}/${kind}/`;
    if (id.startsWith(prefix)) return decodeURIComponent(id.slice(prefix.length));
    return id;
  }
}
