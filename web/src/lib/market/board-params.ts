// What the market board (/market) shows is all in its address, so the filters are a plain GET
// form that works without JavaScript, and a filtered board can be bookmarked or shared:
// ?kind=request&kind=offer&sector=AM40&place=Liège&closing=2027-03-31&after=<cursor>.
// Values the board cannot use are reported beside their field, without asking the registry.

export const BOARD_KINDS = ['request', 'offer', 'need', 'opening'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export interface BoardParams {
  kinds: BoardKind[];
  sector: string;
  place: string;
  /** The last day a record may close on (YYYY-MM-DD), or empty. */
  closing: string;
  after: string;
}

export type BoardProblemField = 'kind' | 'closing';

export interface BoardRead {
  params: BoardParams;
  /** Fields whose value was refused (the board shows them beside the field). */
  problems: BoardProblemField[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a YYYY-MM-DD day the calendar has. */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const day = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** The board's parameters from its address; a text longer than any code or place is cut, not sent. */
export function readBoardParams(search: URLSearchParams): BoardRead {
  const problems: BoardProblemField[] = [];
  const kinds: BoardKind[] = [];
  for (const value of search.getAll('kind')) {
    if ((BOARD_KINDS as readonly string[]).includes(value)) {
      if (!kinds.includes(value as BoardKind)) kinds.push(value as BoardKind);
    } else if (value !== '' && !problems.includes('kind')) problems.push('kind');
  }
  const closing = (search.get('closing') ?? '').trim();
  if (closing !== '' && !isCalendarDay(closing)) problems.push('closing');
  return {
    params: {
      kinds,
      sector: (search.get('sector') ?? '').trim().slice(0, 20),
      place: (search.get('place') ?? '').trim().slice(0, 200),
      closing: problems.includes('closing') ? '' : closing,
      after: (search.get('after') ?? '').slice(0, 500),
    },
    problems,
  };
}

/** The registry's filter for these parameters: only records still taking answers. */
export function boardFilter(params: BoardParams): {
  openOnly: true;
  kind?: Array<'REQUEST' | 'NEED' | 'OFFER' | 'OPENING'>;
  sector?: string[];
  locality?: string[];
  closingBy?: string;
} {
  return {
    openOnly: true,
    ...(params.kinds.length ? { kind: params.kinds.map((k) => k.toUpperCase() as 'REQUEST' | 'NEED' | 'OFFER' | 'OPENING') } : {}),
    ...(params.sector ? { sector: [params.sector] } : {}),
    ...(params.place ? { locality: [params.place] } : {}),
    ...(params.closing ? { closingBy: params.closing } : {}),
  };
}

/** The board's address for these parameters (the next page's when `after` is given). */
export function boardHref(params: Omit<BoardParams, 'after'>, after?: string): string {
  const search = new URLSearchParams();
  for (const kind of params.kinds) search.append('kind', kind);
  if (params.sector) search.set('sector', params.sector);
  if (params.place) search.set('place', params.place);
  if (params.closing) search.set('closing', params.closing);
  if (after) search.set('after', after);
  const query = search.toString();
  return query ? `/market?${query}` : '/market';
}

/** The address of the Atom feed of open requests, for one sector or all. */
export function feedHref(sector?: string): string {
  return sector ? `/market/feed.atom?sector=${encodeURIComponent(sector)}` : '/market/feed.atom';
}
