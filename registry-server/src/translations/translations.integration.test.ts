// Translations done by people over real HTTP on a seeded node with a test clock (ADR 0041):
// refusals first (who may translate, what, into what; readers' requests and their limits), then
// a translation proposed, approved and shown, made out of date by a source edit, and the queue
// by language pair ordered by readers' demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import { TRANSLATION_ASKS } from './translation-desk.ts';

let node: TestNode;
let moderator: Session;
let translator: Session;
let editor: Session;
let clock = new Date('2027-03-01T09:00:00.000Z');
/** Each group of requests starts in a fresh hour, so the per-client limit of one does not spill into another. */
const nextHour = () => (clock = new Date(clock.getTime() + 2 * 60 * 60_000));

beforeAll(async () => {
  node = await startTestNode({}, { now: () => clock });
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  translator = await createAccount(node, 'interprete@univerbal.test', 'translator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const ERROR = 'error { code message ... on ValidationFailed { fields { field code } } ... on RateLimited { retryAfterSeconds } }';
const TRANSLATE = `mutation($i: TranslateTextInput!) { translateText(input: $i) {
  record { ... on InitiativeDraft { version state pendingChanges } ... on GoodPracticeDraft { version state pendingChanges } } ${ERROR} } }`;
const ASK = `mutation($i: RequestTranslationInput!) { requestTranslation(input: $i) { counted demand ${ERROR} } }`;
const STATUS = `available { code } outdated { code } partial { code } missing { code }
  texts { field sourceLanguage { code } available { code } outdated { code } missing { code } } requests { language { code } count }`;
const QUEUE = `query($f: String!, $t: String!) { translationQueue(from: $f, to: $t) { totalCount
  items { kind slug field need demand version source { language text } current { language text } targetLanguage { code } } } }`;

const stored = () => node.registry.initiatives.findById('univerbal');
const version = async () => (await stored())!.version;
const codes = (list: Array<{ code: string }>) => list.map((l) => l.code);
const translate = (session: Session, input: Record<string, unknown>) => session.gql(TRANSLATE, { i: input });
const summaryInto = async (language: string, text: string, extra: Record<string, unknown> = {}) => ({
  kind: 'INITIATIVE',
  id: 'univerbal',
  version: await version(),
  field: 'summary',
  language,
  text,
  ...extra,
});

describe('who may translate, and what (refusals)', () => {
  it('asks the anonymous public to sign in and refuses editors and the other roles’ tools to translators', async () => {
    const before = await version();
    expect((await translate(anonymous(node), await summaryInto('it', 'Interpretariato'))).data.translateText.error.code).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect((await translate(editor, await summaryInto('it', 'Interpretariato'))).data.translateText.error.code).toBe('NOT_AUTHORIZED');
    // A translator's account cannot edit any other field, create a listing, or approve.
    const update = await translator.gql(
      `mutation($v: Int!) { updateInitiative(id: "univerbal", version: $v, changes: { summary: [{ language: "fr", text: "Changé" }] }) { ${ERROR} } }`,
      { v: before },
    );
    expect(update.data.updateInitiative.error.code).toBe('NOT_AUTHORIZED');
    const create = await translator.gql(
      `mutation { createInitiative(input: { handle: "t-made", name: [{ language: "fr", text: "T" }], summary: [{ language: "fr", text: "T" }],
        originalLanguage: "fr", legalForm: "LF010", primarySector: "AM10", location: { locality: "Liège", country: "BE" } }) { ${ERROR} } }`,
    );
    expect(create.data.createInitiative.error.code).toBe('NOT_AUTHORIZED');
    const approve = await translator.gql(`mutation($v: Int!) { approve(id: "univerbal", version: $v) { ${ERROR} } }`, { v: before });
    expect(approve.data.approve.error.code).toBe('NOT_AUTHORIZED');
    expect(await version()).toBe(before);
  });

  it('refuses a field that is not a translatable text, a made-up language, the source language, an empty or too long text', async () => {
    const before = await version();
    const fieldOf = async (input: Record<string, unknown>) => (await translate(translator, input)).data.translateText.error.fields;
    expect(await fieldOf(await summaryInto('it', 'Univerbal', { field: 'name' }))).toEqual([{ field: 'field', code: 'NOT_TRANSLATABLE' }]);
    expect(await fieldOf(await summaryInto('legalForm', 'x', { field: 'legalForm' }))).toEqual(
      expect.arrayContaining([
        { field: 'field', code: 'NOT_TRANSLATABLE' },
        { field: 'language', code: 'INVALID_LANGUAGE' },
      ]),
    );
    for (const language of ['xx', 'und', 'it-IT', '<b>', ''])
      expect(await fieldOf(await summaryInto(language, 'Interpretariato'))).toEqual([{ field: 'language', code: 'INVALID_LANGUAGE' }]);
    expect(await fieldOf(await summaryInto('fr', 'Autre chose'))).toEqual([{ field: 'language', code: 'SOURCE_LANGUAGE' }]);
    expect(await fieldOf(await summaryInto('it', '   '))).toEqual([{ field: 'text', code: 'REQUIRED' }]);
    expect((await fieldOf(await summaryInto('it', 'x'.repeat(1001)))).map((f: { field: string }) => f.field)).toEqual(['text']);
    const stale = await translate(translator, await summaryInto('it', 'Interpretariato', { version: before - 1 }));
    expect(stale.data.translateText.error.code).toBe('VERSION_CONFLICT');
    const doc = await stored();
    expect(doc!.version).toBe(before);
    expect(doc!.pending).toBeUndefined();
  });

  it('answers a draft like a record nobody has, to translators and to readers', async () => {
    const staff = { kind: 'account', accountId: 'm', role: 'moderator', initiatives: [], sessionId: 's', via: 'cli' } as const;
    const seed = (await stored())!.record;
    await node.registry.initiativeEditorial.create(staff, { ...seed, handle: 'hidden-draft', translationSources: null } as never);
    const draft = await translate(translator, { ...(await summaryInto('it', 'Bozza')), id: 'hidden-draft', version: 1 });
    const nobody = await translate(translator, { ...(await summaryInto('it', 'Bozza')), id: 'nobody-here', version: 1 });
    expect(draft.data.translateText.error.code).toBe('NOT_FOUND');
    expect(draft.data.translateText.error.message.replace('hidden-draft', 'X')).toBe(
      nobody.data.translateText.error.message.replace('nobody-here', 'X'),
    );
    const ask = (id: string) => anonymous(node).gql(ASK, { i: { kind: 'INITIATIVE', id, language: 'it' } });
    expect((await ask('hidden-draft')).data.requestTranslation.error).toEqual((await ask('nobody-here')).data.requestTranslation.error);
    const task = `{ translationTask(kind: INITIATIVE, id: "hidden-draft", field: "summary", to: "it") { slug } }`;
    expect((await translator.gql(task)).data.translationTask).toBeNull();
  });

  it('refuses the queue to the public and to editors, and a pair of one language', async () => {
    expect((await anonymous(node).gql(QUEUE, { f: 'fr', t: 'it' })).errors?.[0]?.extensions?.code).toBe('SIGN_IN_REQUIRED');
    expect((await editor.gql(QUEUE, { f: 'fr', t: 'it' })).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    expect((await translator.gql(QUEUE, { f: 'fr', t: 'fr' })).errors?.[0]?.message).toMatch(/two different languages/);
  });
});

describe('inviting translators', () => {
  const INVITE = `mutation { createInvitation(input: { role: TRANSLATOR }) { url ${ERROR} } }`;
  it('refuses an editor and a translator, and lets a moderator invite one', async () => {
    expect((await editor.gql(INVITE)).data.createInvitation.error.code).toBe('NOT_AUTHORIZED');
    expect((await translator.gql(INVITE)).data.createInvitation.error.code).toBe('NOT_AUTHORIZED');
    const { url } = (await moderator.gql(INVITE)).data.createInvitation;
    const token = new URL(url).pathname.split('/').pop();
    const accepted = await anonymous(node).gql(
      `mutation($t: String!) { acceptInvitation(token: $t, email: "interprete2@univerbal.test", password: "a long test password 1") { account { role } error { code message } } }`,
      { t: token },
    );
    expect(accepted.data.acceptInvitation).toEqual({ account: { role: 'TRANSLATOR' }, error: null });
  });
});

describe('readers asking for a translation (refusals first)', () => {
  const ask = (language: string, id = 'univerbal', kind = 'INITIATIVE', session = anonymous(node)) =>
    session.gql(ASK, { i: { kind, id, language } }).then((a) => a.data.requestTranslation);
  const demand = async (language: string) => (await node.registry.translations.demandOf('initiative', 'univerbal')).get(language) ?? 0;

  it('refuses made-up languages, unknown records and a language already there, counting nothing', async () => {
    nextHour();
    for (const language of ['xx', 'it-IT', 'x'.repeat(50), ''])
      expect((await ask(language)).error.fields).toEqual([{ field: 'language', code: 'INVALID_LANGUAGE' }]);
    expect((await ask('it', 'nobody-here')).error.code).toBe('NOT_FOUND');
    expect((await ask('it', 'https://elsewhere.example/initiatives/x')).error.code).toBe('NOT_FOUND');
    expect((await ask('fr')).error.fields).toEqual([{ field: 'language', code: 'ALREADY_AVAILABLE' }]);
    expect((await ask('en')).error.fields).toEqual([{ field: 'language', code: 'ALREADY_AVAILABLE' }]);
    expect(await demand('it')).toBe(0);
  });

  it('counts a client once a day per record and language, and limits every request of a client per hour', async () => {
    nextHour();
    expect(await ask('it')).toMatchObject({ counted: true, demand: 1, error: null });
    expect(await ask('it')).toMatchObject({ counted: false, demand: 1, error: null });
    // Every request counts against the hourly limit, the repeated one too.
    const practices = (await node.registry.practices.findPublishedLocal()).map((d) => d._id);
    let claims = 2;
    for (const id of practices) {
      for (const language of ['de', 'el']) {
        if (claims >= TRANSLATION_ASKS.max) break;
        expect((await ask(language, id, 'GOOD_PRACTICE')).counted).toBe(true);
        claims++;
      }
    }
    expect(claims).toBe(TRANSLATION_ASKS.max);
    const refused = await ask('de');
    expect(refused.error.code).toBe('RATE_LIMITED');
    expect(refused.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await demand('de')).toBe(0);
    // Another client is not held back by this one, and nothing names either client in the store.
    expect(await node.registry.translations.ask('initiative', 'univerbal', 'de', '203.0.113.9')).toEqual({ counted: true, demand: 1 });
    const counters = await node.registry.store.collection('rateLimits').find({});
    expect(JSON.stringify(counters)).not.toMatch(/127\.0\.0\.1|203\.0\.113\.9|::1/);
    const requests = await node.registry.store.collection('translationRequests').find({});
    expect(JSON.stringify(requests)).not.toMatch(/127\.0\.0\.1|203\.0\.113\.9|::1/);
  });
});

describe('a translation proposed, reviewed, shown, then out of date', () => {
  const PUBLIC = `query($l: String!) { initiative(slug: "univerbal") { summary(lang: $l) { text language isFallback } translationStatus { ${STATUS} } } }`;
  const publicIn = async (lang: string) => (await anonymous(node).gql(PUBLIC, { l: lang })).data.initiative;

  it('waits for a moderator, keeps its history, then is shown unmarked to Italian readers', async () => {
    const before = await publicIn('it');
    expect(before.summary).toMatchObject({ language: 'fr', isFallback: true });
    expect(codes(before.translationStatus.missing)).toContain('it');

    const answer = await translate(translator, await summaryInto('it', 'Univerbal è una cooperativa di interpreti sociali a Liegi.'));
    expect(answer.data.translateText).toMatchObject({ error: null, record: { state: 'PUBLISHED', pendingChanges: 'IN_REVIEW' } });
    expect((await publicIn('it')).summary.language).toBe('fr');
    // The queue leaves the record out while its change waits.
    const waiting = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items;
    expect(waiting.filter((i: { slug: string }) => i.slug === 'univerbal')).toEqual([]);
    // A second proposal waits until the first is decided.
    expect((await translate(translator, await summaryInto('it', 'Altro testo', { field: 'mission' }))).data.translateText.error.code).toBe(
      'INVALID_STATE',
    );

    const approved = await moderator.gql(`mutation($v: Int!) { approve(id: "univerbal", version: $v) { ${ERROR} } }`, {
      v: await version(),
    });
    expect(approved.data.approve.error).toBeNull();
    const after = await publicIn('it');
    expect(after.summary).toEqual({
      text: 'Univerbal è una cooperativa di interpreti sociali a Liegi.',
      language: 'it',
      isFallback: false,
    });
    const summary = after.translationStatus.texts.find((t: { field: string }) => t.field === 'summary');
    expect(codes(summary.available)).toEqual(['fr', 'en', 'it']);
    expect(codes(summary.outdated)).toEqual([]);
    expect(codes(after.translationStatus.partial)).toContain('it');

    const history = await moderator.gql(`{ editableInitiative(slug: "univerbal") { revisions { action note by } } }`);
    expect(history.errors).toBeUndefined();
    expect(history.data.editableInitiative.revisions.map((r: { note: string | null }) => r.note)).toContain(
      'translation of summary into it',
    );
  });

  it('marks the Italian and English summaries out of date when the French source changes, and current again once revised', async () => {
    // A moderator's edit goes live at once (an editor's would wait for review first).
    const edited = await moderator.gql(
      `mutation($v: Int!) { updateInitiative(id: "univerbal", version: $v, changes: { summary: [
        { language: "fr", text: "Univerbal, coopérative d’interprètes sociaux à Liège, depuis 2008." },
        { language: "en", text: "Univerbal, a cooperative of social interpreters in Liège." },
        { language: "it", text: "Univerbal è una cooperativa di interpreti sociali a Liegi." } ] }) { ${ERROR} } }`,
      { v: await version() },
    );
    expect(edited.data.updateInitiative.error).toBeNull();
    // The English was rewritten with the French: only the Italian, kept as it was, is out of date.
    const status = (await publicIn('it')).translationStatus;
    expect(codes(status.texts.find((t: { field: string }) => t.field === 'summary').outdated)).toEqual(['it']);
    expect(codes(status.outdated)).toEqual(['it']);

    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue;
    const item = queue.items.find((i: { slug: string; field: string }) => i.slug === 'univerbal' && i.field === 'summary');
    expect(item).toMatchObject({
      need: 'OUTDATED',
      source: { language: 'fr' },
      current: { language: 'it' },
      targetLanguage: { code: 'it' },
    });

    await translate(translator, await summaryInto('it', 'Univerbal, cooperativa di interpreti sociali a Liegi, dal 2008.'));
    await moderator.gql(`mutation($v: Int!) { approve(id: "univerbal", version: $v) { ${ERROR} } }`, { v: await version() });
    expect(codes((await publicIn('it')).translationStatus.outdated)).toEqual([]);
  });

  it('cannot be declared current by an editor sending translation sources', async () => {
    const doc = await stored();
    await node.registry.initiativeEditorial.update(
      { kind: 'account', accountId: 'x', role: 'moderator', initiatives: [], sessionId: 's', via: 'cli' },
      'univerbal',
      doc!.version,
      {
        mission: { ...doc!.record.mission!, fr: 'Une mission reformulée.' },
        translationSources: { mission: { en: 'ffffffffffffffff' } },
      } as never,
    );
    const after = await stored();
    expect(after!.record.translationSources?.mission?.en).not.toBe('ffffffffffffffff');
    expect(codes((await publicIn('en')).translationStatus.outdated)).toEqual(['en']);
  });
});

describe('the queue by language pair', () => {
  it('lists texts written in the source language lacking the target, most asked for first', async () => {
    nextHour();
    const [first, second] = (await node.registry.practices.findPublishedLocal()).map((d) => d._id).slice(-2) as [string, string];
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      await node.registry.translations.ask('goodPractice', second, 'bg', address);
    await node.registry.translations.ask('goodPractice', first, 'bg', '198.51.100.1');
    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'bg' })).data.translationQueue;
    expect(queue.totalCount).toBeGreaterThan(queue.items.length - 1);
    expect(queue.items[0]).toMatchObject({ kind: 'GOOD_PRACTICE', slug: second, field: 'title', need: 'MISSING', demand: 3 });
    const demands = queue.items.map((i: { demand: number }) => i.demand);
    expect(demands).toEqual([...demands].sort((a, b) => b - a));
    expect(queue.items.find((i: { slug: string }) => i.slug === first).demand).toBe(1);
    // Nothing on this node is written in Bulgarian.
    expect((await translator.gql(QUEUE, { f: 'bg', t: 'fr' })).data.translationQueue.totalCount).toBe(0);
  });
});
