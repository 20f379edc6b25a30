import { describe, expect, it } from 'vitest';
import { receivedRecordHref, recordHref } from './record-links.ts';

describe('recordHref', () => {
  it('links a local record to its page on this site', () => {
    expect(
      recordHref('initiatives', { slug: 'sirius-hub', url: 'https://liege.example/initiatives/sirius-hub', origin: { isLocal: true } }),
    ).toBe('/initiatives/sirius-hub');
    expect(recordHref('practices', { slug: 'a b/c', url: 'x', origin: { isLocal: true } })).toBe('/practices/a%20b%2Fc');
  });

  it('links a local record by its handle even when its id is known', () => {
    expect(
      recordHref('initiatives', {
        id: 'https://liege.example/initiatives/univerbal',
        slug: 'univerbal',
        url: 'https://liege.example/initiatives/univerbal',
        origin: { isLocal: true },
      }),
    ).toBe('/initiatives/univerbal');
  });

  it('links a received record to its page here, by its global id', () => {
    const record = {
      id: 'https://milano.example/initiatives/casa?x=1&y=2',
      slug: 'casa',
      url: 'https://milano.example/initiatives/casa',
      origin: { isLocal: false },
    };
    expect(recordHref('initiatives', record)).toBe(
      '/network/initiatives?id=https%3A%2F%2Fmilano.example%2Finitiatives%2Fcasa%3Fx%3D1%26y%3D2',
    );
    expect(recordHref('practices', { ...record, id: 'https://milano.example/practices/pt6' })).toBe(
      '/network/practices?id=https%3A%2F%2Fmilano.example%2Fpractices%2Fpt6',
    );
  });

  it('links a received record without its id to its page on the node that published it', () => {
    expect(recordHref('initiatives', { slug: 'casa', url: 'https://milano.example/initiatives/casa', origin: { isLocal: false } })).toBe(
      'https://milano.example/initiatives/casa',
    );
  });

  it('gives no link for a received record without id whose address is not http(s)', () => {
    expect(recordHref('initiatives', { slug: 'x', url: 'javascript:alert(1)', origin: { isLocal: false } })).toBeNull();
  });
});

describe('receivedRecordHref', () => {
  it('round-trips the id through the query string', () => {
    const id = 'https://athina.example/initiatives/σπίτι';
    const href = receivedRecordHref('initiatives', id);
    expect(new URL(href, 'http://here.example').searchParams.get('id')).toBe(id);
  });
});
