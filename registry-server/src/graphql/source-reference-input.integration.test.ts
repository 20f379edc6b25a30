// The sources an editor gives through updateInitiative, over real HTTP: publisher, kind and
// translated notes round-trip (stored in the record's shape, read back as the public sees them,
// and a key figure citing a source by title finds it), and each is checked by the one
// validation layer, with a field error that says what to fix and nothing stored lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  editor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
});
afterAll(() => node?.close());

const EDIT = `mutation($v: Int!, $c: InitiativeInput!) {
  updateInitiative(id: "atemos", version: $v, changes: $c) {
    record { ... on InitiativeDraft { version } }
    error { code message ... on ValidationFailed { fields { field code message } } }
  }
}`;
const draft = async () =>
  (
    await editor.gql(`{ editableInitiative(slug: "atemos") {
      version record
      preview {
        sources { title publisher kind date url note fr: notes(lang: "fr") { text language } ar: notes(lang: "ar") { text language direction } }
        keyFigures { value year source sourceReference { title publisher kind date } }
      }
    } }`)
  ).data.editableInitiative;

const REPORT = {
  title: 'Rapport annuel 2023',
  publisher: 'Atemos ASBL',
  kind: 'REPORT',
  date: '2024-03',
  url: 'https://atemos.example/rapport-2023',
  note: 'Page 4: the number of people trained.',
  notes: [
    { language: 'fr', text: 'Page 4 : le nombre de personnes formées.' },
    { language: 'ar', text: 'الصفحة 4: عدد الأشخاص الذين تم تدريبهم.' },
  ],
};

describe('sources given through updateInitiative', () => {
  it('keep their publisher, kind and notes, and a key figure cites one by its title', async () => {
    const before = await draft();
    const { data } = await editor.gql(EDIT, {
      v: before.version,
      c: {
        sources: [REPORT],
        keyFigures: [{ value: 24, description: [{ language: 'fr', text: 'personnes formées' }], year: 2023, source: REPORT.title }],
      },
    });
    expect(data.updateInitiative.error).toBeNull();
    const after = await draft();
    // Stored in the record's shape (schemas/records/common.schema.json sourceReference).
    expect(after.record.sources).toEqual([
      {
        // The registry's id for the item (ADR 0053), so the note's translations stay with it.
        id: expect.stringMatching(/^[a-z][a-z0-9]{5,19}$/),
        title: REPORT.title,
        publisher: 'Atemos ASBL',
        kind: 'report',
        date: '2024-03',
        url: REPORT.url,
        note: REPORT.note,
        notes: { fr: REPORT.notes[0]!.text, ar: REPORT.notes[1]!.text },
      },
    ]);
    // Read as the public page reads it.
    expect(after.preview.sources).toEqual([
      {
        title: REPORT.title,
        publisher: 'Atemos ASBL',
        kind: 'REPORT',
        date: '2024-03',
        url: REPORT.url,
        note: REPORT.note,
        fr: { text: REPORT.notes[0]!.text, language: 'fr' },
        ar: { text: REPORT.notes[1]!.text, language: 'ar', direction: 'RTL' },
      },
    ]);
    expect(after.preview.keyFigures).toEqual([
      {
        value: 24,
        year: 2023,
        source: REPORT.title,
        sourceReference: { title: REPORT.title, publisher: 'Atemos ASBL', kind: 'REPORT', date: '2024-03' },
      },
    ]);
  });

  it('every kind of the SourceKind list is stored as the record’s kind', async () => {
    const kinds = ['PROCEEDINGS', 'LEAFLET', 'GUIDE', 'WEB_PAGE', 'REPORT', 'ARTICLE', 'DOCUMENT'];
    const before = await draft();
    const { data } = await editor.gql(EDIT, {
      v: before.version,
      c: { sources: kinds.map((kind) => ({ title: `A ${kind}`, kind })) },
    });
    expect(data.updateInitiative.error).toBeNull();
    const after = await draft();
    expect(after.record.sources.map((s: { kind: string }) => s.kind)).toEqual([
      'proceedings',
      'leaflet',
      'guide',
      'web-page',
      'report',
      'article',
      'document',
    ]);
    expect(after.preview.sources.map((s: { kind: string }) => s.kind)).toEqual(kinds);
    // Put the report back for the next tests.
    const restored = await editor.gql(EDIT, { v: after.version, c: { sources: [REPORT] } });
    expect(restored.data.updateInitiative.error).toBeNull();
  });

  it('refuses a kind that is not in the list, before anything is stored', async () => {
    const before = await draft();
    const answer = await node.query(EDIT, { v: before.version, c: { sources: [{ ...REPORT, kind: 'BLOG' }] } }, editor.headers);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toMatch(/"BLOG" does not exist in "SourceKind"/);
    const after = await draft();
    expect(after.version).toBe(before.version);
    expect(after.record.sources[0].kind).toBe('report');
  });

  const refusals: Array<[string, Record<string, unknown>, string, string]> = [
    ['an empty publisher', { publisher: '' }, 'sources.0.publisher', 'TOO_SHORT'],
    ['a publisher over 300 characters', { publisher: 'x'.repeat(301) }, 'sources.0.publisher', 'TOO_LONG'],
    ['an empty title', { title: '' }, 'sources.0.title', 'TOO_SHORT'],
    ['a date that is not a date', { date: '10/12/2021' }, 'sources.0.date', 'INVALID_FORMAT'],
    ['an address that is not a web address', { url: 'javascript:alert(1)' }, 'sources.0.url', 'INVALID_FORMAT'],
    [
      'a note in a language that is not one',
      { notes: [{ language: 'french', text: 'Page 4' }] },
      'sources.0.notes.french',
      'INVALID_LANGUAGE_TAG',
    ],
    [
      'a note given twice in one language',
      {
        notes: [
          { language: 'fr', text: 'a' },
          { language: 'fr', text: 'b' },
        ],
      },
      'sources.0.notes.fr',
      'INVALID',
    ],
    ['a note over 1,000 characters', { notes: [{ language: 'fr', text: 'x'.repeat(1001) }] }, 'sources.0.notes.fr', 'TOO_LONG'],
  ];
  for (const [what, change, field, code] of refusals) {
    it(`refuses ${what} with an error on ${field}, keeping the stored sources`, async () => {
      const before = await draft();
      const { data } = await editor.gql(EDIT, { v: before.version, c: { sources: [{ ...REPORT, ...change }] } });
      const error = data.updateInitiative.error;
      expect(error?.code).toBe('VALIDATION_FAILED');
      expect(error.fields.find((f: { field: string }) => f.field === field)).toMatchObject({ field, code });
      const after = await draft();
      expect(after.version).toBe(before.version);
      expect(after.record.sources[0].publisher).toBe('Atemos ASBL');
    });
  }

  it('refuses a key figure’s year of five digits, saying what the year may be', async () => {
    const before = await draft();
    const { data } = await editor.gql(EDIT, {
      v: before.version,
      c: { keyFigures: [{ value: 24, description: [{ language: 'fr', text: 'personnes formées' }], year: 20222, source: REPORT.title }] },
    });
    expect(data.updateInitiative.error.fields).toContainEqual({
      field: 'keyFigures.0.year',
      code: 'OUT_OF_RANGE',
      message: 'must be at most 2200.',
    });
    expect((await draft()).record.keyFigures[0].year).toBe(2023);
  });

  it('lets a figure cite a source by its title, whatever the length the title may have', async () => {
    const before = await draft();
    const title = `Rapport ${'t'.repeat(292)}`;
    expect(title).toHaveLength(300);
    const { data } = await editor.gql(EDIT, {
      v: before.version,
      c: {
        sources: [{ ...REPORT, title }],
        keyFigures: [{ value: 24, description: [{ language: 'fr', text: 'personnes formées' }], year: 2023, source: title }],
      },
    });
    expect(data.updateInitiative.error).toBeNull();
    const after = await draft();
    expect(after.preview.keyFigures[0].sourceReference.title).toBe(title);
    // Back as the other tests expect it.
    const restored = await editor.gql(EDIT, {
      v: after.version,
      c: {
        sources: [REPORT],
        keyFigures: [{ value: 24, description: [{ language: 'fr', text: 'personnes formées' }], year: 2023, source: REPORT.title }],
      },
    });
    expect(restored.data.updateInitiative.error).toBeNull();
  });

  it('says in the schema that a publisher is an organisation, never a person, and lists the kinds', async () => {
    const { data } = await editor.gql(
      `{ __type(name: "SourceReferenceInput") { inputFields { name description type { name kind ofType { name ofType { name } } } } } }`,
    );
    const fields = Object.fromEntries(
      data.__type.inputFields.map(
        (f: {
          name: string;
          description: string;
          type: { name: string | null; ofType: { name: string | null; ofType: { name: string } | null } | null };
        }) => [f.name, f],
      ),
    );
    expect(fields.publisher.description).toMatch(/organisation/i);
    expect(fields.publisher.description).toMatch(/never a person/i);
    expect(fields.kind.type.name).toBe('SourceKind');
    // [TextInput!]: a list of non-null TextInput.
    expect(fields.notes.type.ofType.ofType.name).toBe('TextInput');
  });
});

// The editor's forms put these refusals beside their fields (web/src/lib/forms/manage/
// services-form.ts and figures-form.ts): a service or a figure sent with its text empty in
// every language, and a language code that is not one.
describe('what the services and figures forms are told when a required text is empty', () => {
  it('names the service’s name, the figure’s description and the language code', async () => {
    const before = await draft();
    const { data } = await editor.gql(EDIT, {
      v: before.version,
      c: {
        services: [{ name: [], languages: ['ar', 'not a language'] }],
        keyFigures: [{ value: 3, description: [] }],
      },
    });
    const fields = data.updateInitiative.error.fields.map((f: { field: string; code: string }) => `${f.field}/${f.code}`);
    expect(fields).toEqual(expect.arrayContaining(['services.0.name/WRONG_TYPE', 'keyFigures.0.description/WRONG_TYPE']));
    expect((await draft()).version).toBe(before.version);
    // A word typed instead of a code fails the tag's pattern.
    const tags = await editor.gql(EDIT, {
      v: before.version,
      c: { services: [{ name: [{ language: 'fr', text: 'Cours' }], languages: ['ar', 'tigrinya'] }] },
    });
    expect(tags.data.updateInitiative.error.fields).toContainEqual(
      expect.objectContaining({ field: 'services.0.languages.1', code: 'INVALID_FORMAT' }),
    );
  });
});
