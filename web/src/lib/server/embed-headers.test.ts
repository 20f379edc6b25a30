import { describe, expect, it } from 'vitest';
import { allowFraming, isEmbedPage } from './embed-headers.ts';

describe('isEmbedPage', () => {
  it('is true of /embed/<page> only', () => {
    expect(isEmbedPage('/embed/initiatives')).toBe(true);
    expect(isEmbedPage('/embed/search')).toBe(true);
    for (const path of ['/embed', '/embed/', '/admin/embed', '/embedded/search', '/embed/a/b', '/embed/%2e%2e', '/search'])
      expect(isEmbedPage(path), path).toBe(false);
  });
});

describe('allowFraming', () => {
  it("replaces only the frame-ancestors directive, keeping the page's nonces and every other directive", () => {
    const headers = new Headers({
      'content-security-policy': "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors 'none'; base-uri 'self'",
      'x-frame-options': 'DENY',
    });
    allowFraming(headers);
    expect(headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc'; frame-ancestors *; base-uri 'self'",
    );
    expect(headers.get('x-frame-options')).toBeNull();
    expect(headers.get('x-robots-tag')).toBe('noindex');
  });
});
