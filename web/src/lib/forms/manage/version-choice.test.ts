import { describe, expect, it } from 'vitest';
import { chooseVersions } from './version-choice.ts';

const revisions = [
  { version: 7, action: 'submit' },
  { version: 6, action: 'update' },
  { version: 5, action: 'approve' },
  { version: 4, action: 'update' },
  { version: 1, action: 'create' },
];

describe('the two versions the history compares', () => {
  it('compares the last published version with the newest when the reader chose none', () => {
    expect(chooseVersions(revisions, new URLSearchParams())).toEqual({ from: 5, to: 7, valid: true, asked: false });
    expect(chooseVersions(revisions.slice(3), new URLSearchParams())).toEqual({ from: 1, to: 4, valid: true, asked: false });
    expect(chooseVersions([{ version: 1, action: 'create' }], new URLSearchParams()).valid).toBe(false);
  });

  it('takes the versions the reader picked, in either order', () => {
    expect(chooseVersions(revisions, new URLSearchParams('from=6&to=1'))).toEqual({ from: 6, to: 1, valid: true, asked: true });
  });

  it('refuses versions not in the list, or not numbers, and falls back to the default pair', () => {
    for (const query of ['from=9&to=7', 'from=abc&to=7', 'from=7', 'from=-1&to=5', 'from=1e1&to=5', 'from=5&to= ']) {
      expect(chooseVersions(revisions, new URLSearchParams(query)), query).toEqual({ from: 5, to: 7, valid: false, asked: true });
    }
  });
});
