// Anyone can POST anything to an inbox. Whatever the body (nested thousands of levels deep, huge
// arrays or strings, not JSON, not UTF-8, duplicate or __proto__ keys, numbers beyond a double,
// compressed, or shorter than its Content-Length says), signed or not, the node answers a 4xx that
// says what is wrong, promptly, and stays up: never a 500, a crash or a hang.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { startMinimalPeer, type MinimalPeer } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';

let node: TestNode;
let peer: MinimalPeer;
let inbox: string;
beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  peer = await startMinimalPeer();
  inbox = `${node.url}/ap/inbox`;
});
afterAll(async () => {
  await peer?.close();
  await node?.close();
});

/** A Follow of the node whose `object` is replaced by `inner` (as JSON text). */
function followWith(innerJson: string): string {
  return `{"@context":"${AS}","id":"${peer.actorId}/follows/${randomUUID()}","type":"Follow","actor":"${peer.actorId}","object":${innerJson}}`;
}

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** Hostile bodies, as raw bytes, with the headers that go with them. */
function hostileBodies(): Record<string, { body: Uint8Array | string; headers?: Record<string, string>; status: number; error: RegExp }> {
  return {
    'nested 10,000 levels': { body: deep(10_000), status: 400, error: /nest/i },
    'an activity nested 100 levels deep': { body: followWith(deep(100)), status: 400, error: /nest/i },
    'an array of 100,000 items': { body: followWith(`[${new Array(100_000).fill('0').join(',')}]`), status: 400, error: /items/i },
    'a string of 200,000 characters': { body: followWith(JSON.stringify('x'.repeat(200_000))), status: 400, error: /characters/i },
    'duplicate keys': {
      body: followWith('"a"').replace('"type":"Follow"', '"type":"Follow","type":"Delete"'),
      status: 400,
      error: /twice/i,
    },
    'a __proto__ key': { body: followWith('{"__proto__":{"polluted":true}}'), status: 400, error: /__proto__/ },
    'a number beyond a double': { body: followWith('1e999'), status: 400, error: /number/i },
    'bytes that are not UTF-8': {
      body: Buffer.concat([Buffer.from(followWith('"')), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      status: 400,
      error: /UTF-8/,
    },
    'not JSON': { body: 'type=Follow&actor=me', status: 400, error: /JSON/ },
    'a text/plain body': { body: followWith('"x"'), headers: { 'content-type': 'text/plain' }, status: 415, error: /content-type/i },
    'a gzip-compressed body': {
      body: gzipSync(followWith(`"${node.url}/nodes/liege"`)),
      headers: { 'content-encoding': 'gzip' },
      status: 415,
      error: /encoding/i,
    },
  };
}

describe('an inbox under hostile input', () => {
  for (const signed of [false, true]) {
    it(`answers a 4xx saying what is wrong to every hostile body, ${signed ? 'signed' : 'unsigned'}`, async () => {
      const answers: Record<string, { status: number; error: string }> = {};
      for (const [name, { body, headers }] of Object.entries(hostileBodies())) {
        const response = await (signed ? peer.signedPost(inbox, body, headers) : peer.unsignedPost(inbox, body, headers));
        const text = await response.text();
        answers[name] = { status: response.status, error: text };
      }
      for (const [name, { status, error }] of Object.entries(hostileBodies())) {
        expect(answers[name]!.status, `${name}: ${answers[name]!.error.slice(0, 200)}`).toBe(status);
        expect(JSON.parse(answers[name]!.error).error, name).toMatch(error);
      }
      expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    }, 60_000);
  }

  it('still takes a well-formed signed activity', async () => {
    const follow = followWith(`"${node.url}/nodes/liege"`);
    expect((await peer.signedPost(inbox, follow)).status).toBe(202);
  });

  it('answers a body shorter than its Content-Length promptly instead of waiting for the rest', async () => {
    const started = Date.now();
    const status = await rawStatus((port) => [
      `POST /ap/inbox HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/activity+json\r\nContent-Length: 1000\r\n\r\n{"type":`,
    ]);
    expect(status).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 30_000);

  it('refuses a chunked body that says it is short but runs past the size limit', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const status = await rawStatus((port) => [
      `POST /ap/inbox HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/activity+json\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ...new Array(6).fill(`${chunk.length.toString(16)}\r\n${chunk}\r\n`),
      '0\r\n\r\n',
    ]);
    expect(status).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
  }, 30_000);
});

/** The status line the node answers to raw bytes written on a socket (for requests fetch will not make). */
function rawStatus(parts: (port: string) => string[]): Promise<string> {
  const { port } = new URL(node.url);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      for (const part of parts(port)) socket.write(part);
    });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.split('\r\n')[0]!);
      }
    });
    socket.on('error', (error) => (answer ? resolve(answer.split('\r\n')[0]!) : reject(error)));
    socket.setTimeout(25_000, () => reject(new Error('no answer in 25 s')));
  });
}
