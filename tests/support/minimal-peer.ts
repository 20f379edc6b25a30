// A tiny ActivityPub peer written without Fedify, the way Mastodon speaks: one actor, one inbox,
// and draft-cavage HTTP Signatures done by hand with node:crypto. It checks that our node
// interoperates with software that shares none of its code.
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, any>;
}

export interface MinimalPeer {
  actorId: string;
  received: ReceivedActivity[];
  signedPost(url: string, body: unknown): Promise<Response>;
  unsignedPost(url: string, body: unknown): Promise<Response>;
  badlySignedPost(url: string, body: unknown): Promise<Response>;
  waitForActivity(predicate: (a: ReceivedActivity) => boolean, timeoutMs?: number): Promise<ReceivedActivity>;
  close(): Promise<void>;
}

const AP = 'application/activity+json';

export async function startMinimalPeer(): Promise<MinimalPeer> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // A second key the actor document never mentions: signatures made with it must not verify.
  const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const received: ReceivedActivity[] = [];
  const waiters = new Set<(a: ReceivedActivity) => void>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://peer').pathname;
    if (req.method === 'GET' && path === '/users/alice') {
      res.writeHead(200, { 'content-type': AP }).end(JSON.stringify(actorDocument()));
    } else if (req.method === 'POST' && (path === '/inbox' || path === '/users/alice/inbox')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        // Answer 202 to anything, like a lenient server: Fedify's RFC 9421 first knock is recorded too.
        res.writeHead(202).end();
        let body: Record<string, any>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return;
        }
        const activity = { path, headers: req.headers, body };
        received.push(activity);
        for (const notify of waiters) notify(activity);
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const actorId = `${origin}/users/alice`;

  function actorDocument() {
    return {
      '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
      id: actorId,
      type: 'Person',
      preferredUsername: 'alice',
      inbox: `${actorId}/inbox`,
      endpoints: { sharedInbox: `${origin}/inbox` },
      publicKey: { id: `${actorId}#main-key`, owner: actorId, publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) },
    };
  }

  /** POSTs `body`, signed per draft-cavage-http-signatures-12 with `key` unless it is null. */
  async function post(url: string, body: unknown, key: KeyObject | null): Promise<Response> {
    const target = new URL(url);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      host: target.host,
      date: new Date().toUTCString(),
      digest: `SHA-256=${createHash('sha256').update(text).digest('base64')}`,
      'content-type': AP,
    };
    if (key) {
      const signingString = [`(request-target): post ${target.pathname}${target.search}`, `host: ${headers.host}`, `date: ${headers.date}`, `digest: ${headers.digest}`].join('\n');
      const signature = createSign('RSA-SHA256').update(signingString).sign(key, 'base64');
      headers.signature = `keyId="${actorId}#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${signature}"`;
    }
    return fetch(target, { method: 'POST', headers, body: text, signal: AbortSignal.timeout(15_000) });
  }

  return {
    actorId,
    received,
    signedPost: (url, body) => post(url, body, keys.privateKey),
    unsignedPost: (url, body) => post(url, body, null),
    badlySignedPost: (url, body) => post(url, body, strangerKey),
    waitForActivity(predicate, timeoutMs = 15_000) {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const done = (a: ReceivedActivity) => {
          if (!predicate(a)) return;
          waiters.delete(done);
          clearTimeout(timer);
          resolve(a);
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          reject(new Error(`No matching activity within ${timeoutMs} ms; received: ${received.map((a) => a.body.type).join(', ') || 'nothing'}`));
        }, timeoutMs);
        waiters.add(done);
      });
    },
    close() {
      // Fedify keeps connections alive; drop them so close() does not wait for their timeout.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
