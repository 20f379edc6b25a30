// The Atom feed of open requests (/market/feed.atom, one sector with ?sector=AM40, else all),
// for initiatives that follow buyers' requests in a feed reader rather than on the board
// (issue 15 point 6): the registry's answer, written as Atom by market-feed-xml.ts.
import { graphql } from './graphql.ts';
import { GraphQLRequestError } from './graphql-request.ts';
import type { MarketFeedQuery, MarketFeedQueryVariables } from '../generated/operation-types.ts';
import { marketFeedXml } from '../market/market-feed-xml.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import CARD_FRAGMENTS from './queries/market-card.fragments.graphql?raw';
import FEED_QUERY from './queries/market-feed.graphql?raw';

export type FeedOutcome = { status: 'ok'; xml: string } | { status: 'unknownSector' };

/** The feed's XML for `sector` (a SECTOR code) or every sector; `origin` is this site's (https://…). */
export async function marketFeed(
  origin: string,
  sector: string | null,
  lang: UiLanguage,
  kind: 'request' | 'offer' = 'request',
): Promise<FeedOutcome> {
  let data: MarketFeedQuery;
  try {
    data = await graphql<MarketFeedQuery, MarketFeedQueryVariables>(
      `
        ${FEED_QUERY}
        ${CARD_FRAGMENTS}
      `,
      {
        filter: { kind: [kind === 'offer' ? 'OFFER' : 'REQUEST'], openOnly: true, ...(sector ? { sector: [sector] } : {}) },
        lang,
      },
    );
  } catch (caught) {
    if (caught instanceof GraphQLRequestError && caught.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT'))
      return { status: 'unknownSector' };
    throw caught;
  }
  const label = sector ? data.sectors.concepts.find((c) => c.code === sector)?.label : undefined;
  if (sector && !label) return { status: 'unknownSector' };
  const records = data.marketRecords.edges.map((edge) => edge.node);
  return { status: 'ok', xml: marketFeedXml({ origin, sector, sectorLabel: label ?? null, records, lang, kind }) };
}
