// Which failures to fetch a listing make the delivery fail (so the sender retries it) and which
// answer it: checked on the errors Fedify's document loader really throws.
import { createServer, type Server } from 'node:http';
import { getDocumentLoader } from '@fedify/vocab-runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { isTransportFailure } from './received-listings.ts';
import { OutgoingLimitError } from '../outgoing/outgoing-limits.ts';

const loader = getDocumentLoader({ allowPrivateAddress: true });
const failureOf = (url: string) =>
  loader(url).then(
    () => null,
    (error: unknown) => error,
  );

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('isTransportFailure', () => {
  it('is true when the origin refuses the connection', async () => {
    const port = await freePort();
    const error = await failureOf(`http://127.0.0.1:${port}/initiatives/atemos`);
    expect(error).toBeInstanceOf(Error);
    expect(isTransportFailure(error)).toBe(true);
  });

  it('is false when the origin answers 404', async () => {
    const port = await freePort();
    server = createServer((_req, res) => res.writeHead(404).end('not found'));
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    const error = await failureOf(`http://127.0.0.1:${port}/initiatives/atemos`);
    expect(error).toBeInstanceOf(Error);
    expect(isTransportFailure(error)).toBe(false);
  });

  it('is true for the deadline of outgoing requests, false for a body too large or too deep', () => {
    const wrapped = (code: OutgoingLimitError['code']) => new TypeError('fetch failed', { cause: new OutgoingLimitError(code, 'x') });
    expect(isTransportFailure(wrapped('DEADLINE'))).toBe(true);
    expect(isTransportFailure(wrapped('TOO_LARGE'))).toBe(false);
    expect(isTransportFailure(new TypeError('terminated', { cause: new OutgoingLimitError('TOO_DEEP', 'x') }))).toBe(false);
  });
});
