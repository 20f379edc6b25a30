// Questions between cities on loopback (issue 16 point 3, ADR 0046): Milan's staff ask Liège how
// it runs a one-stop shop, Liège's moderators are told and answer with a practice, and Milan sees
// the answer. Refusals first on the asking side, then what a partner may not say on the wire: a
// question claiming another node, sent by a node that does not follow, addressed elsewhere, or
// replayed; an answer to a question never asked (or asked of another node), replayed, a second
// one, or naming a practice elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../partners/partner-service.ts';
import { eventually } from '../../testing/federated-nodes.ts';
import { freePort } from '../../testing/free-port.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { createAccount, type Session } from '../../testing/graphql-client.ts';
import { queueForInbox, type ActivityDocument } from '../fanout/follower-deliveries.ts';
import { answerActivity, questionActivity } from './city-question-activities.ts';
import type { CityQuestion } from '../../questions/city-question.ts';

let liege: TestNode;
let milan: TestNode;
let sofia: TestNode;
let milanStaff: Session;
let milanEditor: Session;
let liegeStaff: Session;
const ERROR = 'error { code message ... on ValidationFailed { fields { field code } } }';
const ASK = `mutation($i: AskCityInput!) { askCity(input: $i) { question { id direction } ${ERROR} } }`;
const ANSWER = `mutation($i: AnswerCityQuestionInput!) { answerCityQuestion(input: $i) { question { id answer { practiceId note } } ${ERROR} } }`;
const LIST = `query($d: CityQuestionDirection!) { cityQuestions(direction: $d) { id askingNodeId askedNodeId practiceType { code }
  text(lang: "it") { text language } answer { practiceId practiceTitle(lang: "fr") { text } note answeredAt } } }`;
const NOTICES = '{ myNotifications { kind path } }';

async function start(name: string): Promise<TestNode> {
  const port = await freePort();
  return startTestNode({ port, nodeHandle: name, publicUrl: new URL(`http://127.0.0.1:${port}`) });
}
const actorOf = (node: TestNode) => `${node.url}/nodes/${node.registry.config.nodeHandle}`;

async function follow(follower: TestNode, followed: TestNode) {
  await follower.federation.partners.follow(OPERATOR, actorOf(followed));
  const asked = await eventually(async () =>
    (await followed.federation.partners.list(OPERATOR)).find((p) => p.actor === actorOf(follower) && p.followedBy === 'pending'),
  );
  await followed.federation.partners.decide(OPERATOR, asked.actor, true);
  await eventually(async () =>
    (await follower.federation.partners.list(OPERATOR)).find((p) => p.actor === actorOf(followed) && p.following === 'accepted'),
  );
  await follower.federation.settled();
}
const queueEmpty = async (node: TestNode) => (await node.federation.queue.getDepth()).queued === 0;
const received = (node: TestNode) => node.registry.cityQuestions.list(OPERATOR, 'received');
/** Sends `activity` from `from`'s node actor (signed by it) to `to`'s node inbox. */
async function deliver(from: TestNode, to: TestNode, activity: ActivityDocument) {
  const ctx = from.federation.federation.createContext(from.registry.config.publicUrl, from.federation.data);
  await queueForInbox(ctx, from.federation.queue, '_node', activity, { actor: actorOf(to), inbox: `${to.url}/ap/inbox` });
}
const question = (from: TestNode, to: TestNode, id: string, extra: Partial<CityQuestion> = {}): CityQuestion => ({
  _id: `${from.url}/ap/city-questions/${id}`,
  direction: 'sent',
  askingNode: actorOf(from),
  askedNode: actorOf(to),
  practiceType: 'PT7',
  text: { fr: `Question ${id}` },
  askedAt: '2026-12-07T10:00:00.000Z',
  ...extra,
});

beforeAll(async () => {
  [liege, milan, sofia] = await Promise.all([start('liege'), start('milan'), start('sofia')]);
  await follow(milan, liege);
  await follow(liege, milan);
  await follow(milan, sofia);
  milanStaff = await createAccount(milan, 'staff@comune-milano.test', 'moderator');
  milanEditor = await createAccount(milan, 'editor@cucina.test', 'editor');
  liegeStaff = await createAccount(liege, 'moderator@liege.test', 'moderator');
}, 60_000);
afterAll(async () => {
  await sofia?.close();
  await milan?.close();
  await liege?.close();
});

describe('asking (refusals first)', () => {
  it('refuses an editor, a made-up practice type, a city this node does not follow, this node itself, and a text that reaches a person', async () => {
    const ask = (session: Session, input: Record<string, unknown>) =>
      session.gql(ASK, { i: { node: actorOf(liege), practiceType: 'PT4', text: [{ language: 'it', text: 'Come fate?' }], ...input } });
    expect((await ask(milanEditor, {})).data.askCity.error.code).toBe('NOT_AUTHORIZED');
    const fields = async (input: Record<string, unknown>) =>
      (await ask(milanStaff, input)).data.askCity.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    expect(await fields({ practiceType: 'PT99' })).toEqual(['practiceType:UNKNOWN_CODE']);
    expect(await fields({ node: `${liege.url}/nodes/someone-else` })).toEqual(['node:NOT_A_PARTNER']);
    expect(await fields({ node: 'http://127.0.0.1:9/nodes/elsewhere' })).toEqual(['node:NOT_A_PARTNER']);
    expect(await fields({ node: actorOf(milan) })).toEqual(['node:NOT_A_PARTNER']);
    expect(await fields({ text: [{ language: 'it', text: 'Scrivete a mario.rossi@example.org' }] })).toEqual(['text.it:PERSONAL_CONTACT']);
    expect(await fields({ text: [{ language: 'it', text: 'Chiamate il +39 333 123 4567' }] })).toEqual(['text.it:PERSONAL_CONTACT']);
    expect(await fields({ text: [{ language: 'it', text: 'x'.repeat(1_001) }] })).toEqual(['text.it:TOO_LONG']);
    expect(await fields({ text: [{ language: 'xx-notalanguage-123456789', text: 'Come?' }] })).toEqual([
      'text.xx-notalanguage-123456789:INVALID_LANGUAGE',
    ]);
    expect(await fields({ text: [] })).toEqual(['text:REQUIRED']);
    expect(await milan.registry.cityQuestions.list(OPERATOR, 'sent')).toEqual([]);
  });
});

describe('a question and its answer, across two nodes', () => {
  it('reaches Liège’s staff, is answered with a practice, and Milan sees the answer', async () => {
    const asked = await milanStaff.gql(ASK, {
      i: {
        node: actorOf(liege),
        practiceType: 'PT4',
        text: [
          { language: 'it', text: 'Come organizzate lo sportello unico per i nuovi arrivati?' },
          { language: 'fr', text: 'Comment organisez-vous le guichet unique pour les nouveaux arrivants ?' },
        ],
      },
    });
    expect(asked.data.askCity.error).toBeNull();
    const id = asked.data.askCity.question.id;
    expect(id).toMatch(new RegExp(`^${milan.url}/ap/city-questions/`));
    // One open question per partner and type.
    const again = await milanStaff.gql(ASK, {
      i: { node: actorOf(liege), practiceType: 'PT4', text: [{ language: 'it', text: 'Di nuovo?' }] },
    });
    expect(again.data.askCity.error.code).toBe('ALREADY_EXISTS');

    await eventually(async () => (await received(liege)).some((q) => q._id === id));
    const onLiege = (await liegeStaff.gql(LIST, { d: 'RECEIVED' })).data.cityQuestions;
    expect(onLiege).toEqual([
      {
        id,
        askingNodeId: actorOf(milan),
        askedNodeId: actorOf(liege),
        practiceType: { code: 'PT4' },
        text: { text: 'Come organizzate lo sportello unico per i nuovi arrivati?', language: 'it' },
        answer: null,
      },
    ]);
    expect((await liegeStaff.gql(NOTICES)).data.myNotifications).toContainEqual({
      kind: 'CITY_QUESTION_RECEIVED',
      path: '/account/city-questions',
    });
    // Nothing of it is public, nor for Milan's editor.
    expect((await liege.query(`{ cityQuestions(direction: RECEIVED) { id } }`)).body.errors?.[0]?.extensions?.code).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect((await milanEditor.gql(`{ cityQuestions(direction: SENT) { id } }`)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');

    // Refused on Liège: a practice that is not Liège's own, a note reaching a person, nothing at all.
    const answerFields = async (input: Record<string, unknown>) =>
      (await liegeStaff.gql(ANSWER, { i: { id, ...input } })).data.answerCityQuestion.error.fields.map(
        (f: { field: string; code: string }) => `${f.field}:${f.code}`,
      );
    expect(await answerFields({ practice: `${milan.url}/practices/liege-pt4-one-stop-shop` })).toEqual(['practice:UNKNOWN_REFERENCE']);
    expect(await answerFields({ practice: 'liege-pt7-draft-fablab' })).toEqual(['practice:UNKNOWN_REFERENCE']);
    expect(await answerFields({ note: 'Appelez Mme Dupont au 04 221 22 33 44' })).toEqual(['note:PERSONAL_CONTACT']);
    expect(await answerFields({})).toEqual(['note:REQUIRED']);

    const answered = await liegeStaff.gql(ANSWER, {
      i: { id, practice: 'liege-pt4-one-stop-shop', note: 'Le guichet est porté par le CPAS et la Ville ; voyez notre fiche.' },
    });
    expect(answered.data.answerCityQuestion.error).toBeNull();
    expect(answered.data.answerCityQuestion.question.answer.practiceId).toBe(`${liege.url}/practices/liege-pt4-one-stop-shop`);
    const twice = await liegeStaff.gql(ANSWER, { i: { id, note: 'Encore.' } });
    expect(twice.data.answerCityQuestion.error.code).toBe('INVALID_STATE');

    const onMilan = await eventually(async () => {
      const list = (await milanStaff.gql(LIST, { d: 'SENT' })).data.cityQuestions;
      return list[0]?.answer ? list : null;
    });
    expect(onMilan[0]).toMatchObject({
      id,
      askedNodeId: actorOf(liege),
      answer: {
        practiceId: `${liege.url}/practices/liege-pt4-one-stop-shop`,
        practiceTitle: { text: expect.any(String) },
        note: 'Le guichet est porté par le CPAS et la Ville ; voyez notre fiche.',
      },
    });
    expect((await milanStaff.gql(NOTICES)).data.myNotifications).toContainEqual({
      kind: 'CITY_QUESTION_ANSWERED',
      path: '/account/city-questions',
    });
  });
});

describe('what a partner may not say', () => {
  it('refuses a question claiming another node, from a node that does not follow, addressed elsewhere, or elsewhere minted; takes a replay once', async () => {
    const good = question(milan, liege, 'q-good');
    const forged: Array<[TestNode, ActivityDocument]> = [
      // Milan says Sofia asks.
      [
        milan,
        {
          ...questionActivity(question(milan, liege, 'q-claims-sofia')),
          object: { ...(questionActivity(question(milan, liege, 'q-claims-sofia')).object as object), attributedTo: actorOf(sofia) },
        },
      ],
      // Sofia does not follow Liège: Liège never agreed to hear from it.
      [sofia, questionActivity(question(sofia, liege, 'q-not-following'))],
      // Addressed to Sofia, delivered to Liège.
      [milan, questionActivity(question(milan, sofia, 'q-for-sofia'))],
      // A Note minted on Sofia's origin, sent by Milan.
      [
        milan,
        {
          ...questionActivity(question(milan, liege, 'q-elsewhere')),
          object: {
            ...(questionActivity(question(milan, liege, 'q-elsewhere')).object as object),
            id: `${sofia.url}/ap/city-questions/q-elsewhere`,
          },
        },
      ],
      // A practice type of its own, and a text reaching a person.
      [milan, questionActivity(question(milan, liege, 'q-type', { practiceType: 'PT42' }))],
      [milan, questionActivity(question(milan, liege, 'q-mail', { text: { it: 'Scrivete a mario@example.org' } }))],
    ];
    for (const [from, activity] of forged) await deliver(from, liege, activity);
    // The good one twice, and again under another activity id (a replay of the same question).
    await deliver(milan, liege, questionActivity(good));
    await deliver(milan, liege, questionActivity(good));
    await deliver(milan, liege, { ...questionActivity({ ...good, text: { fr: 'Texte changé' } }), id: `${good._id}/create-again` });
    await eventually(async () => (await received(liege)).some((q) => q._id === good._id));
    await eventually(() => queueEmpty(milan));
    await eventually(() => queueEmpty(sofia));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ids = (await received(liege)).map((q) => q._id.split('/').at(-1));
    for (const refused of ['q-claims-sofia', 'q-not-following', 'q-for-sofia', 'q-elsewhere', 'q-type', 'q-mail'])
      expect(ids).not.toContain(refused);
    expect(ids.filter((i) => i === 'q-good')).toHaveLength(1);
    expect((await liege.registry.cityQuestions.findById(good._id))!.text).toEqual({ fr: 'Question q-good' });
    const notices = (await liegeStaff.gql(NOTICES)).data.myNotifications.filter(
      (n: { kind: string }) => n.kind === 'CITY_QUESTION_RECEIVED',
    );
    // One for the first test's question, one for q-good.
    expect(notices).toHaveLength(2);
  });

  it('refuses an answer to a question never asked, asked of another node, a second answer, or naming a practice elsewhere; takes a replay once', async () => {
    // Questions Milan really asked: one of Liège (answered below), one of Sofia.
    const ofLiege = (
      await milan.registry.cityQuestions.ask(OPERATOR, {
        node: actorOf(liege),
        practiceType: 'PT9',
        text: { fr: 'Parcours langue et métier ?' },
      })
    )._id;
    const ofSofia = (
      await milan.registry.cityQuestions.ask(OPERATOR, { node: actorOf(sofia), practiceType: 'PT9', text: { fr: 'Et chez vous ?' } })
    )._id;
    await eventually(async () => (await received(liege)).some((q) => q._id === ofLiege));
    const answerOf = (from: TestNode, questionId: string, id: string, extra: Record<string, unknown> = {}) =>
      answerActivity({
        ...question(milan, from, 'unused'),
        _id: questionId,
        direction: 'received',
        askingNode: actorOf(milan),
        askedNode: actorOf(from),
        answer: { id: `${from.url}/ap/city-answers/${id}`, note: `Réponse ${id}`, answeredAt: '2026-12-07T11:00:00.000Z', ...extra },
      });
    const forged: Array<[TestNode, ActivityDocument]> = [
      // Never asked: an IRI Milan never minted.
      [liege, answerOf(liege, `${milan.url}/ap/city-questions/never-asked`, 'a-never')],
      // Asked of Sofia, answered by Liège.
      [liege, answerOf(liege, ofSofia, 'a-not-asked-of-liege')],
      // A practice on Sofia's origin, sent by Liège.
      [liege, answerOf(liege, ofLiege, 'a-practice-elsewhere', { practice: `${sofia.url}/practices/x`, practiceTitle: { fr: 'X' } })],
      // Replying to something that is not a question of Milan's.
      [liege, answerOf(liege, `${liege.url}/ap/city-questions/its-own`, 'a-own')],
    ];
    for (const [from, activity] of forged) await deliver(from, milan, activity);
    const good = answerOf(liege, ofLiege, 'a-good');
    await deliver(liege, milan, good);
    await deliver(liege, milan, good);
    await deliver(liege, milan, answerOf(liege, ofLiege, 'a-second'));
    await eventually(async () => (await milan.registry.cityQuestions.findById(ofLiege))?.answer);
    await eventually(() => queueEmpty(liege));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await milan.registry.cityQuestions.findById(ofLiege))!.answer).toMatchObject({
      id: `${liege.url}/ap/city-answers/a-good`,
      note: 'Réponse a-good',
    });
    expect((await milan.registry.cityQuestions.findById(ofSofia))!.answer).toBeUndefined();
    expect(await milan.registry.cityQuestions.findById(`${milan.url}/ap/city-questions/never-asked`)).toBeNull();
    const notices = (await milanStaff.gql(NOTICES)).data.myNotifications.filter(
      (n: { kind: string }) => n.kind === 'CITY_QUESTION_ANSWERED',
    );
    // One for the first test's answer, one for a-good.
    expect(notices).toHaveLength(2);
  });
});
