// The shape check of received bodies: what it refuses, and that ordinary activities pass it.
import { describe, expect, it } from 'vitest';
import { jsonShapeProblem } from './json-inspection.ts';
import { withinJsonDepth } from './json-depth.ts';

const limits = { maxDepth: 4, maxItems: 3, maxStringLength: 10 };

describe('jsonShapeProblem', () => {
  it('passes an ordinary activity, brackets and quotes inside strings included', () => {
    const activity = {
      '@context': 'https://www.w3.org/ns/activitystreams',
      type: 'Create',
      actor: 'https://a.example/nodes/a',
      object: { id: 'x', name: '[[{{"\\' },
      to: ['a', 'b'],
    };
    expect(jsonShapeProblem(JSON.stringify(activity))).toBeNull();
    expect(jsonShapeProblem('{"a":{"k":1},"b":{"k":2}}', limits)).toBeNull();
  });

  it('refuses nesting deeper than the limit', () => {
    expect(jsonShapeProblem('[[[[1]]]]', limits)).toBeNull();
    expect(jsonShapeProblem('[[[[[1]]]]]', limits)).toMatch(/4 levels/);
    expect(jsonShapeProblem('['.repeat(1_000_000), limits)).toMatch(/levels/);
  });

  it('refuses too many items or members, and too long strings', () => {
    expect(jsonShapeProblem('[1,2,3,4]', limits)).toMatch(/items/);
    expect(jsonShapeProblem('{"a":1,"b":2,"c":3,"d":4}', limits)).toMatch(/members/);
    expect(jsonShapeProblem('["12345678901"]', limits)).toMatch(/characters/);
  });

  it('refuses repeated keys and __proto__, however they are escaped', () => {
    expect(jsonShapeProblem('{"a":1,"a":2}')).toMatch(/twice/);
    expect(jsonShapeProblem('{"a":1,"\\u0061":2}')).toMatch(/twice/);
    expect(jsonShapeProblem('{"x":{"__proto__":{}}}')).toMatch(/__proto__/);
    expect(jsonShapeProblem('{"\\u005f_proto__":{}}')).toMatch(/__proto__/);
    expect(jsonShapeProblem('{"a":"__proto__"}')).toBeNull();
  });

  it('refuses numbers no double can hold', () => {
    expect(jsonShapeProblem('{"n":1e999}')).toMatch(/number/);
    expect(jsonShapeProblem('[-1e400]')).toMatch(/number/);
    expect(jsonShapeProblem('{"n":1.5e3,"m":-0.25}')).toBeNull();
  });
});

describe('withinJsonDepth', () => {
  it('counts nesting outside strings only, across escaped quotes', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(withinJsonDepth(bytes('[[1]]'), 2)).toBe(true);
    expect(withinJsonDepth(bytes('[[[1]]]'), 2)).toBe(false);
    expect(withinJsonDepth(bytes('["\\"[[[[", {"a": "]]]"}]'), 2)).toBe(true);
  });
});
