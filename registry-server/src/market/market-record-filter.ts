// Turns the public filter of `marketRecords` into a store filter, refusing unknown codes so a
// client learns what to send instead of silently getting nothing.
import { checkCodes, checkCountries, checkList } from '../records/filter-checks.ts';
import { BadInputError } from '../records/bad-input-error.ts';
import { inList } from '../records/record-filter.ts';
import type { Filter } from '../store/store.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { MARKET_KINDS, type MarketKind } from './market-record.ts';
import { expiryInstant } from './market-record-repository.ts';

/** A full date that the calendar has (2027-02-30 is refused), as `field`'s value. */
function checkDay(field: string, value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
    throw new BadInputError(field, `"${value.slice(0, 40)}" is not a day: give a date as YYYY-MM-DD (2027-03-31).`);
  return value;
}

export interface MarketRecordFilterInput {
  kind?: string[] | null;
  sector?: string[] | null;
  country?: string[] | null;
  locality?: string[] | null;
  initiative?: string[] | null;
  openOnly?: boolean | null;
  node?: string[] | null;
  closingBy?: string | null;
}

/** The store filter of `input` (published and unexpired are added by the repository); `now` for `openOnly`. */
export function marketRecordStoreFilter(input: MarketRecordFilterInput | null | undefined, catalog: TaxonomyCatalog, now: Date): Filter {
  if (!input) return {};
  const kinds = checkList('filter.kind', input.kind)?.map((k) => k.toLowerCase());
  for (const kind of kinds ?? [])
    if (!MARKET_KINDS.includes(kind as MarketKind)) throw new BadInputError('filter.kind', `"${kind}" is not a kind of market record.`);
  const parts: Filter[] = [
    inList('record.kind', kinds),
    inList('record.sectors', checkCodes(catalog, 'sector', 'filter.sector', input.sector)),
    inList('record.area.country', checkCountries('filter.country', input.country)),
    inList('record.area.locality', checkList('filter.locality', input.locality)),
    inList('derived.ownerInitiative', checkList('filter.initiative', input.initiative)),
    input.openOnly ? { 'derived.closesAt': { $gt: now.toISOString() } } : {},
    inList('record.node', checkList('filter.node', input.node)),
    input.closingBy != null ? { 'derived.closesAt': { $lte: expiryInstant(checkDay('filter.closingBy', input.closingBy)) } } : {},
  ].filter((p) => Object.keys(p).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts };
}
