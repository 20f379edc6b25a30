// A partner this node follows sends adoption records (issue 16, ADR 0040). It signs correctly, but
// what it sends may claim to speak for another node, overwrite or delete another partner's record,
// or carry fields the schema refuses. An adoption record belongs to the node that sent it, or is
// refused; the practice's own moderators hear of an adoption of one of their practices.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../registry-server/src/testing/free-port.ts';
import { eventually } from '../registry-server/src/testing/federated-nodes.ts';
import { startTestNode, type TestNode } from '../registry-server/src/testing/test-node.ts';
import { startMinimalPeer, type MinimalPeer } from './support/minimal-peer.ts';

const AS = 'https://www.w3.org/ns/activitystreams';
const CONTEXT = [AS, { umn: 'https://umn-registry.org/ns#', adoptionRecord: { '@id': 'umn:adoptionRecord', '@type': '@json' } }];

let node: TestNode;
/** The hostile partner (its actor: /nodes/milano). */
let peer: MinimalPeer;
/** A second partner, whose records the first one tries to overwrite and delete. */
let other: MinimalPeer;
let inbox: string;
let practice: string;
let moderatorId: string;

beforeAll(async () => {
  const port = await freePort();
  node = await startTestNode({ port, publicUrl: new URL(`http://127.0.0.1:${port}`) });
  [peer, other] = await Promise.all([startMinimalPeer({ actorPath: '/nodes/milano' }), startMinimalPeer({ actorPath: '/nodes/athina' })]);
  inbox = `${node.url}/ap/inbox`;
  for (const partner of [peer, other]) await followed(partner);
  practice = `${node.url}/practices/liege-pt4-one-stop-shop`;
  const moderator = await node.registry.accountService.createAccount({
    email: 'moderator@liege.test',
    password: 'a long test password 1',
    role: 'moderator',
    initiatives: [],
    createdBy: null,
  });
  moderatorId = moderator._id;
});
afterAll(async () => {
  await Promise.all([peer?.close(), other?.close()]);
  await node?.close();
});

async function followed(partner: MinimalPeer): Promise<void> {
  const now = new Date().toISOString();
  await node.federation.data.follows.saveFollowing({
    _id: partner.actorId,
    host: new URL(partner.origin).host,
    followId: `${node.url}/ap/activities/follow/${randomUUID()}`,
    state: 'accepted',
    requestedAt: now,
    acceptedAt: now,
    inbox: `${partner.actorId}/inbox`,
    sharedInbox: null,
    outbox: `${partner.actorId}/outbox`,
    lastBackfill: null,
  });
}

/** An adoption record as `partner` serves it at /adoptions/<handle>; `changes` replace fields of the document, `record` of the record. */
function adoption(
  partner: MinimalPeer,
  handle: string,
  changes: Record<string, unknown> = {},
  record: Record<string, unknown> = {},
): Record<string, unknown> {
  const id = `${partner.origin}/adoptions/${handle}`;
  const doc: Record<string, unknown> = {
    '@context': CONTEXT,
    id,
    type: 'Document',
    attributedTo: partner.actorId,
    name: 'Lo sportello unico, adattato',
    context: practice,
    url: id,
    updated: new Date().toISOString(),
    adoptionRecord: {
      handle,
      practice,
      stage: 'adapting',
      title: { it: 'Lo sportello unico di Liegi, adattato' },
      kept: { it: 'Un solo luogo per i bisogni di base.' },
      changes: [{ change: { it: 'Aperto il sabato' }, why: { it: 'Chi lavora non poteva venire.' } }],
      outcomes: [{ value: 120, unit: 'persone', description: { it: 'Persone accolte' }, date: '2026-12' }],
      originalLanguage: 'it',
      node: 'milano',
      ...record,
    },
    ...changes,
  };
  for (const [key, value] of Object.entries(doc)) if (value === undefined) delete doc[key];
  partner.serve(`/adoptions/${handle}`, doc);
  return doc;
}

const activity = (partner: MinimalPeer, type: string, object: unknown) => ({
  '@context': AS,
  id: `${partner.actorId}/activities/${randomUUID()}`,
  type,
  actor: partner.actorId,
  object,
});
const stored = (id: string) => node.registry.adoptionRecords.findById(id);
const send = async (partner: MinimalPeer, type: string, object: unknown) =>
  expect((await partner.signedPost(inbox, activity(partner, type, object))).status).toBeLessThan(300);

describe('adoption records from a partner', () => {
  it('stores a partner’s own record under the partner, shows it on the practice, and tells the practice’s moderators', async () => {
    const doc = adoption(peer, 'one-stop-shop', {}, { node: 'liege' });
    await send(peer, 'Create', doc.id);
    const copy = await stored(doc.id as string);
    expect(copy).not.toBeNull();
    // Whatever node the record names, it is filed under the partner that sent it.
    expect(copy!.record.node).toBe('milano');
    expect(copy!.origin).toMatchObject({ kind: 'remote', node: peer.actorId, objectId: doc.id });
    const page = await node.query(
      `{ goodPractice(slug: "liege-pt4-one-stop-shop") { adoptions { id stage node { slug } changes { change { text } } outcomes { value unit } } } }`,
    );
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.goodPractice.adoptions).toEqual([
      {
        id: doc.id,
        stage: 'ADAPTING',
        node: { slug: 'milano' },
        changes: [{ change: { text: 'Aperto il sabato' } }],
        outcomes: [{ value: 120, unit: 'persone' }],
      },
    ]);
    const notices = await eventually(async () => {
      const list = await node.registry.notifications.listFor(moderatorId);
      return list.length ? list : null;
    });
    expect(notices[0]).toMatchObject({
      kind: 'adoption.received',
      data: { practice: 'liege-pt4-one-stop-shop', city: 'milano', stage: 'adapting' },
    });
  });

  it('refuses a record whose id is on another origin than the sender’s (this node’s, another partner’s, a third party’s)', async () => {
    for (const id of [`${node.url}/adoptions/forged`, `${other.origin}/adoptions/forged`, 'https://third.example/adoptions/forged']) {
      peer.serve(`/adoptions/forged`, { ...adoption(peer, 'forged'), id });
      await send(peer, 'Create', id);
      expect(await stored(id), id).toBeNull();
    }
  });

  it('refuses a record that claims to be by another node, or whose document is not the one asked for', async () => {
    const byOther = adoption(peer, 'by-other', { attributedTo: other.actorId });
    await send(peer, 'Create', byOther.id);
    expect(await stored(byOther.id as string)).toBeNull();
    const byNobody = adoption(peer, 'by-nobody', { attributedTo: undefined });
    await send(peer, 'Create', byNobody.id);
    expect(await stored(byNobody.id as string)).toBeNull();
    const swapped = adoption(peer, 'swapped', { id: `${peer.origin}/adoptions/one-stop-shop` });
    await send(peer, 'Update', `${peer.origin}/adoptions/swapped`);
    expect(await stored(`${peer.origin}/adoptions/swapped`)).toBeNull();
    expect(swapped).toBeDefined();
  });

  it('refuses a record the schema refuses: a person’s address, an unknown stage, an unknown field', async () => {
    for (const [handle, record] of [
      ['with-email', { organisations: [{ name: 'CGIL Milano', email: 'mario@cgil.example' }] }],
      ['bad-stage', { stage: 'finished' }],
      ['extra-field', { contactPerson: 'Mario Rossi' }],
      ['no-practice', { practice: undefined }],
    ] as const) {
      const doc = adoption(peer, handle, {}, record);
      await send(peer, 'Create', doc.id);
      expect(await stored(doc.id as string), handle).toBeNull();
    }
  });

  it('lets no partner overwrite or delete another partner’s record', async () => {
    const theirs = adoption(other, 'their-adoption');
    await send(other, 'Create', theirs.id);
    expect((await stored(theirs.id as string))?.origin).toMatchObject({ node: other.actorId });
    // An Update and a Delete of the other partner's record, sent by the hostile one.
    await send(peer, 'Update', theirs.id);
    await send(peer, 'Delete', { type: 'Tombstone', id: theirs.id });
    await send(peer, 'Delete', theirs.id);
    const kept = await stored(theirs.id as string);
    expect(kept?.origin).toMatchObject({ node: other.actorId });
    expect(kept?.publication.state).toBe('published');
  });

  it('refuses a record under an id one of its listings already uses (an adoption cannot replace a listing, nor the reverse)', async () => {
    const id = `${peer.origin}/adoptions/taken`;
    await node.registry.practices.upsertReceived(id, (await node.registry.practices.findById('liege-pt1-welcoming-city'))!.record, {
      kind: 'remote',
      node: peer.actorId,
      objectId: id,
      url: id,
      receivedAt: new Date().toISOString(),
      remoteUpdatedAt: new Date().toISOString(),
    });
    adoption(peer, 'taken');
    await send(peer, 'Create', id);
    expect(await stored(id)).toBeNull();
  });

  it('keeps one record per practice from each partner, so a partner cannot flood the practice’s page and its moderators', async () => {
    const told = async () => (await node.registry.notifications.listFor(moderatorId)).filter((n) => n.kind === 'adoption.received').length;
    const before = await told();
    for (let i = 0; i < 5; i++) {
      const doc = adoption(peer, `flood-${i}`);
      await send(peer, 'Create', doc.id);
    }
    // The partner's first record of this practice (one-stop-shop, from the first test) stays the only one.
    const named = await node.registry.adoptionRecords.findPublishedForPractices([practice]);
    expect(named.filter((d) => d.origin.kind === 'remote' && d.origin.node === peer.actorId).map((d) => d.record.handle)).toEqual([
      'one-stop-shop',
    ]);
    expect(await told()).toBe(before);
  });

  it('removes a partner’s record when that partner deletes it', async () => {
    const doc = adoption(peer, 'to-delete', {}, { practice: `${node.url}/practices/liege-pt7-third-place` });
    await send(peer, 'Create', doc.id);
    expect(await stored(doc.id as string)).not.toBeNull();
    await send(peer, 'Delete', { type: 'Tombstone', id: doc.id });
    expect(await stored(doc.id as string)).toBeNull();
  });
});
