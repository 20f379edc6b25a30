// Relay-style pages over a store collection, by keyset (the sort value and _id of the last
// edge), so a page costs the same wherever it is and concurrent inserts never repeat an edge.
import type { Collection, Doc, Filter } from './store.ts';
import { getPath } from './embedded/document-paths.ts';

export interface SortOrder {
  /** Dotted path of the sort field. */
  field: string;
  direction: 1 | -1;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super(
      'The cursor in `after` was not issued for this listing and order. Pass pageInfo.endCursor from the previous page, or leave `after` out to start at the first page.',
    );
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(order: SortOrder, doc: Doc): string {
  return Buffer.from(JSON.stringify([order.field, getPath(doc, order.field) ?? null, doc._id])).toString('base64url');
}

function decodeCursor(order: SortOrder, cursor: string): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === order.field && typeof parsed[2] === 'string') {
      const value = parsed[1];
      if (value === null || typeof value === 'string' || typeof value === 'number') return [value, parsed[2]];
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

/** An edge whose cursor is encoded only when asked for: a listing page rarely selects it. */
class Edge<T extends Doc> {
  readonly node: T;
  readonly #order: SortOrder;
  constructor(order: SortOrder, node: T) {
    this.#order = order;
    this.node = node;
  }
  get cursor(): string {
    return encodeCursor(this.#order, this.node);
  }
}

export async function keysetPage<T extends Doc>(
  collection: Collection<T>,
  filter: Filter,
  order: SortOrder,
  first: number,
  after?: string | null,
): Promise<Page<T>> {
  const op = order.direction === 1 ? '$gt' : '$lt';
  let pageFilter = filter;
  if (after) {
    const [value, id] = decodeCursor(order, after);
    const afterCursor = { $or: [{ [order.field]: { [op]: value } }, { [order.field]: value, _id: { [op]: id } }] };
    pageFilter = Object.keys(filter).length ? { $and: [filter, afterCursor] } : afterCursor;
  }
  const [docs, totalCount] = await Promise.all([
    first === 0
      ? Promise.resolve([])
      : collection.find(pageFilter, { sort: { [order.field]: order.direction, _id: order.direction }, limit: first + 1 }),
    collection.countDocuments(filter),
  ]);
  const pageDocs = docs.slice(0, first);
  const edges = pageDocs.map((node) => new Edge(order, node));
  return {
    edges,
    pageInfo: {
      hasNextPage: first === 0 ? totalCount > 0 : docs.length > first,
      hasPreviousPage: Boolean(after),
      // Getters, like each edge's: encoded only when selected.
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    totalCount,
  };
}
