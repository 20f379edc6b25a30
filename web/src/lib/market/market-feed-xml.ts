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

/** The feed's XML for these records (pure: the feed's test builds it from records it writes). */
export function marketFeedXml(input: {
  origin: string;
  sector: string | null;
  sectorLabel: string | null;
  records: readonly MarketCardFragment[];
  lang: UiLanguage;
}): string {
  const { origin, sector, records, lang } = input;
  const label = input.sectorLabel;
  const messages = messagesFor(lang);
  const self = `${origin}/market/feed.atom${sector ? `?sector=${encodeURIComponent(sector)}` : ''}`;
  const newest = records.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: self,
    title: label ? format(messages.mktFeedTitleSector, { sector: label }, lang) : messages.mktFeedTitle,
    description: messages.mktFeedSubtitle,
    link: `${origin}/market?kind=request${sector ? `&sector=${encodeURIComponent(sector)}` : ''}`,
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
