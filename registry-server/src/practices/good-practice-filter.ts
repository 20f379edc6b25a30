// Turns the public filter of `goodPractices` into a store filter, refusing unknown codes.
import { checkCodes, checkCountries, checkList } from '../records/filter-checks.ts';
import { inList } from '../records/record-filter.ts';
import type { Filter } from '../store/store.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

export interface GoodPracticeFilterInput {
  node?: string[] | null;
  country?: string[] | null;
  practiceType?: string[] | null;
  actorRole?: string[] | null;
}

export function goodPracticeStoreFilter(input: GoodPracticeFilterInput | null | undefined, catalog: TaxonomyCatalog): Filter {
  if (!input) return {};
  const parts: Filter[] = [
    inList('record.node', checkList('filter.node', input.node)),
    inList('record.location.country', checkCountries('filter.country', input.country)),
    inList('record.practiceType', checkCodes(catalog, 'practice-type', 'filter.practiceType', input.practiceType)),
    inList('derived.actorRoles', checkCodes(catalog, 'actor-role', 'filter.actorRole', input.actorRole)),
  ].filter((p) => Object.keys(p).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts };
}
