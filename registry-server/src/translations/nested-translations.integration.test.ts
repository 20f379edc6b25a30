// Texts inside lists (an initiative's services, figures, needs …; an adoption record's outcomes)
// are tracked like a record's own texts (issue 16 point 4, ADR 0053), over real HTTP on a seeded
// node whose records are stored in the shape from before item ids: each item's texts keep their
// translations when the list is reordered, go out of date when that item's source changes, and
// leave the queue with the item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let translator: Session;

beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  translator = await createAccount(node, 'interprete@univerbal.test', 'translator');
  // An Italian reader asks for Univerbal: its texts come first in the fr → it queue (one page of it).
  expect(await node.registry.translations.ask('initiative', 'univerbal', 'it', '203.0.113.7')).toEqual({ counted: true, demand: 1 });
});
afterAll(() => node?.close());

const ERROR = 'error { code message ... on ValidationFailed { fields { field code } } }';
const TRANSLATE = `mutation($i: TranslateTextInput!) { translateText(input: $i) { ${ERROR} } }`;
const QUEUE = `query($f: String!, $t: String!) { translationQueue(from: $f, to: $t, first: 100) { totalCount
  items { kind slug field need itemName source { language text } } } }`;
const STATUS = 'translationStatus { outdated { code } texts { field available { code } outdated { code } } }';
const PUBLIC = `query($l: String!) { initiative(slug: "univerbal", lang: $l) {
  services { name(lang: $l) { text } description(lang: $l) { text language isFallback } }
  keyFigures { description(lang: $l) { text language } } ${STATUS} } }`;
const codes = (list: Array<{ code: string }>) => list.map((l) => l.code);
type Texts = { field: string; available: Array<{ code: string }>; outdated: Array<{ code: string }> };

const storedInitiative = async () => (await node.registry.initiatives.findById('univerbal'))!;
const approve = async (id: string, version: number) =>
  (await moderator.gql(`mutation($v: Int!) { approve(id: "${id}", version: $v) { ${ERROR} } }`, { v: version })).data.approve.error;
const publicIn = async (lang: string) => (await anonymous(node).gql(PUBLIC, { l: lang })).data.initiative;
const textStatus = (status: { texts: Texts[] }, field: string) => status.texts.find((t) => t.field === field);

/** A stored service (a language map per text) as a ServiceInput, keeping its id. */
function serviceInput(service: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(service)) {
    if (key === 'id' || key === 'languages') input[key] = value;
    else input[key] = Object.entries(value as Record<string, string>).map(([language, text]) => ({ language, text }));
  }
  return input;
}
const updateServices = async (services: Array<Record<string, unknown>>) => {
  const doc = await storedInitiative();
  const saved = await moderator.gql(
    `mutation($v: Int!, $s: [ServiceInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { services: $s }) { ${ERROR} } }`,
    { v: doc.version, s: services.map(serviceInput) },
  );
  expect(saved.data.updateInitiative.error).toBeNull();
};

describe('texts inside an initiative’s lists', () => {
  let interpreting = '';
  let other = '';

  it('lists a seeded service’s texts (stored without item ids) in the queue, named for the translator', async () => {
    const seeded = await storedInitiative();
    expect(seeded.record.services!.every((s) => !('id' in s))).toBe(true);
    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items;
    const mine = queue.filter((i: { slug: string }) => i.slug === 'univerbal');
    expect(mine).toContainEqual({
      kind: 'INITIATIVE',
      slug: 'univerbal',
      field: 'services.0.description',
      need: 'MISSING',
      itemName: 'Interprétation en milieu social',
      source: { language: 'fr', text: seeded.record.services![0]!.description!.fr },
    });
    // Figures, needs and links are texts too; the record's own texts keep no item name.
    const fields = mine.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['keyFigures.0.description', 'needs.0.description', 'links.0.label', 'services.1.name']));
    expect(mine.find((i: { field: string }) => i.field === 'summary').itemName).toBeNull();
  });

  it('shows a service description translated into Italian, in Italian, unmarked', async () => {
    const before = await storedInitiative();
    const proposed = await translator.gql(TRANSLATE, {
      i: {
        kind: 'INITIATIVE',
        id: 'univerbal',
        version: before.version,
        field: 'services.0.description',
        language: 'it',
        text: 'Sessioni di interpretariato nelle lingue delle migrazioni recenti.',
      },
    });
    expect(proposed.data.translateText.error).toBeNull();
    expect(await approve('univerbal', (await storedInitiative()).version)).toBeNull();
    const after = await storedInitiative();
    // The first save in the new shape gives each item a stable id; the translation is kept under it.
    const ids = after.record.services!.map((s) => (s as { id?: string }).id);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][a-z0-9]{5,19}$/.test(id))).toBe(true);
    [interpreting, other] = ids as [string, string];
    expect(Object.keys(after.record.translationSources ?? {})).toContain(`services.${interpreting}.description`);
    expect(Object.keys(after.record.translationSources ?? {}).filter((k) => /^services\.\d/.test(k))).toEqual([]);
    const page = await publicIn('it');
    expect(page.services[0].description).toEqual({
      text: 'Sessioni di interpretariato nelle lingue delle migrazioni recenti.',
      language: 'it',
      isFallback: false,
    });
    const status = textStatus(page.translationStatus, `services.${interpreting}.description`)!;
    expect(codes(status.available)).toContain('it');
    expect(codes(status.outdated)).toEqual([]);
    // Translated: it leaves the fr → it queue; the service's other texts stay in it.
    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items.map((i: { field: string }) => i.field);
    expect(queue).not.toContain(`services.${interpreting}.description`);
    expect(queue).toContain(`services.${interpreting}.applicationProcess`);
  });

  it('keeps each translation with its service when the services are reordered', async () => {
    const services = (await storedInitiative()).record.services! as Array<Record<string, unknown>>;
    await updateServices([...services].reverse());
    const after = await storedInitiative();
    expect(after.record.services!.map((s) => (s as { id?: string }).id)).toEqual([other, interpreting]);
    expect((after.record.services![1]!.description as Record<string, string>).it).toMatch(/^Sessioni/);
    const page = await publicIn('it');
    expect(page.services[1].description.language).toBe('it');
    expect(page.services[0].description.language).toBe('fr');
    const status = textStatus(page.translationStatus, `services.${interpreting}.description`)!;
    expect(codes(status.available)).toContain('it');
    expect(codes(status.outdated)).toEqual([]);
    expect(textStatus(page.translationStatus, `services.${other}.description`)!.available.map((l) => l.code)).not.toContain('it');
  });

  it('marks it out of date when that service’s French source changes, and only that one', async () => {
    const services = (await storedInitiative()).record.services! as Array<Record<string, unknown>>;
    const edited = services.map((s) =>
      s.id === interpreting ? { ...s, description: { ...(s.description as object), fr: 'Interprétation sociale, 33 langues.' } } : s,
    );
    await updateServices(edited);
    const page = await publicIn('it');
    // The English, written before tracking and not rewritten, is taken as made from the earlier French too (ADR 0041).
    expect(codes(textStatus(page.translationStatus, `services.${interpreting}.description`)!.outdated).sort()).toEqual(['en', 'it']);
    expect(codes(page.translationStatus.outdated).sort()).toEqual(['en', 'it']);
    const outdated = page.translationStatus.texts.filter((t: Texts) => t.outdated.length > 0).map((t: Texts) => t.field);
    expect(outdated).toEqual([`services.${interpreting}.description`]);
    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items;
    expect(queue.find((i: { field: string }) => i.field === `services.${interpreting}.description`)).toMatchObject({
      need: 'OUTDATED',
      itemName: 'Interprétation en milieu social',
    });
  });

  it('takes a removed service’s texts out of the queue and out of the record’s bookkeeping', async () => {
    const services = (await storedInitiative()).record.services! as Array<Record<string, unknown>>;
    await updateServices(services.filter((s) => s.id !== interpreting));
    const after = await storedInitiative();
    expect(Object.keys(after.record.translationSources ?? {}).filter((k) => k.includes(interpreting))).toEqual([]);
    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items.map((i: { field: string }) => i.field);
    expect(queue.filter((f: string) => f.includes(interpreting))).toEqual([]);
    expect(queue).toContain(`services.${other}.description`);
    const task = await translator.gql(
      `{ translationTask(kind: INITIATIVE, id: "univerbal", field: "services.${interpreting}.description", to: "it") { field } }`,
    );
    expect(task.data.translationTask).toBeNull();
  });

  it('refuses a translation of an item that is not there, and of an item’s member that is not a text', async () => {
    const version = (await storedInitiative()).version;
    for (const field of [
      `services.${interpreting}.description`,
      'services.7.description',
      `services.${other}.languages`,
      'services.x.name',
    ]) {
      const refused = await translator.gql(TRANSLATE, {
        i: { kind: 'INITIATIVE', id: 'univerbal', version, field, language: 'it', text: 'x' },
      });
      expect(refused.data.translateText.error?.code, field).toBe('VALIDATION_FAILED');
    }
    expect((await storedInitiative()).version).toBe(version);
  });

  it('gives an item sent without an id the id of the item at its place before (clients that do not know ids), and refuses a malformed id', async () => {
    const services = (await storedInitiative()).record.services! as Array<Record<string, unknown>>;
    await updateServices(services.map(({ id: _id, ...rest }) => rest));
    expect((await storedInitiative()).record.services!.map((s) => (s as { id?: string }).id)).toEqual([other]);
    const doc = await storedInitiative();
    const bad = await moderator.gql(
      `mutation($v: Int!, $s: [ServiceInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { services: $s }) { ${ERROR} } }`,
      { v: doc.version, s: [{ ...serviceInput(doc.record.services![0] as Record<string, unknown>), id: 'Not An Id!' }] },
    );
    expect(bad.data.updateInitiative.error.fields).toEqual([{ field: 'services.0.id', code: expect.any(String) }]);
  });
});

describe('a migrant-led governance text (special-category data, DATA-MODEL privacy rule 2)', () => {
  it('is queued only while the initiative consents to publish it; withdrawn, translators and statuses no longer see it', async () => {
    const fields = async () =>
      (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items
        .filter((i: { slug: string }) => i.slug === 'univerbal')
        .map((i: { field: string }) => i.field);
    expect(await fields()).toContain('migrantLed.governance');
    const doc = await storedInitiative();
    const withdrawn = await moderator.gql(
      `mutation($v: Int!) { updateInitiative(id: "univerbal", version: $v, changes: { migrantLed: { declared: true, consentToPublish: false,
        governance: [${Object.entries(doc.record.migrantLed!.governance!)
          .map(([language, text]) => `{ language: "${language}", text: ${JSON.stringify(text)} }`)
          .join(', ')}] } }) { ${ERROR} } }`,
      { v: doc.version },
    );
    expect(withdrawn.data.updateInitiative.error).toBeNull();
    expect(await fields()).not.toContain('migrantLed.governance');
    const task = await translator.gql(
      '{ translationTask(kind: INITIATIVE, id: "univerbal", field: "migrantLed.governance", to: "it") { source { text } } }',
    );
    expect(task.data.translationTask).toBeNull();
    const version = (await storedInitiative()).version;
    const refused = await translator.gql(TRANSLATE, {
      i: { kind: 'INITIATIVE', id: 'univerbal', version, field: 'migrantLed.governance', language: 'it', text: 'x' },
    });
    expect(refused.data.translateText.error.code).toBe('VALIDATION_FAILED');
    const status = (await publicIn('it')).translationStatus;
    expect(status.texts.map((t: Texts) => t.field)).not.toContain('migrantLed.governance');
    expect((await storedInitiative()).version).toBe(version);
  });
});

describe('an adoption record’s outcomes', () => {
  const ADOPTION = `query($l: String!) { adoptionRecord(slug: "milan-outcomes", lang: $l) {
    outcomes { textKey value description(lang: $l) { text language } } ${STATUS} } }`;
  const adoption = async () => (await node.registry.adoptionRecords.findById('milan-outcomes'))!;
  const outcome = (value: number, fr: string) => ({ value, description: [{ language: 'fr', text: fr }] });

  it('tracks each outcome’s description by the outcome, through translation, reordering and a source edit', async () => {
    const created = await moderator.gql(`mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { ${ERROR} } }`, {
      i: {
        handle: 'milan-outcomes',
        practice: node.registry.iris.local('practices', 'liege-pt1-welcoming-city'),
        stage: 'ADAPTING',
        title: [{ language: 'fr', text: 'Reprise de la ville accueillante' }],
        outcomes: [outcome(12, 'personnes reçues au guichet'), outcome(3, 'conseils réunis')],
        originalLanguage: 'fr',
      },
    });
    expect(created.data.createAdoptionRecord.error).toBeNull();
    const submitted = await moderator.gql(`mutation($v: Int!) { submitForReview(id: "milan-outcomes", version: $v) { ${ERROR} } }`, {
      v: (await adoption()).version,
    });
    expect(submitted.data.submitForReview.error).toBeNull();
    expect(await approve('milan-outcomes', (await adoption()).version)).toBeNull();
    const ids = (await adoption()).record.outcomes!.map((o) => (o as { id?: string }).id!);
    expect(await node.registry.translations.ask('adoptionRecord', 'milan-outcomes', 'it', '203.0.113.8')).toMatchObject({ counted: true });
    expect(ids.every((id) => /^[a-z][a-z0-9]{5,19}$/.test(id))).toBe(true);
    const [people, councils] = ids as [string, string];

    const queue = (await translator.gql(QUEUE, { f: 'fr', t: 'it' })).data.translationQueue.items;
    expect(queue).toContainEqual(
      expect.objectContaining({ slug: 'milan-outcomes', field: `outcomes.${councils}.description`, need: 'MISSING', itemName: '3' }),
    );
    const proposed = await translator.gql(TRANSLATE, {
      i: {
        kind: 'ADOPTION_RECORD',
        id: 'milan-outcomes',
        version: (await adoption()).version,
        field: `outcomes.${councils}.description`,
        language: 'it',
        text: 'consigli riuniti',
      },
    });
    expect(proposed.data.translateText.error).toBeNull();
    expect(await approve('milan-outcomes', (await adoption()).version)).toBeNull();

    // Reordered (ids sent back), then the other outcome's source edited: the translation stays current.
    const stored = (await adoption()).record.outcomes! as Array<{ id: string; value: number; description: Record<string, string> }>;
    const asInput = (o: { id: string; value: number; description: Record<string, string> }) => ({
      id: o.id,
      value: o.value,
      description: Object.entries(o.description).map(([language, text]) => ({ language, text })),
    });
    const reordered = [stored[1]!, { ...stored[0]!, description: { fr: 'personnes reçues au guichet unique' } }].map(asInput);
    const update = `mutation($v: Int!, $o: [AdoptionOutcomeInput!]!) { updateAdoptionRecord(id: "milan-outcomes", version: $v, changes: { outcomes: $o }) { ${ERROR} } }`;
    expect((await moderator.gql(update, { v: (await adoption()).version, o: reordered })).data.updateAdoptionRecord.error).toBeNull();
    let page = (await anonymous(node).gql(ADOPTION, { l: 'it' })).data.adoptionRecord;
    // textKey ties each outcome shown to its texts' statuses (a page marks an out-of-date one by it).
    expect(page.outcomes[0]).toEqual({ textKey: councils, value: 3, description: { text: 'consigli riuniti', language: 'it' } });
    expect(codes(textStatus(page.translationStatus, `outcomes.${councils}.description`)!.outdated)).toEqual([]);
    expect(textStatus(page.translationStatus, `outcomes.${people}.description`)).toBeDefined();

    // Its own source changes: out of date.
    const edited = (await adoption()).record.outcomes! as Array<{ id: string; value: number; description: Record<string, string> }>;
    const changed = edited.map((o) =>
      o.id === councils ? { ...o, description: { ...o.description, fr: 'conseils consultatifs réunis' } } : o,
    );
    expect(
      (await moderator.gql(update, { v: (await adoption()).version, o: changed.map(asInput) })).data.updateAdoptionRecord.error,
    ).toBeNull();
    page = (await anonymous(node).gql(ADOPTION, { l: 'it' })).data.adoptionRecord;
    expect(codes(textStatus(page.translationStatus, `outcomes.${councils}.description`)!.outdated)).toEqual(['it']);
  });
});

describe('the textKey of an initiative’s and a practice’s list items (how a page marks an out-of-date nested text)', () => {
  const KEYS = `query($l: String!) { initiative(slug: "univerbal", lang: $l) {
    needs { textKey } links { textKey } sources { textKey } pastContracts { textKey year title(lang: $l) { text } }
    keyFigures { textKey value description(lang: $l) { text language } sourceReference { textKey } } ${STATUS} } }`;
  const keysIn = async (lang: string) => (await anonymous(node).gql(KEYS, { l: lang })).data.initiative;

  it('is the key of the item’s texts in translationStatus, and a figure translated then changed is out of date under it', async () => {
    let page = await keysIn('it');
    const stored = await storedInitiative();
    const figures = stored.record.keyFigures! as Array<{ id?: string; value: number }>;
    // Saved once since ids (earlier tests): each figure's textKey is its stored id, the key of its text path.
    expect(page.keyFigures.map((f: { textKey: string }) => f.textKey)).toEqual(figures.map((f) => f.id));
    const paths = page.translationStatus.texts.map((t: Texts) => t.field);
    for (const figure of page.keyFigures) expect(paths).toContain(`keyFigures.${figure.textKey}.description`);
    for (const need of page.needs) expect(paths).toContain(`needs.${need.textKey}.description`);
    for (const link of page.links) expect(paths).toContain(`links.${link.textKey}.label`);
    for (const source of page.sources) expect(paths).toContain(`sources.${source.textKey}.notes`);
    // A figure's source is one of the record's sources, with that source's key.
    const named = stored.record.sources!.findIndex((source) => source.file === (figures[0] as { source?: string }).source);
    expect(named).toBeGreaterThanOrEqual(0);
    expect(page.keyFigures[0].sourceReference.textKey).toBe(page.sources[named].textKey);

    const figure = page.keyFigures[2] as { textKey: string; value: number };
    const proposed = await translator.gql(TRANSLATE, {
      i: {
        kind: 'INITIATIVE',
        id: 'univerbal',
        version: (await storedInitiative()).version,
        field: `keyFigures.${figure.textKey}.description`,
        language: 'it',
        text: 'interpreti',
      },
    });
    expect(proposed.data.translateText.error).toBeNull();
    expect(await approve('univerbal', (await storedInitiative()).version)).toBeNull();
    const current = (await storedInitiative()).record.keyFigures! as unknown as Array<Record<string, unknown>>;
    const changed = current.map((f) => ({
      ...f,
      description: Object.entries(
        f.id === figure.textKey ? { ...(f.description as object), fr: 'interprètes formés' } : (f.description as object),
      ).map(([language, text]) => ({ language, text })),
    }));
    const saved = await moderator.gql(
      `mutation($v: Int!, $k: [KeyFigureInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { keyFigures: $k }) { ${ERROR} } }`,
      { v: (await storedInitiative()).version, k: changed },
    );
    expect(saved.data.updateInitiative.error).toBeNull();
    page = await keysIn('it');
    const shown = page.keyFigures.find((f: { textKey: string }) => f.textKey === figure.textKey);
    expect(shown.description).toEqual({ text: 'interpreti', language: 'it' });
    expect(codes(textStatus(page.translationStatus, `keyFigures.${figure.textKey}.description`)!.outdated)).toContain('it');
  });

  it('keys past contracts by the stored item, though the page lists them most recent first', async () => {
    const contract = (year: number, title: string) => ({ buyer: 'Ville de Liège', year, title: [{ language: 'fr', text: title }] });
    const saved = await moderator.gql(
      `mutation($v: Int!, $c: [PastContractInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { pastContracts: $c }) { ${ERROR} } }`,
      {
        v: (await storedInitiative()).version,
        c: [contract(2019, 'Interprétariat au CPAS'), contract(2023, 'Interprétariat aux urgences')],
      },
    );
    expect(saved.data.updateInitiative.error).toBeNull();
    const ids = ((await storedInitiative()).record.pastContracts! as Array<{ id?: string }>).map((c) => c.id);
    const page = await keysIn('fr');
    expect(page.pastContracts.map((c: { year: number; textKey: string }) => [c.year, c.textKey])).toEqual([
      [2023, ids[1]],
      [2019, ids[0]],
    ]);
    const paths = page.translationStatus.texts.map((t: Texts) => t.field);
    for (const c of page.pastContracts) expect(paths).toContain(`pastContracts.${c.textKey}.title`);
  });

  it('keys a seeded practice’s actors (stored before ids) by their position, as its text paths do', async () => {
    const practice = (
      await anonymous(node).gql(
        `{ goodPractice(slug: "liege-pt8-transitional-work-experience", lang: "fr") { actors { textKey description { text } } ${STATUS} } }`,
      )
    ).data.goodPractice;
    expect(practice.actors.map((a: { textKey: string }) => a.textKey)).toEqual(['0', '1', '2', '3']);
    const paths = practice.translationStatus.texts.map((t: Texts) => t.field);
    const described = practice.actors.filter((a: { description: unknown }) => a.description);
    expect(described.length).toBeGreaterThan(0);
    for (const actor of described) expect(paths).toContain(`actors.${actor.textKey}.description`);
  });
});
