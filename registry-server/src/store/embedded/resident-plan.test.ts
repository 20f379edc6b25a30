import { describe, expect, it } from 'vitest';
import { ResidentPlan } from './resident-plan.ts';

describe('resident plan', () => {
  const plan = new ResidentPlan(['origin.kind', 'derived', 'tags']);

  it('covers a listed field, what is below it, and array positions in the path', () => {
    expect(plan.covers('_id')).toBe(true);
    expect(plan.covers('origin.kind')).toBe(true);
    expect(plan.covers('derived.sectors')).toBe(true);
    expect(plan.covers('tags.0')).toBe(true);
    expect(plan.covers('origin')).toBe(false);
    expect(plan.covers('origin.node')).toBe(false);
    expect(plan.covers('record.name')).toBe(false);
  });

  it('covers a filter only when every field it reads is resident', () => {
    expect(plan.coversFilter({ 'origin.kind': 'remote', 'derived.sectors': { $in: ['AM80'] } })).toBe(true);
    expect(plan.coversFilter({ $or: [{ 'origin.kind': 'local' }, { tags: { $elemMatch: { $eq: 'x' } } }], $comment: 'why' })).toBe(true);
    expect(plan.coversFilter({ $and: [{ 'origin.kind': 'local' }, { 'record.name.en': 'x' }] })).toBe(false);
    expect(plan.coversFilter({ origin: { kind: 'local' } })).toBe(false);
    expect(plan.coversFilter({ $expr: { $eq: ['$a', '$b'] } })).toBe(false);
    expect(plan.coversSort({ 'derived.sortName': 1, _id: 1 })).toBe(true);
    expect(plan.coversSort({ updatedAt: -1 })).toBe(false);
    expect(plan.coversProjection({ _id: 1, 'derived.sortName': 1 })).toBe(true);
    expect(plan.coversProjection({ 'record.name': 1 })).toBe(false);
    expect(plan.coversProjection({ 'record.name': 0 })).toBe(false);
  });

  it('keeps listed fields (whole arrays where a path meets one), drops the rest, and freezes', () => {
    const doc = {
      _id: 'a',
      origin: { kind: 'remote', node: 'https://x' },
      derived: { sectors: ['s1'] },
      tags: [{ v: 1 }],
      record: { name: { en: 'long text' } },
    };
    const part = plan.project(doc);
    expect(part).toEqual({ _id: 'a', origin: { kind: 'remote' }, derived: { sectors: ['s1'] }, tags: [{ v: 1 }] });
    expect(Object.isFrozen(part.origin)).toBe(true);
    expect(Object.isFrozen(part.derived.sectors)).toBe(true);
    expect(new ResidentPlan(['a.b']).project({ _id: 'x', a: [{ b: 1, c: 2 }] })).toEqual({ _id: 'x', a: [{ b: 1, c: 2 }] });
    expect(new ResidentPlan(['a.b']).project({ _id: 'x' })).toEqual({ _id: 'x' });
  });

  it('drops fields already below another listed field', () => {
    expect(new ResidentPlan(['derived', 'derived.sortName', 'a.b', 'a']).fields).toEqual(['_id', 'a', 'derived']);
  });
});
