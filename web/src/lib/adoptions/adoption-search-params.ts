// The adoption records' search page's parameters (/adoptions, issue 16 point 5): read from the
// address (q, stage, practiceType, city, page), so the page is a plain GET that works without
// JavaScript and can be shared; and the address of the same search with a change.
import type { AdoptionStage } from '../generated/operation-types.ts';
import { STAGES } from '../components/adoptions/adoption-stages.ts';

export const ADOPTIONS_PAGE_SIZE = 20;
/** As the registry bounds them: words up to 200 characters, at most 10,000 records skipped. */
const MAX_TEXT = 200;
const MAX_VALUES = 20;
const MAX_PAGE = Math.floor(10_000 / ADOPTIONS_PAGE_SIZE);

export interface AdoptionSearchParams {
  q: string;
  stage: AdoptionStage[];
  practiceType: string[];
  city: string[];
  page: number;
}

const values = (params: URLSearchParams, name: string, keep: (value: string) => boolean) =>
  [...new Set(params.getAll(name).map((v) => v.trim()))].filter((v) => v !== '' && keep(v)).slice(0, MAX_VALUES);

/** The page's parameters; what cannot be a value (an unknown stage, a made-up code) is left out. */
export function readAdoptionSearchParams(params: URLSearchParams): AdoptionSearchParams {
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_TEXT),
    stage: values(params, 'stage', (v) => (STAGES as readonly string[]).includes(v)) as AdoptionStage[],
    practiceType: values(params, 'practiceType', (v) => /^PT(10|[1-9])$/.test(v)),
    city: values(params, 'city', (v) => /^[a-z0-9][a-z0-9-]{0,62}$/.test(v)),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The address of the same search with some parameters changed (a facet ticked, the next page). */
export function adoptionSearchHref(params: AdoptionSearchParams, change: Partial<AdoptionSearchParams> = {}): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.q) query.set('q', next.q);
  for (const stage of next.stage) query.append('stage', stage);
  for (const code of next.practiceType) query.append('practiceType', code);
  for (const city of next.city) query.append('city', city);
  if (next.page > 1) query.set('page', String(next.page));
  const text = query.toString();
  return text ? `/adoptions?${text}` : '/adoptions';
}
