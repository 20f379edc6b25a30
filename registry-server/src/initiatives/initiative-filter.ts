// Turns the public filter of `initiatives` into a store filter, refusing unknown codes.
import { checkCodes, checkCountries, checkLanguages, checkList } from '../records/filter-checks.ts';
import { inList } from '../records/record-filter.ts';
import { BadInputError } from '../records/bad-input-error.ts';
import type { Filter } from '../store/store.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';

export interface InitiativeFilterInput {
  node?: string[] | null;
  country?: string[] | null;
  sector?: string[] | null;
  practiceType?: string[] | null;
  languageOffered?: string[] | null;
  legalForm?: string[] | null;
  migrantLed?: boolean | null;
  need?: string[] | null;
  status?: string[] | null;
}

const STATUSES = ['emerging', 'active', 'dormant', 'closed'];

export async function initiativeStoreFilter(
  input: InitiativeFilterInput | null | undefined,
  catalog: TaxonomyCatalog,
  practices: GoodPracticeRepository,
): Promise<Filter> {
  if (!input) return {};
  const parts: Filter[] = [
    inList('record.node', checkList('filter.node', input.node)),
    inList('record.location.country', checkCountries('filter.country', input.country)),
    inList('derived.sectors', checkCodes(catalog, 'sector', 'filter.sector', input.sector)),
    inList('derived.languages', checkLanguages('filter.languageOffered', input.languageOffered)),
    inList('derived.legalForms', checkCodes(catalog, 'legal-form', 'filter.legalForm', input.legalForm, ['national-legal-form'])),
    inList('derived.needs', checkCodes(catalog, 'need', 'filter.need', input.need)),
  ];
  if (input.status) {
    const statuses = input.status.map((s) => s.toLowerCase());
    const unknown = statuses.find((s) => !STATUSES.includes(s));
    if (unknown) throw new BadInputError('filter.status', `"${unknown}" is not a status; use ${STATUSES.join(', ')}.`);
    parts.push({ 'record.status': { $in: statuses } });
  }
  if (input.migrantLed != null) parts.push({ 'derived.migrantLed': input.migrantLed });
  const types = checkCodes(catalog, 'practice-type', 'filter.practiceType', input.practiceType);
  if (types) {
    // Links between practices and initiatives may be recorded on either side.
    const linked = await practices.findPublished({ 'record.practiceType': { $in: types } });
    const refs = linked.map((p) => `${p.record.node}/${p.record.handle}`);
    const fromPractices = linked.flatMap((p) => (p.record.initiatives ?? []).map((h) => `${p.record.node}/${h}`));
    parts.push({ $or: [{ 'derived.practiceRefs': { $in: refs } }, { 'derived.nodeHandle': { $in: fromPractices } }] });
  }
  const nonEmpty = parts.filter((p) => Object.keys(p).length > 0);
  return nonEmpty.length === 0 ? {} : nonEmpty.length === 1 ? nonEmpty[0]! : { $and: nonEmpty };
}
