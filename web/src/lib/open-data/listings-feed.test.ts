import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listingsFeedXml, type FeedTexts } from './listings-feed.ts';
import { initiative, meta, practice } from './open-data-fixtures.ts';

const texts: FeedTexts = {
  title: 'Liège : initiatives nouvelles et mises à jour',
  subtitle: 'Les fiches publiques',
  alternate: 'https://liege.example/search?sort=updated',
  lang: 'fr',
  rights: 'Licence : CC-BY-4.0',
};
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml)
    .feed;
const textOf = (value: { '#text'?: string } | string) => (typeof value === 'string' ? value : (value['#text'] ?? ''));

/** RFC 4287 §4.1.1 and §4.1.2: the elements a feed and each entry must have. */
function expectValidAtom(feed: Record<string, any>) {
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const element of ['id', 'title', 'updated']) expect(feed[element], element).toBeTruthy();
  expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
  expect(feed.link.some((l: { '@rel'?: string }) => l['@rel'] === 'self')).toBe(true);
  // A feed without an author needs one in every entry (§4.1.1).
  const authored = Boolean(feed.author?.name);
  for (const entry of feed.entry ?? []) {
    for (const element of ['id', 'title', 'updated']) expect(entry[element], `entry ${element}`).toBeTruthy();
    expect(() => new URL(entry.id)).not.toThrow();
    expect(entry.link.some((l: { '@href'?: string; '@rel'?: string }) => l['@href'] && (l['@rel'] ?? 'alternate') === 'alternate')).toBe(
      true,
    );
    expect(authored || Boolean(entry.author?.name)).toBe(true);
  }
}

describe('the Atom feeds of listings', () => {
  it('hold the elements RFC 4287 requires, an entry per listing with its IRI as id', () => {
    const xml = listingsFeedXml(
      [initiative('a', { updatedAt: '2026-12-01T10:00:00.000Z' }), practice('p')],
      meta({ self: 'https://liege.example/feeds/initiatives.atom' }),
      texts,
    );
    const feed = parse(xml);
    expectValidAtom(feed);
    expect(feed.id).toBe('https://liege.example/feeds/initiatives.atom');
    expect(feed.updated).toBe('2026-12-01T10:00:00.000Z');
    expect(feed.rights).toMatch(/CC-BY-4.0/);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([
      'https://liege.example/initiatives/a',
      'https://liege.example/practices/p',
    ]);
    expect(feed.entry[1].category['@term']).toBe('PT6');
  });

  it('is valid with no entry at all, dated when it was made', () => {
    const feed = parse(listingsFeedXml([], meta(), texts));
    expectValidAtom(feed);
    expect(feed.updated).toBe('2026-12-07T04:00:00.000Z');
  });

  it('shows markup or a CDATA end typed in a name as text, and stays well-formed', () => {
    const hostile = initiative('h', {
      name: { text: 'A ]]><entry><id>forged</id></entry> <b>x</b>', language: 'fr', direction: 'LTR' },
      summary: { text: '<script>alert(1)</script> & co', language: 'fr', direction: 'LTR' },
    });
    const feed = parse(listingsFeedXml([hostile], meta(), texts));
    expect(feed.entry).toHaveLength(1);
    expectValidAtom(feed);
    expect(textOf(feed.entry[0].title)).not.toMatch(/<[a-z/]/i);
    expect(textOf(feed.entry[0].summary)).toContain('&lt;script&gt;');
  });
});
