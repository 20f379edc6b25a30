// Where a link to another record goes. The registry finds a record by handle only among the
// records this node published (`initiative(slug:)` answers null for a received one), so a
// received record's page is the one on the node that published it (its `url`), and only a
// local record links to /initiatives/<slug> or /practices/<slug> on this site.
import { safeExternalUrl } from './links.ts';

export type RecordPath = 'initiatives' | 'practices';

export interface LinkedRecord {
  slug: string;
  /** Web page of the record: on this node for a local one, on its origin node for a received one. */
  url: string;
  origin: { isLocal: boolean };
}

/** The href of a record's page; null when a received record's address is not a safe http(s) URL. */
export function recordHref(path: RecordPath, record: LinkedRecord): string | null {
  if (record.origin.isLocal) return `/${path}/${encodeURIComponent(record.slug)}`;
  return safeExternalUrl(record.url);
}
