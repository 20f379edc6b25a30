// Who is told of a match besides a buyer's request (ADR 0037): an offer matched with a need tells
// the need's initiative's editors (who may answer the offer), a need matched with a lender's
// offer tells the node's staff; with SMTP, each is e-mailed in their language, with the link and
// never anyone's address. And the account that posted a record keeps following it when its role
// changes; a partner's "seen" counts once; a partner's "told" mark (ADR 0055) counts once, names
// the initiative as this node's copy does, and is refused for what the partner may not speak for.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../testing/mail-catcher.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { createAccount, signInBearer, type Session } from '../../testing/graphql-client.ts';
import type { MarketMatchedEvent } from './market-answer-events.ts';

let node: TestNode;
let mail: MailCatcher;
let lender: Session;
let editor: Session;
let admin: Session;
const clock = new Date('2027-01-15T10:00:00.000Z');

const ERROR = 'error { code message ... on ValidationFailed { fields { field code message } } }';
const DRAFT = '... on MarketRecordDraft { version }';
const NOTICES = '{ myNotifications { kind initiative path data } }';
const FOLLOW = 'query($r: ID!) { marketFollowUp(record: $r) { told entries { name party answer { verdict } } } }';
const OFFER = 'http://registry.test/market/storage-offer';
const NEED = 'http://registry.test/market/univerbal-storage';

async function publish(session: Session, input: Record<string, unknown>): Promise<void> {
  const step = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ${DRAFT} } ${ERROR} } }`;
  const created = await session.gql(`mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ${DRAFT} } ${ERROR} } }`, {
    i: input,
  });
  expect(created.data.createMarketRecord.error).toBeNull();
  const submitted = await session.gql(step('submitForReview'), { id: input.handle, v: created.data.createMarketRecord.record.version });
  const approved = await lender.gql(step('approve'), { id: input.handle, v: submitted.data.submitForReview.record.version });
  expect(approved.data.approve.error).toBeNull();
}

const common = {
  originalLanguage: 'fr',
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-06-30',
};
const matched = (record: { iri: string; handle: string; kind: 'need' | 'offer' }, counterpart: string): MarketMatchedEvent => ({
  type: 'market.matched',
  record: { ...record, local: true },
  matches: [
    {
      recordIri: record.iri,
      counterpart: { kind: 'marketRecord', iri: counterpart, local: true },
      score: 0.9,
      reasons: [{ code: 'need-offer-kind', params: { kind: 'storage' } }],
    },
  ],
});

beforeAll(async () => {
  mail = await startMailCatcher();
  node = await startTestNode({ smtpUrl: mail.url }, { now: () => clock });
  // The node seeds Liège's needs and offers (ADR 0039); these tests match against the records they write.
  await node.registry.store.collection('marketRecords').deleteMany({});
  lender = await createAccount(node, 'patrimoine@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  await publish(lender, {
    ...common,
    handle: 'storage-offer',
    kind: 'OFFER',
    title: [{ language: 'fr', text: 'Stockage au rez-de-chaussée, rue Pierreuse' }],
    summary: [{ language: 'fr', text: 'Un local de 30 m² en occupation précaire.' }],
    owner: { organisation: 'Ville de Liège, Patrimoine' },
    offer: { offerKind: 'premises', premisesKinds: ['storage'], lendingForms: ['precarious-occupation'] },
  });
  await publish(editor, {
    ...common,
    handle: 'univerbal-storage',
    kind: 'NEED',
    title: [{ language: 'fr', text: 'Un lieu de stockage pour le matériel' }],
    summary: [{ language: 'fr', text: 'Cabines et casques d’interprétation à ranger.' }],
    owner: { initiative: 'univerbal' },
    need: { needKinds: ['storage'] },
  });
});
afterAll(async () => {
  await node?.close();
  await mail?.close();
});

describe('need ↔ offer', () => {
  it("tells the need's editors of a matching offer, by e-mail too, and they answer it", async () => {
    await node.registry.marketAnswers.onMatched(matched({ iri: OFFER, handle: 'storage-offer', kind: 'offer' }, NEED));
    const notices = (await editor.gql(NOTICES)).data.myNotifications.filter((n: { kind: string }) => n.kind === 'MARKET_MATCHED');
    expect(notices).toEqual([
      expect.objectContaining({ initiative: 'univerbal', path: '/market/storage-offer/answer?initiative=univerbal' }),
    ]);
    await vi.waitFor(() => expect(mail.mails.filter((m) => m.to === 'editor@univerbal.test')).toHaveLength(1));
    const [sent] = mail.mails.filter((m) => m.to === 'editor@univerbal.test');
    // Quoted-printable: "=" is written =3D.
    expect(sent!.text).toContain('http://registry.test/market/storage-offer/answer?initiative=3Duniverbal');
    expect(sent!.text).toContain('Subject: Univerbal : une demande ou une offre pourrait vous concerner');
    expect(sent!.text).not.toContain('patrimoine@liege.test');
    const answered = await editor.gql(
      `mutation { answerMarketRecord(record: "storage-offer", initiative: "univerbal", input: { verdict: INTERESTED }) { sent { answer { verdict } } ${ERROR} } }`,
    );
    expect(answered.data.answerMarketRecord).toEqual({ sent: { answer: { verdict: 'INTERESTED' } }, error: null });
    const follow = (await lender.gql(FOLLOW, { r: OFFER })).data.marketFollowUp;
    // Matching also told the initiatives that list storage among their needs (seeded Liège); only Univerbal answered.
    expect(follow.entries).toContainEqual({ name: 'Univerbal', party: 'INITIATIVE', answer: { verdict: 'INTERESTED' } });
    expect(follow.entries.filter((e: { answer: unknown }) => e.answer !== null)).toHaveLength(1);
    // The need is its editors' record: they follow who answered it (nobody yet).
    // (Matching told the city's staff of the need, through the offer it matched.)
    const needFollow = (await editor.gql(FOLLOW, { r: NEED })).data.marketFollowUp;
    expect(needFollow.entries.every((e: { answer: unknown }) => e.answer === null)).toBe(true);
  });

  it("tells the node's staff of a lender's offer matching a need, once, and nobody answers for the lender", async () => {
    const event = matched({ iri: NEED, handle: 'univerbal-storage', kind: 'need' }, OFFER);
    await node.registry.marketAnswers.onMatched(event);
    await node.registry.marketAnswers.onMatched(event);
    for (const staff of [lender, admin]) {
      const notices = (await staff.gql(NOTICES)).data.myNotifications.filter((n: { kind: string }) => n.kind === 'MARKET_MATCHED');
      expect(notices).toEqual([expect.objectContaining({ initiative: null, path: '/market/univerbal-storage' })]);
    }
    const follow = (await editor.gql(FOLLOW, { r: NEED })).data.marketFollowUp;
    expect(follow).toEqual({ told: 1, entries: [{ name: 'Ville de Liège, Patrimoine', party: 'ORGANISATION', answer: null }] });
  });
});

describe('who follows', () => {
  it('keeps the account that posted a record following it after its role changed', async () => {
    const account = await node.registry.accounts.findByEmail('patrimoine@liege.test');
    const change = await admin.gql(`mutation($id: ID!) { changeAccountRole(account: $id, role: EDITOR) { ${ERROR} } }`, {
      id: account!._id,
    });
    expect(change.data.changeAccountRole.error).toBeNull();
    const again = await createAccount(node, 'someone@liege.test', 'editor');
    expect((await again.gql(FOLLOW, { r: OFFER })).data.marketFollowUp).toBeNull();
    const relogged = await signInBearer(node, 'patrimoine@liege.test', 'a long test password 1');
    expect((await relogged.gql(FOLLOW, { r: OFFER })).data.marketFollowUp.entries).toContainEqual(
      expect.objectContaining({ name: 'Univerbal', answer: { verdict: 'INTERESTED' } }),
    );
  });

  it("counts a partner's seen mark once, and refuses one for an initiative of another node", async () => {
    const seen = {
      fromNode: 'http://milano.test/nodes/milano',
      recordIri: OFFER,
      initiativeIri: 'http://milano.test/initiatives/magazzino',
      seenAt: '2027-01-15T09:00:00.000Z',
    };
    await node.registry.marketAnswers.receiveSeen(seen);
    const entry = await node.registry.marketAnswers.receiveSeen({ ...seen, seenAt: '2027-01-15T09:30:00.000Z' });
    expect(entry).toMatchObject({
      seenAt: '2027-01-15T09:00:00.000Z',
      toldAt: null,
      partyNode: seen.fromNode,
      partyName: seen.initiativeIri,
    });
    await expect(node.registry.marketAnswers.receiveSeen({ ...seen, fromNode: 'http://elsewhere.test/nodes/x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The seen mark named no initiative; its answer does, and the buyer then reads that name, not an address.
    const answered = await node.registry.marketAnswers.receiveRemote({
      activityId: 'http://milano.test/activities/seen-then-answered',
      fromNode: seen.fromNode,
      recordIri: OFFER,
      initiativeIri: seen.initiativeIri,
      initiativeName: 'Magazzino solidale',
      verdict: 'interested',
      sentAt: '2027-01-15T09:40:00.000Z',
    });
    expect(answered).toMatchObject({ partyName: 'Magazzino solidale', seenAt: '2027-01-15T09:00:00.000Z' });
  });
});

describe("a partner's told mark (ADR 0055)", () => {
  const MILANO = 'http://milano.test/nodes/milano';
  const told = (initiative: string, extra: Record<string, unknown> = {}) => ({
    fromNode: MILANO,
    recordIri: OFFER,
    initiativeIri: `http://milano.test/initiatives/${initiative}`,
    initiativeName: 'Name the partner claims',
    toldAt: '2027-01-15T08:00:00.000Z',
    ...extra,
  });
  /** A copy of a partner's initiative, as federation stores it, received from `from`. */
  const copyOf = async (iri: string, name: string, from = MILANO) => {
    const record = (await node.registry.initiatives.findById('univerbal'))!.record;
    await node.registry.initiatives.upsertReceived(
      iri,
      { ...record, handle: iri.split('/').at(-1)!, node: 'milano', name: { fr: name } },
      { kind: 'remote', node: from, objectId: iri, url: iri, receivedAt: clock.toISOString(), remoteUpdatedAt: clock.toISOString() },
    );
  };

  it('lists the partner initiative as told, under the name of the copy this node holds, once', async () => {
    await copyOf('http://milano.test/initiatives/cucina', 'Cucina (copie tenue ici)');
    const first = await node.registry.marketAnswers.receiveTold(told('cucina'));
    expect(first).toMatchObject({
      toldAt: '2027-01-15T08:00:00.000Z',
      seenAt: null,
      answer: null,
      partyNode: MILANO,
      partyName: 'Cucina (copie tenue ici)',
    });
    // Delivered again, later and with another name: the first telling stands.
    const again = await node.registry.marketAnswers.receiveTold(
      told('cucina', { toldAt: '2027-01-15T09:00:00.000Z', initiativeName: 'Other' }),
    );
    expect(again).toMatchObject({ toldAt: '2027-01-15T08:00:00.000Z', partyName: 'Cucina (copie tenue ici)' });
    const follow = (await lender.gql(FOLLOW, { r: OFFER })).data.marketFollowUp;
    expect(follow.entries.filter((e: { name: string }) => e.name === 'Cucina (copie tenue ici)')).toEqual([
      { name: 'Cucina (copie tenue ici)', party: 'INITIATIVE', answer: null },
    ]);
  });

  it("takes the partner's name only when this node holds no copy, and a time ahead of the clock as now", async () => {
    const entry = await node.registry.marketAnswers.receiveTold(told('forno', { toldAt: '2099-01-01T00:00:00.000Z' }));
    expect(entry).toMatchObject({ partyName: 'Name the partner claims', toldAt: clock.toISOString() });
  });

  it('refuses a mark for a record that is not a published record of this node, and for an initiative the sender does not speak for', async () => {
    const refused = [
      told('cucina', { recordIri: 'http://milano.test/market/storage-offer' }),
      told('cucina', { recordIri: 'http://registry.test/market/no-such-record' }),
      told('cucina', { initiativeIri: 'http://elsewhere.test/initiatives/cucina' }),
      told('cucina', { initiativeIri: 'http://registry.test/initiatives/univerbal' }),
      told('cucina', { fromNode: 'http://elsewhere.test/nodes/x', initiativeIri: 'http://milano.test/initiatives/cucina' }),
    ];
    for (const input of refused) await expect(node.registry.marketAnswers.receiveTold(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A copy this node received from another node than the sender: the sender does not speak for it.
    await copyOf('http://milano.test/initiatives/borrowed', 'Borrowed', 'http://milano.test/nodes/other');
    await expect(node.registry.marketAnswers.receiveTold(told('borrowed'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(node.registry.marketAnswers.receiveTold(told('cucina', { toldAt: 'yesterday' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const names = (await lender.gql(FOLLOW, { r: OFFER })).data.marketFollowUp.entries.map((e: { name: string }) => e.name);
    expect(names).not.toContain('Borrowed');
    expect(names.filter((n: string) => n === 'Cucina (copie tenue ici)')).toHaveLength(1);
  });

  it('keeps the told time when the seen mark came first (deliveries out of order)', async () => {
    await node.registry.marketAnswers.receiveSeen({
      fromNode: MILANO,
      recordIri: OFFER,
      initiativeIri: 'http://milano.test/initiatives/lento',
      seenAt: '2027-01-15T09:00:00.000Z',
    });
    const entry = await node.registry.marketAnswers.receiveTold(told('lento'));
    expect(entry).toMatchObject({
      toldAt: '2027-01-15T08:00:00.000Z',
      seenAt: '2027-01-15T09:00:00.000Z',
      partyName: 'Name the partner claims',
    });
  });

  it("keeps a partner from flooding a record's follow-up: at most 200 of its initiatives per record, by any mark or answer", async () => {
    const FLOOD = 'http://flood.test/nodes/flood';
    const flood = (i: number) => ({ ...told(`x${i}`), fromNode: FLOOD, initiativeIri: `http://flood.test/initiatives/x${i}` });
    for (let i = 0; i < 200; i++) await node.registry.marketAnswers.receiveTold(flood(i));
    await expect(node.registry.marketAnswers.receiveTold(flood(200))).rejects.toMatchObject({ code: 'REQUEST_REFUSED' });
    await expect(
      node.registry.marketAnswers.receiveSeen({
        fromNode: FLOOD,
        recordIri: OFFER,
        initiativeIri: 'http://flood.test/initiatives/y',
        seenAt: clock.toISOString(),
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_REFUSED' });
    await expect(
      node.registry.marketAnswers.receiveRemote({
        activityId: 'http://flood.test/activities/z',
        fromNode: FLOOD,
        recordIri: OFFER,
        initiativeIri: 'http://flood.test/initiatives/z',
        initiativeName: 'AAA',
        verdict: 'interested',
        sentAt: clock.toISOString(),
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_REFUSED' });
    // What it told already still counts, and another partner is not held back.
    expect(await node.registry.marketAnswers.receiveTold(flood(5))).toMatchObject({ partyNode: FLOOD });
    expect(await node.registry.marketAnswers.receiveTold(told('after-the-flood'))).toMatchObject({ partyNode: MILANO });
  });
});
