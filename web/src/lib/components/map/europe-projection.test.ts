import { describe, expect, it } from 'vitest';
import { geoAzimuthalEqualArea } from 'd3-geo';
import { D3_PARAMETERS, isOnMap, projectPoint, VIEW_HEIGHT, VIEW_WIDTH } from './europe-projection.ts';

const LIEGE = { lat: 50.6326, lon: 5.5797 };
const SOFIA = { lat: 42.6977, lon: 23.3219 };
const ATHENS = { lat: 37.9838, lon: 23.7275 };

describe('projectPoint', () => {
  it('puts Liège, Sofia and Athens inside the view', () => {
    for (const city of [LIEGE, SOFIA, ATHENS]) {
      const { x, y } = projectPoint(city.lat, city.lon);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(VIEW_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(VIEW_HEIGHT);
    }
  });

  it('keeps west to east and north to south', () => {
    const [liege, sofia, athens] = [LIEGE, SOFIA, ATHENS].map((c) => projectPoint(c.lat, c.lon));
    // Sofia (23.3° E) is a little west of Athens (23.7° E): the order must survive the projection.
    expect(liege!.x).toBeLessThan(sofia!.x);
    expect(sofia!.x).toBeLessThan(athens!.x);
    expect(liege!.y).toBeLessThan(sofia!.y);
    expect(sofia!.y).toBeLessThan(athens!.y);
  });

  it('agrees with d3-geo, which draws the country shapes', () => {
    const d3 = geoAzimuthalEqualArea().rotate(D3_PARAMETERS.rotate).scale(D3_PARAMETERS.scale).translate(D3_PARAMETERS.translate);
    for (const [lon, lat] of [
      [5.58, 50.63],
      [23.73, 37.98],
      [-9.14, 38.72],
      [-21.9, 64.1],
      [33.4, 35.2],
      [25.8, 71.1],
    ] as const) {
      const [x, y] = d3([lon, lat])!;
      const mine = projectPoint(lat, lon);
      expect(Math.abs(mine.x - x)).toBeLessThan(0.1);
      expect(Math.abs(mine.y - y)).toBeLessThan(0.1);
    }
  });

  it('frames Europe from Iceland to Cyprus and leaves the Canaries and New York off the map', () => {
    expect(isOnMap(projectPoint(64.1, -21.9))).toBe(true); // Reykjavík
    expect(isOnMap(projectPoint(35.17, 33.36))).toBe(true); // Nicosia
    expect(isOnMap(projectPoint(28.1, -15.4))).toBe(false); // Las Palmas
    expect(isOnMap(projectPoint(40.7, -74))).toBe(false);
    expect(isOnMap(projectPoint(-52, -170))).toBe(false); // the antipode of the centre
  });
});
