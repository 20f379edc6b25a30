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
  /** The body's bytes as received, to check its Digest. */
  raw: string;
}

export interface MinimalPeer {
  /** Scheme, host and port of the peer, e.g. http://127.0.0.1:40123. */
  origin: string;
  actorId: string;
  received: ReceivedActivity[];
  /** Paths of every GET the peer answered, in order (what the node fetched from it). */
  fetched: string[];
  /** Serves `document` as JSON-LD at `path` (with its query, if any; a string is served as it is) (a hostile peer chooses what its listings say). */
  serve(path: string, document: unknown): void;
  /** `body`: an object (sent as JSON), a string or raw bytes; `headers` add to or replace the usual ones. */
  signedPost(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  unsignedPost(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  badlySignedPost(url: string, body: unknown): Promise<Response>;
  waitForActivity(predicate: (a: ReceivedActivity) => boolean, timeoutMs?: number): Promise<ReceivedActivity>;
  /** The status its inbox answers from now on (default 202): 503 plays a partner that is down. */
  answerInboxWith(status: number): void;
  close(): Promise<void>;
}

const AP = 'application/activity+json';

export interface MinimalPeerOptions {
  /** Path of the peer's actor (default /users/alice): a hostile peer may pick a node's handle. */
  actorPath?: string;
  /** The inbox its actor document names (default its own); a hostile peer may name a third party's. */
  inbox?: string;
  /**
   * Understand only draft-cavage HTTP Signatures, as Mastodon long did: a delivery signed
   * otherwise (RFC 9421) is answered 401, so the sender must fall back to draft-cavage.
   */
  cavageOnly?: boolean;
}

export async function startMinimalPeer(options: MinimalPeerOptions = {}): Promise<MinimalPeer> {
  const actorPath = options.actorPath ?? '/users/alice';
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // A second key the actor document never mentions: signatures made with it must not verify.
  const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const received: ReceivedActivity[] = [];
  const fetched: string[] = [];
  const documents = new Map<string, unknown>();
  const waiters = new Set<(a: ReceivedActivity) => void>();
  let inboxStatus = 202;

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://peer');
    const path = target.pathname;
    const pathAndQuery = path + target.search;
    if (req.method === 'GET') fetched.push(pathAndQuery);
    if (req.method === 'GET' && path === actorPath) {
      res.writeHead(200, { 'content-type': AP }).end(JSON.stringify(actorDocument()));
    } else if (req.method === 'GET' && documents.has(pathAndQuery)) {
      const document = documents.get(pathAndQuery);
      res.writeHead(200, { 'content-type': AP }).end(typeof document === 'string' ? document : JSON.stringify(document));
    } else if (req.method === 'POST' && (path === '/inbox' || path === `${actorPath}/inbox`)) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        // An RFC 9421 signature also comes in a Signature header, beside its Signature-Input.
        const cavage = typeof req.headers.signature === 'string' && req.headers['signature-input'] === undefined;
        if (options.cavageOnly && !cavage) return void res.writeHead(401).end();
        // Answer 202 to anything, like a lenient server: Fedify's RFC 9421 first knock is recorded too.
        res.writeHead(inboxStatus).end();
        if (inboxStatus >= 300) return;
        let body: Record<string, any>;
        const raw = Buffer.concat(chunks).toString('utf8');
        try {
          body = JSON.parse(raw);
        } catch {
          return;
        }
        const activity = { path, headers: req.headers, body, raw };
        received.push(activity);
        for (const notify of waiters) notify(activity);
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const actorId = `${origin}${actorPath}`;

  function actorDocument() {
    return {
      '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
      id: actorId,
      type: 'Person',
      preferredUsername: 'alice',
      inbox: options.inbox ?? `${actorId}/inbox`,
      outbox: `${actorId}/outbox`,
      endpoints: { sharedInbox: `${origin}/inbox` },
      publicKey: { id: `${actorId}#main-key`, owner: actorId, publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) },
    };
  }

  /** POSTs `body`, signed per draft-cavage-http-signatures-12 with `key` unless it is null. */
  async function post(url: string, body: unknown, key: KeyObject | null, extra: Record<string, string> = {}): Promise<Response> {
    const target = new URL(url);
    const text = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      host: target.host,
      date: new Date().toUTCString(),
      digest: `SHA-256=${createHash('sha256').update(text).digest('base64')}`,
      'content-type': AP,
      ...extra,
    };
    if (key) {
      const signingString = [
        `(request-target): post ${target.pathname}${target.search}`,
        `host: ${headers.host}`,
        `date: ${headers.date}`,
        `digest: ${headers.digest}`,
      ].join('\n');
      const signature = createSign('RSA-SHA256').update(signingString).sign(key, 'base64');
      headers.signature = `keyId="${actorId}#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${signature}"`;
    }
    // A copy backed by a plain ArrayBuffer: the browser tests' DOM typing of fetch accepts only that.
    const payload = typeof text === 'string' ? text : new Uint8Array(text);
    return fetch(target, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(15_000) });
  }

  return {
    origin,
    actorId,
    received,
    fetched,
    serve: (path, document) => void documents.set(path, document),
    signedPost: (url, body, headers) => post(url, body, keys.privateKey, headers),
    unsignedPost: (url, body, headers) => post(url, body, null, headers),
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
          reject(
            new Error(`No matching activity within ${timeoutMs} ms; received: ${received.map((a) => a.body.type).join(', ') || 'nothing'}`),
          );
        }, timeoutMs);
        waiters.add(done);
      });
    },
    answerInboxWith(status) {
      inboxStatus = status;
    },
    close() {
      // Fedify keeps connections alive; drop them so close() does not wait for their timeout.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
