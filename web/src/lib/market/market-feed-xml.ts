// The Atom XML of the feed of open requests (server/market-feed.ts asks the registry), written
// with the `feed` library, which writes the elements RFC 4287 requires (feed and entry id, title,
// updated; an author for the feed) and escapes XML. Pure, so it is tested on records it is given.
import { Feed } from 'feed';
import type { MarketCardFragment } from '../generated/operation-types.ts';
import { messagesFor } from '../i18n/catalog.ts';
import { format } from '../i18n/message-format.ts';
import type { UiLanguage } from '../i18n/languages.ts';

/**
 * Text as the HTML the library declares (its entries' title and summary are type="html" in
 * CDATA): a reader would otherwise render markup typed in a record as markup, and a "]]>" in it
 * would end the CDATA section and break the whole feed. Escaped, both read as typed.
 */
function asHtmlText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The feed's XML for these records (pure: the feed's test builds it from records it writes).
 * `kind`: the buyers' requests (/market/feed.atom, the default) or the offers (/feeds/offers.atom,
 * ADR 0048), which differ only in their titles and addresses.
 */
export function marketFeedXml(input: {
  origin: string;
  sector: string | null;
  sectorLabel: string | null;
  records: readonly MarketCardFragment[];
  lang: UiLanguage;
  kind?: 'request' | 'offer';
}): string {
  const { origin, sector, records, lang } = input;
  const offers = input.kind === 'offer';
  const label = input.sectorLabel;
  const messages = messagesFor(lang);
  const path = offers ? '/feeds/offers.atom' : '/market/feed.atom';
  const self = `${origin}${path}${sector ? `?sector=${encodeURIComponent(sector)}` : ''}`;
  const newest = records.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: self,
    title: offers
      ? label
        ? format(messages.odxOffersFeedTitleSector, { sector: label }, lang)
        : messages.odxOffersFeedTitle
      : label
        ? format(messages.mktFeedTitleSector, { sector: label }, lang)
        : messages.mktFeedTitle,
    description: offers ? messages.odxOffersFeedSubtitle : messages.mktFeedSubtitle,
    link: `${origin}/market?kind=${offers ? 'offer' : 'request'}${sector ? `&sector=${encodeURIComponent(sector)}` : ''}`,
    language: lang,
    updated: new Date(newest),
    generator: 'Union Migrant Net registry',
    feedLinks: { atom: self },
    author: { name: messages.siteTitle, link: origin },
    copyright: messages.mktFeedRights,
  });
  for (const record of records) {
    const deadline = record.request?.deadline;
    const owner = record.ownerOrganisation ?? record.ownerInitiative?.name.text;
    feed.addItem({
      id: record.id,
      title: asHtmlText(record.title.text),
      link: `${origin}/market/${encodeURIComponent(record.slug)}`,
      date: new Date(record.updatedAt),
      description: asHtmlText(
        deadline ? `${record.summary.text} (${format(messages.mktDeadlineOn, { date: deadline }, lang)})` : record.summary.text,
      ),
      category: record.sectors.map((s) => ({ name: s.label, term: s.code })),
      ...(owner ? { author: [{ name: owner }] } : {}),
    });
  }
  return feed.atom1();
}
