// Pieces shared by the store filters of the record kinds (initiative-filter.ts,
// good-practice-filter.ts): only repositories and their filters speak the store's query language.
import type { Filter } from '../store/store.ts';

/** Matches records whose `field` (a stored path) holds one of `values`; no condition when absent. */
export function inList(field: string, values: string[] | undefined): Filter {
  return values ? { [field]: { $in: values } } : {};
}
