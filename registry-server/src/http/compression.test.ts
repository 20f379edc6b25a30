import type { IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBody, negotiateCoding } from './compression.ts';

const asking = (acceptEncoding?: string) =>
  ({ headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }) as IncomingMessage;

describe('negotiateCoding', () => {
  it('prefers brotli, then gzip, honours q-values and falls back to identity', () => {
    expect(negotiateCoding(asking())).toBe('identity');
    expect(negotiateCoding(asking(''))).toBe('identity');
    expect(negotiateCoding(asking('gzip, deflate, br'))).toBe('br');
    expect(negotiateCoding(asking('gzip'))).toBe('gzip');
    expect(negotiateCoding(asking('br;q=0, gzip'))).toBe('gzip');
    expect(negotiateCoding(asking('br;q=0.2, gzip;q=0.8'))).toBe('gzip');
    expect(negotiateCoding(asking('*'))).toBe('br');
    expect(negotiateCoding(asking('*;q=0'))).toBe('identity');
    expect(negotiateCoding(asking('zstd, x-unknown'))).toBe('identity');
    expect(negotiateCoding(asking('BR'))).toBe('br');
  });
});

describe('encodeBody', () => {
  it('encodes so that the coding named decodes it back', () => {
    const body = Buffer.from('{"data":' + JSON.stringify('é '.repeat(2_000)) + '}');
    expect(brotliDecompressSync(encodeBody(body, 'br')).equals(body)).toBe(true);
    expect(gunzipSync(encodeBody(body, 'gzip')).equals(body)).toBe(true);
    expect(inflateSync(encodeBody(body, 'deflate')).equals(body)).toBe(true);
    expect(encodeBody(body, 'br').length).toBeLessThan(body.length / 10);
  });
});
