import { describe, expect, it } from 'vitest';
import { LABEL_SIZE, layOutMarkers, markerRadius, type MapPoint } from './map-markers.ts';

const point = (id: string, latitude: number, longitude: number, count?: number): MapPoint => ({
  id,
  label: id,
  latitude,
  longitude,
  count,
});

describe('markerRadius', () => {
  it('grows with the count, within bounds', () => {
    expect(markerRadius(undefined)).toBe(markerRadius(0));
    expect(markerRadius(10)).toBeGreaterThan(markerRadius(1));
    expect(markerRadius(100_000)).toBe(18);
  });
});

describe('layOutMarkers', () => {
  it('drops points outside the map and points without coordinates', () => {
    const markers = layOutMarkers([point('liege', 50.63, 5.58), point('new-york', 40.7, -74), point('nowhere', Number.NaN, 3)]);
    expect(markers.map((m) => m.point.id)).toEqual(['liege']);
  });

  it('labels close cities without overlapping labels', () => {
    // Trieste, Pordenone and Ljubljana are about 20 units apart on the map.
    const markers = layOutMarkers([
      point('Trieste', 45.65, 13.77),
      point('Pordenone', 45.96, 12.66),
      point('Ljubljana', 46.05, 14.51),
      point('Milano', 45.46, 9.19),
    ]);
    const boxes = markers
      .filter((m) => m.labelAt)
      .map((m) => {
        const width = m.point.label.length * LABEL_SIZE * 0.6;
        const left =
          m.labelAt!.anchor === 'start' ? m.labelAt!.x : m.labelAt!.anchor === 'end' ? m.labelAt!.x - width : m.labelAt!.x - width / 2;
        return { left, right: left + width, top: m.labelAt!.y - LABEL_SIZE, bottom: m.labelAt!.y + LABEL_SIZE / 4 };
      });
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
    }
  });

  it('labels highlighted points first and draws them larger', () => {
    const markers = layOutMarkers([point('a', 45.65, 13.77, 50), point('b', 45.2, 13.78)], ['b']);
    const b = markers.find((m) => m.point.id === 'b')!;
    expect(b.highlighted).toBe(true);
    expect(b.labelAt).not.toBeNull();
    expect(b.radius).toBeGreaterThan(markerRadius(undefined));
  });
});
