// The simple filter test answers exactly as mingo wherever it answers (and says "uncertain"
// elsewhere): checked over documents of every shape a path can meet.
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import type { Doc, Filter } from '../store.ts';
import { simpleTest } from './fast-paths.ts';

const shapes: unknown[] = [
  undefined,
  null,
  'published',
  'draft',
  3,
  7,
  true,
  ['published'],
  [{ state: 'published' }],
  { state: 'published' },
  {},
];

function docsFor(path: string[]): Doc[] {
  // Every shape at every depth of the path.
  const docs: Doc[] = [];
  for (let depth = 0; depth < path.length; depth++) {
    for (const shape of shapes) {
      let value: unknown = shape;
      for (let i = path.length - 1; i > depth; i--) value = { [path[i]!]: value };
      const doc: Record<string, unknown> = { _id: `d${docs.length}` };
      let at = doc;
      for (let i = 0; i < depth; i++) at = at[path[i]!] = {} as Record<string, unknown>;
      if (value !== undefined) at[path[depth]!] = value;
      docs.push(doc as Doc);
    }
  }
  return docs;
}

describe('simpleTest', () => {
  it('answers as mingo for equalities and ranges on fields and dotted paths, or not at all', () => {
    const filters: Filter[] = [
      { state: 'published' },
      { 'publication.state': 'published' },
      { 'a.b.c': 7 },
      { 'a.b': { $gte: 3, $lt: 8 } },
      { 'publication.state': 'published', 'origin.kind': 'local' },
      { flag: true },
      { state: { $in: ['published', 'draft'] } },
      { 'publication.state': { $in: ['published'] }, _id: { $in: ['d1', 'd3', 'd4'] } },
    ];
    let answered = 0;
    for (const filter of filters) {
      const test = simpleTest(filter)!;
      expect(test).not.toBeNull();
      const query = new Query(filter as never);
      const paths = Object.keys(filter).map((key) => key.split('.'));
      for (const doc of paths.flatMap(docsFor)) {
        const answer = test(doc);
        if (answer === undefined) continue;
        answered++;
        expect(answer, `${JSON.stringify(filter)} on ${JSON.stringify(doc)}`).toBe(query.test(doc));
      }
    }
    expect(answered).toBeGreaterThan(40);
  });

  it('leaves other operators, prototype names and numeric steps to mingo', () => {
    expect(simpleTest({ state: { $in: ['a', 1] } })).toBeNull();
    expect(simpleTest({ state: { $in: ['a'], $ne: 'b' } })).toBeNull();
    expect(simpleTest({ '__proto__.x': 1 })).toBeNull();
    expect(simpleTest({ 'a.constructor': 1 })).toBeNull();
    expect(simpleTest({ 'tags.0': 'x' })).toBeNull();
  });
});
