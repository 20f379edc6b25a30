// Murmurations over loopback (ADR 0050): a node serves its profiles, registers them with a local
// index stand-in that fetches and validates them like the real index, re-registers a changed
// one, and removes an unpublished or deleted one by answering 404 first and sending DELETE after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { freePort } from '../testing/free-port.ts';
import { eventually } from '../testing/federated-nodes.ts';
import { MurmurationsIndexStandIn } from '../testing/murmurations-index-stand-in.ts';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';
import { nodeIdOf } from './murmurations-profile-reader.ts';
import { validateProfile } from './murmurations-schemas.ts';
import { createAccount } from '../testing/graphql-client.ts';
import { ApiClient } from '../cli/api-client.ts';
import { murmurationsCommand } from '../cli/murmurations-commands.ts';

const FAST = { retryBaseMs: 100, maxRetryMs: 400, maxAttempts: 50, spacingMs: 0, pollMs: 50, leaseMs: 5_000, requestTimeoutMs: 700 };

let index: MurmurationsIndexStandIn;
let node: TestNode;
let origin: string;

async function startIndexedNode(indexUrl: URL | undefined): Promise<TestNode> {
  const port = await freePort();
  return startTestNode(
    { port, publicUrl: new URL(`http://127.0.0.1:${port}`), ...(indexUrl ? { murmurationsIndexUrl: indexUrl } : {}) },
    { murmurations: FAST },
  );
}

const profileUrl = (path: string) => `${origin}/murmurations/${path}.json`;
const registration = (url: string) => node.murmurations.registrations.findByUrl(url);

async function published(handle: string) {
  const doc = await node.registry.initiatives.findById(handle);
  if (!doc) throw new Error(`no initiative ${handle}`);
  return doc;
}

beforeAll(async () => {
  index = await new MurmurationsIndexStandIn().start();
  node = await startIndexedNode(index.url);
  origin = new URL(node.url).origin;
  await node.murmurations.sync!.settled();
}, 60_000);

afterAll(async () => {
  await node?.close();
  await index?.close();
});

describe('profiles served by the node', () => {
  it('serves the node and every published initiative, valid against the schemas they claim', async () => {
    const nodeProfile = await (await fetch(profileUrl('node'))).json();
    expect(validateProfile(nodeProfile)).toEqual({ valid: true });
    const published = await node.registry.initiatives.findPublishedLocal();
    expect(published.length).toBeGreaterThan(5);
    for (const doc of published) {
      const response = await fetch(profileUrl(`initiatives/${doc._id}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(validateProfile(await response.json())).toEqual({ valid: true });
    }
  });

  it('answers 404 for a handle that names no public record, or no handle at all', async () => {
    for (const path of [
      'initiatives/nobody.json',
      'initiatives/..%2Fnode.json',
      'initiatives/ATEMOS.json',
      'initiatives/atemos',
      'market/nobody.json',
    ]) {
      const response = await fetch(`${origin}/murmurations/${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});

describe("records that are not this node's public ones", () => {
  it("serves no profile for a draft, nor for a partner's listing, and registers neither", async () => {
    const atemos = await published('atemos');
    const draft = await node.registry.initiativeEditorial.create(operator, {
      ...atemos.record,
      handle: 'brouillon-murm',
      name: { fr: 'Brouillon' },
    });
    expect(draft.publication.state).toBe('draft');
    await node.registry.initiatives.upsertReceived(
      'copie-partenaire',
      { ...atemos.record, handle: 'copie-partenaire', node: 'milano' },
      {
        kind: 'remote',
        node: 'milano',
        objectId: 'https://registry.milano.example/initiatives/copie-partenaire',
        url: 'https://registry.milano.example/initiatives/copie-partenaire',
        receivedAt: new Date().toISOString(),
        remoteUpdatedAt: new Date().toISOString(),
      },
    );
    node.registry.events.emit({ type: 'listing.received', kind: 'initiative', id: 'copie-partenaire' });
    for (const handle of ['brouillon-murm', 'copie-partenaire']) {
      expect((await fetch(profileUrl(`initiatives/${handle}`))).status).toBe(404);
      await node.murmurations.sync!.mark({ kind: 'initiative', handle });
    }
    await node.murmurations.sync!.settled();
    for (const handle of ['brouillon-murm', 'copie-partenaire']) {
      expect(index.nodeOf(profileUrl(`initiatives/${handle}`))).toBeUndefined();
      expect(await registration(profileUrl(`initiatives/${handle}`))).toMatchObject({ registered: false, lastAction: 'none' });
    }
  });
});

describe('registration with the index', () => {
  it('registers the node and every public profile at start, each validated by the index', async () => {
    expect(index.nodeOf(profileUrl('node'))?.status).toBe('posted');
    for (const doc of await node.registry.initiatives.findPublishedLocal()) {
      const url = profileUrl(`initiatives/${doc._id}`);
      expect({ url, status: index.nodeOf(url)?.status }).toEqual({ url, status: 'posted' });
      expect(index.nodeOf(url)?.node_id).toBe(nodeIdOf(url));
      expect(await registration(url)).toMatchObject({ registered: true, changed: false, lastError: null, attempts: 0 });
    }
    const needs = await node.registry.publicMarketRecords.openLocal();
    expect(needs.length).toBeGreaterThan(3);
    for (const doc of needs) expect(index.nodeOf(profileUrl(`market/${doc._id}`))?.status).toBe('posted');
  });

  it('asks the index to fetch a profile again when it changes, and not when nothing it says changed', async () => {
    const url = profileUrl('initiatives/atemos');
    const before = index.requests.filter((r) => r.method === 'POST').length;
    const doc = await published('atemos');
    await node.registry.initiativeEditorial.update(operator, 'atemos', doc.version, {
      description: { ...doc.record.description, [doc.record.originalLanguage]: 'Nouvelle description pour Murmurations.' },
    });
    await eventually(async () => index.nodeOf(url)?.profile?.description === 'Nouvelle description pour Murmurations.');
    await node.murmurations.sync!.settled();
    expect(index.requests.filter((r) => r.method === 'POST').length).toBe(before + 1);
    // A change of a field no profile shows makes no request.
    const again = await published('atemos');
    await node.registry.initiativeEditorial.update(operator, 'atemos', again.version, {
      teamSize: again.record.teamSize === '5-9' ? '10-19' : '5-9',
    });
    await eventually(async () => (await registration(url))?.changed === false);
    await node.murmurations.sync!.settled();
    expect(index.requests.filter((r) => r.method === 'POST').length).toBe(before + 1);
  });

  it('on unpublish answers 404 first, then sends DELETE, which the index accepts; the needs of the initiative go too', async () => {
    const url = profileUrl('initiatives/atemos');
    const need = profileUrl('market/atemos-workshop-premises');
    expect(index.nodeOf(need)?.status).toBe('posted');
    const doc = await published('atemos');
    await node.registry.initiativeEditorial.unpublish(operator, 'atemos', doc.version);
    expect((await fetch(url)).status).toBe(404);
    await eventually(async () => index.nodeOf(url)?.status === 'deleted');
    const deletion = index.requests.find((r) => r.method === 'DELETE' && r.path === `/v2/nodes/${nodeIdOf(url)}`);
    // The index fetched the profile when it got the DELETE: it already answered 404.
    expect(deletion?.profileAnswered).toBe(404);
    await eventually(async () => index.nodeOf(need)?.status === 'deleted');
    expect(await registration(url)).toMatchObject({ registered: false, changed: false, lastAction: 'delete', lastError: null });
  });

  it('registers a deleted record no more, and never DELETEs a profile the index does not hold', async () => {
    const url = profileUrl('initiatives/univerbal');
    const doc = await published('univerbal');
    await node.registry.initiativeEditorial.delete(operator, 'univerbal', doc.version);
    await eventually(async () => index.nodeOf(url)?.status === 'deleted');
    // Only this profile's: the initiative's needs and openings leave the index after it.
    const deletesOfIt = () => index.requests.filter((r) => r.method === 'DELETE' && r.path === `/v2/nodes/${nodeIdOf(url)}`).length;
    const deletes = deletesOfIt();
    expect(deletes).toBe(1);
    // Marked again although unpublished already: nothing to tell the index.
    await node.murmurations.sync!.mark({ kind: 'initiative', handle: 'univerbal' });
    await node.murmurations.sync!.settled();
    expect(deletesOfIt()).toBe(deletes);
  });
});

describe('an index that validates after answering, as the real one does', () => {
  it('asks for its verdict after a POST answered `received`, and is done once it says `posted`', async () => {
    index.asynchronous = true;
    try {
      const url = profileUrl('initiatives/sirius-hub');
      const doc = await published('sirius-hub');
      await node.registry.initiativeEditorial.update(operator, 'sirius-hub', doc.version, {
        description: { ...doc.record.description, [doc.record.originalLanguage]: 'Vérifiée après coup.' },
      });
      const checked = await eventually(async () => {
        const r = await registration(url);
        return r && !r.changed ? r : null;
      }, 10_000);
      expect(checked).toMatchObject({ registered: true, indexStatus: 'posted', lastAction: 'check', lastError: null });
      expect(index.requests.some((r) => r.method === 'GET' && r.path === `/v2/nodes/${nodeIdOf(url)}`)).toBe(true);
      expect(index.nodeOf(url)?.profile?.description).toBe('Vérifiée après coup.');
    } finally {
      index.asynchronous = false;
    }
  }, 20_000);

  it('posts again after the index refused a profile (its library lacked the schema), and shows why meanwhile', async () => {
    index.asynchronous = true;
    index.missingSchemas.add('organizations_schema-v1.0.0');
    try {
      const url = profileUrl('initiatives/sirius-hub');
      const doc = await published('sirius-hub');
      await node.registry.initiativeEditorial.update(operator, 'sirius-hub', doc.version, {
        description: { ...doc.record.description, [doc.record.originalLanguage]: 'Refusée puis acceptée.' },
      });
      const refused = await eventually(async () => {
        const r = await registration(url);
        return r && r.attempts >= 1 && /Schema Not Found/.test(r.lastError ?? '') ? r : null;
      }, 10_000);
      expect(refused).toMatchObject({ changed: true, postedHash: null });
      index.missingSchemas.clear();
      await eventually(async () => (await registration(url))?.changed === false, 10_000);
      expect(await registration(url)).toMatchObject({ registered: true, indexStatus: 'posted', lastError: null });
      expect(index.nodeOf(url)?.profile?.description).toBe('Refusée puis acceptée.');
    } finally {
      index.asynchronous = false;
      index.missingSchemas.clear();
    }
  }, 20_000);
});

describe('a hostile index never breaks a local action', () => {
  const expectedError = {
    slow: /did not answer within 700 ms/,
    failing: /Database Error/,
    garbage: /not JSON/,
    redirect: /answered HTTP 307/,
    huge: /answer was cut: .*more than 1048576 bytes/,
  };
  for (const behaviour of ['slow', 'failing', 'garbage', 'redirect', 'huge'] as const) {
    it(`publishes and edits at once while the index is ${behaviour}, then registers once it recovers`, async () => {
      const handle = 'sirius-hub';
      const url = profileUrl(`initiatives/${handle}`);
      index.behaviour = behaviour;
      try {
        const doc = await published(handle);
        const started = Date.now();
        const text = `Texte ${behaviour} ${Date.now()}`;
        const stored = await node.registry.initiativeEditorial.update(operator, handle, doc.version, {
          description: { ...doc.record.description, [doc.record.originalLanguage]: text },
        });
        expect(Date.now() - started).toBeLessThan(1_000);
        expect(stored.record.description?.[doc.record.originalLanguage]).toBe(text);
        // The page and the profile keep answering while the index misbehaves.
        expect((await fetch(url)).status).toBe(200);
        const failed = await eventually(async () => {
          const r = await registration(url);
          return r && r.attempts >= 1 && r.changed ? r : null;
        }, 10_000);
        expect(failed.lastError).toMatch(expectedError[behaviour]);
        // Nothing was followed: the index's redirect led nowhere the node went.
        expect(index.requests.some((r) => r.path === '/elsewhere')).toBe(false);
        index.behaviour = 'normal';
        await eventually(async () => (await registration(url))?.changed === false, 10_000);
        expect(await registration(url)).toMatchObject({ registered: true, lastError: null, attempts: 0 });
        expect(index.nodeOf(url)?.profile?.description).toBe(text);
      } finally {
        index.behaviour = 'normal';
      }
    }, 30_000);
  }
});

describe('the status for admins', () => {
  it('lists every registration with what the index said, through GraphQL and `umn murmurations`; refuses others', async () => {
    const admin = await createAccount(node, 'admin@murm.test', 'admin');
    const moderator = await createAccount(node, 'moderator@murm.test', 'moderator');
    const query =
      '{ murmurationsStatus { indexUrl pending gaveUp registrations { profileUrl kind handle registered pending lastAction indexStatus } } }';
    const refused = await node.query(query, {}, moderator.headers);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const anonymous = await node.query(query);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('SIGN_IN_REQUIRED');
    const answer = await node.query(query, {}, admin.headers);
    const status = answer.body.data.murmurationsStatus;
    expect(status.indexUrl).toBe(index.url.href);
    expect(status.registrations).toContainEqual({
      profileUrl: profileUrl('node'),
      kind: 'NODE',
      handle: 'liege',
      registered: true,
      pending: false,
      lastAction: 'POST',
      indexStatus: 'posted',
    });
    expect(status.registrations).toContainEqual(
      expect.objectContaining({
        profileUrl: profileUrl('initiatives/atemos'),
        kind: 'INITIATIVE',
        registered: false,
        lastAction: 'DELETE',
      }),
    );
    const lines: string[] = [];
    const token = admin.headers.authorization!.replace('Bearer ', '');
    await murmurationsCommand(new ApiClient({ url: node.url, token }), { line: (text) => lines.push(text) });
    expect(lines[0]).toBe(`Index: ${index.url.href}`);
    expect(lines.join('\n')).toContain(`REGISTERED ${profileUrl('node')}  (index: posted`);
    expect(lines.join('\n')).toContain(`REMOVED    ${profileUrl('initiatives/atemos')}`);
  });
});

describe('without MURMURATIONS_INDEX_URL', () => {
  it('sends nothing and records nothing, and still serves the profiles', async () => {
    const quiet = await startIndexedNode(undefined);
    try {
      expect(quiet.murmurations.sync).toBeNull();
      const requests = index.requests.length;
      const doc = await quiet.registry.initiatives.findById('atemos');
      await quiet.registry.initiativeEditorial.unpublish(operator, 'atemos', doc!.version);
      expect(await quiet.registry.store.collection('murmurationsRegistrations').countDocuments({})).toBe(0);
      expect(index.requests.length).toBe(requests);
      expect((await fetch(`${quiet.url}/murmurations/node.json`)).status).toBe(200);
    } finally {
      await quiet.close();
    }
  }, 30_000);
});
