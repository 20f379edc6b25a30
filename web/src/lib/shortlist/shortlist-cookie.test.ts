import { describe, expect, it } from 'vitest';
import {
  addToShortlist,
  isInitiativeId,
  MAX_COOKIE_LENGTH,
  MAX_SHORTLIST,
  parseShortlist,
  removeFromShortlist,
  safeReturnPath,
  serializeShortlist,
} from './shortlist-cookie.ts';

const id = (slug: string, origin = 'https://liege.example') => `${origin}/initiatives/${slug}`;

describe('initiative ids', () => {
  it('accepts the IRI of an initiative on this node or a partner', () => {
    expect(isInitiativeId(id('univerbal'))).toBe(true);
    expect(isInitiativeId('http://localhost:3000/initiatives/100pap-liege')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [
      '',
      'univerbal',
      'javascript:alert(1)',
      'https://liege.example/practices/univerbal',
      'https://liege.example/initiatives/univerbal/edit',
      'https://liege.example/initiatives/Univerbal',
      'https://liege.example/initiatives/univerbal?x=1',
      'https://user:pw@liege.example/initiatives/univerbal',
      'ftp://liege.example/initiatives/univerbal',
      `https://liege.example/initiatives/${'a'.repeat(200)}`,
    ]) {
      expect(isInitiativeId(value), value).toBe(false);
    }
  });
});

describe('reading the cookie', () => {
  it('reads the ids it wrote', () => {
    const ids = [id('univerbal'), id('sirius-hub', 'https://milano.example')];
    expect(parseShortlist(serializeShortlist(ids))).toEqual(ids);
  });

  it('ignores forged or damaged entries and duplicates, keeping the good ones', () => {
    const value = ['<script>', id('univerbal'), 'https://evil.example/initiatives/x"><b>', id('univerbal'), '', id('atemos')].join(' ');
    expect(parseShortlist(value)).toEqual([id('univerbal'), id('atemos')]);
  });

  it('gives an empty list for no cookie or a huge one', () => {
    expect(parseShortlist(undefined)).toEqual([]);
    expect(parseShortlist('x'.repeat(MAX_COOKIE_LENGTH * 3 + 1))).toEqual([]);
  });

  it('keeps at most the bound of entries from a hand-made cookie', () => {
    const many = Array.from({ length: 40 }, (_, i) => id(`i${i}`)).join(' ');
    expect(parseShortlist(many)).toHaveLength(MAX_SHORTLIST);
  });
});

describe('adding and removing', () => {
  it('adds once, at the end', () => {
    const first = addToShortlist([], id('a'));
    expect(first).toEqual({ ok: true, ids: [id('a')] });
    expect(addToShortlist([id('a')], id('a'))).toEqual({ ok: true, ids: [id('a')] });
    expect(addToShortlist([id('a')], id('b'))).toEqual({ ok: true, ids: [id('a'), id('b')] });
  });

  it('refuses a bad id and a full list', () => {
    expect(addToShortlist([], 'not an id')).toEqual({ ok: false, reason: 'invalid' });
    const full = Array.from({ length: MAX_SHORTLIST }, (_, i) => id(`i${i}`));
    expect(addToShortlist(full, id('one-more'))).toEqual({ ok: false, reason: 'full' });
  });

  it('keeps the encoded cookie under its size bound even with long partner addresses', () => {
    let ids: string[] = [];
    const longOrigin = `https://${'n'.repeat(60)}.example`;
    for (let i = 0; i < MAX_SHORTLIST; i++) {
      const outcome = addToShortlist(ids, id(`${'s'.repeat(90)}${i}`, longOrigin));
      if (!outcome.ok) break;
      ids = outcome.ids;
    }
    expect(ids.length).toBeLessThan(MAX_SHORTLIST);
    expect(encodeURIComponent(serializeShortlist(ids)).length).toBeLessThanOrEqual(MAX_COOKIE_LENGTH);
  });

  it('removes an id', () => {
    expect(removeFromShortlist([id('a'), id('b')], id('a'))).toEqual([id('b')]);
  });
});

describe('return path after a change', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnPath('/search?q=x&sector=S1#result-2')).toBe('/search?q=x&sector=S1#result-2');
  });

  it('sends anything else to the shortlist', () => {
    for (const value of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'search', undefined, 42]) {
      expect(safeReturnPath(value), String(value)).toBe('/shortlist');
    }
  });
});
