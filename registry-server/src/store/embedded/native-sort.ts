// Sorting without mingo where the answer is certain: every sort key holds only strings, or only
// numbers, in the documents to sort. mingo then sorts the same way (by UTF-16 code units, or
// numerically, stable for ties: its native path), but first builds a cursor, a group per key and
// a pipeline, which was most of a listing page's cost on a small node (issue 13's profile).
// Anything else (missing values, null, arrays, mixed types) is left to mingo: `null` is returned.
import type { SortSpec } from '../store.ts';
import { getPath } from './document-paths.ts';

export function sortNatively<T>(docs: readonly T[], sort: SortSpec): T[] | null {
  const keys = Object.entries(sort);
  const columns: unknown[][] = [];
  for (const [path] of keys) {
    const column = docs.map((doc) => getPath(doc, path));
    const kind = typeof column[0];
    if (kind === 'string' ? !column.every((v) => typeof v === 'string') : !column.every((v) => typeof v === 'number' && !Number.isNaN(v)))
      return null;
    columns.push(column);
  }
  const directions = keys.map(([, direction]) => (direction === -1 ? -1 : 1));
  const order = docs.map((_, i) => i);
  // Array.prototype.sort is stable: ties keep the documents' order, as mingo's groups do.
  order.sort((a, b) => {
    for (let k = 0; k < columns.length; k++) {
      const x = columns[k]![a] as string | number;
      const y = columns[k]![b] as string | number;
      if (x !== y) return x < y ? -directions[k]! : directions[k]!;
    }
    return 0;
  });
  return order.map((i) => docs[i]!);
}
