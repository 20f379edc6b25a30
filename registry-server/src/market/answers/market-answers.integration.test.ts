// Answers to market records over real HTTP on a node with a test clock (ADR 0037): matching's
// `market.matched` tells the editors of each matched local initiative once; an editor opens the
// record (seen) and answers; the buyer follows who was told, who saw and who answered, and
// shortlists answers; partners' answers arrive through receiveRemote. The refusals first.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../events/domain-events.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../../testing/graphql-client.ts';
import type { MarketMatchedEvent, MatchReason } from './market-answer-events.ts';
import type { RemoteAnswer } from './remote-market-answers.ts';

let node: TestNode;
let buyer: Session;
let otherModerator: Session;
let univerbalEditor: Session;
let atemosEditor: Session;
let clock = new Date('2027-01-15T10:00:00.000Z');
const sentEvents: DomainEvent[] = [];

const RECORD = 'http://registry.test/market/interpreting-sourcing';
const UNIVERBAL = 'http://registry.test/initiatives/univerbal';
const ATEMOS = 'http://registry.test/initiatives/atemos';
const PARTNER = 'http://milano.test/nodes/milano';
const PARTNER_INITIATIVE = 'http://milano.test/initiatives/interpreti';

const ERROR = 'error { code message ... on ValidationFailed { fields { field code } } }';
const SENT_FIELDS =
  'id recordId initiative initiativeName toldAt seenAt open reasons { code params } answer { verdict message answeredAt } answers { verdict message } record { slug title { text } }';
const SENT = `query($r: ID!, $i: ID!) { marketRecordSent(record: $r, initiative: $i) { ${SENT_FIELDS} } }`;
const SEEN = `mutation($r: ID!, $i: ID!) { markMarketRecordSeen(record: $r, initiative: $i) { sent { seenAt } ${ERROR} } }`;
const ANSWER = `mutation($r: ID!, $i: ID!, $a: MarketAnswerInput!) { answerMarketRecord(record: $r, initiative: $i, input: $a) { sent { ${SENT_FIELDS} } ${ERROR} } }`;
const FOLLOW = `query($r: ID!) { marketFollowUp(record: $r) { recordId slug title told seen answered shortlisted open
  entries { id party partyId name local node toldAt seenAt shortlisted answer { verdict message } answers { verdict } } } }`;
const SHORTLIST = `mutation($e: ID!, $s: Boolean!) { setMarketAnswerShortlisted(entry: $e, shortlisted: $s) { entry { id shortlisted } ${ERROR} } }`;
const NOTICES = '{ myNotifications { kind initiative path data } }';

const REASONS: MatchReason[] = [
  { code: 'same-sector', params: { sector: 'AM40' } },
  { code: 'distance-km', params: { km: 4 } },
];
const matched = (
  record: { iri: string; handle: string; local?: boolean },
  initiatives: Array<{ iri: string; local: boolean }>,
): MarketMatchedEvent => ({
  type: 'market.matched',
  record: { iri: record.iri, handle: record.handle, kind: 'request', local: record.local ?? true },
  matches: initiatives.map((i, n) => ({
    recordIri: record.iri,
    counterpart: { kind: 'initiative', iri: i.iri, local: i.local },
    score: 1 - n / 10,
    reasons: REASONS,
  })),
});
const marketNotices = async (session: Session) =>
  (await session.gql(NOTICES)).data.myNotifications.filter((n: { kind: string }) => n.kind === 'MARKET_MATCHED');
const remote = (extra: Partial<RemoteAnswer> = {}): RemoteAnswer => ({
  activityId: 'http://milano.test/activities/1',
  fromNode: PARTNER,
  recordIri: RECORD,
  initiativeIri: PARTNER_INITIATIVE,
  initiativeName: 'Interpreti Solidali',
  verdict: 'interested',
  message: 'Siamo interessati: lavoriamo già a Liegi.',
  sentAt: '2027-01-15T09:00:00.000Z',
  ...extra,
});
const refusal = (run: () => Promise<unknown>) =>
  run().then(
    () => 'stored',
    (error: { code?: string }) => error.code,
  );

async function publishRequest(handle: string, deadline: string): Promise<void> {
  const draft = '... on MarketRecordDraft { version }';
  const created = await buyer.gql(`mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ${draft} } ${ERROR} } }`, {
    i: {
      handle,
      kind: 'REQUEST',
      title: [{ language: 'fr', text: 'Interprétariat en milieu social' }],
      summary: [{ language: 'fr', text: 'Interprètes pour les permanences du CPAS, 20 heures par mois.' }],
      originalLanguage: 'fr',
      owner: { organisation: 'Ville de Liège, service des marchés publics' },
      sectors: ['AM40'],
      area: { country: 'BE', locality: 'Liège' },
      expiresOn: '2027-03-31',
      request: { requestKind: 'SOURCING', intent: 'RESERVED_CONTRACT', deadline },
    },
  });
  expect(created.data.createMarketRecord.error).toBeNull();
  const step = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ${draft} } ${ERROR} } }`;
  const submitted = await buyer.gql(step('submitForReview'), { id: handle, v: created.data.createMarketRecord.record.version });
  const approved = await buyer.gql(step('approve'), { id: handle, v: submitted.data.submitForReview.record.version });
  expect(approved.data.approve.error).toBeNull();
}

beforeAll(async () => {
  node = await startTestNode({}, { now: () => clock });
  node.registry.events.subscribe((event) => {
    if (event.type === 'market.answer.sent' || event.type === 'market.seen') sentEvents.push(event);
  });
  buyer = await createAccount(node, 'achats@liege.test', 'moderator');
  otherModerator = await createAccount(node, 'moderator@liege.test', 'moderator');
  univerbalEditor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
  atemosEditor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
  await publishRequest('interpreting-sourcing', '2027-01-20');
  await publishRequest('draft-only', '2027-02-15');
});
afterAll(() => node?.close());

describe('refusals', () => {
  it('tells nobody of a record that is not public, nor a partner’s initiative (its node does)', async () => {
    const draft = '... on MarketRecordDraft { version }';
    const unpublish = `mutation($id: ID!, $v: Int!) { unpublish(id: $id, version: $v) { record { ${draft} } ${ERROR} } }`;
    const current = (await node.registry.marketRecords.findById('draft-only'))!;
    expect((await buyer.gql(unpublish, { id: 'draft-only', v: current.version })).data.unpublish.error).toBeNull();
    await node.registry.marketAnswers.onMatched(
      matched({ iri: 'http://registry.test/market/draft-only', handle: 'draft-only' }, [{ iri: UNIVERBAL, local: true }]),
    );
    await node.registry.marketAnswers.onMatched(
      matched({ iri: RECORD, handle: 'interpreting-sourcing' }, [{ iri: PARTNER_INITIATIVE, local: false }]),
    );
    expect(await marketNotices(univerbalEditor)).toEqual([]);
    expect((await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.entries).toEqual([]);
  });

  it('refuses to open or answer for an initiative the account does not edit, and the anonymous public', async () => {
    await node.registry.marketAnswers.onMatched(
      matched({ iri: RECORD, handle: 'interpreting-sourcing' }, [
        { iri: UNIVERBAL, local: true },
        { iri: ATEMOS, local: true },
      ]),
    );
    const answer = { verdict: 'INTERESTED', message: 'Nous sommes intéressés.' };
    const byOther = await atemosEditor.gql(ANSWER, { r: RECORD, i: 'univerbal', a: answer });
    expect(byOther.data.answerMarketRecord.error).toMatchObject({ code: 'NOT_AUTHORIZED' });
    expect(byOther.data.answerMarketRecord.error.message).toContain('univerbal');
    // Moderators curate; they do not speak for an initiative either.
    expect((await buyer.gql(ANSWER, { r: RECORD, i: UNIVERBAL, a: answer })).data.answerMarketRecord.error.code).toBe('NOT_AUTHORIZED');
    expect((await anonymous(node).gql(ANSWER, { r: RECORD, i: UNIVERBAL, a: answer })).data.answerMarketRecord.error.code).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect((await atemosEditor.gql(SEEN, { r: RECORD, i: UNIVERBAL })).data.markMarketRecordSeen.error.code).toBe('NOT_AUTHORIZED');
    expect((await atemosEditor.gql(SENT, { r: RECORD, i: UNIVERBAL })).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    // A record that was not sent to the editor's own initiative: nothing to answer.
    const notSent = await atemosEditor.gql(ANSWER, { r: 'http://registry.test/market/draft-only', i: 'atemos', a: answer });
    expect(notSent.data.answerMarketRecord.error.code).toBe('NOT_FOUND');
    const follow = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp;
    expect(follow).toMatchObject({ told: 2, seen: 0, answered: 0 });
  });

  it('refuses an empty question, a message too long or with control characters, at the message field', async () => {
    for (const a of [
      { verdict: 'QUESTION', message: '  ' },
      { verdict: 'INTERESTED', message: 'x'.repeat(2001) },
      { verdict: 'INTERESTED', message: 'Nous sommes \u202eintéressés' },
    ]) {
      const refused = await univerbalEditor.gql(ANSWER, { r: RECORD, i: 'univerbal', a });
      expect(refused.data.answerMarketRecord.error.fields, JSON.stringify(a).slice(0, 40)).toEqual([
        expect.objectContaining({ field: 'message' }),
      ]);
    }
    expect((await univerbalEditor.gql(SENT, { r: RECORD, i: 'univerbal' })).data.marketRecordSent.answers).toEqual([]);
  });

  it('refuses a follow-up and a shortlist to an editor who did not post the record', async () => {
    expect((await atemosEditor.gql(FOLLOW, { r: RECORD })).data.marketFollowUp).toBeNull();
    expect((await anonymous(node).gql(FOLLOW, { r: RECORD })).data.marketFollowUp).toBeNull();
    const entries = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.entries;
    const byEditor = await univerbalEditor.gql(SHORTLIST, { e: entries[0].id, s: true });
    expect(byEditor.data.setMarketAnswerShortlisted.error.code).toBe('NOT_FOUND');
    // Only answers go on the shortlist.
    expect((await buyer.gql(SHORTLIST, { e: entries[0].id, s: true })).data.setMarketAnswerShortlisted.error.code).toBe('INVALID_STATE');
  });

  it('refuses a partner’s answer for an initiative it does not speak for, to a record not of this node, or replayed', async () => {
    const registry = node.registry.marketAnswers;
    expect(await refusal(() => registry.receiveRemote(remote({ initiativeIri: 'http://elsewhere.test/initiatives/x' })))).toBe('NOT_FOUND');
    expect(await refusal(() => registry.receiveRemote(remote({ initiativeIri: UNIVERBAL })))).toBe('NOT_FOUND');
    expect(await refusal(() => registry.receiveRemote(remote({ recordIri: 'http://milano.test/market/x' })))).toBe('NOT_FOUND');
    expect(await refusal(() => registry.receiveRemote(remote({ recordIri: 'http://registry.test/market/draft-only' })))).toBe('NOT_FOUND');
    expect(await refusal(() => registry.receiveRemote(remote({ verdict: 'maybe' })))).toBe('VALIDATION_FAILED');
    expect(await refusal(() => registry.receiveRemote(remote({ initiativeName: 'Interpreti\n=cmd' })))).toBe('VALIDATION_FAILED');
    expect(await refusal(() => registry.receiveRemote(remote({ sentAt: 'yesterday' })))).toBe('VALIDATION_FAILED');
    // Ids are bounded like every id the API takes: nothing longer is an activity, a record or an initiative.
    expect(await refusal(() => registry.receiveRemote(remote({ activityId: `http://milano.test/a/${'x'.repeat(2000)}` })))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      await refusal(() => registry.receiveRemote(remote({ initiativeIri: `http://milano.test/initiatives/${'x'.repeat(2000)}` }))),
    ).toBe('VALIDATION_FAILED');
    expect((await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.entries).toHaveLength(2);

    expect(await refusal(() => registry.receiveRemote(remote()))).toBe('stored');
    const replayed = await refusal(() => registry.receiveRemote(remote({ verdict: 'not-for-us', message: null })));
    expect(replayed).toBe('ALREADY_RECEIVED');
    const partner = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.entries.find(
      (e: { partyId: string }) => e.partyId === PARTNER_INITIATIVE,
    );
    expect(partner).toMatchObject({
      name: 'Interpreti Solidali',
      local: false,
      node: PARTNER,
      toldAt: null,
      answer: { verdict: 'INTERESTED' },
    });
    expect(partner.answers).toHaveLength(1);
  });
});

describe('told, seen, answered, shortlisted', () => {
  it('tells each matched initiative’s editors once, however often the record is matched again', async () => {
    node.registry.events.emit(matched({ iri: RECORD, handle: 'interpreting-sourcing' }, [{ iri: UNIVERBAL, local: true }]));
    await node.registry.marketAnswers.onMatched(
      matched({ iri: RECORD, handle: 'interpreting-sourcing' }, [{ iri: UNIVERBAL, local: true }]),
    );
    await vi.waitFor(async () => expect(await marketNotices(univerbalEditor)).toHaveLength(1));
    const [notice] = await marketNotices(univerbalEditor);
    expect(notice).toMatchObject({ initiative: 'univerbal', path: '/market/interpreting-sourcing/answer?initiative=univerbal' });
    expect(notice.data).toMatchObject({ record: RECORD, title: 'Interprétariat en milieu social' });
    expect(JSON.stringify(notice)).not.toContain('achats@liege.test');
    expect(await marketNotices(atemosEditor)).toHaveLength(1);
    expect(await marketNotices(buyer)).toEqual([]);
  });

  it('lets the editor open the record (seen once) and answer, answering again replacing the answer', async () => {
    const before = (await univerbalEditor.gql(SENT, { r: 'interpreting-sourcing', i: 'univerbal' })).data.marketRecordSent;
    expect(before).toMatchObject({
      recordId: RECORD,
      initiative: 'univerbal',
      seenAt: null,
      answer: null,
      open: true,
      record: { slug: 'interpreting-sourcing' },
    });
    expect(before.reasons).toEqual([
      { code: 'same-sector', params: { sector: 'AM40' } },
      { code: 'distance-km', params: { km: 4 } },
    ]);
    const seen = await univerbalEditor.gql(SEEN, { r: RECORD, i: 'univerbal' });
    expect(seen.data.markMarketRecordSeen.sent.seenAt).toBe(clock.toISOString());
    clock = new Date('2027-01-15T11:00:00.000Z');
    await univerbalEditor.gql(SEEN, { r: RECORD, i: 'univerbal' });
    expect((await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp).toMatchObject({ told: 2, seen: 2, answered: 1 });

    const question = await univerbalEditor.gql(ANSWER, {
      r: RECORD,
      i: 'univerbal',
      a: { verdict: 'QUESTION', message: 'Les permanences ont-elles lieu le soir ?' },
    });
    expect(question.data.answerMarketRecord.error).toBeNull();
    clock = new Date('2027-01-15T12:00:00.000Z');
    const interested = await univerbalEditor.gql(ANSWER, {
      r: RECORD,
      i: 'univerbal',
      a: { verdict: 'INTERESTED', message: 'Oui, nous pouvons.' },
    });
    const sent = interested.data.answerMarketRecord.sent;
    expect(sent.answer).toMatchObject({ verdict: 'INTERESTED', message: 'Oui, nous pouvons.', answeredAt: clock.toISOString() });
    expect(sent.answers.map((a: { verdict: string }) => a.verdict)).toEqual(['INTERESTED', 'QUESTION']);
    expect(sent.seenAt).toBe('2027-01-15T10:00:00.000Z');
    expect(sentEvents).toEqual([]);
  });

  it('shows the buyer and the node’s staff who was told, who saw and who answered, and keeps the shortlist', async () => {
    const follow = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp;
    expect(follow).toMatchObject({
      recordId: RECORD,
      slug: 'interpreting-sourcing',
      told: 2,
      seen: 2,
      answered: 2,
      shortlisted: 0,
      open: true,
    });
    const univerbal = follow.entries.find((e: { partyId: string }) => e.partyId === UNIVERBAL);
    expect(univerbal).toMatchObject({ party: 'INITIATIVE', local: true, answer: { verdict: 'INTERESTED' } });
    expect(univerbal.answers).toHaveLength(2);
    const atemos = follow.entries.find((e: { partyId: string }) => e.partyId === ATEMOS);
    expect(atemos).toMatchObject({ seenAt: null, answer: null });
    expect(JSON.stringify(follow)).not.toMatch(/@univerbal\.test|@atemos\.test/);
    const on = await buyer.gql(SHORTLIST, { e: univerbal.id, s: true });
    expect(on.data.setMarketAnswerShortlisted.entry).toEqual({ id: univerbal.id, shortlisted: true });
    expect((await otherModerator.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.shortlisted).toBe(1);
    await otherModerator.gql(SHORTLIST, { e: univerbal.id, s: false });
    expect((await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.shortlisted).toBe(0);
    await buyer.gql(SHORTLIST, { e: univerbal.id, s: true });
  });

  it('keeps a partner’s later answer and ignores an older one that arrives after it, as history', async () => {
    const registry = node.registry.marketAnswers;
    await registry.receiveRemote(
      remote({
        activityId: 'http://milano.test/activities/3',
        verdict: 'question',
        message: 'Quante ore al mese ?',
        sentAt: '2027-01-15T11:30:00.000Z',
      }),
    );
    await registry.receiveRemote(
      remote({ activityId: 'http://milano.test/activities/2', verdict: 'not-for-us', message: null, sentAt: '2027-01-15T11:00:00.000Z' }),
    );
    const partner = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.entries.find(
      (e: { partyId: string }) => e.partyId === PARTNER_INITIATIVE,
    );
    expect(partner.answer.verdict).toBe('QUESTION');
    expect(partner.answers).toHaveLength(3);
  });

  it('closes answers at the deadline, here and from partners', async () => {
    clock = new Date('2027-01-21T00:00:00.000Z');
    const late = await univerbalEditor.gql(ANSWER, { r: RECORD, i: 'univerbal', a: { verdict: 'NOT_FOR_US' } });
    expect(late.data.answerMarketRecord.error.code).toBe('INVALID_STATE');
    expect(await refusal(() => node.registry.marketAnswers.receiveRemote(remote({ activityId: 'http://milano.test/activities/9' })))).toBe(
      'INVALID_STATE',
    );
    const follow = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp;
    expect(follow).toMatchObject({ open: false, answered: 2, shortlisted: 1 });
    clock = new Date('2027-01-15T12:00:00.000Z');
  });
});

describe('sent by hand', () => {
  const SEND = `mutation($r: ID!, $i: ID!) { sendMarketRecord(record: $r, initiative: $i) { entry { id name toldAt reasons { code } } ${ERROR} } }`;

  it('is for moderators and admins, of a public record of this node to one of its published initiatives', async () => {
    const byEditor = await univerbalEditor.gql(SEND, { r: RECORD, i: 'univerbal' });
    expect(byEditor.data.sendMarketRecord.error.code).toBe('NOT_AUTHORIZED');
    expect((await anonymous(node).gql(SEND, { r: RECORD, i: 'univerbal' })).data.sendMarketRecord.error.code).toBe('SIGN_IN_REQUIRED');
    expect((await buyer.gql(SEND, { r: 'draft-only', i: 'univerbal' })).data.sendMarketRecord.error.code).toBe('NOT_FOUND');
    expect((await buyer.gql(SEND, { r: RECORD, i: PARTNER_INITIATIVE })).data.sendMarketRecord.error.code).toBe('NOT_FOUND');
    expect((await buyer.gql(SEND, { r: RECORD, i: 'no-such-initiative' })).data.sendMarketRecord.error.code).toBe('NOT_FOUND');
  });

  it('tells the initiative’s editors once, however often it is sent', async () => {
    const before = (await marketNotices(univerbalEditor)).length;
    const sent = await buyer.gql(SEND, { r: RECORD, i: 'univerbal' });
    expect(sent.data.sendMarketRecord.error).toBeNull();
    expect(await marketNotices(univerbalEditor)).toHaveLength(before);
    const fresh = await buyer.gql(SEND, { r: RECORD, i: 'siriuscoop' });
    expect(fresh.data.sendMarketRecord.entry).toMatchObject({ reasons: [{ code: 'sent-by-moderator' }], toldAt: clock.toISOString() });
    await buyer.gql(SEND, { r: RECORD, i: 'siriuscoop' });
    const told = (await buyer.gql(FOLLOW, { r: RECORD })).data.marketFollowUp.entries.filter(
      (e: { id: string }) => e.id === fresh.data.sendMarketRecord.entry.id,
    );
    expect(told).toHaveLength(1);
  });
});

describe("a partner's record", () => {
  it('tells the local editors, and sends their answer and seen mark to the record’s origin', async () => {
    const iri = 'http://milano.test/market/catering';
    await node.registry.marketRecords.upsertReceived(
      iri,
      {
        handle: 'catering',
        kind: 'request',
        title: { it: 'Catering per il consiglio comunale' },
        summary: { it: 'Pasti per 40 persone una volta al mese.' },
        originalLanguage: 'it',
        owner: { organisation: 'Comune di Milano' },
        area: { country: 'IT', locality: 'Milano' },
        expiresOn: '2027-03-31',
        request: { requestKind: 'quote', intent: 'social-clause' },
        node: 'milano',
      },
      { kind: 'remote', node: PARTNER, objectId: iri, url: iri, receivedAt: clock.toISOString(), remoteUpdatedAt: clock.toISOString() },
    );
    await node.registry.marketAnswers.onMatched(matched({ iri, handle: 'catering', local: false }, [{ iri: ATEMOS, local: true }]));
    const notice = (await marketNotices(atemosEditor)).find((n: { data: { record: string } }) => n.data.record === iri);
    expect(notice.path).toBe(`/market/catering/answer?initiative=atemos&record=${encodeURIComponent(iri)}`);
    await atemosEditor.gql(SEEN, { r: iri, i: 'atemos' });
    const answered = await atemosEditor.gql(ANSWER, { r: iri, i: 'atemos', a: { verdict: 'INTERESTED', message: 'Possiamo farlo.' } });
    expect(answered.data.answerMarketRecord.error).toBeNull();
    expect(sentEvents).toEqual([
      { type: 'market.seen', recordIri: iri, recordOrigin: PARTNER, initiativeIri: ATEMOS, seenAt: clock.toISOString() },
      {
        type: 'market.answer.sent',
        answer: {
          id: expect.any(String),
          recordIri: iri,
          recordOrigin: PARTNER,
          initiativeIri: ATEMOS,
          initiativeName: expect.any(String),
          verdict: 'interested',
          message: 'Possiamo farlo.',
          sentAt: clock.toISOString(),
        },
      },
    ]);
    // Its follow-up is on its own node.
    expect((await buyer.gql(FOLLOW, { r: iri })).data.marketFollowUp).toBeNull();
  });
});
