// Eligibility and capacity over real HTTP (issue 15 point 3, ADR 0035): an editor declares
// grounds for reserved contracts with their proofs, a delivery area, a team size band and past
// contracts; the change waits for review, a moderator approves it, the public reads it in its
// language with proofs older than two years marked "to be confirmed", the history names the
// change, and the search filter finds and counts it. Refused writes keep the stored record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let editor: Session;
beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@univerbal.test', 'editor', ['univerbal']);
});
afterAll(() => node?.close());

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const RECENT = day(-30);

const EDIT = `mutation($v: Int!, $c: InitiativeInput!) { updateInitiative(id: "univerbal", version: $v, changes: $c) {
  record { ... on InitiativeDraft { version state pendingChanges } }
  error { code message ... on ValidationFailed { fields { field code message } } } } }`;
const WORKFLOW = (name: string) =>
  `mutation($v: Int!) { ${name}(id: "univerbal", version: $v) { record { ... on InitiativeDraft { version state pendingChanges } } error { code message } } }`;
const editable = async () =>
  (await editor.gql('{ editableInitiative(slug: "univerbal") { version record revisions(first: 10) { action changes { field } } } }')).data
    .editableInitiative;
const PUBLIC = `query($lang: String) { initiative(slug: "univerbal") {
  eligibility {
    basis { code label(lang: $lang) implements }
    article { code label(lang: $lang) }
    evidence(lang: $lang) { text language }
    evidenceUrl evidenceDate toBeConfirmed
  }
  deliveryArea { country { code name(lang: $lang) } locality centre { lat lon } radiusKm }
  teamSize { code label(lang: $lang) }
  pastContracts { buyer year title(lang: $lang) { text } publicBuyer reserved }
} }`;
const publicView = async (lang: string) => (await anonymous(node).gql(PUBLIC, { lang })).data.initiative;
const SEARCH = `query($i: SearchInput, $lang: String) { search(input: $i, first: 50, lang: $lang) {
  totalCount edges { node { ... on Initiative { slug } } }
  facets { name values { value label count selected } } } }`;
const search = async (input: Record<string, unknown>, lang = 'en') => (await anonymous(node).gql(SEARCH, { i: input, lang })).data.search;

const CHANGES = {
  eligibility: [
    {
      basis: 'be-insertion',
      evidence: [
        { language: 'fr', text: 'Agrément « entreprise d’insertion », Région wallonne' },
        { language: 'en', text: 'Accreditation as a work-integration enterprise, Walloon Region' },
      ],
      evidenceUrl: 'https://example.org/agrement',
      evidenceDate: RECENT,
    },
    { basis: 'eu-art77', evidenceDate: '2020-01-15' },
  ],
  deliveryArea: { country: 'BE', locality: 'Liège', centre: { lat: 50.63, lon: 5.57 }, radiusKm: 30 },
  teamSize: '10-19',
  pastContracts: [
    { buyer: 'CPAS de Liège', year: 2022, title: [{ language: 'fr', text: 'Interprétariat social' }], publicBuyer: true },
    {
      buyer: 'Ville de Liège',
      year: 2024,
      title: [{ language: 'fr', text: 'Accueil des primo-arrivants' }],
      publicBuyer: true,
      reserved: true,
    },
  ],
};

describe('an editor declares eligibility and a moderator publishes it', () => {
  it('keeps it out of public answers until approved, then shows it in the reader’s language', async () => {
    const before = await editable();
    const edited = await editor.gql(EDIT, { v: before.version, c: CHANGES });
    expect(edited.data.updateInitiative.error).toBeNull();
    expect(edited.data.updateInitiative.record).toMatchObject({ state: 'PUBLISHED', pendingChanges: 'DRAFT' });
    // Stored in the record's shape: texts as language maps.
    const draft = await editable();
    expect(draft.record.eligibility[0]).toEqual({
      // The registry's id for the item (ADR 0053), so the evidence's translations stay with it.
      id: expect.stringMatching(/^[a-z][a-z0-9]{5,19}$/),
      basis: 'be-insertion',
      evidence: {
        fr: 'Agrément « entreprise d’insertion », Région wallonne',
        en: 'Accreditation as a work-integration enterprise, Walloon Region',
      },
      evidenceUrl: 'https://example.org/agrement',
      evidenceDate: RECENT,
    });
    expect(draft.record.pastContracts[1].title).toEqual({ fr: 'Accueil des primo-arrivants' });
    expect((await publicView('fr')).eligibility).toEqual([]);
    expect((await search({ reservedArticle: ['eu-art20'] })).totalCount).toBe(0);

    const submitted = await editor.gql(WORKFLOW('submitForReview'), { v: edited.data.updateInitiative.record.version });
    expect(submitted.data.submitForReview.record.pendingChanges).toBe('IN_REVIEW');
    const approved = await moderator.gql(WORKFLOW('approve'), { v: submitted.data.submitForReview.record.version });
    expect(approved.data.approve.error).toBeNull();

    const fr = await publicView('fr');
    expect(fr.eligibility).toEqual([
      {
        basis: { code: 'be-insertion', label: "Entreprise d'insertion agréée par une Région (Belgique)", implements: 'eu-art20' },
        article: { code: 'eu-art20', label: "Article 20 (UE) – atelier protégé ou opérateur d'insertion professionnelle" },
        evidence: { text: 'Agrément « entreprise d’insertion », Région wallonne', language: 'fr' },
        evidenceUrl: 'https://example.org/agrement',
        evidenceDate: RECENT,
        toBeConfirmed: false,
      },
      {
        basis: {
          code: 'eu-art77',
          label: 'Article 77 (UE) – organisation à mission de service public (services sociaux, de santé, culturels)',
          implements: 'eu-art77',
        },
        article: {
          code: 'eu-art77',
          label: 'Article 77 (UE) – organisation à mission de service public (services sociaux, de santé, culturels)',
        },
        evidence: null,
        evidenceUrl: null,
        evidenceDate: '2020-01-15',
        // More than two years old: shown as to be confirmed.
        toBeConfirmed: true,
      },
    ]);
    expect(fr.deliveryArea).toEqual({
      country: { code: 'BE', name: 'Belgique' },
      locality: 'Liège',
      centre: { lat: 50.63, lon: 5.57 },
      radiusKm: 30,
    });
    expect(fr.teamSize).toEqual({ code: '10-19', label: '10 à 19 personnes' });
    // Most recent first.
    expect(fr.pastContracts.map((c: { year: number }) => c.year)).toEqual([2024, 2022]);
    expect(fr.pastContracts[0]).toEqual({
      buyer: 'Ville de Liège',
      year: 2024,
      title: { text: 'Accueil des primo-arrivants' },
      publicBuyer: true,
      reserved: true,
    });
    expect(fr.pastContracts[1]).toMatchObject({ publicBuyer: true, reserved: false });

    const el = await publicView('el');
    expect(el.teamSize.label).toBe('10 έως 19 άτομα');
    expect(el.eligibility[0].basis.label).toBe('Επιχείρηση εργασιακής ένταξης αναγνωρισμένη από Περιφέρεια (Βέλγιο)');

    const history = (await editable()).revisions;
    expect(history.find((r: { action: string }) => r.action === 'update').changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(['eligibility', 'deliveryArea', 'teamSize', 'pastContracts']),
    );
  });

  it('is found by the search filter by article and by ground, with counts and labels', async () => {
    const byArticle = await search({ reservedArticle: ['eu-art20'] }, 'it');
    expect(byArticle.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(['univerbal']);
    const articles = byArticle.facets.find((f: { name: string }) => f.name === 'RESERVED_ARTICLE').values;
    expect(articles).toEqual(
      expect.arrayContaining([
        {
          value: 'eu-art20',
          label: 'Articolo 20 (UE) – laboratorio protetto o operatore di inserimento lavorativo',
          count: 1,
          selected: true,
        },
        expect.objectContaining({ value: 'eu-art77', count: 1, selected: false }),
      ]),
    );
    expect((await search({ reservedBasis: ['be-insertion'] })).totalCount).toBe(1);
    expect((await search({ reservedBasis: ['it-cooperativa-sociale-b'] })).totalCount).toBe(0);
    expect((await search({ reservedArticle: ['EU-ART77'], teamSize: ['10-19'] })).totalCount).toBe(1);
    expect((await search({ reservedArticle: ['eu-art20'], teamSize: ['1-4'] })).totalCount).toBe(0);
    const all = await search({ kinds: ['INITIATIVE'] });
    const bands = all.facets.find((f: { name: string }) => f.name === 'TEAM_SIZE').values;
    expect(bands).toEqual([{ value: '10-19', label: '10–19 people', count: 1, selected: false }]);
  });
});

describe('refused eligibility writes', () => {
  const refused = async (changes: Record<string, unknown>) => {
    const before = await editable();
    const { data } = await editor.gql(EDIT, { v: before.version, c: changes });
    const after = await editable();
    // Nothing stored changed.
    expect(after.version).toBe(before.version);
    expect(after.record).toEqual(before.record);
    return data.updateInitiative.error.fields.map((f: { field: string; code: string }) => `${f.field} ${f.code}`);
  };

  it('refuses a proof dated tomorrow, an unknown ground, a status of another country and a contract of next year', async () => {
    expect(await refused({ eligibility: [{ basis: 'eu-art20', evidenceDate: day(1) }] })).toEqual([
      'eligibility.0.evidenceDate IN_THE_FUTURE',
    ]);
    expect(await refused({ eligibility: [{ basis: 'eu-art-20', evidenceDate: RECENT }] })).toEqual(['eligibility.0.basis UNKNOWN_CODE']);
    expect(await refused({ eligibility: [{ basis: 'gr-koispe', evidenceDate: RECENT }] })).toEqual(['eligibility.0.basis OTHER_COUNTRY']);
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(await refused({ pastContracts: [{ buyer: 'Ville', year: nextYear, title: [{ language: 'fr', text: 'x' }] }] })).toEqual([
      'pastContracts.0.year IN_THE_FUTURE',
    ]);
    expect(await refused({ teamSize: 'huge' })).toEqual(['teamSize UNKNOWN_CODE']);
    expect(await refused({ deliveryArea: { country: 'BE', centre: { lat: 50.6, lon: 5.5 } } })).toEqual(['deliveryArea.radiusKm REQUIRED']);
  });

  it('refuses a person’s e-mail or phone as a buyer, and a person-like field GraphQL does not know', async () => {
    expect(
      await refused({ pastContracts: [{ buyer: 'marie.dupont@example.org', year: 2024, title: [{ language: 'fr', text: 'x' }] }] }),
    ).toEqual(['pastContracts.0.buyer PERSONAL_CONTACT']);
    const unknown = await node.query(EDIT, {
      v: 1,
      c: { pastContracts: [{ buyer: 'Ville', year: 2024, title: [{ language: 'fr', text: 'x' }], contactPerson: 'Marie Dupont' }] },
    });
    expect(unknown.body.errors?.[0]?.message).toMatch(/contactPerson/);
  });
});
