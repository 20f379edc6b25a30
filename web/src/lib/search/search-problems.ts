// What the search form says when a search cannot run: values that are not numbers (found
// before asking, see search-params.ts) and the API's BAD_USER_INPUT answers (a text over 200
// characters, a radius of 0 or over 20,000 km, an unknown place, distance order without a
// place, a stale cursor). Each goes next to its field; we translate the cases we know and
// otherwise show the API's own English message, marked as English.
import type { GraphQLErrorEntry } from '../server/graphql-request.ts';
import type { ProblemMessage as FormMessage } from '../forms/api-error-problems.ts';
import type { SearchParamProblem } from './search-params.ts';

/** Form fields a problem can be about (their ids on the page). */
export type SearchField = 'q' | 'near' | 'lat' | 'radius' | 'sort';

export interface SearchProblem {
  /** The field to show it next to and link to; none for a problem of the whole search. */
  field?: SearchField;
  message: FormMessage;
}

const LOCAL_MESSAGES = {
  radiusNotNumber: 'searchErrorRadiusNumber',
  coordinatesNotNumbers: 'searchErrorCoordinatesNumbers',
  coordinatesIncomplete: 'searchErrorCoordinatesIncomplete',
} as const satisfies Record<SearchParamProblem, string>;

export function localProblems(problems: readonly { field: 'radius' | 'lat'; problem: SearchParamProblem }[]): SearchProblem[] {
  return problems.map(({ field, problem }) => ({ field, message: { key: LOCAL_MESSAGES[problem] } }));
}

/** Which field an argument path of the API names ("input.near.radiusKm" → radius). */
function fieldOf(argument: string): SearchField | undefined {
  if (/\btext$/.test(argument)) return 'q';
  if (/radiusKm$/.test(argument)) return 'radius';
  if (/(latitude|longitude)$/.test(argument)) return 'lat';
  if (/near/.test(argument)) return 'near';
  if (/orderBy/.test(argument)) return 'sort';
  return undefined;
}

/** Our message for a field's problem; the API's text when we have none for it. */
function messageFor(field: SearchField | undefined, argument: string, apiMessage: string): FormMessage {
  switch (field) {
    case 'q':
      return { key: 'searchErrorTextTooLong' };
    case 'radius':
      return { key: 'searchErrorRadiusRange' };
    case 'lat':
      return { key: 'searchErrorCoordinatesRange' };
    case 'near':
      return { key: 'searchErrorPlaceUnknown' };
    case 'sort':
      return { key: 'searchErrorDistanceNeedsPlace' };
    default:
      // A cursor from an old bookmark: the results changed since.
      return argument === 'after' ? { key: 'searchErrorStalePage' } : { text: apiMessage, lang: 'en' };
  }
}

/** Problems from a GraphQL answer; null when its errors are not all BAD_USER_INPUT (a real failure). */
export function badInputProblems(errors: readonly GraphQLErrorEntry[]): SearchProblem[] | null {
  if (errors.length === 0 || !errors.every((error) => error.extensions?.code === 'BAD_USER_INPUT')) return null;
  return errors.map((error) => {
    const argument = typeof error.extensions?.argument === 'string' ? error.extensions.argument : '';
    const field = fieldOf(argument);
    return field
      ? { field, message: messageFor(field, argument, error.message) }
      : { message: messageFor(undefined, argument, error.message) };
  });
}
