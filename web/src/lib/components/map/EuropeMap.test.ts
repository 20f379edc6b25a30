import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import MapTestPage from './MapTestPage.svelte';
import { europeBasemapSvg } from './europe-basemap.ts';
import type { MapPoint } from './map-markers.ts';

const CITIES: MapPoint[] = [
  { id: 'liege', label: 'Liège', href: '/nodes/liege', latitude: 50.6326, longitude: 5.5797, count: 10 },
  { id: 'milan', label: 'Milan', href: '/nodes/milan', latitude: 45.4642, longitude: 9.19, count: 0, kind: 'planned' },
  { id: 'athens', label: 'Athènes', latitude: 37.9838, longitude: 23.7275 },
  { id: 'las-palmas', label: 'Las Palmas', latitude: 28.1, longitude: -15.4 },
];

const body = (props: { points: MapPoint[]; title: string; highlight?: string[] }) => render(MapTestPage, { props }).body;

describe('EuropeMap and MapPointList', () => {
  it('draw a named map whose linked markers are links with a title', () => {
    const html = body({ points: CITIES, title: 'Carte du réseau', highlight: ['liege'] });
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="([^"]+)-title"/);
    expect(html).toContain('>Carte du réseau</title>');
    expect(html).toMatch(
      /<a href="\/nodes\/liege" class="highlighted[^"]*"><title>Liège · Fiches : 10 · mis en évidence<\/title><circle cx="\d+" cy="\d+" r="\d+"/,
    );
    expect(html).toMatch(/<a href="\/nodes\/milan" class="kind-planned[^"]*">/);
    // Athens has no href: a marker, not a link.
    expect(html).not.toContain('href="undefined"');
    expect(html).toContain('<desc');
    const desc = html.slice(html.indexOf('<desc'), html.indexOf('</desc>'));
    expect(desc).toContain('Lieux marqués sur la carte : 3.');
    for (const name of ['Liège', 'Milan', 'Athènes']) expect(desc).toContain(name);
    expect(desc).not.toContain('Las Palmas');
  });

  it('list every point, including those off the map, with the same information', () => {
    const html = body({ points: CITIES, title: 't', highlight: ['liege'] });
    const list = html.slice(html.indexOf('<ul'));
    expect(list).toContain('<a href="/nodes/liege">Liège</a>');
    expect(list).toContain('Fiches : 10');
    expect(list).toContain('mis en évidence');
    expect(list).toContain('Las Palmas');
    expect(list).toContain('hors du cadre de la carte');
    // Las Palmas is not drawn (outside the frame), but it is listed.
    const svg = html.slice(0, html.indexOf('</svg>'));
    expect(svg).not.toContain('Las Palmas');
  });

  it('stays small: two hundred points under 60 KB of HTML', () => {
    const many: MapPoint[] = Array.from({ length: 200 }, (_, i) => ({
      id: `p${i}`,
      label: `Initiative ${i}`,
      href: `/initiatives/initiative-${i}`,
      latitude: 36 + (i % 30),
      longitude: -8 + ((i * 7) % 40),
      count: 1,
    }));
    const html = body({ points: many, title: 'Résultats' });
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg.length).toBeLessThan(60_000);
    expect(body({ points: CITIES.slice(0, 3), title: 'Carte' }).length).toBeLessThan(6_000);
  });
});

describe('europeBasemapSvg', () => {
  it('draws land and borders in a small standalone SVG', () => {
    const svg = europeBasemapSvg();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.length).toBeGreaterThan(10_000); // real coastlines, not an empty frame
    expect(svg.length).toBeLessThan(40_000);
    // Whole numbers only in the path data: no long decimals.
    const pathData = [...svg.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]).join('');
    expect(/\d\.\d/.test(pathData)).toBe(false);
  });
});
