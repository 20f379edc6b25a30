// Which answers may be framed by other sites: the embeddable pages (/embed/…) only (ADR 0049).
import { describe, expect, it } from 'vitest';
import { ServerResponse, IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { isEmbeddablePath, setSecurityHeaders } from './security-headers.ts';

function headersFor(path: string) {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  setSecurityHeaders(res, path, false);
  return { xfo: res.getHeader('x-frame-options'), csp: String(res.getHeader('content-security-policy')) };
}

describe('framing', () => {
  it('lets other sites frame the embeddable pages, without X-Frame-Options', () => {
    for (const path of ['/embed/initiatives', '/embed/search', '/embed/initiatives/']) {
      expect(isEmbeddablePath(path), path).toBe(true);
      expect(headersFor(path).xfo, path).toBeUndefined();
    }
  });

  it('refuses framing everywhere else, including paths that only look like /embed/', () => {
    // Express's req.path is the raw path: a dot segment or its percent-encoded form that a
    // browser or SvelteKit resolves to another page must not carry the embeds' exemption.
    for (const path of [
      '/',
      '/admin/embed',
      '/embed',
      '/embedded/initiatives',
      '/embed/../admin',
      '/embed/%2e%2e/admin',
      '/embed/%2E%2E/account',
      '/embed/..%2Fadmin',
      '/embed/./../sign-in',
      '//embed/initiatives',
      '/EMBED/initiatives',
    ]) {
      expect(isEmbeddablePath(path), path).toBe(false);
      expect(headersFor(path).xfo, path).toBe('DENY');
    }
  });

  it("keeps the non-page policy's frame-ancestors 'none' on every answer: pages set their own", () => {
    expect(headersFor('/embed/initiatives').csp).toContain("frame-ancestors 'none'");
  });
});
