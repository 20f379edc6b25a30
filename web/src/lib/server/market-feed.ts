// The Atom feed of open requests (/market/feed.atom, one sector with ?sector=AM40, else all),
// for initiatives that follow buyers' requests in a feed reader rather than on the board
// (issue 15 point 6). Written with the `feed` library, which escapes every text and writes the
// elements RFC 4287 requires (feed and entry id, title, updated; an author for the feed).
import { Feed } from 'feed';
import { graphql } from './graphql.ts';
import { GraphQLRequestError } from './graphql-request.ts';
import type { MarketFeedQuery, MarketFeedQueryVariables } from '../generated/operation-types.ts';
import { messagesFor } from '../i18n/catalog.ts';
import { format } from '../i18n/message-format.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import CARD_FRAGMENTS from './queries/market-card.fragments.graphql?raw';
import FEED_QUERY from './queries/market-feed.graphql?raw';

export type FeedOutcome = { status: 'ok'; xml: string } | { status: 'unknownSector' };

/** The feed's XML for `sector` (a SECTOR code) or every sector; `origin` is this site's (https://…). */
export async function marketFeed(origin: string, sector: string | null, lang: UiLanguage): Promise<FeedOutcome> {
  let data: MarketFeedQuery;
  try {
    data = await graphql<MarketFeedQuery, MarketFeedQueryVariables>(`${FEED_QUERY}${CARD_FRAGMENTS}`, {
      filter: { kind: ['REQUEST'], openOnly: true, ...(sector ? { sector: [sector] } : {}) },
      lang,
    });
  } catch (caught) {
    if (caught instanceof GraphQLRequestError && caught.errors.some((e) => e.extensions?.code === 'BAD_USER_INPUT'))
      return { status: 'unknownSector' };
    throw caught;
  }
  const t = messagesFor(lang);
  const label = sector ? data.sectors.concepts.find((c) => c.code === sector)?.label : undefined;
  if (sector && !label) return { status: 'unknownSector' };
  const self = `${origin}/market/feed.atom${sector ? `?sector=${encodeURIComponent(sector)}` : ''}`;
  const records = data.marketRecords.edges.map((edge) => edge.node);
  const newest = records.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: self,
    title: label ? format(t.mktFeedTitleSector, { sector: label }, lang) : t.mktFeedTitle,
    description: t.mktFeedSubtitle,
    link: `${origin}/market?kind=request${sector ? `&sector=${encodeURIComponent(sector)}` : ''}`,
    language: lang,
    updated: new Date(newest),
    generator: 'Union Migrant Net registry',
    feedLinks: { atom: self },
    author: { name: t.siteTitle, link: origin },
    copyright: t.mktFeedRights,
  });
  for (const record of records) {
    const deadline = record.request?.deadline;
    const owner = record.ownerOrganisation ?? record.ownerInitiative?.name.text;
    feed.addItem({
      id: record.id,
      title: record.title.text,
      link: `${origin}/market/${encodeURIComponent(record.slug)}`,
      date: new Date(record.updatedAt),
      description: deadline ? `${record.summary.text} (${format(t.mktDeadlineOn, { date: deadline }, lang)})` : record.summary.text,
      category: record.sectors.map((s) => ({ name: s.label, term: s.code })),
      ...(owner ? { author: [{ name: owner }] } : {}),
    });
  }
  return { status: 'ok', xml: feed.atom1() };
}
