import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { initiativesGeoJson, practicesGeoJson } from './catalogue-geojson.ts';
import { initiative, LIEGE_POINT, meta, practice } from './open-data-fixtures.ts';

/** RFC 7946 validation by a validator package: throws with the problems it finds. */
const valid = (value: unknown) => check(JSON.stringify(value));

describe('the GeoJSON export', () => {
  it('is an RFC 7946 FeatureCollection with [longitude, latitude] positions', () => {
    const collection = initiativesGeoJson(
      [initiative('a', { location: { ...initiative('a').location, precision: 'ADDRESS', geo: { lat: 50.64123, lon: 5.57345 } } })],
      meta(),
    );
    expect(valid(collection).type).toBe('FeatureCollection');
    expect(collection.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [5.57345, 50.64123] });
    expect(collection.features[0]!.id).toBe('https://liege.example/initiatives/a');
    expect(collection.license).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it("gives a city-only initiative its city's point or no geometry, never a point of its own", () => {
    const inCity = initiative('in-city');
    // Elsewhere, the registry's point is the initiative's own, rounded: not a city's point.
    const elsewhere = initiative('elsewhere', {
      location: { ...initiative('x').location, locality: 'Seraing', geo: { lat: 50.6, lon: 5.5 } },
    });
    const collection = initiativesGeoJson([inCity, elsewhere], meta());
    valid(collection);
    expect(collection.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [LIEGE_POINT.lon, LIEGE_POINT.lat] });
    expect(collection.features[1]!.geometry).toBeNull();
    expect(JSON.stringify(collection)).not.toContain('50.6,');
  });

  it('validates with no point at all, and for practices at their city', () => {
    const none = initiative('none', { location: { ...initiative('x').location, precision: 'NEIGHBOURHOOD', geo: null } });
    valid(initiativesGeoJson([none], meta({ licence: null })));
    const practices = practicesGeoJson([practice('p')], meta());
    expect((valid(practices) as { features: unknown[] }).features).toHaveLength(1);
    expect(practices.features[0]!.properties.practiceType).toBe('PT6');
  });
});
