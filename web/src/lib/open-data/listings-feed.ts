// The Atom feeds of new and updated listings (/feeds/initiatives.atom, /feeds/practices.atom,
// /feeds/search.atom), written with the `feed` library as the market's feed is
// (lib/market/market-feed-xml.ts), which writes the elements RFC 4287 requires (feed and entry
// id, title, updated; the feed's author) and escapes XML. Each entry's id is the listing's IRI,
// which never changes, so a reader shows an updated listing as updated, not as a new one.
import { Feed } from 'feed';
import type { ExportMeta, OpenDataListing } from './open-data-types.ts';

/**
 * Text as the HTML the library declares (entry title and summary are type="html" in CDATA):
 * markup typed in a record would otherwise be rendered, and a "]]>" would end the CDATA section.
 */
function asHtmlText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export interface FeedTexts {
  title: string;
  subtitle: string;
  /** The page that shows the same listings (the search page of the same search). */
  alternate: string;
  lang: string;
  /** "Licence: …" or "No licence chosen yet", for atom:rights. */
  rights: string;
}

export function listingsFeedXml(items: readonly OpenDataListing[], meta: ExportMeta, texts: FeedTexts): string {
  const newest = items.reduce((latest, item) => (item.updatedAt > latest ? item.updatedAt : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: meta.self,
    title: texts.title,
    description: texts.subtitle,
    link: texts.alternate,
    language: texts.lang,
    updated: new Date(items.length ? newest : meta.generatedAt),
    generator: 'Union Migrant Net registry',
    feedLinks: { atom: meta.self },
    author: { name: meta.node.name.text, link: meta.node.url ?? meta.origin },
    copyright: texts.rights,
  });
  for (const item of items) {
    const initiative = item.__typename === 'Initiative';
    feed.addItem({
      id: item.id,
      title: asHtmlText(initiative ? item.name.text : item.title.text),
      link: item.url,
      date: new Date(item.updatedAt),
      published: new Date(item.createdAt),
      description: asHtmlText(item.summary.text),
      category: initiative
        ? [{ name: item.primarySector.label, term: item.primarySector.code }]
        : [{ name: item.practiceType.label, term: item.practiceType.code }],
      author: [{ name: item.node.city }],
    });
  }
  return feed.atom1();
}
