// Where a place falls on the map of Europe. The projection is Lambert azimuthal equal-area
// centred on 52° N 10° E: the projection of the EU's own statistical maps (ETRS89-LAEA,
// EPSG:3035, here on a sphere), so areas compare fairly between north and south.
//
// Written out by hand rather than with d3-geo so that markers can be placed in the browser
// too (a page navigated to without a reload) without shipping d3-geo: the country shapes are
// projected on the server only (europe-basemap.ts), with d3-geo set up from the same
// constants; europe-projection.test.ts checks that the two agree.

/** Centre of the projection (longitude, latitude in degrees). */
export const CENTRE: readonly [number, number] = [10, 52];

/** Width of the map's coordinate system (SVG user units). */
export const VIEW_WIDTH = 1000;

/** Margin kept around the frame inside the view. */
const MARGIN = 10;

/**
 * Points the map must show: Iceland, Portugal, Crete, Cyprus, the North Cape, the Volga
 * near Nizhny Novgorod and northern Norway. The Canary Islands and the Azores are left out: they
 * would double the map's height with ocean and Africa for islands with no partner city yet; a
 * place outside the frame is left off the map and stays in the list beside it.
 */
const FRAME: ReadonlyArray<readonly [number, number]> = [
  [-24.5, 63.5],
  [-10, 36],
  [24, 34.8],
  [34.6, 34.6],
  [27, 71.2],
  [44, 56],
  [15, 71],
];

const RADIANS = Math.PI / 180;
const SIN_CENTRE_LAT = Math.sin(CENTRE[1] * RADIANS);
const COS_CENTRE_LAT = Math.cos(CENTRE[1] * RADIANS);

/** The unit-sphere projection: x to the east, y to the north. */
function azimuthalEqualArea(longitude: number, latitude: number): [number, number] {
  const lambda = (longitude - CENTRE[0]) * RADIANS;
  const phi = latitude * RADIANS;
  const cosPhi = Math.cos(phi);
  const k = Math.sqrt(2 / (1 + SIN_CENTRE_LAT * Math.sin(phi) + COS_CENTRE_LAT * cosPhi * Math.cos(lambda)));
  return [k * cosPhi * Math.sin(lambda), k * (COS_CENTRE_LAT * Math.sin(phi) - SIN_CENTRE_LAT * cosPhi * Math.cos(lambda))];
}

/** Scale and offsets that fit the frame to VIEW_WIDTH, computed once (pure arithmetic). */
function fitFrame(): { scale: number; translateX: number; translateY: number; height: number } {
  const projected = FRAME.map(([lon, lat]) => azimuthalEqualArea(lon, lat));
  const xs = projected.map(([x]) => x);
  const ys = projected.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (VIEW_WIDTH - 2 * MARGIN) / (maxX - minX);
  return {
    scale,
    translateX: MARGIN - minX * scale,
    translateY: MARGIN + maxY * scale, // SVG y grows downwards
    height: Math.ceil((maxY - minY) * scale + 2 * MARGIN),
  };
}

const FIT = fitFrame();

/** Height of the map's coordinate system (SVG user units). */
export const VIEW_HEIGHT = FIT.height;

/** The projection's parameters in d3-geo's terms, for drawing the country shapes. */
export const D3_PARAMETERS = {
  rotate: [-CENTRE[0], -CENTRE[1]] as [number, number],
  scale: FIT.scale,
  translate: [FIT.translateX, FIT.translateY] as [number, number],
};

export interface MapPosition {
  x: number;
  y: number;
}

/** A place's position on the map, in SVG user units (origin top left), rounded to a tenth. */
export function projectPoint(latitude: number, longitude: number): MapPosition {
  const [x, y] = azimuthalEqualArea(longitude, latitude);
  return { x: Math.round((FIT.translateX + x * FIT.scale) * 10) / 10, y: Math.round((FIT.translateY - y * FIT.scale) * 10) / 10 };
}

/** Whether a position falls inside the map's view (places outside are listed, not drawn). */
export function isOnMap(position: MapPosition): boolean {
  return (
    Number.isFinite(position.x) &&
    Number.isFinite(position.y) &&
    position.x >= 0 &&
    position.x <= VIEW_WIDTH &&
    position.y >= 0 &&
    position.y <= VIEW_HEIGHT
  );
}
