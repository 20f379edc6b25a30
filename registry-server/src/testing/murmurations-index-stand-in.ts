// A Murmurations index on loopback, for tests: it does what the real index (MurmurationsNetwork/
// MurmurationsServices, services/index) does with a node's requests, with the same answers:
// - POST /v2/nodes {profile_url}: fetches the profile, validates it against the library's default
//   schema and every schema in its `linked_schemas` (ajv, murmurations-schemas.ts), and stores it
//   as `posted` or refuses it as `validation_failed` with JSON:API errors. The real index answers
//   `received` at once and validates afterwards; this one validates before answering (as its
//   /nodes-sync does), so a test needs no polling;
// - GET /v2/nodes/{node_id}: the node's status (404 "Node Not Found" when unknown);
// - DELETE /v2/nodes/{node_id}: refused with 400 "Profile Still Exists" while the profile URL
//   answers 200 with JSON; accepted once it answers 404 (the node is then `deleted`).
// `behaviour` turns it hostile: slow (never answers in time), failing (500), garbage (not JSON),
// redirect (elsewhere), or huge (a 3 MB answer).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { validateProfile } from '../murmurations/murmurations-schemas.ts';

export type StandInBehaviour = 'normal' | 'slow' | 'failing' | 'garbage' | 'redirect' | 'huge';

export interface StandInNode {
  node_id: string;
  profile_url: string;
  status: 'received' | 'posted' | 'validation_failed' | 'deleted';
  last_updated: number;
  linked_schemas: string[];
  /** The profile as last fetched (posted ones). */
  profile: Record<string, unknown> | null;
  failure_reasons: Array<{ status: number; title: string; detail: string; source?: { pointer: string } }>;
}

export interface StandInRequest {
  method: string;
  path: string;
  /** What the profile URL answered when the index fetched it for this request (POST, DELETE). */
  profileAnswered?: number | 'unreachable';
}

export class MurmurationsIndexStandIn {
  readonly nodes = new Map<string, StandInNode>();
  readonly requests: StandInRequest[] = [];
  behaviour: StandInBehaviour = 'normal';
  /** Answer POST at once with `received` and validate afterwards, as the real index does. */
  asynchronous = false;
  /** Schemas the library pretends not to have: profiles linking them fail validation. */
  readonly missingSchemas = new Set<string>();
  #server: Server | null = null;
  #url = '';

  /** The API base, as MURMURATIONS_INDEX_URL takes it. */
  get url(): URL {
    return new URL(`${this.#url}/v2`);
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.#url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    this.#server = server;
    return this;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  nodeOf(profileUrl: string): StandInNode | undefined {
    return this.nodes.get(sha256(profileUrl));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const record: StandInRequest = { method: req.method ?? 'GET', path };
    this.requests.push(record);
    if (this.behaviour === 'slow') return; // never answers: the client's timeout has to end it
    if (this.behaviour === 'failing')
      return json(res, 500, { errors: [{ status: 500, title: 'Database Error', detail: 'Error when trying to add a node.' }] });
    if (this.behaviour === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('\u0000<html>not json at all' + 'x'.repeat(5000));
      return;
    }
    if (this.behaviour === 'redirect') {
      // Somewhere the node must not be sent to by the index (here: the stand-in's own root).
      res.writeHead(307, { location: `${this.#url}/elsewhere` }).end();
      return;
    }
    if (this.behaviour === 'huge') {
      // Three megabytes of valid JSON: more than any answer the node reads.
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: { status: 'posted', padding: 'x'.repeat(3 * 1024 * 1024) } }));
      return;
    }
    const nodeMatch = /^\/v2\/nodes\/([^/]+)$/.exec(path);
    if (req.method === 'POST' && path === '/v2/nodes') return this.#post(body, res, record);
    if (req.method === 'GET' && nodeMatch) return this.#get(decodeURIComponent(nodeMatch[1]!), res);
    if (req.method === 'DELETE' && nodeMatch) return this.#delete(decodeURIComponent(nodeMatch[1]!), res, record);
    json(res, 404, { errors: [{ status: 404, title: 'Not Found', detail: `No route ${req.method} ${path}.` }] });
  }

  async #post(body: string, res: ServerResponse, record: StandInRequest): Promise<void> {
    let profileUrl: unknown;
    try {
      profileUrl = (JSON.parse(body) as { profile_url?: unknown }).profile_url;
    } catch {
      return json(res, 400, { errors: [{ status: 400, title: 'JSON Error', detail: 'The JSON document submitted could not be parsed.' }] });
    }
    if (typeof profileUrl !== 'string' || !profileUrl)
      return json(res, 400, {
        errors: [{ status: 400, title: 'Missing Required Property', detail: 'The `profile_url` property is required.' }],
      });
    const nodeId = sha256(profileUrl);
    if (this.asynchronous) {
      const previous = this.nodes.get(nodeId);
      this.nodes.set(nodeId, { ...(previous ?? emptyNode(nodeId, profileUrl)), status: 'received', last_updated: now() });
      json(res, 200, { data: { node_id: nodeId } });
      setTimeout(() => void this.#validate(nodeId, profileUrl, record), 50);
      return;
    }
    const node = await this.#validate(nodeId, profileUrl, record);
    if (node.status === 'validation_failed')
      return json(res, node.failure_reasons[0]!.status, {
        errors: node.failure_reasons,
        meta: { node_id: nodeId, profile_url: profileUrl },
      });
    json(res, 200, { data: { node_id: nodeId, profile_url: profileUrl, status: 'posted' } });
  }

  /** Fetches and validates the profile, and stores the verdict. */
  async #validate(nodeId: string, profileUrl: string, record: StandInRequest): Promise<StandInNode> {
    const fetched = await fetchProfile(profileUrl);
    record.profileAnswered = fetched.status;
    const failed = (failure: StandInNode['failure_reasons']) => {
      const node: StandInNode = { ...emptyNode(nodeId, profileUrl), status: 'validation_failed', failure_reasons: failure };
      this.nodes.set(nodeId, node);
      return node;
    };
    if (fetched.status !== 200 || fetched.json === undefined)
      return failed([
        { status: 400, title: 'Profile Not Found', detail: `Could not read the profile at ${profileUrl} (answer: ${fetched.status}).` },
      ]);
    const linked = (fetched.json as { linked_schemas?: unknown }).linked_schemas;
    const missing = Array.isArray(linked) ? linked.filter((name) => this.missingSchemas.has(String(name))) : [];
    if (missing.length)
      return failed(
        missing.map((name) => ({ status: 404, title: 'Schema Not Found', detail: `Could not find ${String(name)} in the library.` })),
      );
    const result = validateProfile(fetched.json);
    if (!result.valid)
      return failed(result.problems.map((p) => ({ status: 400, title: p.title, detail: p.detail, source: { pointer: p.pointer } })));
    const profile = fetched.json as Record<string, unknown>;
    const node: StandInNode = {
      node_id: nodeId,
      profile_url: profileUrl,
      status: 'posted',
      last_updated: now(),
      linked_schemas: profile.linked_schemas as string[],
      profile,
      failure_reasons: [],
    };
    this.nodes.set(nodeId, node);
    return node;
  }

  #get(nodeId: string, res: ServerResponse): void {
    const node = this.nodes.get(nodeId);
    if (!node)
      return json(res, 404, {
        errors: [{ status: 404, title: 'Node Not Found', detail: `Could not locate the following node_id in the Index: ${nodeId}` }],
      });
    if (node.status === 'validation_failed')
      return json(res, 400, { errors: node.failure_reasons, meta: { node_id: nodeId, profile_url: node.profile_url } });
    json(res, 200, { data: { node_id: nodeId, profile_url: node.profile_url, status: node.status, last_updated: node.last_updated } });
  }

  async #delete(nodeId: string, res: ServerResponse, record: StandInRequest): Promise<void> {
    const node = this.nodes.get(nodeId);
    if (!node)
      return json(res, 404, {
        errors: [{ status: 404, title: 'Node Not Found', detail: `Could not locate the following node_id in the Index: ${nodeId}` }],
      });
    const fetched = await fetchProfile(node.profile_url);
    record.profileAnswered = fetched.status;
    // As the index: a 404, or an answer that is not JSON, lets it go; any other answer keeps it.
    const gone = fetched.status === 404 || (fetched.status !== 'unreachable' && fetched.json === undefined);
    if (!gone)
      return json(res, 400, {
        errors: [
          fetched.status === 200
            ? {
                status: 400,
                title: 'Profile Still Exists',
                detail: `The profile could not be deleted from the Index because it still exists at the profile_url: ${node.profile_url}`,
              }
            : {
                status: 400,
                title: 'Profile Still Exists',
                detail: `The node at ${node.profile_url} returned the following status code: ${fetched.status}`,
              },
        ],
        meta: { node_id: nodeId, profile_url: node.profile_url },
      });
    node.status = 'deleted';
    node.profile = null;
    node.last_updated = now();
    json(res, 200, {
      meta: { message: `The Index has recorded as deleted the profile that was previously posted at: ${node.profile_url}` },
    });
  }
}

async function fetchProfile(url: string): Promise<{ status: number | 'unreachable'; json?: unknown }> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    try {
      return { status: response.status, json: JSON.parse(text) as unknown };
    } catch {
      return { status: response.status };
    }
  } catch {
    return { status: 'unreachable' };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function emptyNode(nodeId: string, profileUrl: string): StandInNode {
  return {
    node_id: nodeId,
    profile_url: profileUrl,
    status: 'received',
    last_updated: now(),
    linked_schemas: [],
    profile: null,
    failure_reasons: [],
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
