// Kept compiled filters answer as freshly compiled ones; filters without a faithful JSON key
// (a RegExp, a Date) are never confused with another filter.
import { describe, expect, it } from 'vitest';
import { compiledFilter } from './compiled-filters.ts';

describe('compiledFilter', () => {
  it('keeps the compiled query of a JSON filter and answers the same', () => {
    const filter = { 'publication.state': 'published', _id: { $in: ['a', 'b'] } };
    const query = compiledFilter(filter);
    expect(compiledFilter({ 'publication.state': 'published', _id: { $in: ['a', 'b'] } })).toBe(query);
    expect(query.test({ _id: 'a', publication: { state: 'published' } })).toBe(true);
    expect(query.test({ _id: 'c', publication: { state: 'published' } })).toBe(false);
  });

  it('never keys a RegExp or a Date filter by its JSON, which would be "{}" for both', () => {
    const startsWithA = compiledFilter({ name: /^a/ });
    const startsWithB = compiledFilter({ name: /^b/ });
    expect(startsWithA).not.toBe(startsWithB);
    expect(startsWithA.test({ name: 'apple' })).toBe(true);
    expect(startsWithB.test({ name: 'apple' })).toBe(false);
    expect(compiledFilter({ name: {} }).test({ name: 'apple' })).toBe(false);
    const date = new Date('2026-01-01T00:00:00Z');
    expect(compiledFilter({ at: { $gt: date } }).test({ at: new Date('2026-06-01T00:00:00Z') })).toBe(true);
  });
});
