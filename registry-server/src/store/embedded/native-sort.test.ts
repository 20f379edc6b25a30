// Native sorting must give exactly mingo's order wherever it answers, and leave the rest to mingo.
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import type { SortSpec } from '../store.ts';
import { sortNatively } from './native-sort.ts';

const mingoSort = <T>(docs: T[], sort: SortSpec) =>
  new Query({})
    .find<T>(docs)
    .sort(sort as never)
    .all();

describe('sortNatively', () => {
  it('orders strings and numbers as mingo does, ties kept in order, in both directions', () => {
    let state = 7;
    const next = (n: number) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state % n);
    const names = ['Ångström', 'apple', 'Apple', 'zèbre', 'Zebra', 'ايمان', 'Ελλάδα', '100pap', '2 rue', ''];
    const docs = Array.from({ length: 300 }, (_, i) => ({
      _id: `d${String(next(1000)).padStart(4, '0')}-${i}`,
      derived: { sortName: names[next(names.length)]! },
      updatedAt: next(50) - 25 + next(3) / 2,
    }));
    for (const sort of [
      { 'derived.sortName': 1, _id: 1 },
      { 'derived.sortName': -1, _id: -1 },
      { updatedAt: -1, _id: -1 },
      { updatedAt: 1 },
      { 'derived.sortName': 1 },
      { 'derived.sortName': -1, updatedAt: 1 },
    ] as SortSpec[]) {
      expect(sortNatively(docs, sort)!.map((d) => d._id)).toEqual(mingoSort(docs, sort).map((d) => d._id));
    }
  });

  it('leaves missing values, null, arrays, booleans and mixed types to mingo', () => {
    const base = [{ _id: 'a', v: 'x' }];
    for (const odd of [{ _id: 'b' }, { _id: 'b', v: null }, { _id: 'b', v: ['x'] }, { _id: 'b', v: true }, { _id: 'b', v: 1 }]) {
      expect(sortNatively([...base, odd], { v: 1 })).toBeNull();
    }
    expect(sortNatively([{ _id: 'a', v: Number.NaN }], { v: 1 })).toBeNull();
    expect(sortNatively([], { v: 1 })).toEqual([]);
  });
});
