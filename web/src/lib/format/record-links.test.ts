import { describe, expect, it } from 'vitest';
import { recordHref } from './record-links.ts';

describe('recordHref', () => {
  it('links a local record to its page on this site', () => {
    expect(recordHref('initiatives', { slug: 'sirius-hub', url: 'https://liege.example/initiatives/sirius-hub', origin: { isLocal: true } })).toBe('/initiatives/sirius-hub');
    expect(recordHref('practices', { slug: 'a b/c', url: 'x', origin: { isLocal: true } })).toBe('/practices/a%20b%2Fc');
  });

  it('links a received record to its page on the node that published it', () => {
    expect(recordHref('initiatives', { slug: 'casa', url: 'https://milano.example/initiatives/casa', origin: { isLocal: false } })).toBe('https://milano.example/initiatives/casa');
  });

  it('gives no link for a received record whose address is not http(s)', () => {
    expect(recordHref('initiatives', { slug: 'x', url: 'javascript:alert(1)', origin: { isLocal: false } })).toBeNull();
  });
});
