// Where a link to another record goes. A record this node published has its page here at
// /initiatives/<slug> or /practices/<slug>. A record received from a partner node has no such
// page (the registry's `initiative(slug:)` finds only this node's records, and the slug is only
// unique on its own node), so it is shown here by its global id at /network/<kind>?id=<IRI>,
// marked as received with a link to the original. Without its id (a query that did not ask
// for it) the link goes to the record's page on its own node.
import { safeExternalUrl } from './links.ts';

export type RecordPath = 'initiatives' | 'practices';

export interface LinkedRecord {
  slug: string;
  /** Web page of the record: on this node for a local one, on its origin node for a received one. */
  url: string;
  origin: { isLocal: boolean };
  /** Global id (IRI) of the record; for a received record, how its page here finds it. */
  id?: string;
}

/** This site's page of a record received from a partner node. */
export function receivedRecordHref(path: RecordPath, id: string): string {
  return `/network/${path}?id=${encodeURIComponent(id)}`;
}

/** The href of a record's page; null when a received record has no id and its address is not a safe http(s) URL. */
export function recordHref(path: RecordPath, record: LinkedRecord): string | null {
  if (record.origin.isLocal) return `/${path}/${encodeURIComponent(record.slug)}`;
  if (record.id) return receivedRecordHref(path, record.id);
  return safeExternalUrl(record.url);
}
