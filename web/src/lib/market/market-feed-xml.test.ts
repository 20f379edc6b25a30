import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { MarketCardFragment } from '../generated/operation-types.ts';
import { marketFeedXml } from './market-feed-xml.ts';

const text = (value: string) => ({ text: value, language: 'fr', direction: 'LTR' as const, isFallback: false });
const request = (slug: string, title: string, summary: string): MarketCardFragment => ({
  id: `https://liege.example/market/${slug}`,
  slug,
  kind: 'REQUEST',
  node: 'liege',
  open: true,
  expiresOn: '2027-06-30',
  updatedAt: '2027-01-15T10:00:00.000Z',
  title: text(title),
  summary: text(summary),
  ownerOrganisation: 'Ville de Liège',
  ownerInitiative: null,
  sectors: [{ code: 'AM60', label: 'Alimentation' }],
  area: { locality: 'Liège', region: null, country: { code: 'BE', name: 'Belgique' } },
  startDate: null,
  endDate: null,
  request: { requestKind: 'QUOTE', deadline: '2027-02-01' },
});
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' }).parse(xml).feed;
/** What a feed reader shows of a type="html" text: the HTML decoded (tags would be markup). */
const shown = (value: { '#text'?: string } | string) => {
  const html = typeof value === 'string' ? value : (value['#text'] ?? '');
  if (/<[a-z/]/i.test(html)) return `MARKUP:${html}`;
  return html.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
};

describe('the Atom feed of open requests', () => {
  it('is Atom with the elements RFC 4287 requires, one entry per request, its sector as a category', () => {
    const feed = parse(
      marketFeedXml({
        origin: 'https://liege.example',
        sector: 'AM60',
        sectorLabel: 'Alimentation',
        records: [request('a', 'Traiteur', 'Repas')],
        lang: 'fr',
      }),
    );
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://liege.example/market/feed.atom?sector=AM60');
    expect(feed.title).toBe('Demandes ouvertes : Alimentation');
    expect(feed.updated).toBe('2027-01-15T10:00:00.000Z');
    expect(feed.author.name).toBeTruthy();
    expect(feed.entry).toHaveLength(1);
    expect(feed.entry[0].id).toBe('https://liege.example/market/a');
    expect(feed.entry[0].link['@href']).toBe('https://liege.example/market/a');
    expect(feed.entry[0].category['@term']).toBe('AM60');
    expect(shown(feed.entry[0].summary)).toBe('Repas (date limite : 2027-02-01)');
  });

  it('shows a title or summary with markup or a CDATA end as the text typed, never as markup, and stays well-formed', () => {
    const hostile = [
      request('b', '<img src=x onerror=alert(1)> Traiteur & fils', 'Fin ]]> puis <script>alert(1)</script>'),
      request('c', 'A ]]><entry><title>forged</title></entry>', '&amp; déjà échappé'),
    ];
    const xml = marketFeedXml({ origin: 'https://liege.example', sector: null, sectorLabel: null, records: hostile, lang: 'en' });
    const feed = parse(xml);
    expect(feed.entry).toHaveLength(2);
    expect(shown(feed.entry[0].title)).toBe('<img src=x onerror=alert(1)> Traiteur & fils');
    expect(shown(feed.entry[0].summary)).toBe('Fin ]]> puis <script>alert(1)</script> (deadline: 2027-02-01)');
    expect(shown(feed.entry[1].title)).toBe('A ]]><entry><title>forged</title></entry>');
    expect(shown(feed.entry[1].summary)).toBe('&amp; déjà échappé (deadline: 2027-02-01)');
  });

  it('is the feed of offers at /feeds/offers.atom when asked for offers, titled as such', () => {
    const offer: MarketCardFragment = { ...request('o', 'Traiteur solidaire', 'Repas pour 200'), kind: 'OFFER', request: null };
    const feed = parse(
      marketFeedXml({ origin: 'https://liege.example', sector: null, sectorLabel: null, records: [offer], lang: 'fr', kind: 'offer' }),
    );
    expect(feed.id).toBe('https://liege.example/feeds/offers.atom');
    expect(feed.title).toBe('Offres des initiatives');
    expect(feed.link.find((l: { '@rel'?: string }) => l['@rel'] === 'alternate')['@href']).toBe('https://liege.example/market?kind=offer');
    expect(feed.entry[0].id).toBe('https://liege.example/market/o');
    expect(shown(feed.entry[0].summary)).toBe('Repas pour 200');
  });
});
