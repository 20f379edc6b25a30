import { expect, it } from 'vitest';
import { diffRecords } from './record-diff.ts';

it('lists changed, added and removed top-level fields, ignoring key order', () => {
  const before = { name: { fr: 'A', en: 'A' }, website: 'https://a.org', status: 'active' };
  const after = { name: { en: 'A', fr: 'A' }, status: 'dormant', startDate: '2017' };
  expect(diffRecords(before, after, 'initiative')).toEqual([
    { field: 'startDate', before: null, after: '2017' },
    { field: 'status', before: 'active', after: 'dormant' },
    { field: 'website', before: 'https://a.org', after: null },
  ]);
});
