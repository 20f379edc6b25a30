// What a moderator is shown of a change, over real HTTP: the first edit of a seeded listing
// names only the value the editor touched (not every field the seed had), value by value
// and language by language, and two versions of the history compare the same way. Only the
// record's editors and moderators can read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let editor: Session;
let otherEditor: Session;
beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
  otherEditor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
});
afterAll(() => node?.close());

const CHANGE = 'path field language kind before after words { kind text }';
const EDIT = `mutation($id: ID!, $v: Int!, $c: InitiativeInput!) { updateInitiative(id: $id, version: $v, changes: $c) { record { ... on InitiativeDraft { version } } error { code message } } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { record { ... on InitiativeDraft { version } } error { code message } } }`;
const draft = async (who: Session, fields: string) =>
  (await who.gql(`{ editableInitiative(slug: "univerbal") { version record ${fields} } }`)).data.editableInitiative;

describe('the first edit of a seeded listing', () => {
  let editedVersion = 0;
  let baseVersion = 0;

  it('shows the moderator only the summary in French and the phone visibility, old and new', async () => {
    const before = await draft(editor, '');
    baseVersion = before.version;
    const summaryFr = `${before.record.summary.fr} Permanences le mardi.`;
    const texts = await editor.gql(EDIT, {
      id: 'univerbal',
      v: before.version,
      c: {
        summary: [
          { language: 'fr', text: summaryFr },
          { language: 'en', text: before.record.summary.en },
        ],
      },
    });
    expect(texts.data.updateInitiative.error).toBeNull();
    // As the privacy form sends it: the whole contact, every default spelled out.
    const privacy = await editor.gql(EDIT, {
      id: 'univerbal',
      v: texts.data.updateInitiative.record.version,
      c: { contact: { phone: before.record.contact.phone, relay: true, emailVisibility: 'PRIVATE', phoneVisibility: 'SIGNED_IN' } },
    });
    expect(privacy.data.updateInitiative.error).toBeNull();
    editedVersion = privacy.data.updateInitiative.record.version;
    const submitted = await editor.gql(SUBMIT, { id: 'univerbal', v: editedVersion });
    expect(submitted.data.submitForReview.error).toBeNull();

    const queue = await moderator.gql(`{ reviewQueue { ... on InitiativeDraft { slug changesToReview { ${CHANGE} } } } }`);
    const entry = queue.data.reviewQueue.find((r: { slug: string }) => r.slug === 'univerbal');
    expect(entry.changesToReview.map((c: { path: string }) => c.path)).toEqual(['summary.fr', 'contact.visibility.phone']);
    const [summary, phone] = entry.changesToReview;
    expect(summary).toMatchObject({
      field: 'summary',
      language: 'fr',
      kind: 'CHANGED',
      before: before.record.summary.fr,
      after: summaryFr,
    });
    expect(summary.words.filter((w: { kind: string }) => w.kind === 'ADDED').map((w: { text: string }) => w.text.trim())).toEqual([
      'Permanences le mardi.',
    ]);
    expect(summary.words.some((w: { kind: string }) => w.kind === 'REMOVED')).toBe(false);
    expect(phone).toMatchObject({ field: 'contact', language: null, kind: 'CHANGED', before: 'public', after: 'signed-in', words: null });
  });

  it('records in the history only the fields the editor changed', async () => {
    const { revisions } = await draft(moderator, 'revisions { version action changes { field } }');
    const since = revisions.filter((r: { version: number }) => r.version > baseVersion);
    expect(since.flatMap((r: { changes: Array<{ field: string }> }) => r.changes.map((c) => c.field))).toEqual(['contact', 'summary']);
  });

  it('compares any two versions of the history the same way, in either order', async () => {
    const forward = await draft(editor, `compare(from: ${baseVersion}, to: ${editedVersion}) { ${CHANGE} }`);
    expect(forward.compare.map((c: { path: string; kind: string }) => `${c.path} ${c.kind}`)).toEqual([
      'summary.fr CHANGED',
      'contact.visibility.phone CHANGED',
    ]);
    const backward = await draft(editor, `compare(from: ${editedVersion}, to: ${baseVersion}) { ${CHANGE} }`);
    expect(backward.compare.find((c: { path: string }) => c.path === 'contact.visibility.phone')).toMatchObject({
      before: 'signed-in',
      after: 'public',
    });
    const missing = await editor.gql(`{ editableInitiative(slug: "univerbal") { compare(from: 1, to: 9999) { path } } }`);
    expect(missing.errors?.[0]?.message).toMatch(/no revision 9999/);
  });

  it('shows nothing to review once the change is approved', async () => {
    const APPROVE = `mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { record { ... on InitiativeDraft { version changesToReview { path } } } error { code } } }`;
    const { version } = await draft(moderator, '');
    const approved = await moderator.gql(APPROVE, { id: 'univerbal', v: version });
    expect(approved.data.approve.record.changesToReview).toEqual([]);
  });

  it('names codes in the reader’s words: sectors, needs, languages, countries', async () => {
    const { version, record } = await draft(editor, '');
    const needs = record.needs.filter((n: { type: string }) => n.type !== 'kitchen').map((n: { type: string }) => ({ type: n.type }));
    const edited = await editor.gql(EDIT, {
      id: 'univerbal',
      v: version,
      c: {
        additionalSectors: ['AM40', 'AM50'],
        languagesOffered: ['fr', 'ar'],
        needs,
        location: { ...record.location, precision: 'CITY', country: 'NL' },
      },
    });
    expect(edited.data.updateInitiative.error).toBeNull();
    const words = 'path before after beforeInWords(lang: "fr") afterInWords(lang: "fr") itemInWords(lang: "fr")';
    const { changesToReview } = await draft(moderator, `changesToReview { ${words} }`);
    const byPath = (path: string) => changesToReview.find((c: { path: string }) => c.path === path);
    expect(byPath('additionalSectors')).toMatchObject({
      before: 'AM40',
      after: 'AM40, AM50',
      beforeInWords: 'Éducation',
      afterInWords: 'Éducation, Énergie',
    });
    expect(byPath('languagesOffered')).toMatchObject({ after: 'fr, ar', afterInWords: 'français, arabe' });
    expect(byPath('needs.kitchen.type')).toMatchObject({
      before: 'kitchen',
      after: null,
      beforeInWords: 'Cuisine',
      afterInWords: null,
      itemInWords: 'Cuisine',
    });
    expect(byPath('needs.kitchen.description.fr')).toMatchObject({ beforeInWords: null, itemInWords: 'Cuisine' });
    expect(byPath('location.country')).toMatchObject({ before: 'BE', after: 'NL', beforeInWords: 'Belgique', afterInWords: 'Pays-Bas' });
    const english = await moderator.gql(`{ editableInitiative(slug: "univerbal") { changesToReview { path afterInWords(lang: "en") } } }`);
    expect(
      english.data.editableInitiative.changesToReview.find((c: { path: string }) => c.path === 'additionalSectors').afterInWords,
    ).toMatch(/Education, Energy/);
  });

  it('tells nobody else what changed: not the public, not the editor of another initiative', async () => {
    const query = `{ editableInitiative(slug: "univerbal") { compare(from: ${baseVersion}, to: ${editedVersion}) { before after } changesToReview { before after } } }`;
    const outsider = await otherEditor.gql(query);
    expect(outsider.data?.editableInitiative ?? null).toBeNull();
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const stranger = await anonymous(node).gql(query);
    expect(stranger.data?.editableInitiative ?? null).toBeNull();
    expect(JSON.stringify(stranger)).not.toContain('signed-in');
  });
});
