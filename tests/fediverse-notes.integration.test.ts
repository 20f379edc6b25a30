// Issue 17's done-when for the fediverse (ADR 0051): a follower written like Mastodon, without
// Fedify (its own actor with a public key, its own inbox, draft-cavage signatures by node:crypto,
// and only draft-cavage understood), follows the city and an initiative, gets their Accepts, and
// then sees a Note, with the canonical link, hashtags and the listing's language, addressed to
// Public, when a listing is published; it checks the node's signature on what it receives. The
// actors carry what Mastodon shows on a profile, and their outbox and featured collections
// dereference.
import { createHash, createVerify, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { OPERATOR } from '../registry-server/src/federation/partners/partner-service.ts';
import { startMinimalPeer, type MinimalPeer, type ReceivedActivity } from './support/minimal-peer.ts';
import { anonymous, createAccount } from '../registry-server/src/testing/graphql-client.ts';

const AS = 'https://www.w3.org/ns/activitystreams';
const PUBLIC = `${AS}#Public`;

let node: TestNode;
let peer: MinimalPeer;
let nodeActor: Record<string, any>;
let univerbal: Record<string, any>;

async function get(url: string): Promise<Record<string, any>> {
  const response = await fetch(url, { headers: { accept: 'application/activity+json' }, signal: AbortSignal.timeout(15_000) });
  expect(response.status, url).toBe(200);
  return (await response.json()) as Record<string, any>;
}

/** Checks a draft-cavage HTTP Signature as Mastodon does: the key from the sender's actor document, the Digest of the body. */
async function verifyCavage(activity: ReceivedActivity): Promise<boolean> {
  const header = activity.headers.signature;
  if (typeof header !== 'string') return false;
  const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const actor = await get(params.keyId!.replace(/#.*$/, ''));
  const key = [actor.publicKey].flat().find((k: { id: string }) => k.id === params.keyId);
  if (!key) return false;
  const digest = `SHA-256=${createHash('sha256').update(activity.raw).digest('base64')}`;
  if (activity.headers.digest !== digest) return false;
  const lines = params
    .headers!.split(' ')
    .map((name: string) =>
      name === '(request-target)' ? `(request-target): post ${activity.path}` : `${name}: ${activity.headers[name] as string}`,
    );
  return createVerify('RSA-SHA256').update(lines.join('\n')).verify(key.publicKeyPem, params.signature!, 'base64');
}

async function follow(object: string): Promise<void> {
  const id = `${peer.actorId}/follows/${randomUUID()}`;
  const response = await peer.signedPost(`${node.url}/ap/inbox`, { '@context': AS, id, type: 'Follow', actor: peer.actorId, object });
  expect(response.status, await response.clone().text()).toBe(202);
  const accept = await peer.waitForActivity((a) => a.body.type === 'Accept' && (a.body.object === id || a.body.object?.id === id));
  expect(accept.body.actor).toBe(object);
  expect(await verifyCavage(accept)).toBe(true);
}

const noteFrom = (actor: string, about?: string) => (a: ReceivedActivity) =>
  a.body.type === 'Create' && a.body.object?.type === 'Note' && a.body.actor === actor && (!about || a.body.object.url === about);

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  peer = await startMinimalPeer({ cavageOnly: true });
  nodeActor = await get(`${node.url}/nodes/liege`);
  univerbal = await get(`${node.url}/initiatives/univerbal`);
  await follow(nodeActor.id);
  await follow(univerbal.id);
}, 60_000);
afterAll(async () => {
  await peer?.close();
  await node?.close();
});

describe('actors as Mastodon shows them', () => {
  it('carry an avatar, a header, profile fields, and are neither discoverable nor indexable until the admin says so', async () => {
    for (const actor of [nodeActor, univerbal]) {
      expect(actor.icon).toMatchObject({ type: 'Image', url: `${node.url}/fediverse/avatar.png` });
      expect(actor.image).toMatchObject({ type: 'Image', url: `${node.url}/fediverse/header.png` });
      expect(actor.discoverable).toBe(false);
      expect(actor.indexable).toBe(false);
    }
    const fields = [univerbal.attachment].flat().filter((a: { type: string }) => a.type === 'PropertyValue');
    const record = (await node.registry.initiatives.findById('univerbal'))!.record;
    expect(fields.map((f: { value: string }) => f.value)).toEqual(
      expect.arrayContaining([expect.stringContaining(`<a href="${new URL(record.website!).href}"`), record.location.locality]),
    );
    expect(fields).toHaveLength(3);
    expect([nodeActor.attachment].flat().some((f: { value: string }) => f.value.includes('<a href='))).toBe(true);
  });

  it('follow the admin: discoverable, indexable, own pictures and pinned practices', async () => {
    await expect(
      node.registry.fediverseSettings.update(OPERATOR, {
        discoverable: true,
        indexable: true,
        pinnedPractices: ['liege-pt6-public-procurement'],
        avatarUrl: 'http://images.example/logo.png',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'avatarUrl' })] });
    await expect(
      node.registry.fediverseSettings.update(OPERATOR, { discoverable: true, indexable: true, pinnedPractices: ['no-such-practice'] }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'pinnedPractices.0', code: 'UNKNOWN_PRACTICE' })] });
    await node.registry.fediverseSettings.update(OPERATOR, {
      discoverable: true,
      indexable: true,
      pinnedPractices: ['liege-pt6-public-procurement'],
      avatarUrl: 'https://images.example/liege.png',
    });
    const actor = await get(`${node.url}/nodes/liege`);
    expect(actor).toMatchObject({ discoverable: true, indexable: true, icon: { url: 'https://images.example/liege.png' } });
    expect((await get(`${node.url}/initiatives/univerbal`)).discoverable).toBe(true);
    const featured = await get(actor.featured);
    expect(featured.totalItems).toBe(1);
    const items = [featured.orderedItems ?? featured.items].flat();
    expect(items[0]).toMatchObject({ id: `${node.url}/practices/liege-pt6-public-procurement`, type: 'Article' });
    // Back to the defaults, for the other tests.
    await node.registry.fediverseSettings.update(OPERATOR, { discoverable: false, indexable: false, pinnedPractices: [] });
  });
});

describe('the settings over GraphQL', () => {
  const READ = '{ fediverseSettings { discoverable indexable pinnedPractices avatarUrl headerUrl } }';
  const SAVE = `mutation($input: FediverseSettingsInput!) { updateFediverseSettings(input: $input) {
    settings { discoverable pinnedPractices } error { code ... on ValidationFailed { fields { field code } } } } }`;

  it('are read and changed by admins only, and a refusal names the field', async () => {
    const admin = await createAccount(node, 'admin@fedi.test', 'admin');
    const moderator = await createAccount(node, 'moderator@fedi.test', 'moderator');
    expect((await admin.gql(READ)).data.fediverseSettings).toEqual({
      discoverable: false,
      indexable: false,
      pinnedPractices: [],
      avatarUrl: null,
      headerUrl: null,
    });
    for (const who of [moderator, anonymous(node)]) {
      expect((await who.gql(READ)).errors?.[0]?.extensions?.code).toMatch(/NOT_AUTHORIZED|SIGN_IN_REQUIRED/);
      const refused = await who.gql(SAVE, { input: { discoverable: true, indexable: true, pinnedPractices: [] } });
      expect(refused.data.updateFediverseSettings.error.code).toMatch(/NOT_AUTHORIZED|SIGN_IN_REQUIRED/);
    }
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tooMany = await admin.gql(SAVE, { input: { discoverable: true, indexable: false, pinnedPractices: six } });
    expect(tooMany.data.updateFediverseSettings.error.fields).toContainEqual({ field: 'pinnedPractices', code: 'TOO_MANY' });
    // Nothing was saved by the refused changes.
    expect((await admin.gql(READ)).data.fediverseSettings.discoverable).toBe(false);
  });
});

describe('a follower written like Mastodon', () => {
  it('receives a signed Create(Note) with the link, hashtags and language, to Public, when a listing is published', async () => {
    const created = await node.registry.initiativeEditorial.create(OPERATOR, {
      handle: 'fedi-bakery',
      name: { fr: 'Boulangerie du quartier <b>(test)</b>' },
      summary: { fr: 'Du pain & des galettes, fait par des habitantes.' },
      originalLanguage: 'fr',
      legalForm: 'L1',
      primarySector: 'AM60',
      location: { locality: 'Liège', country: 'BE', precision: 'city' },
    } as never);
    await node.registry.initiativeEditorial.approve(OPERATOR, 'fedi-bakery', created.version);
    const page = `${node.url}/initiatives/fedi-bakery`;
    const received = await peer.waitForActivity(noteFrom(nodeActor.id, page));
    expect(await verifyCavage(received)).toBe(true);
    const note = received.body.object;
    expect(note.type).toBe('Note');
    expect(note.attributedTo).toBe(nodeActor.id);
    expect([received.body.to].flat()).toContain(PUBLIC);
    expect([note.to].flat()).toContain(PUBLIC);
    expect([note.cc].flat()).toContain(nodeActor.followers);
    expect(note.content).toContain(`<a href="${page}">`);
    // The name is text: its markup is escaped, never passed on.
    expect(note.content).toContain('Boulangerie du quartier &lt;b&gt;(test)&lt;/b&gt;');
    expect(note.content).toContain('Du pain &amp; des galettes');
    expect(note.contentMap).toEqual({ fr: note.content });
    const tags = [note.tag].flat();
    expect(tags).toEqual(
      expect.arrayContaining([
        { type: 'Hashtag', name: '#Alimentation', href: `${node.url}/search?sector=AM60` },
        expect.objectContaining({ type: 'Hashtag', name: '#Liège' }),
      ]),
    );
    expect(note.content).toContain('#<span>Alimentation</span>');
    expect(note.content).toContain('#<span>Liège</span>');
    // The Note dereferences at its id, as Mastodon fetches it when someone boosts or replies.
    const fetched = await get(note.id);
    expect(fetched).toMatchObject({ id: note.id, type: 'Note', url: page });
  });

  it('hears a meaningful change of an initiative it follows from the initiative itself, and nothing for a minor one', async () => {
    const page = `${node.url}/initiatives/univerbal`;
    let doc = (await node.registry.initiatives.findById('univerbal'))!;
    const language = doc.record.originalLanguage;
    await node.registry.initiativeEditorial.update(OPERATOR, 'univerbal', doc.version, {
      name: { ...doc.record.name, [language]: `${doc.record.name[language]} (renamed)` },
    } as never);
    const fromItself = await peer.waitForActivity(noteFrom(univerbal.id, page));
    expect(fromItself.body.object.attributedTo).toBe(univerbal.id);
    expect(fromItself.body.object.content).toContain('(renamed)');
    expect(Object.keys(fromItself.body.object.contentMap)).toEqual([language]);
    expect(await verifyCavage(fromItself)).toBe(true);

    const notesBefore = peer.received.filter((a) => a.body.object?.type === 'Note').length;
    doc = (await node.registry.initiatives.findById('univerbal'))!;
    await node.registry.initiativeEditorial.update(OPERATOR, 'univerbal', doc.version, {
      website: 'https://univerbal.example/new',
    } as never);
    // The Update of the Organization (for partners) arrives; no Note comes with it.
    await peer.waitForActivity((a) => a.body.type === 'Update' && a.body.actor === univerbal.id && peer.received.indexOf(a) >= notesBefore);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(peer.received.filter((a) => a.body.object?.type === 'Note')).toHaveLength(notesBefore);
  });

  it('receives a Note from the city when a good practice is published, tagged with its practice type', async () => {
    const created = await node.registry.practiceEditorial.create(OPERATOR, {
      handle: 'fedi-practice',
      practiceType: 'PT4',
      title: { fr: 'Un guichet unique pour les nouveaux arrivants (test)' },
      summary: { fr: 'Un seul lieu pour les premières démarches.' },
      location: { locality: 'Liège', country: 'BE' },
      originalLanguage: 'fr',
    } as never);
    await node.registry.practiceEditorial.approve(OPERATOR, 'fedi-practice', created.version);
    const page = `${node.url}/practices/fedi-practice`;
    const received = await peer.waitForActivity(noteFrom(nodeActor.id, page));
    expect(received.body.object.content).toContain(`<a href="${page}">Un guichet unique pour les nouveaux arrivants (test)</a>`);
    expect([received.body.object.tag].flat()).toContainEqual(
      expect.objectContaining({ type: 'Hashtag', href: `${node.url}/search?practiceType=PT4` }),
    );
    expect(received.body.object.contentMap).toHaveProperty('fr');
  });

  it('receives a Note from the city when it records the adoption of a practice, linking to the practice', async () => {
    const { adoptionEditorial, iris } = node.registry;
    const practice = iris.local('practices', 'liege-pt2-city-union-partnership');
    const draft = await adoptionEditorial.create(OPERATOR, {
      handle: 'fedi-adoption',
      practice,
      stage: 'adapting',
      title: { fr: 'Le partenariat ville-syndicat, élargi (test)' },
      originalLanguage: 'fr',
    });
    const submitted = await adoptionEditorial.submit(OPERATOR, draft._id, draft.version);
    await adoptionEditorial.approve(OPERATOR, draft._id, submitted.version);
    const received = await peer.waitForActivity(noteFrom(nodeActor.id, practice));
    expect(received.body.object.content).toContain('Le partenariat ville-syndicat, élargi (test)');
    expect([received.body.object.tag].flat()).toContainEqual(expect.objectContaining({ type: 'Hashtag', name: '#Liège' }));
  });

  it('finds the Notes in the outboxes, paged, and a withdrawn listing deletes its Notes', async () => {
    const outbox = await get(nodeActor.outbox);
    const first = await get(outbox.first);
    const items = [first.orderedItems].flat();
    // Notes first (what an account browsing the profile sees), then the records partners copy.
    expect(items[0]).toMatchObject({ type: 'Create', object: { type: 'Note' } });
    const notes = items.filter((i: { object: { type?: string } }) => i.object?.type === 'Note').length;
    expect(notes).toBeGreaterThanOrEqual(2);
    expect(items.slice(notes).every((i: { object: unknown }) => typeof i.object === 'string')).toBe(true);
    expect(outbox.totalItems).toBe(items.length);
    const ownOutbox = await get(univerbal.outbox);
    expect(ownOutbox.totalItems).toBe(1);
    expect([(await get(ownOutbox.first)).orderedItems].flat()[0]).toMatchObject({ object: { type: 'Note', attributedTo: univerbal.id } });

    const note = peer.received.find(noteFrom(nodeActor.id, `${node.url}/initiatives/fedi-bakery`))!.body.object;
    const doc = (await node.registry.initiatives.findById('fedi-bakery'))!;
    await node.registry.initiativeEditorial.unpublish(OPERATOR, 'fedi-bakery', doc.version);
    const deleted = await peer.waitForActivity((a) => a.body.type === 'Delete' && a.body.object?.id === note.id);
    expect(deleted.body.object).toMatchObject({ type: 'Tombstone', formerType: 'Note' });
    expect(await verifyCavage(deleted)).toBe(true);
    const gone = await fetch(note.id, { headers: { accept: 'application/activity+json' } });
    expect(gone.status).toBe(404);
  });
});
