// Adoption records' texts join the translation tracking (ADR 0041, ADR 0046), over real HTTP: a
// translation of an adoption record's summary is proposed and approved like a listing's, a source
// edit reports it out of date, and the translators' queue shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let translator: Session;
const ERROR = 'error { code message ... on ValidationFailed { fields { field code } } }';
const STATUS = 'translationStatus { outdated { code } missing { code } texts { field available { code } outdated { code } } }';
const PUBLIC = `query($l: String!) { adoptionRecord(slug: "milan-welcome", lang: $l) { summary(lang: $l) { text language } ${STATUS} } }`;
const QUEUE = `query($f: String!, $t: String!) { translationQueue(from: $f, to: $t) { items { kind slug field need source { language } current { language } } } }`;
const TRANSLATE = `mutation($i: TranslateTextInput!) { translateText(input: $i) { ${ERROR} } }`;
const codes = (list: Array<{ code: string }>) => list.map((l) => l.code);
const version = async () => (await node.registry.adoptionRecords.findById('milan-welcome'))!.version;
const approve = async () =>
  (await moderator.gql(`mutation($v: Int!) { approve(id: "milan-welcome", version: $v) { ${ERROR} } }`, { v: await version() })).data
    .approve.error;

beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  translator = await createAccount(node, 'interprete@univerbal.test', 'translator');
  const created = await moderator.gql(`mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { ${ERROR} } }`, {
    i: {
      handle: 'milan-welcome',
      practice: node.registry.iris.local('practices', 'liege-pt1-welcoming-city'),
      stage: 'ADAPTING',
      title: [{ language: 'fr', text: 'Reprise de la ville accueillante' }],
      summary: [{ language: 'fr', text: 'La ville reprend le conseil consultatif des migrants.' }],
      results: [{ language: 'fr', text: 'Un premier conseil s’est réuni.' }],
      changes: [
        {
          change: [{ language: 'fr', text: 'Le conseil se réunit deux fois par an.' }],
          why: [{ language: 'fr', text: 'Moins de moyens.' }],
        },
      ],
      originalLanguage: 'fr',
    },
  });
  expect(created.data.createAdoptionRecord.error).toBeNull();
  const submitted = await moderator.gql(`mutation($v: Int!) { submitForReview(id: "milan-welcome", version: $v) { ${ERROR} } }`, {
    v: await version(),
  });
  expect(submitted.data.submitForReview.error).toBeNull();
  expect(await approve()).toBeNull();
});
afterAll(() => node?.close());

describe('an adoption record’s texts in the translation tracking', () => {
  it('lists its texts as missing, takes a translation through review, then reports it out of date after a source edit', async () => {
    const before = (await anonymous(node).gql(PUBLIC, { l: 'it' })).data.adoptionRecord;
    // A change is tracked under the id the registry gave it (ADR 0053), so it keeps its translations wherever it moves.
    const change0 = (await node.registry.adoptionRecords.findById('milan-welcome'))!.record.changes![0]!.id!;
    expect(change0).toMatch(/^[a-z][a-z0-9]{5,19}$/);
    expect(before.translationStatus.texts.map((t: { field: string }) => t.field)).toEqual([
      'title',
      'summary',
      'results',
      `changes.${change0}.change`,
      `changes.${change0}.why`,
    ]);
    expect(codes(before.translationStatus.missing)).toContain('it');
    // An Italian reader asks for it: the adoption record's texts come first in the fr → it queue.
    const asked = await anonymous(node).gql(
      `mutation { requestTranslation(input: { kind: ADOPTION_RECORD, id: "milan-welcome", language: "it" }) { counted demand ${ERROR} } }`,
    );
    expect(asked.data.requestTranslation).toEqual({ counted: true, demand: 1, error: null });
    const queued = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items;
    expect(queued.slice(0, 5).map((i: { kind: string }) => i.kind)).toEqual(Array(5).fill('ADOPTION_RECORD'));
    const missing = queued.filter((i: { kind: string }) => i.kind === 'ADOPTION_RECORD');
    expect(missing.map((i: { field: string; need: string }) => `${i.field}:${i.need}`)).toEqual([
      'title:MISSING',
      'summary:MISSING',
      'results:MISSING',
      `changes.${change0}.change:MISSING`,
      `changes.${change0}.why:MISSING`,
    ]);

    const proposed = await translator.gql(TRANSLATE, {
      i: {
        kind: 'ADOPTION_RECORD',
        id: 'milan-welcome',
        version: await version(),
        field: 'summary',
        language: 'it',
        text: 'La città riprende il consiglio consultivo dei migranti.',
      },
    });
    expect(proposed.data.translateText.error).toBeNull();
    expect((await anonymous(node).gql(PUBLIC, { l: 'it' })).data.adoptionRecord.summary.language).toBe('fr');
    expect(await approve()).toBeNull();
    const translated = (await anonymous(node).gql(PUBLIC, { l: 'it' })).data.adoptionRecord;
    expect(translated.summary).toEqual({ text: 'La città riprende il consiglio consultivo dei migranti.', language: 'it' });
    expect(codes(translated.translationStatus.outdated)).toEqual([]);

    // The French source changes: the Italian summary was made from the earlier text.
    const edited = await moderator.gql(
      `mutation($v: Int!) { updateAdoptionRecord(id: "milan-welcome", version: $v, changes: { summary: [
        { language: "fr", text: "La ville reprend le conseil consultatif des migrants, avec les syndicats." },
        { language: "it", text: "La città riprende il consiglio consultivo dei migranti." } ] }) { ${ERROR} } }`,
      { v: await version() },
    );
    expect(edited.data.updateAdoptionRecord.error).toBeNull();
    const stale = (await anonymous(node).gql(PUBLIC, { l: 'it' })).data.adoptionRecord.translationStatus;
    expect(codes(stale.outdated)).toEqual(['it']);
    expect(codes(stale.texts.find((t: { field: string }) => t.field === 'summary').outdated)).toEqual(['it']);
    // A change, one of a list's texts, is translated and tracked like the others.
    const change = await translator.gql(TRANSLATE, {
      i: {
        kind: 'ADOPTION_RECORD',
        id: 'milan-welcome',
        version: await version(),
        field: `changes.${change0}.why`,
        language: 'it',
        text: 'Meno risorse.',
      },
    });
    expect(change.data.translateText.error).toBeNull();
    expect(await approve()).toBeNull();
    const changed = (await node.registry.adoptionRecords.findById('milan-welcome'))!.record;
    expect(changed.changes).toEqual([
      { id: change0, change: { fr: 'Le conseil se réunit deux fois par an.' }, why: { fr: 'Moins de moyens.', it: 'Meno risorse.' } },
    ]);
    // A path that names no list item, or a field of an item that is not a text, is refused.
    for (const field of ['changes.5.why', 'changes.0.why', `changes.${change0}.other`, 'changes.kzzzzzzzz.why', 'organisations.0.name']) {
      const refused = await translator.gql(TRANSLATE, {
        i: { kind: 'ADOPTION_RECORD', id: 'milan-welcome', version: await version(), field, language: 'it', text: 'x' },
      });
      expect(refused.data.translateText.error, field).not.toBeNull();
    }
    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items;
    expect(queue).toContainEqual({
      kind: 'ADOPTION_RECORD',
      slug: 'milan-welcome',
      field: 'summary',
      need: 'OUTDATED',
      source: { language: 'fr' },
      current: { language: 'it' },
    });
  });
});
