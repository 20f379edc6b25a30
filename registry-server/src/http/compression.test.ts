import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAnswers, encodeBody, negotiateCoding } from './compression.ts';

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
    // Codings and q are case-insensitive: an upper-case refusal is a refusal.
    expect(negotiateCoding(asking('BR;Q=0, gzip'))).toBe('gzip');
    expect(negotiateCoding(asking('Gzip;Q=0, Br;Q=0'))).toBe('identity');
    expect(negotiateCoding(asking('br;q=abc'))).toBe('identity');
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

describe('compressAnswers on a raw node:http server', () => {
  /** A server whose answer is written in two parts; the second only once the client has read the first. */
  async function streamedAnswer(
    acceptEncoding: string,
  ): Promise<{ coding: string | undefined; firstPartSeenBeforeEnd: boolean; body: string }> {
    let releaseSecondPart!: () => void;
    const secondPart = new Promise<void>((resolve) => (releaseSecondPart = resolve));
    const server = createServer((req, res) =>
      compressAnswers(req, res, () => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write(`<!doctype html><p>first part ${'é'.repeat(600)}</p>`);
        void secondPart.then(() => res.end('<p>second part</p>'));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      return await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the first part never reached the client before the answer ended')), 3_000);
        request({ port, host: '127.0.0.1', headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          const coding = res.headers['content-encoding'];
          const decoded = coding === 'br' ? res.pipe(createBrotliDecompress()) : coding === 'gzip' ? res.pipe(createGunzip()) : res;
          let text = '';
          let firstPartSeenBeforeEnd = false;
          decoded.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('first part') && !text.includes('second part')) {
              firstPartSeenBeforeEnd = true;
              releaseSecondPart();
            }
          });
          decoded.on('end', () => {
            clearTimeout(timer);
            resolve({ coding, firstPartSeenBeforeEnd, body: text });
          });
          decoded.on('error', reject);
        })
          .on('error', reject)
          .end();
      });
    } finally {
      releaseSecondPart();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('streams: each part written reaches the client compressed before the answer ends', async () => {
    for (const coding of ['br', 'gzip']) {
      const answer = await streamedAnswer(coding);
      expect(answer.coding).toBe(coding);
      expect(answer.firstPartSeenBeforeEnd).toBe(true);
      expect(answer.body).toBe(`<!doctype html><p>first part ${'é'.repeat(600)}</p><p>second part</p>`);
    }
  });
});
