// From the places a page wants to show to what the map draws: a position, a marker size, and a
// label placed where it overlaps no other label or marker. Pure, so it is tested without a page,
// and the same in the browser as on the server.
import { isOnMap, projectPoint, VIEW_HEIGHT, VIEW_WIDTH } from './europe-projection.ts';

/** A place to show on the map (the props of EuropeMap and MapPointList). */
export interface MapPoint {
  id: string;
  label: string;
  href?: string;
  latitude: number;
  longitude: number;
  /** How many listings the place stands for; sizes the marker. */
  count?: number;
  /** A free category the page chooses (e.g. "planned" for a node not online yet); styles the marker. */
  kind?: string;
}

export interface MapMarker {
  point: MapPoint;
  x: number;
  y: number;
  radius: number;
  highlighted: boolean;
  /** Where the label is drawn; null when there was no free room for it (the marker's title and the list still name it). */
  labelAt: { x: number; y: number; anchor: 'start' | 'middle' | 'end' } | null;
}

/** Label font size in user units (about 13 CSS px when the map is 730 px wide). Positions are whole units: a map has hundreds of them. */
export const LABEL_SIZE = 18;
const BASE_RADIUS = 7;
const MAX_RADIUS = 18;

/** Marker radius: area grows with the count, so a city with 40 listings does not hide its neighbours. */
export function markerRadius(count: number | undefined): number {
  if (!count || count < 1) return BASE_RADIUS;
  return Math.min(MAX_RADIUS, Math.round(BASE_RADIUS + 1.6 * Math.sqrt(count)));
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inView = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= VIEW_WIDTH && box.bottom <= VIEW_HEIGHT;

/** A rough width of a label: the server cannot measure text, and a generous guess only drops labels, never overlaps them. */
function labelWidth(label: string): number {
  return [...label].length * LABEL_SIZE * 0.6;
}

/** The markers of the places that fall on the map, highlighted and larger ones labelled first. */
export function layOutMarkers(points: readonly MapPoint[], highlight: readonly string[] = []): MapMarker[] {
  const highlighted = new Set(highlight);
  const markers: MapMarker[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.latitude) || !Number.isFinite(point.longitude)) continue;
    const position = projectPoint(point.latitude, point.longitude);
    if (!isOnMap(position)) continue;
    const isHighlighted = highlighted.has(point.id);
    markers.push({
      point,
      x: Math.round(position.x),
      y: Math.round(position.y),
      radius: markerRadius(point.count) + (isHighlighted ? 3 : 0),
      highlighted: isHighlighted,
      labelAt: null,
    });
  }
  // Larger markers are drawn first so that smaller ones stay visible (and clickable) on top.
  markers.sort((a, b) => b.radius - a.radius);

  const taken: Box[] = markers.map((m) => ({ left: m.x - m.radius, top: m.y - m.radius, right: m.x + m.radius, bottom: m.y + m.radius }));
  const byPriority = [...markers].sort(
    (a, b) => Number(b.highlighted) - Number(a.highlighted) || (b.point.count ?? 0) - (a.point.count ?? 0),
  );
  for (const marker of byPriority) {
    const width = labelWidth(marker.point.label);
    const gap = marker.radius + 4;
    const candidates = [
      { x: marker.x + gap, y: marker.y + LABEL_SIZE / 3, anchor: 'start' as const, left: marker.x + gap },
      { x: marker.x - gap, y: marker.y + LABEL_SIZE / 3, anchor: 'end' as const, left: marker.x - gap - width },
      { x: marker.x, y: marker.y - gap - 2, anchor: 'middle' as const, left: marker.x - width / 2 },
      { x: marker.x, y: marker.y + gap + LABEL_SIZE - 2, anchor: 'middle' as const, left: marker.x - width / 2 },
    ];
    for (const { x, y, anchor, left } of candidates) {
      const box = { left, right: left + width, top: y - LABEL_SIZE, bottom: y + LABEL_SIZE / 4 };
      if (!inView(box) || taken.some((other) => overlaps(box, other))) continue;
      marker.labelAt = { x: Math.round(x), y: Math.round(y), anchor };
      taken.push(box);
      break;
    }
  }
  return markers;
}
