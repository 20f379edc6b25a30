// The publishing workflow over real HTTP: an editor edits the initiative they belong to in two
// languages, a moderator reviews; versions refuse stale edits; every change is a revision that
// can be restored; refused writes leave the stored record unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let admin: Session;
let moderator: Session;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  admin = await createAccount(node, 'admin@liege.test', 'admin');
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const DRAFT = 'version state pendingChanges review { reason } record preview { name { text } summary(lang: "en") { text } }';
const EDIT = `mutation($id: ID!, $v: Int!, $c: InitiativeInput!) { updateInitiative(id: $id, version: $v, changes: $c) { record { ... on InitiativeDraft { ${DRAFT} } } error { code message ... on ValidationFailed { fields { field code message } } ... on VersionConflict { currentVersion changedFields { field } } } } }`;
const editable = async (who: Session, slug: string) =>
  (await who.gql(`query($s: String) { editableInitiative(slug: $s) { ${DRAFT} } }`, { s: slug })).data.editableInitiative;
const publicSummary = async (slug: string, lang = 'en') =>
  (await anonymous(node).gql(`{ initiative(slug: "${slug}") { summary(lang: "${lang}") { text } } }`)).data.initiative?.summary.text;
const workflow = (name: string, extra = '') =>
  `mutation($id: ID!, $v: Int! ${extra ? ', $reason: String!' : ''}) { ${name}(id: $id, version: $v ${extra}) { record { ... on InitiativeDraft { ${DRAFT} } ... on GoodPracticeDraft { version state } } error { code message } } }`;

describe('an editor updates Univerbal and a moderator approves it', () => {
  it('keeps the published version live until the moderator approves the change', async () => {
    const before = await editable(editor, 'univerbal');
    expect(before.state).toBe('PUBLISHED');
    const oldSummary = await publicSummary('univerbal');
    const changes = {
      summary: [
        { language: 'fr', text: 'Service d’interprétariat social autogéré par des interprètes issus des migrations, 33 langues.' },
        { language: 'en', text: 'Social interpreting service self-managed by interpreters of migrant origin, 33 languages.' },
      ],
    };
    const edited = await editor.gql(EDIT, { id: 'http://registry.test/initiatives/univerbal', v: before.version, c: changes });
    expect(edited.data.updateInitiative.error).toBeNull();
    const draft = edited.data.updateInitiative.record;
    expect(draft).toMatchObject({ state: 'PUBLISHED', pendingChanges: 'DRAFT', version: before.version + 1 });
    expect(draft.preview.summary.text).toMatch(/self-managed by interpreters/);
    expect(await publicSummary('univerbal')).toBe(oldSummary);

    const submitted = await editor.gql(workflow('submitForReview'), { id: 'univerbal', v: draft.version });
    expect(submitted.data.submitForReview.record.pendingChanges).toBe('IN_REVIEW');
    // Editors cannot approve their own changes.
    const selfApproval = await editor.gql(workflow('approve'), { id: 'univerbal', v: draft.version + 1 });
    expect(selfApproval.data.approve.error.code).toBe('NOT_AUTHORIZED');

    const queue = await moderator.gql('{ reviewQueue { ... on InitiativeDraft { slug version pendingChanges } } }');
    const entry = queue.data.reviewQueue.find((r: { slug: string }) => r.slug === 'univerbal');
    expect(entry.pendingChanges).toBe('IN_REVIEW');
    const approved = await moderator.gql(workflow('approve'), { id: 'univerbal', v: entry.version });
    expect(approved.data.approve.record).toMatchObject({ state: 'PUBLISHED', pendingChanges: null });
    expect(await publicSummary('univerbal')).toMatch(/self-managed by interpreters/);
    expect(await publicSummary('univerbal', 'fr')).toMatch(/autogéré par des interprètes/);
  });

  it("shows the editor the moderator's reason when a change is rejected", async () => {
    const current = await editable(editor, 'univerbal');
    const edited = await editor.gql(EDIT, { id: 'univerbal', v: current.version, c: { website: 'https://example.org/univerbal' } });
    const submitted = await editor.gql(workflow('submitForReview'), { id: 'univerbal', v: edited.data.updateInitiative.record.version });
    const tooShort = await moderator.gql(workflow('reject', ', reason: $reason'), {
      id: 'univerbal',
      v: submitted.data.submitForReview.record.version,
      reason: 'no',
    });
    expect(tooShort.data.reject.error.code).toBe('VALIDATION_FAILED');
    const rejected = await moderator.gql(workflow('reject', ', reason: $reason'), {
      id: 'univerbal',
      v: submitted.data.submitForReview.record.version,
      reason: 'Use the project site named in the leaflet.',
    });
    expect(rejected.data.reject.record).toMatchObject({
      pendingChanges: 'DRAFT',
      review: { reason: 'Use the project site named in the leaflet.' },
    });
    expect((await editable(editor, 'univerbal')).review.reason).toBe('Use the project site named in the leaflet.');
    expect((await anonymous(node).gql('{ initiative(slug: "univerbal") { website } }')).data.initiative.website).toBe(
      'https://projetuniverbal.wordpress.com',
    );
  });

  it('lets changes go live at once when the admin turns review off', async () => {
    await admin.gql('mutation { updateNodeSettings(editsRequireReview: false) { settings { editsRequireReview } } }');
    const siriusEditor = await createAccount(node, 'editor@sirius.test', 'editor', ['siriuscoop']);
    const current = await editable(siriusEditor, 'siriuscoop');
    const edited = await siriusEditor.gql(EDIT, {
      id: 'siriuscoop',
      v: current.version,
      c: {
        summary: [
          { language: 'fr', text: 'Coopérative numérique de développement web.' },
          { language: 'en', text: 'Digital web development cooperative.' },
        ],
      },
    });
    expect(edited.data.updateInitiative.record.pendingChanges).toBeNull();
    expect(await publicSummary('siriuscoop')).toBe('Digital web development cooperative.');
    await admin.gql('mutation { updateNodeSettings(editsRequireReview: true) { settings { editsRequireReview } } }');
  });
});

describe('what each role may do', () => {
  it('refuses an editor on an initiative they do not belong to, and the anonymous public everywhere', async () => {
    const before = await node.registry.initiatives.findById('atemos');
    const refused = await editor.gql(EDIT, { id: 'atemos', v: before!.version, c: { website: 'https://x.example' } });
    expect(refused.data.updateInitiative.error.code).toBe('NOT_AUTHORIZED');
    expect((await editor.gql('{ editableInitiative(slug: "atemos") { version } }')).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const anon = await anonymous(node).gql(EDIT, { id: 'atemos', v: before!.version, c: { website: 'https://x.example' } });
    expect(anon.data.updateInitiative.error.code).toBe('SIGN_IN_REQUIRED');
    expect((await anonymous(node).gql(workflow('delete'), { id: 'atemos', v: before!.version })).data.delete.error.code).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect(await node.registry.initiatives.findById('atemos')).toEqual(before);
  });

  it('lets moderators curate good practices and keeps editors out of them', async () => {
    const practice = await node.registry.practices.findById('liege-pt6-public-procurement');
    const refused = await editor.gql(
      'mutation($v: Int!) { updateGoodPractice(id: "liege-pt6-public-procurement", version: $v, changes: { evaluation: [{ language: "en", text: "x" }] }) { error { code } } }',
      { v: practice!.version },
    );
    expect(refused.data.updateGoodPractice.error.code).toBe('NOT_AUTHORIZED');
    const created = await moderator.gql(`mutation { createGoodPractice(input: {
      handle: "liege-pt6-social-clause-guide", practiceType: "PT6", originalLanguage: "fr",
      title: [{ language: "fr", text: "Guide des clauses sociales" }, { language: "en", text: "Social clause guide" }],
      summary: [{ language: "fr", text: "Un guide pour les agents." }, { language: "en", text: "A guide for agents." }],
      location: { locality: "Liège", country: "BE" }, initiatives: ["univerbal", "siriuscoop"],
      actors: [{ name: "Ville de Liège", role: "city" }] }) { record { ... on GoodPracticeDraft { slug version state } } error { code message } } }`);
    expect(created.data.createGoodPractice.record).toEqual({ slug: 'liege-pt6-social-clause-guide', version: 1, state: 'DRAFT' });
    expect((await anonymous(node).gql('{ goodPractice(slug: "liege-pt6-social-clause-guide") { slug } }')).data.goodPractice).toBeNull();
    const published = await moderator.gql(workflow('approve'), {
      id: 'http://registry.test/practices/liege-pt6-social-clause-guide',
      v: 1,
    });
    expect(published.data.approve.record.state).toBe('PUBLISHED');
    expect(
      (
        await anonymous(node).gql('{ goodPractice(slug: "liege-pt6-social-clause-guide") { initiatives { slug } } }')
      ).data.goodPractice.initiatives
        .map((i: { slug: string }) => i.slug)
        .sort(),
    ).toEqual(['siriuscoop', 'univerbal']);
  });

  it('lets an editor create a new initiative as a draft and become its editor', async () => {
    const newcomer = await createAccount(node, 'kitchen@collective.test', 'editor', []);
    const created = await newcomer.gql(`mutation { createInitiative(input: {
      handle: "cuisine-du-monde", originalLanguage: "fr", legalForm: "L1", primarySector: "AM60",
      name: [{ language: "fr", text: "Cuisine du monde" }], summary: [{ language: "fr", text: "Repas solidaires." }],
      location: { locality: "Liège", country: "BE" } }) { record { ... on InitiativeDraft { slug state record } } error { code message } } }`);
    expect(created.data.createInitiative.record.state).toBe('DRAFT');
    // Informal group: city-level location unless chosen otherwise.
    expect(created.data.createInitiative.record.record.location.precision).toBe('city');
    expect((await newcomer.gql('{ myInitiatives { slug state } }')).data.myInitiatives).toEqual([
      { slug: 'cuisine-du-monde', state: 'DRAFT' },
    ]);
    const duplicate = await newcomer.gql(
      `mutation { createInitiative(input: { handle: "univerbal", originalLanguage: "fr", legalForm: "L1", primarySector: "AM60", name: [{ language: "fr", text: "x" }], summary: [{ language: "fr", text: "x" }], location: { locality: "Liège", country: "BE" } }) { error { code ... on ValidationFailed { fields { field } } } } }`,
    );
    expect(duplicate.data.createInitiative.error).toEqual({ code: 'ALREADY_EXISTS', fields: [{ field: 'handle' }] });
  });
});

describe('concurrent edits, history and restore', () => {
  it('refuses an edit based on an old version and says what changed', async () => {
    const base = await editable(moderator, 'atemos');
    const first = await moderator.gql(EDIT, {
      id: 'atemos',
      v: base.version,
      c: { areaServed: [{ language: 'fr', text: 'Liège et environs' }] },
    });
    expect(first.data.updateInitiative.error).toBeNull();
    const second = await admin.gql(EDIT, { id: 'atemos', v: base.version, c: { website: 'https://atemos.example' } });
    const conflict = second.data.updateInitiative.error;
    expect(conflict.code).toBe('VERSION_CONFLICT');
    expect(conflict.currentVersion).toBe(base.version + 1);
    expect(conflict.message).toMatch(/nothing was overwritten/);
    expect((await node.registry.initiatives.findById('atemos'))!.record.website).not.toBe('https://atemos.example');
  });

  it('keeps every change as a revision with who, when and what, and restores any of them', async () => {
    const history = (
      await moderator.gql(
        '{ editableInitiative(slug: "atemos") { version revisions { version action by at changes { field before after } snapshot } } }',
      )
    ).data.editableInitiative;
    expect(history.revisions.length).toBeGreaterThanOrEqual(2);
    const [latest, baseline] = history.revisions;
    expect(latest.action).toBe('update');
    expect(latest.by).toBeTruthy();
    expect(latest.changes.map((c: { field: string }) => c.field)).toEqual(['areaServed']);
    expect(baseline.by).toBeNull();
    expect(baseline.snapshot.areaServed).toEqual({ fr: 'Liège', en: 'Liège' });

    const restored = await moderator.gql(
      workflow('restoreRevision').replace('$v: Int!', '$v: Int!, $r: Int!').replace('version: $v', 'version: $v, revision: $r'),
      { id: 'atemos', v: history.version, r: baseline.version },
    );
    expect(restored.data.restoreRevision.error).toBeNull();
    const after = await node.registry.initiatives.findById('atemos');
    // Every value is the revision's; the registry's bookkeeping (list items' ids, what each
    // translation was made from: ADR 0041, ADR 0053) is recomputed on the save that restores it.
    expect(withoutBookkeeping(after!.record)).toEqual(baseline.snapshot);
    expect(after!.record.services!.every((s) => typeof (s as { id?: unknown }).id === 'string')).toBe(true);
    const diff = (
      await moderator.gql(
        `{ editableInitiative(slug: "atemos") { diff(from: ${baseline.version}, to: ${latest.version}) { field before after } } }`,
      )
    ).data.editableInitiative.diff;
    expect(diff).toEqual([{ field: 'areaServed', before: { fr: 'Liège', en: 'Liège' }, after: { fr: 'Liège et environs' } }]);
    const grown = (await moderator.gql('{ editableInitiative(slug: "atemos") { revisions { action } } }')).data.editableInitiative
      .revisions;
    expect(grown[0].action).toBe('restore');
    expect(grown.length).toBe(history.revisions.length + 1);
  });

  it('unpublishes, deletes, and lets a moderator restore a deleted record from its history', async () => {
    const start = await editable(moderator, 'redemarts');
    const unpublished = await moderator.gql(workflow('unpublish'), { id: 'redemarts', v: start.version });
    expect(unpublished.data.unpublish.record.state).toBe('UNPUBLISHED');
    expect((await anonymous(node).gql('{ initiative(slug: "redemarts") { slug } }')).data.initiative).toBeNull();
    const deleted = await moderator.gql(workflow('delete'), { id: 'redemarts', v: start.version + 1 });
    expect(deleted.data.delete.record.state).toBe('DELETED');
    expect(await editable(moderator, 'redemarts')).toBeNull();
    const restore = workflow('restoreRevision')
      .replace('$v: Int!', '$v: Int!, $r: Int!')
      .replace('version: $v', 'version: $v, revision: $r');
    const back = await moderator.gql(restore, { id: 'redemarts', v: start.version + 2, r: start.version });
    expect(back.data.restoreRevision.record.state).toBe('DRAFT');
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['an oversized summary', { summary: [{ language: 'fr', text: 'x'.repeat(1_001) }] }, 'summary.fr', 'TOO_LONG'],
    ['an invalid language tag', { name: [{ language: 'fr_BE', text: 'Univerbal' }] }, 'name.fr_BE', 'INVALID_LANGUAGE_TAG'],
    ['an unknown sector code', { primarySector: 'AM999' }, 'primarySector', 'UNKNOWN_CODE'],
    ['an unknown practice', { practices: ['liege-pt99'] }, 'practices.0', 'UNKNOWN_REFERENCE'],
    ['a new handle', { handle: 'univerbal-2' }, 'handle', 'IMMUTABLE'],
    [
      'a text given twice in one language',
      {
        name: [
          { language: 'fr', text: 'a' },
          { language: 'fr', text: 'b' },
        ],
      },
      'name.fr',
      'INVALID',
    ],
  ])('refuses %s with a field error', async (_name, changes, field, code) => {
    const before = await node.registry.initiatives.findById('univerbal');
    const { data } = await editor.gql(EDIT, { id: 'univerbal', v: before!.version, c: changes });
    expect(data.updateInitiative.record).toBeNull();
    expect(data.updateInitiative.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await node.registry.initiatives.findById('univerbal')).toEqual(before);
  });

  it('refuses a wrong id and a wrong version', async () => {
    expect((await editor.gql(EDIT, { id: 'no-such-thing', v: 1, c: {} })).data.updateInitiative.error.code).toBe('NOT_FOUND');
    expect(
      (await editor.gql(EDIT, { id: 'univerbal', v: 9999, c: { website: 'https://x.example' } })).data.updateInitiative.error.code,
    ).toBe('VERSION_CONFLICT');
  });

  it('stores markup as text and returns it as text', async () => {
    const current = await editable(editor, 'univerbal');
    const markup = '<script>alert("x")</script><b>Interprètes</b>';
    const saved = await editor.gql(EDIT, { id: 'univerbal', v: current.version, c: { alternateNames: [markup] } });
    expect(saved.data.updateInitiative.error).toBeNull();
    expect(saved.data.updateInitiative.record.record.alternateNames).toEqual([markup]);
  });
});

/** A record without the registry's bookkeeping: translation sources and list items' ids. */
function withoutBookkeeping(record: object): Record<string, unknown> {
  const { translationSources: _sources, ...rest } = record as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((item) => {
            if (!item || typeof item !== 'object') return item;
            const { id: _id, ...values } = item as Record<string, unknown>;
            return values;
          })
        : value,
    ]),
  );
}
