import { describe, expect, it } from 'vitest';
import { nodeOpenDataLinks, openDataLinks } from './export-links.ts';

describe('the open-data links of a search', () => {
  it('carry the search without its page, cursor or view, and the kind of each file', () => {
    const links = openDataLinks(new URLSearchParams('q=cuisine&sector=AM40&kind=GOOD_PRACTICE&view=map&after=abc&trail=&sort=updated'));
    expect(links.initiatives.csv).toBe('/export/initiatives.csv?q=cuisine&sector=AM40&sort=updated');
    expect(links.practices.geojson).toBe('/export/practices.geojson?q=cuisine&sector=AM40&sort=updated');
    expect(links.practices.jsonld).toBe('/export/practices.jsonld?q=cuisine&sector=AM40&sort=updated');
    expect(links.dataset).toBe('/export/dataset.jsonld?q=cuisine&kind=GOOD_PRACTICE&sector=AM40&sort=updated');
    expect(links.feeds.search).toBe('/feeds/search.atom?q=cuisine&kind=GOOD_PRACTICE&sector=AM40&sort=updated');
  });

  it('are the bare files for the whole catalogue, and the node filter for a city page', () => {
    expect(openDataLinks(new URLSearchParams()).initiatives.jsonld).toBe('/export/initiatives.jsonld');
    expect(nodeOpenDataLinks('liege').feeds.initiatives).toBe('/feeds/initiatives.atom?node=liege');
    expect(nodeOpenDataLinks('a&b=c').initiatives.csv).toBe('/export/initiatives.csv?node=a%26b%3Dc');
  });
});
