// What the market pages read from the registry (issue 15 point 6), each in one GraphQL request:
// the board (/market: open records, the places and sectors to filter on, the cities for the
// map), one record's page (/market/<handle>), and the open records of one initiative (its
// needs and openings) or of one city node (its offers) for their pages.
import { getLogger } from '@logtape/logtape';
import { graphql } from './graphql.ts';
import { GraphQLRequestError } from './graphql-request.ts';
import type {
  MarketBoardQuery,
  MarketBoardQueryVariables,
  MarketCardFragment,
  MarketRecordPageQuery,
  MarketRecordPageQueryVariables,
  MarketRecordsOfQuery,
  MarketRecordsOfQueryVariables,
} from '../generated/operation-types.ts';
import { boardFilter, type BoardParams } from '../market/board-params.ts';
import { marketMapPoints } from '../market/market-map-points.ts';
import type { MapPoint } from '../components/map/map-markers.ts';
import { collator } from '../i18n/intl-formatters.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import CARD_FRAGMENTS from './queries/market-card.fragments.graphql?raw';
import BOARD_QUERY from './queries/market-board.graphql?raw';
import RECORDS_OF_QUERY from './queries/market-records-of.graphql?raw';
import RECORD_PAGE_QUERY from './queries/market-record-page.graphql?raw';

const log = getLogger(['umn', 'web', 'market']);

export type MarketCard = MarketCardFragment;
export type MarketRecordDetail = NonNullable<MarketRecordPageQuery['marketRecord']>;

/** Records on one page of the board. */
export const BOARD_PAGE_SIZE = 30;

export interface MarketBoard {
  /** 'refused': the registry refused a filter value (an unknown sector); the form is still shown. */
  status: 'ok' | 'refused';
  records: MarketCard[];
  totalCount: number;
  nextCursor: string | null;
  places: string[];
  sectors: Array<{ code: string; label: string }>;
  points: MapPoint[];
}

export async function loadMarketBoard(params: BoardParams, lang: string): Promise<MarketBoard> {
  const run = (filter: MarketBoardQueryVariables['filter'], after: string | null) =>
    graphql<MarketBoardQuery, MarketBoardQueryVariables>(
      `
        ${BOARD_QUERY}
        ${CARD_FRAGMENTS}
      `,
      {
        first: BOARD_PAGE_SIZE,
        after,
        filter,
        lang,
      },
    );
  let status: MarketBoard['status'] = 'ok';
  let data: MarketBoardQuery;
  try {
    data = await run(boardFilter(params), params.after || null);
  } catch (caught) {
    const refused = caught instanceof GraphQLRequestError ? caught.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT') : undefined;
    if (!refused) throw caught;
    log.info('The market board was asked for something the registry refused: {error}', { error: refused.message });
    if (refused.extensions?.argument === 'after') {
      // A page address that leads nowhere (stale or made up): the first page of the same board.
      data = await run(boardFilter(params), null);
    } else {
      // A sector the registry does not know: say so and show the whole board.
      status = 'refused';
      data = await run({ openOnly: true }, null);
    }
  }
  const records = data.records.edges.map((edge) => edge.node);
  const compare = collator(lang).compare;
  const places = [...new Set(data.places.edges.map((edge) => edge.node.area.locality).filter((p): p is string => Boolean(p)))].sort(
    compare,
  );
  return {
    status,
    records,
    totalCount: data.records.totalCount,
    nextCursor: data.records.pageInfo.hasNextPage ? data.records.pageInfo.endCursor : null,
    places,
    sectors: data.sectors.concepts,
    points: marketMapPoints(records, data.cityNodes),
  };
}

/** One record's page; null when it is not public (never was, expired, withdrawn). */
export async function loadMarketRecord(slug: string, lang: string): Promise<MarketRecordDetail | null> {
  if (slug.length > 200) return null;
  const data = await graphql<MarketRecordPageQuery, MarketRecordPageQueryVariables>(
    `
      ${RECORD_PAGE_QUERY}
      ${CARD_FRAGMENTS}
    `,
    {
      slug,
      lang,
    },
  );
  return data.marketRecord;
}

/** The open records matching `filter` (an initiative's needs and openings; a node's offers), at most 50. */
export async function loadMarketRecordsOf(filter: MarketRecordsOfQueryVariables['filter'], lang: string): Promise<MarketCard[]> {
  try {
    const data = await graphql<MarketRecordsOfQuery, MarketRecordsOfQueryVariables>(
      `
        ${RECORDS_OF_QUERY}
        ${CARD_FRAGMENTS}
      `,
      {
        filter: { ...filter, openOnly: true },
        lang,
      },
    );
    return data.marketRecords.edges.map((edge) => edge.node);
  } catch (caught) {
    // The rest of an initiative's or a city's page must not fail for this section.
    log.error('Could not read market records for a page: {error}', { error: caught });
    return [];
  }
}
