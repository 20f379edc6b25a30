// The search page's facets in the order the form shows them, each tied to its URL parameter
// and legend, with the values' labels: the API's (in the reader's language) except for the
// kind and migrant-led facets, whose values are codes and booleans we name ourselves.
import type { MessageKey } from '../i18n/catalog.ts';
import type { Facet, FacetName } from './search-types.ts';
import type { ListFilter, SearchState } from './search-params.ts';

export type FacetParam = ListFilter | 'kind' | 'migrantLed';

export interface FacetSpec {
  name: FacetName;
  param: FacetParam;
  legend: MessageKey;
  type: 'checkbox' | 'radio';
}

/** Kind first (what am I looking for), then where, what, how, and the rest. */
export const FACETS: readonly FacetSpec[] = [
  { name: 'KIND', param: 'kind', legend: 'facetKind', type: 'checkbox' },
  { name: 'SECTOR', param: 'sector', legend: 'facetSector', type: 'checkbox' },
  { name: 'NODE', param: 'node', legend: 'facetNode', type: 'checkbox' },
  { name: 'COUNTRY', param: 'country', legend: 'facetCountry', type: 'checkbox' },
  { name: 'LANGUAGE_OFFERED', param: 'languageOffered', legend: 'facetLanguageOffered', type: 'checkbox' },
  { name: 'PRACTICE_TYPE', param: 'practiceType', legend: 'facetPracticeType', type: 'checkbox' },
  { name: 'LEGAL_FORM', param: 'legalForm', legend: 'facetLegalForm', type: 'checkbox' },
  { name: 'NEED', param: 'need', legend: 'facetNeed', type: 'checkbox' },
  { name: 'RESERVED_ARTICLE', param: 'reservedArticle', legend: 'eligFacetArticle', type: 'checkbox' },
  { name: 'RESERVED_BASIS', param: 'reservedBasis', legend: 'eligFacetBasis', type: 'checkbox' },
  { name: 'TEAM_SIZE', param: 'teamSize', legend: 'eligFacetTeamSize', type: 'checkbox' },
  { name: 'MIGRANT_LED', param: 'migrantLed', legend: 'facetMigrantLed', type: 'radio' },
];

/** Our own labels of values that are codes or booleans. */
const OWN_LABELS: Partial<Record<FacetParam, Readonly<Record<string, MessageKey>>>> = {
  kind: { INITIATIVE: 'kindInitiative', GOOD_PRACTICE: 'kindGoodPractice' },
  migrantLed: { true: 'migrantLedYes', false: 'migrantLedNo' },
};

export interface ShownChoice {
  value: string;
  label: string;
  count: number | null;
  selected: boolean;
}

/** The values of a URL parameter as the state holds them. */
export function selectedValues(state: SearchState, param: FacetParam): string[] {
  if (param === 'migrantLed') return state.migrantLed === null ? [] : [String(state.migrantLed)];
  return state[param];
}

export interface Labeller {
  t: (key: MessageKey) => string;
  /** A language tag named in the reader's language (Intl), for tags the registry has no label for. */
  languageName: (tag: string) => string;
}

/** The label of a value: ours for codes we name, else the facet's, else (a language) Intl's name, else the value itself. */
export function valueLabel(param: FacetParam, value: string, facets: readonly Facet[], labeller: Labeller): string {
  const own = OWN_LABELS[param]?.[value];
  if (own) return labeller.t(own);
  const spec = FACETS.find((facet) => facet.param === param);
  const label = facets.find((facet) => facet.name === spec?.name)?.values.find((v) => v.value === value)?.label;
  if (label && label !== value) return label;
  return param === 'languageOffered' ? labeller.languageName(value) : value;
}

/**
 * The choices of one facet. With the API's facets: its values and counts. Without (the search
 * could not run): the values the URL selects, without counts, so the filters stay visible and
 * can be unticked.
 */
export function facetChoices(spec: FacetSpec, state: SearchState, facets: readonly Facet[] | null, labeller: Labeller): ShownChoice[] {
  const selected = selectedValues(state, spec.param);
  if (facets === null)
    return selected.map((value) => ({ value, label: valueLabel(spec.param, value, [], labeller), count: null, selected: true }));
  const facet = facets.find((f) => f.name === spec.name);
  const choices: ShownChoice[] = (facet?.values ?? []).map((v) => ({
    value: v.value,
    label: valueLabel(spec.param, v.value, facets, labeller),
    count: v.count,
    selected: v.selected || selected.includes(v.value),
  }));
  // A selected value the API left out still shows, ticked, so it can be unticked.
  for (const value of selected)
    if (!choices.some((c) => c.value === value))
      choices.push({ value, label: valueLabel(spec.param, value, facets, labeller), count: 0, selected: true });
  return choices;
}
