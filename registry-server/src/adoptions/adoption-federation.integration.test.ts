// Two city nodes on loopback (issue 16 point 1): Milan's staff start adopting a practice of Liège
// from their copy of it, record what they changed and a first outcome, and a moderator approves;
// Liège's node stores the record, shows it on the practice and tells its moderators; an update and
// a deletion travel the same way. Also: who may write adoption records, and what the schema refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFederatedNode } from '../testing/federated-nodes.ts';
import { OPERATOR as operator } from '../federation/partners/partner-service.ts';
import type { TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let liege: TestNode;
let milan: TestNode;
let milanModerator: Session;
let milanEditor: Session;
let liegeModeratorId: string;
let practice: string;

const ERROR = 'error { code message ... on ValidationFailed { fields { field code message } } }';
const DRAFT = '... on AdoptionRecordDraft { id slug version state record }';
const START = `mutation($p: ID!) { startAdoptingPractice(practice: $p) { record { ${DRAFT} } ${ERROR} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $c: AdoptionRecordInput!) { updateAdoptionRecord(id: $id, version: $v, changes: $c) { record { ${DRAFT} } ${ERROR} } }`;
const step = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ${DRAFT} } ${ERROR} } }`;
const ON_PRACTICE = `query($id: ID!) { goodPractice(id: $id) { adoptions(lang: "it") { id stage node { slug } kept { text }
  changes { change { text } why { text } } outcomes { value unit date description { text } } origin { isLocal } } } }`;

beforeAll(async () => {
  [liege, milan] = await Promise.all([startFederatedNode('liege'), startFederatedNode('milan')]);
  // Partners both ways: Milan copies Liège's practices, Liège hears of Milan's adoption records.
  await milan.federation.partners.follow(operator, `${liege.url}/nodes/liege`);
  await liege.federation.partners.follow(operator, `${milan.url}/nodes/milan`);
  await eventually(async () => (await liege.federation.partners.list(operator)).find((p) => p.followedBy === 'pending'));
  await eventually(async () => (await milan.federation.partners.list(operator)).find((p) => p.followedBy === 'pending'));
  await liege.federation.partners.decide(operator, `${milan.url}/nodes/milan`, true);
  await milan.federation.partners.decide(operator, `${liege.url}/nodes/liege`, true);
  practice = `${liege.url}/practices/liege-pt4-one-stop-shop`;
  await eventually(async () => milan.registry.practices.findById(practice));
  await eventually(async () => (await liege.federation.partners.list(operator)).find((p) => p.following === 'accepted'));
  milanModerator = await createAccount(milan, 'moderator@milan.test', 'moderator');
  milanEditor = await createAccount(milan, 'editor@milan.test', 'editor');
  const liegeModerator = await liege.registry.accountService.createAccount({
    email: 'moderator@liege.test',
    password: 'a long test password 1',
    role: 'moderator',
    initiatives: [],
    createdBy: null,
  });
  liegeModeratorId = liegeModerator._id;
}, 60_000);
afterAll(async () => {
  await milan?.close();
  await liege?.close();
});

describe('who may start adopting a practice', () => {
  it('asks the public to sign in, refuses an editor, and refuses a practice this node does not know', async () => {
    expect((await anonymous(milan).gql(START, { p: practice })).data.startAdoptingPractice.error.code).toBe('SIGN_IN_REQUIRED');
    expect((await milanEditor.gql(START, { p: practice })).data.startAdoptingPractice.error.code).toBe('NOT_AUTHORIZED');
    const unknown = await milanModerator.gql(START, { p: `${liege.url}/practices/no-such-practice` });
    expect(unknown.data.startAdoptingPractice.error.code).toBe('NOT_FOUND');
    const create = await milanModerator.gql(
      `mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { record { ${DRAFT} } ${ERROR} } }`,
      {
        i: {
          handle: 'elsewhere',
          practice: 'https://third.example/practices/x',
          stage: 'ADOPTING',
          title: [{ language: 'it', text: 'x' }],
          originalLanguage: 'it',
        },
      },
    );
    expect(create.data.createAdoptionRecord.error.fields).toEqual([
      expect.objectContaining({ field: 'practice', code: 'UNKNOWN_REFERENCE' }),
    ]);
    expect(await milan.registry.adoptionRecords.countPublished({})).toBe(0);
  });
});

describe('Milan adopts a practice of Liège', () => {
  let id: string;
  let version: number;

  it('starts a draft from the practice, once', async () => {
    const started = (await milanModerator.gql(START, { p: practice })).data.startAdoptingPractice;
    expect(started.error).toBeNull();
    expect(started.record).toMatchObject({ slug: 'adopting-liege-pt4-one-stop-shop', state: 'DRAFT' });
    expect(started.record.record).toMatchObject({ practice, stage: 'adopting', node: 'milan' });
    ({ id, version } = started.record);
    // Asking again answers the same record rather than a second one.
    const again = (await milanModerator.gql(START, { p: practice })).data.startAdoptingPractice;
    expect(again.record.id).toBe(id);
    // A draft is nobody's business but Milan's staff: Liège has heard nothing.
    expect(await liege.registry.adoptionRecords.countPublished({})).toBe(0);
  });

  it('records what was kept, what changed and a first outcome; refuses a person’s details', async () => {
    const refused = await milanModerator.gql(UPDATE, {
      id,
      v: version,
      c: { organisations: [{ name: 'M' }] },
    });
    expect(refused.data.updateAdoptionRecord.error.fields).toEqual([
      expect.objectContaining({ field: 'organisations.0.name', code: 'TOO_SHORT' }),
    ]);
    const changed = await milanModerator.gql(UPDATE, {
      id,
      v: version,
      c: {
        stage: 'ADAPTING',
        stageDates: { adopting: '2026-03', adapting: '2026-09' },
        title: [{ language: 'it', text: 'Lo sportello unico di Liegi, a Milano' }],
        kept: [{ language: 'it', text: 'Un solo luogo per i bisogni di base.' }],
        changes: [
          { change: [{ language: 'it', text: 'Aperto il sabato' }], why: [{ language: 'it', text: 'Chi lavora non poteva venire.' }] },
        ],
        organisations: [{ name: 'Comune di Milano', role: 'city' }],
        outcomes: [
          {
            value: 120,
            unit: 'persone',
            date: '2026-12',
            description: [{ language: 'it', text: 'Persone accolte nei primi tre mesi' }],
            source: { title: 'Relazione trimestrale', publisher: 'Comune di Milano', kind: 'REPORT' },
          },
        ],
        originalLanguage: 'it',
      },
    });
    expect(changed.data.updateAdoptionRecord.error).toBeNull();
    version = changed.data.updateAdoptionRecord.record.version;
    const submitted = (await milanModerator.gql(step('submitForReview'), { id, v: version })).data.submitForReview;
    expect(submitted.error).toBeNull();
    const approved = (await milanModerator.gql(step('approve'), { id, v: submitted.record.version })).data.approve;
    expect(approved.error).toBeNull();
    expect(approved.record.state).toBe('PUBLISHED');
    version = approved.record.version;
  });

  it('reaches Liège, which shows it on the practice and tells its moderators', async () => {
    await eventually(async () => liege.registry.adoptionRecords.findById(id));
    const page = await liege.query(ON_PRACTICE, { id: practice });
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.goodPractice.adoptions).toEqual([
      {
        id,
        stage: 'ADAPTING',
        node: { slug: 'milan' },
        kept: { text: 'Un solo luogo per i bisogni di base.' },
        changes: [{ change: { text: 'Aperto il sabato' }, why: { text: 'Chi lavora non poteva venire.' } }],
        outcomes: [{ value: 120, unit: 'persone', date: '2026-12', description: { text: 'Persone accolte nei primi tre mesi' } }],
        origin: { isLocal: false },
      },
    ]);
    const notices = await eventually(async () => {
      const list = await liege.registry.notifications.listFor(liegeModeratorId);
      return list.length ? list : null;
    });
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'adoption.received',
        data: expect.objectContaining({ practice: 'liege-pt4-one-stop-shop', city: 'milan', stage: 'adapting' }),
      }),
    ]);
  });

  it('sends an update (a new stage), which Liège stores and tells again', async () => {
    const changed = await milanModerator.gql(UPDATE, {
      id,
      v: version,
      c: { stage: 'REUSED', stageDates: { adopting: '2026-03', adapting: '2026-09', reused: '2027-01' } },
    });
    expect(changed.data.updateAdoptionRecord.error).toBeNull();
    // Staff's own edits of a published record go live at once (editorial-service.ts), and out.
    expect(changed.data.updateAdoptionRecord.record.state).toBe('PUBLISHED');
    version = changed.data.updateAdoptionRecord.record.version;
    await eventually(async () => (await liege.registry.adoptionRecords.findById(id))?.record.stage === 'reused');
    await eventually(async () => (await liege.registry.notifications.listFor(liegeModeratorId)).length === 2);
    expect((await liege.registry.notifications.listFor(liegeModeratorId))[0]!.data).toMatchObject({ stage: 'reused' });
  });

  it('sends a deletion, which removes Liège’s copy', async () => {
    const deleted = (await milanModerator.gql(step('delete'), { id, v: version })).data.delete;
    expect(deleted.error).toBeNull();
    await eventually(async () => (await liege.registry.adoptionRecords.findById(id)) === null);
    const page = await liege.query(ON_PRACTICE, { id: practice });
    expect(page.body.data.goodPractice.adoptions).toEqual([]);
  });
});
