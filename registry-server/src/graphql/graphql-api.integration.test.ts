// The read API over real HTTP on a seeded node: listings, filters, pagination, single records,
// city nodes, taxonomies in the reader's language, and the privacy of what is returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

const slugs = (data: { initiatives: { edges: Array<{ node: { slug: string } }> } }) => data.initiatives.edges.map((e) => e.node.slug);

describe('initiatives', () => {
  it('lists the seeded Liège initiatives and pages through all of them without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { status, body }: { status: number; body: any } = await node.query(
        'query($after: String) { initiatives(first: 3, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { slug } } } }',
        { after },
      );
      expect(status).toBe(200);
      const c: any = body.data.initiatives;
      total = c.totalCount;
      seen.push(...c.edges.map((e: { node: { slug: string } }) => e.node.slug));
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(9);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    for (const slug of [
      'univerbal',
      '100pap-liege',
      'migrations-libres-plats-solidaires',
      'atemos',
      'sirius-hub',
      'siriuschool',
      'siriuscoop',
      'parallax',
      'redemarts',
    ])
      expect(seen).toContain(slug);
    // Alphabetical by name in the original language.
    const sorted = [...seen];
    expect(seen.indexOf('atemos')).toBeLessThan(seen.indexOf('univerbal'));
    expect(sorted).toEqual(seen);
  });

  it('filters by language offered, sector, legal form, practice type and node', async () => {
    const q = async (filter: Record<string, unknown>) => {
      const { body } = await node.query(
        'query($f: InitiativeFilter) { initiatives(first: 100, filter: $f) { totalCount edges { node { slug } } } }',
        { f: filter },
      );
      expect(body.errors).toBeUndefined();
      return slugs(body.data);
    };
    expect(await q({ languageOffered: ['ps'] })).toEqual(['univerbal']);
    expect(await q({ languageOffered: ['AR'] })).toContain('univerbal');
    expect(await q({ sector: ['AM60'] })).toEqual(['migrations-libres-plats-solidaires']);
    // A secondary sector counts too.
    expect(await q({ sector: ['AM80'] })).toEqual(expect.arrayContaining(['univerbal']));
    expect(await q({ legalForm: ['L2'] })).toEqual(['siriuscoop']);
    expect(await q({ legalForm: ['BE-ASBL'] })).toEqual(expect.arrayContaining(['atemos']));
    expect(await q({ practiceType: ['PT6'] })).toEqual(expect.arrayContaining(['siriuscoop', 'univerbal']));
    expect(await q({ practiceType: ['PT6'] })).not.toContain('atemos');
    expect(await q({ need: ['kitchen'], sector: ['AM60'] })).toEqual(['migrations-libres-plats-solidaires']);
    expect(await q({ node: ['milano'] })).toEqual([]);
    expect((await q({ node: ['liege'], country: ['BE'] })).length).toBeGreaterThanOrEqual(9);
  });

  it('filters migrant-led only on declarations the initiative consented to publish', async () => {
    const { body } = await node.query(
      '{ yes: initiatives(first: 100, filter: { migrantLed: true }) { edges { node { slug migrantLed { declared } } } } no: initiatives(first: 100, filter: { migrantLed: false }) { edges { node { slug migrantLed { declared } } } } }',
    );
    const yes = body.data.yes.edges.map((e: { node: { slug: string } }) => e.node.slug);
    expect(yes).toEqual(expect.arrayContaining(['univerbal', 'sirius-hub']));
    // Atemos and Migrations Libres declared it but did not consent: they must not be revealed.
    expect(yes).not.toContain('atemos');
    expect(yes).not.toContain('migrations-libres-plats-solidaires');
    for (const e of body.data.no.edges) expect(e.node.migrantLed).toBeNull();
  });

  it('reads one initiative by slug and by id, with its relations', async () => {
    const { body } = await node.query(
      `{ initiative(slug: "siriuscoop") { id slug url name { text language } partOf { slug parts { slug } } node { slug isThisNode } origin { isLocal url } practices { slug } } }`,
    );
    const i = body.data.initiative;
    expect(i.id).toBe('http://registry.test/initiatives/siriuscoop');
    expect(i.url).toBe(i.id);
    expect(i.partOf.slug).toBe('sirius-hub');
    expect(i.partOf.parts.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining(['siriuscoop', 'siriuschool', 'parallax']));
    expect(i.node).toEqual({ slug: 'liege', isThisNode: true });
    expect(i.origin.isLocal).toBe(true);
    expect(i.practices.map((p: { slug: string }) => p.slug)).toContain('liege-pt6-public-procurement');
    const byId = await node.query('query($id: ID) { initiative(id: $id) { slug } }', { id: i.id });
    expect(byId.body.data.initiative.slug).toBe('siriuscoop');
    const missing = await node.query('{ initiative(slug: "nothing-here") { slug } }');
    expect(missing.body.data.initiative).toBeNull();
  });

  it('carries the facts of the sources: Univerbal languages, figures and needs', async () => {
    const { body } = await node.query(
      '{ initiative(slug: "univerbal") { languagesOffered { code name(lang: "en") } keyFigures { value year description(lang: "en") { text } } needs { type { code } } services { name(lang: "en") { text } } } }',
    );
    const u = body.data.initiative;
    expect(u.languagesOffered.map((l: { code: string }) => l.code)).toEqual(expect.arrayContaining(['ar', 'so', 'ps', 'ru', 'sq']));
    expect(u.languagesOffered.find((l: { code: string }) => l.code === 'ar').name).toBe('Arabic');
    const values = u.keyFigures.map((f: { value: number }) => f.value);
    expect(values).toEqual(expect.arrayContaining([70, 3000, 45, 33]));
    expect(u.needs.length).toBeGreaterThan(0);
    expect(u.services.length).toBeGreaterThan(0);
  });
});

describe('privacy of public answers', () => {
  it('keeps city-only initiatives at city level and hides undeclared migrant-led status', async () => {
    const { body } = await node.query(
      '{ initiative(slug: "atemos") { location { precision streetAddress neighbourhood postalCode geo { lat lon } } migrantLed { declared } contact { email phone relay } } }',
    );
    const a = body.data.initiative;
    expect(a.location).toMatchObject({ precision: 'CITY', streetAddress: null, neighbourhood: null, postalCode: null });
    expect(a.migrantLed).toBeNull();
    expect(a.contact.relay).toBe(true);
    expect(a.contact.email).toBeNull();
  });

  it('never attaches a published migrant-led declaration to a street address', async () => {
    const { body } = await node.query(
      '{ initiatives(first: 100, filter: { migrantLed: true }) { edges { node { slug location { precision streetAddress } } } } }',
    );
    for (const e of body.data.initiatives.edges) {
      expect(e.node.location.precision).not.toBe('ADDRESS');
      expect(e.node.location.streetAddress).toBeNull();
    }
  });
});

describe('good practices', () => {
  it('lists the ten Liège good practices, one per UMN practice type', async () => {
    const { body } = await node.query(
      '{ goodPractices(first: 50) { totalCount edges { node { slug practiceType { code } title(lang: "en") { text language } location { locality } } } } }',
    );
    expect(body.data.goodPractices.totalCount).toBe(10);
    const types = body.data.goodPractices.edges.map((e: { node: { practiceType: { code: string } } }) => e.node.practiceType.code).sort();
    expect(types).toEqual(['PT1', 'PT10', 'PT2', 'PT3', 'PT4', 'PT5', 'PT6', 'PT7', 'PT8', 'PT9']);
    for (const e of body.data.goodPractices.edges) expect(e.node.title.language).toBe('en');
  });

  it('filters by practice type and links to the initiatives that illustrate it', async () => {
    const { body } = await node.query(
      '{ goodPractices(filter: { practiceType: ["PT6"] }) { edges { node { slug context { text } transferability { text } initiatives { slug } actors { name role { code } } } } } }',
    );
    const [practice] = body.data.goodPractices.edges.map((e: { node: unknown }) => e.node);
    expect(practice.slug).toBe('liege-pt6-public-procurement');
    expect(practice.initiatives.map((i: { slug: string }) => i.slug)).toEqual(expect.arrayContaining(['univerbal', 'siriuscoop']));
    expect(practice.actors.some((a: { role: { code: string } }) => a.role.code === 'city')).toBe(true);
  });
});

describe('city nodes and languages', () => {
  it('lists Liège and the six partner cities, with this node marked', async () => {
    const { body } = await node.query(
      '{ cityNodes { slug status isThisNode country { code } city(lang: "en") initiativeCount } thisNode { slug status } }',
    );
    const nodes = body.data.cityNodes;
    expect(nodes).toHaveLength(7);
    expect(nodes.map((n: { country: { code: string } }) => n.country.code).sort()).toEqual(['BE', 'BG', 'GR', 'IT', 'IT', 'IT', 'SI']);
    const liege = nodes.find((n: { slug: string }) => n.slug === 'liege');
    expect(liege).toMatchObject({ isThisNode: true, status: 'ONLINE' });
    expect(liege.initiativeCount).toBeGreaterThanOrEqual(9);
    for (const partner of nodes.filter((n: { slug: string }) => n.slug !== 'liege')) {
      expect(partner).toMatchObject({ status: 'PLANNED', isThisNode: false, initiativeCount: 0 });
    }
    expect(body.data.thisNode).toEqual({ slug: 'liege', status: 'ONLINE' });
  });

  it('labels taxonomies by argument, else Accept-Language, else the node default', async () => {
    const q = '{ taxonomy(id: LEGAL_FORM) { concepts { code label labelLanguage } } }';
    const byDefault = await node.query(q);
    expect(byDefault.body.data.taxonomy.concepts[0].labelLanguage).toBe('fr');
    const greek = await node.query(q, undefined, { 'accept-language': 'el-GR, en;q=0.5' });
    expect(greek.body.data.taxonomy.concepts[0].labelLanguage).toBe('el');
    expect(greek.body.data.taxonomy.concepts[0].label).toMatch(/\p{Script=Greek}/u);
    const arabic = await node.query(
      '{ taxonomy(id: PRACTICE_TYPE, lang: "ar") { concepts { code label translatedByRegistry } } }',
      undefined,
      { 'accept-language': 'el' },
    );
    expect(arabic.body.data.taxonomy.concepts).toHaveLength(10);
    expect(arabic.body.data.taxonomy.concepts[0].label).toMatch(/\p{Script=Arabic}/u);
    expect(arabic.body.data.taxonomy.concepts[0].translatedByRegistry).toBe(true);
    const all = await node.query('{ taxonomies(lang: "bg") { id concepts { label(lang: "sl") labelLanguage(lang: "sl") } } }');
    expect(all.body.data.taxonomies.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(['SECTOR', 'LEGAL_FORM', 'ORGANISATIONAL_STRUCTURE', 'QUALIFIER', 'PRACTICE_TYPE']),
    );
    expect(all.body.data.taxonomies[0].concepts[0].labelLanguage).toBe('sl');
  });

  it('shows a text in the reader language when it exists and marks the original otherwise', async () => {
    const { body } = await node.query(
      '{ initiative(slug: "univerbal") { en: summary(lang: "en") { language isFallback direction } sl: summary(lang: "sl") { language isFallback translations { language } } } }',
    );
    expect(body.data.initiative.en).toEqual({ language: 'en', isFallback: false, direction: 'LTR' });
    expect(body.data.initiative.sl).toMatchObject({ language: 'fr', isFallback: true });
    expect(body.data.initiative.sl.translations.map((t: { language: string }) => t.language)).toEqual(expect.arrayContaining(['fr', 'en']));
  });
});
