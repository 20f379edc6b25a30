// Opaque cursors of search results: the sort key, a hash of the listing id and the id of the last
// edge (a keyset), so the next page starts right after it however the index was rebuilt since.
import { BadInputError } from '../records/bad-input-error.ts';

export type SearchOrder = 'RELEVANCE' | 'RECENTLY_UPDATED' | 'DISTANCE';

export interface SearchCursor {
  order: SearchOrder;
  /** Sort key in ascending order (scores and dates are negated). */
  key: number;
  hash: number;
  id: string;
}

const PREFIX = 's1';

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([PREFIX, cursor.order, cursor.key, cursor.hash, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string, order: SearchOrder): SearchCursor {
  if (value.length <= 4000) {
    try {
      const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
      if (
        Array.isArray(parsed) &&
        parsed.length === 5 &&
        parsed[0] === PREFIX &&
        parsed[1] === order &&
        typeof parsed[2] === 'number' &&
        typeof parsed[3] === 'number' &&
        typeof parsed[4] === 'string'
      ) {
        return { order, key: parsed[2], hash: parsed[3], id: parsed[4] };
      }
    } catch {
      // answered below
    }
  }
  throw new BadInputError(
    'after',
    'is not a cursor of this search and order. Pass pageInfo.endCursor of the previous page with the same orderBy, or leave `after` out to start at the first page.',
  );
}
