// Arguments of `search`: bad input answers a BAD_USER_INPUT error naming the argument, as the
// SDL docstring says; unknown facet values are not errors.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../records/bad-input-error.ts';
import { encodeCursor } from './cursor.ts';
import { searchQueryFrom, type SearchArgs } from './search-input.ts';

const centres = (handle: string) => (handle === 'liege' ? { lat: 50.6453, lon: 5.5736 } : undefined);
const parse = (args: SearchArgs) => searchQueryFrom(args, centres);
const argumentOf = (args: SearchArgs): string => {
  try {
    parse(args);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as BadInputError).argument;
  }
  throw new Error('no error');
};

describe('search arguments', () => {
  it('accepts a full search and normalises codes', () => {
    const query = parse({
      input: {
        text: 'cucina',
        kinds: ['INITIATIVE'],
        node: ['Liege'],
        country: ['it'],
        languageOffered: ['AR-SY'],
        migrantLed: true,
        near: { node: 'liege', radiusKm: 200 },
      },
      first: 5,
      orderBy: 'DISTANCE',
    });
    expect(query.filters).toEqual({
      kind: ['INITIATIVE'],
      node: ['liege'],
      country: ['IT'],
      languageOffered: ['ar-sy'],
      migrantLed: ['true'],
    });
    expect(query.near).toEqual({ lat: 50.6453, lon: 5.5736, radiusKm: 200 });
    expect(query.first).toBe(5);
  });

  it('names the argument of each bad input', () => {
    expect(argumentOf({ input: { text: 'x'.repeat(10_000) } })).toBe('input.text');
    expect(argumentOf({ first: 101 })).toBe('first');
    expect(argumentOf({ first: 1_000_000 })).toBe('first');
    expect(argumentOf({ first: -1 })).toBe('first');
    expect(argumentOf({ input: { near: { latitude: 91, longitude: 0, radiusKm: 10 } } })).toBe('input.near.latitude');
    expect(argumentOf({ input: { near: { latitude: 0, longitude: -181, radiusKm: 10 } } })).toBe('input.near.longitude');
    expect(argumentOf({ input: { near: { latitude: Number.NaN, longitude: 0, radiusKm: 10 } } })).toBe('input.near.latitude');
    for (const radiusKm of [0, -5, 20_001, 1e12, Number.POSITIVE_INFINITY])
      expect(argumentOf({ input: { near: { latitude: 0, longitude: 0, radiusKm } } })).toBe('input.near.radiusKm');
    expect(argumentOf({ input: { near: { latitude: 1, radiusKm: 10 } } })).toBe('input.near');
    expect(argumentOf({ input: { near: { node: 'liege', latitude: 1, longitude: 1, radiusKm: 10 } } })).toBe('input.near');
    expect(argumentOf({ input: { near: { node: 'atlantis', radiusKm: 10 } } })).toBe('input.near.node');
    expect(argumentOf({ orderBy: 'DISTANCE' })).toBe('orderBy');
    expect(argumentOf({ input: { sector: Array.from({ length: 51 }, (_, i) => `S${i}`) } })).toBe('input.sector');
    expect(argumentOf({ after: 'not-a-cursor' })).toBe('after');
    expect(argumentOf({ after: encodeCursor({ order: 'RELEVANCE', key: 1, hash: 1, id: 'x' }), orderBy: 'RECENTLY_UPDATED' })).toBe(
      'after',
    );
  });

  it('lets unknown or absurd facet values through, to match nothing', () => {
    const query = parse({ input: { sector: ['NOPE', 'y'.repeat(5_000)], need: [''] } });
    expect(query.filters!.sector).toEqual(['NOPE', '\u0000']);
  });

  it('accepts empty and symbol-only texts (no text condition)', () => {
    expect(parse({ input: { text: '' } }).text).toBe('');
    expect(parse({ input: { text: '%%% ***' } }).text).toBe('%%% ***');
    expect(parse({}).first).toBe(20);
  });
});
