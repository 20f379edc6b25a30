// Checks the arguments of the `search` query and turns them into an engine query. Bad input
// answers a BAD_USER_INPUT error naming the argument (see schemas/graphql/search.graphql);
// unknown facet values are not errors, they simply match nothing.
import { BadInputError } from '../records/bad-input-error.ts';
import type { GeoPoint } from '../records/record-types.ts';
import { decodeCursor, type SearchOrder } from './cursor.ts';
import type { FacetName } from './facets.ts';
import type { SearchQuery } from './query.ts';

export const MAX_TEXT_LENGTH = 200;
export const MAX_FIRST = 100;
export const MAX_RADIUS_KM = 20_000;
const MAX_VALUES = 50;
const MAX_VALUE_LENGTH = 200;

export interface SearchInputArgs {
  text?: string | null;
  kinds?: Array<'INITIATIVE' | 'GOOD_PRACTICE'> | null;
  node?: string[] | null;
  country?: string[] | null;
  sector?: string[] | null;
  practiceType?: string[] | null;
  legalForm?: string[] | null;
  languageOffered?: string[] | null;
  migrantLed?: boolean | null;
  need?: string[] | null;
  reservedArticle?: string[] | null;
  reservedBasis?: string[] | null;
  teamSize?: string[] | null;
  near?: { node?: string | null; latitude?: number | null; longitude?: number | null; radiusKm: number } | null;
}

export interface SearchArgs {
  input?: SearchInputArgs | null;
  first?: number | null;
  after?: string | null;
  orderBy?: SearchOrder | null;
}

/** City centre of a node handle, when this node knows it. */
export type NodeCentre = (handle: string) => GeoPoint | undefined;

export function searchQueryFrom(args: SearchArgs, nodeCentre: NodeCentre, language?: string): SearchQuery {
  const input = args.input ?? {};
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST)
    throw new BadInputError('first', `must be between 0 and ${MAX_FIRST} (got ${first}). Page through more results with \`after\`.`);
  const text = input.text ?? '';
  if (text.length > MAX_TEXT_LENGTH)
    throw new BadInputError(
      'input.text',
      `is ${text.length} characters long; a search text has at most ${MAX_TEXT_LENGTH}. Search with fewer words.`,
    );
  const order = args.orderBy ?? 'RELEVANCE';
  const near = nearFrom(input.near, nodeCentre);
  if (order === 'DISTANCE' && !near)
    throw new BadInputError('orderBy', 'DISTANCE needs `input.near` (a city node or coordinates, and a radius).');
  const filters: Partial<Record<FacetName, string[]>> = {};
  const put = (
    facet: FacetName,
    argument: string,
    values: readonly string[] | null | undefined,
    normalise: (v: string) => string = (v) => v,
  ) => {
    if (values == null) return;
    if (values.length > MAX_VALUES)
      throw new BadInputError(`input.${argument}`, `at most ${MAX_VALUES} values may be given (got ${values.length}).`);
    // An absurdly long value cannot be a known one: it matches nothing, like any unknown value.
    filters[facet] = values.map((v) => (v.length > MAX_VALUE_LENGTH ? '\u0000' : normalise(v.trim())));
  };
  put('kind', 'kinds', input.kinds);
  put('node', 'node', input.node, (v) => v.toLowerCase());
  put('country', 'country', input.country, (v) => v.toUpperCase());
  put('sector', 'sector', input.sector);
  put('practiceType', 'practiceType', input.practiceType);
  put('legalForm', 'legalForm', input.legalForm);
  put('languageOffered', 'languageOffered', input.languageOffered, (v) => v.toLowerCase());
  put('need', 'need', input.need);
  put('reservedArticle', 'reservedArticle', input.reservedArticle, (v) => v.toLowerCase());
  put('reservedBasis', 'reservedBasis', input.reservedBasis, (v) => v.toLowerCase());
  put('teamSize', 'teamSize', input.teamSize, (v) => v.toLowerCase());
  if (input.migrantLed != null) filters.migrantLed = [String(input.migrantLed)];
  return {
    text,
    filters,
    near,
    order,
    first,
    after: args.after ? decodeCursor(args.after, order) : null,
    language,
  };
}

function nearFrom(near: SearchInputArgs['near'], nodeCentre: NodeCentre): SearchQuery['near'] {
  if (!near) return null;
  const radius = near.radiusKm;
  if (!Number.isFinite(radius) || radius <= 0 || radius > MAX_RADIUS_KM)
    throw new BadInputError(
      'input.near.radiusKm',
      `must be more than 0 and at most ${MAX_RADIUS_KM.toLocaleString('en')} km (got ${radius}).`,
    );
  const hasPoint = near.latitude != null || near.longitude != null;
  if (near.node != null) {
    if (hasPoint) throw new BadInputError('input.near', 'give either `node` or `latitude` and `longitude`, not both.');
    const centre = near.node.length <= MAX_VALUE_LENGTH ? nodeCentre(near.node.toLowerCase()) : undefined;
    if (!centre)
      throw new BadInputError(
        'input.near.node',
        `no city node "${near.node.slice(0, 100)}" with a known place is listed here; use a handle from \`cityNodes { slug }\`, or coordinates.`,
      );
    return { lat: centre.lat, lon: centre.lon, radiusKm: radius };
  }
  if (near.latitude == null || near.longitude == null)
    throw new BadInputError('input.near', 'give a city node (`node`) or both `latitude` and `longitude`.');
  if (!Number.isFinite(near.latitude) || near.latitude < -90 || near.latitude > 90)
    throw new BadInputError('input.near.latitude', `must be between -90 and 90 degrees (got ${near.latitude}).`);
  if (!Number.isFinite(near.longitude) || near.longitude < -180 || near.longitude > 180)
    throw new BadInputError('input.near.longitude', `must be between -180 and 180 degrees (got ${near.longitude}).`);
  return { lat: near.latitude, lon: near.longitude, radiusKm: radius };
}
