// The land and borders of the map of Europe as one small SVG document, drawn from Natural
// Earth's 1:50m countries (public domain) as packaged by world-atlas (ISC): packaged geodata,
// so the map needs no tile server and works offline and in tests. Built once, when the site is
// built (the /europe-map.svg route is prerendered), never in the browser.
//
// Size is kept down three ways: land is one merged shape and borders one mesh (each border is
// drawn once, not once per country), everything outside the view is clipped away, and
// coordinates are whole user units written relatively, with points closer than MIN_STEP to the
// previous one dropped (at most ~1/300 of the map's width: invisible at the sizes it is shown).
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import { merge, mesh } from 'topojson-client';
import countries50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import { D3_PARAMETERS, VIEW_HEIGHT, VIEW_WIDTH } from './europe-projection.ts';

/** Smallest step kept between two points of a line, in user units (Manhattan distance). */
const MIN_STEP = 3;

export const BASEMAP_COLOURS = {
  sea: '#e6eef5',
  land: '#d5dae0',
  border: '#ffffff',
} as const;

/** A d3-geo path context writing rounded, relative SVG path data. */
class RoundedPathWriter {
  #data = '';
  #x = 0;
  #y = 0;

  moveTo(x: number, y: number): void {
    this.#x = Math.round(x);
    this.#y = Math.round(y);
    this.#data += `M${this.#x} ${this.#y}`;
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    if (Math.abs(rx - this.#x) + Math.abs(ry - this.#y) < MIN_STEP) return;
    this.#data += `l${rx - this.#x} ${ry - this.#y}`;
    this.#x = rx;
    this.#y = ry;
  }

  closePath(): void {
    this.#data += 'z';
  }

  arc(): void {
    // Only lines and polygons are drawn through this writer (no pointRadius circles).
  }

  beginPath(): void {
    // Path data is one string: nothing to begin.
  }

  get data(): string {
    return this.#data;
  }
}

function pathData(object: Parameters<ReturnType<typeof geoPath>>[0]): string {
  const projection = geoAzimuthalEqualArea()
    .rotate(D3_PARAMETERS.rotate)
    .scale(D3_PARAMETERS.scale)
    .translate(D3_PARAMETERS.translate)
    .clipExtent([
      [-2, -2],
      [VIEW_WIDTH + 2, VIEW_HEIGHT + 2],
    ]);
  const writer = new RoundedPathWriter();
  geoPath(projection, writer)(object);
  return writer.data;
}

/** The base map: sea, land and borders, as a standalone SVG document (no text: it is decorative). */
export function europeBasemapSvg(): string {
  // The JSON's inferred type is wider than TopoJSON's (a "type" string, not its literals).
  const topology = countries50m as unknown as Parameters<typeof mesh>[0];
  const countries = topology.objects['countries'] as Parameters<typeof mesh>[1] & { geometries: Parameters<typeof merge>[1] };
  const land = pathData(merge(topology, countries.geometries));
  const borders = pathData(mesh(topology, countries, (a, b) => a !== b));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}" width="${VIEW_WIDTH}" height="${VIEW_HEIGHT}">` +
    `<rect width="${VIEW_WIDTH}" height="${VIEW_HEIGHT}" fill="${BASEMAP_COLOURS.sea}"/>` +
    `<path d="${land}" fill="${BASEMAP_COLOURS.land}"/>` +
    `<path d="${borders}" fill="none" stroke="${BASEMAP_COLOURS.border}" stroke-width="1.5" stroke-linejoin="round"/>` +
    `</svg>\n`
  );
}
