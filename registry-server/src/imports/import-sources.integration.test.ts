// Imports from every kind of source a city has, and what they refuse: bad rows with their
// reasons, an XLSX workbook, the project's JSON-LD export, a Murmurations profile served on
// loopback, values for every row, duplicates already listed, and who may import at all.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { readSeeds } from '../seeding/seed-files.ts';
import { initiativeToJsonLd } from '../federation/jsonld/initiative-jsonld.ts';
import { DOCUMENT_CONTEXT } from '../federation/jsonld/umn-context.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { startEmptyNode } from '../testing/empty-node.ts';
import { anonymous, createAccount, type Session } from '../testing/graphql-client.ts';
import type { TestNode } from '../testing/test-node.ts';
import { csvOf, PREVIEW, RUN, STAGE_URL, upload } from './import-test-support.ts';

const seeds = readSeeds(undefined, ['liege']).initiatives.map((s) => s.record);
const HEADERS = ['Nom', 'Résumé', 'Ville', 'Pays', 'Forme juridique', 'Secteur', 'Site web', 'Latitude', 'Longitude'];
const good = (name: string, site: string) => [
  name,
  `${name}: an initiative of the test sheet.`,
  'Liège',
  'BE',
  'L4',
  'AM30',
  site,
  '50.64',
  '5.57',
];

let node: TestNode;
let admin: Session;
let profiles: Server;
let profileBase: string;

beforeAll(async () => {
  node = await startEmptyNode('liege');
  admin = await createAccount(node, 'admin@registry.test', 'admin');
  profiles = createServer((req, res) => {
    const profile = {
      linked_schemas: ['organizations_schema-v1.0.0'],
      name: 'Cuisine du Monde Coopérative',
      nickname: 'CdM',
      primary_url: 'cuisinedumonde.example',
      description: 'A cooperative kitchen run by newcomers, catering for events in Liège.',
      locality: 'Liège',
      region: 'Wallonie',
      country_iso_3166: 'BE',
      geolocation: { lat: 50.63, lon: 5.58 },
      tags: ['food', 'cooperative'],
      contact_details: { email: 'hello@cuisinedumonde.example' },
    };
    if (req.url === '/profile.json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(profile));
    else if (req.url === '/sheet.csv')
      res.writeHead(200, { 'content-type': 'text/csv' }).end(csvOf([HEADERS, good('Atelier par URL', 'https://url-sheet.example')]));
    else if (req.url === '/redirect') res.writeHead(302, { location: '/sheet.csv' }).end();
    else if (req.url === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (req.url === '/huge.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end(`Nom\n${'x'.repeat(2 * 1024 * 1024)}\n`);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => profiles.listen(0, '127.0.0.1', resolve));
  profileBase = `http://127.0.0.1:${(profiles.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await node?.close();
  await new Promise((resolve) => profiles?.close(resolve));
});

const rowsOf = (report: any) =>
  report.rows as Array<{
    row: number;
    outcome: string;
    label: string;
    problems: Array<{ field: string; column: string | null; code: string; message: string }>;
  }>;

describe('rows an import refuses', () => {
  it('refuses bad rows with their reasons, field by field and column by column, and keeps a formula as text', async () => {
    const sheet = csvOf([
      HEADERS,
      good('Atelier Un', 'https://atelier-un.example'),
      ['', 'No name here.', 'Liège', 'BE', 'L4', 'AM30', 'https://noname.example', '', ''],
      ['Atelier Pays', 'Bad country.', 'Liège', 'Belgiqueland', 'L4', 'AM30', 'https://pays.example', '', ''],
      ['Atelier Lien', 'Bad address.', 'Liège', 'BE', 'L4', 'AM30', 'javascript:alert(1)', '', ''],
      ['Atelier Adresse', 'Not an address.', 'Liège', 'BE', 'L4', 'AM30', 'www.no-scheme', '', ''],
      ['Atelier Lat', 'Bad latitude.', 'Liège', 'BE', 'L4', 'AM30', 'https://lat.example', 'north', '5.5'],
      ['Atelier Code', 'Unknown sector.', 'Liège', 'BE', 'L4', 'Plumbing', 'https://code.example', '', ''],
      ["=cmd|' /C calc'!A0", '+SUM(1;2) and @A1 stay words.', 'Liège', 'BE', 'L4', 'AM30', 'https://formula.example', '', ''],
    ]);
    const staged = await upload(admin, 'bad rows.csv', Buffer.from(sheet));
    const preview = (await admin.gql(PREVIEW, { id: staged.staged.id })).data.previewImport.report;
    const rows = rowsOf(preview);
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, refuse: 6, pending: 0 });
    const problem = (row: number) => rows.find((r) => r.row === row)!.problems;
    expect(problem(2)).toContainEqual(expect.objectContaining({ field: 'name', code: 'REQUIRED' }));
    expect(problem(3)).toContainEqual(expect.objectContaining({ field: 'location.country', column: 'Pays' }));
    expect(problem(4)).toContainEqual(expect.objectContaining({ field: 'website', column: 'Site web' }));
    expect(problem(5)).toContainEqual(expect.objectContaining({ field: 'website', column: 'Site web' }));
    expect(problem(6)).toContainEqual(expect.objectContaining({ field: 'location.geo.lat', code: 'NOT_A_NUMBER', column: 'Latitude' }));
    expect(problem(7)).toContainEqual(expect.objectContaining({ field: 'primarySector', code: 'UNKNOWN_CODE', column: 'Secteur' }));
    for (const row of rows.filter((r) => r.outcome === 'REFUSE')) for (const p of row.problems) expect(p.message.length).toBeGreaterThan(5);

    const run = (await admin.gql(RUN, { id: staged.staged.id, publish: false })).data.runImport.report;
    expect(run.counts).toEqual({ create: 2, update: 0, unchanged: 0, refuse: 6, pending: 0 });
    const formula = (await node.registry.initiatives.listLocalUndeleted()).find((d) => d.record.website === 'https://formula.example')!;
    expect(formula.record.name).toEqual({ fr: "=cmd|' /C calc'!A0" });
    expect(formula.record.summary.fr).toBe('+SUM(1;2) and @A1 stay words.');
    // Imported as drafts: nothing public.
    expect(formula.publication.state).toBe('draft');
    expect((await node.query('{ search(first: 1) { totalCount } }')).body.data.search.totalCount).toBe(0);
  });

  it('refuses a handle that is not one, a language that is no language, and pieces that are not base64', async () => {
    const sheet = csvOf([
      [...HEADERS, 'Handle'],
      [...good('Atelier Chemin', 'https://chemin.example'), '../../admin'],
    ]);
    const staged = await upload(admin, 'handles.csv', Buffer.from(sheet));
    const preview = (await admin.gql(PREVIEW, { id: staged.staged.id })).data.previewImport.report;
    expect(rowsOf(preview)[0]!.problems).toContainEqual(expect.objectContaining({ field: 'handle', column: 'Handle' }));
    const language = (await admin.gql(PREVIEW, { id: staged.staged.id, settings: { language: 'not a language' } })).data.previewImport;
    expect(language.error.fields).toContainEqual(expect.objectContaining({ field: 'language', code: 'INVALID_LANGUAGE_TAG' }));
    const started = await admin.gql('mutation { startImportUpload(fileName: "x.csv") { staged { id } } }');
    const id = started.data.startImportUpload.staged.id;
    const append =
      'mutation($id: ID!, $c: String!) { appendImportUpload(id: $id, chunk: $c, last: true) { staged { id } error { code message } } }';
    const notBase64 = (await admin.gql(append, { id, c: '<script>alert(1)</script>' })).data.appendImportUpload;
    expect(notBase64.error.message).toMatch(/base64 pieces/);
  });

  it('refuses files it cannot read, with what to do', async () => {
    const empty = await upload(admin, 'empty.csv', Buffer.from('Nom,Ville\r\n'));
    expect(empty.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/no data rows/) });
    const json = await upload(admin, 'other.json', Buffer.from('{"hello": "world"}'));
    expect(json.error?.message).toMatch(/neither a JSON-LD export/);
    // A zip that unpacks to far more than it weighs (a "zip bomb") is refused before it is unpacked.
    const { zipSync } = await import('fflate');
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
    const bombed = await upload(admin, 'bomb.xlsx', bomb);
    expect(bombed.error?.message).toMatch(/unpacks to more than/);
  });
});

describe('sources', () => {
  it('reads an XLSX workbook like a CSV file, and names a sector by its label', async () => {
    const workbook = await writeExcelFile([
      HEADERS,
      ['Atelier Excel', 'From a workbook.', 'Liège', 'Belgique', 'L4', 'food', 'https://excel.example', 50.6, 5.5],
    ] as never).toBuffer();
    const staged = await upload(admin, 'list.xlsx', workbook);
    expect(staged.staged).toMatchObject({ format: 'XLSX', rowCount: 1 });
    const run = (await admin.gql(RUN, { id: staged.staged.id, publish: true })).data.runImport.report;
    expect(run.counts).toMatchObject({ create: 1, refuse: 0 });
    const doc = (await node.registry.initiatives.listLocalUndeleted()).find((d) => d.record.website === 'https://excel.example')!;
    expect(doc.record.location).toMatchObject({ country: 'BE', locality: 'Liège', geo: { lat: 50.6, lon: 5.5 }, precision: 'city' });
    expect(doc.record.primarySector).toBe(
      TaxonomyCatalog.load()
        .get('sector')!
        .concepts.find((c) => c.labels.en === 'Food')!.code,
    );
    expect(doc.publication.state).toBe('published');
  });

  it("imports the project's own JSON-LD export: what partners get, no more", async () => {
    const catalog = TaxonomyCatalog.load();
    const exported = seeds.slice(0, 3).map((record) => {
      const id = `https://other-node.example/initiatives/${record.handle}-copy`;
      const { '@context': _context, ...object } = initiativeToJsonLd(
        { ...record, handle: `${record.handle}-copy` },
        {
          id,
          url: id,
          nodeActorId: 'https://other-node.example/actors/node',
          nodeId: 'https://other-node.example/nodes/liege',
          catalog,
          published: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      );
      return object;
    });
    const document = { '@context': [...DOCUMENT_CONTEXT], '@graph': exported };
    const staged = await upload(admin, 'initiatives.jsonld', Buffer.from(JSON.stringify(document)));
    expect(staged.staged).toMatchObject({ format: 'JSONLD', rowCount: 3 });
    const run = (await admin.gql(RUN, { id: staged.staged.id, publish: false, dup: true })).data.runImport.report;
    expect(run.counts).toEqual({ create: 3, update: 0, unchanged: 0, refuse: 0, pending: 0 });
    for (const seed of seeds.slice(0, 3)) {
      const doc = (await node.registry.initiatives.findById(`${seed.handle}-copy`))!;
      expect(doc.record.name).toEqual(seed.name);
      expect(doc.record.summary).toEqual(seed.summary);
      expect(doc.record.primarySector).toBe(seed.primarySector);
      expect(doc.record.node).toBe('liege');
      // References to the exporting node's records are left out; an undisclosed migrant-led declaration never travels.
      expect(doc.record.practices).toBeUndefined();
      if (seed.migrantLed && !seed.migrantLed.consentToPublish) expect(doc.record.migrantLed).toBeUndefined();
    }
    // The same export again: keyed by the objects' IRIs, nothing new.
    const again = await upload(admin, 'initiatives.jsonld', Buffer.from(JSON.stringify(document)));
    expect((await admin.gql(RUN, { id: again.staged.id, publish: false, dup: true })).data.runImport.report.counts).toMatchObject({
      create: 0,
      unchanged: 3,
    });
  });

  it('imports a Murmurations organization profile by URL, with values given for the whole import', async () => {
    const staged = (await admin.gql(STAGE_URL, { url: `${profileBase}/profile.json` })).data.stageImportUrl;
    expect(staged.error).toBeNull();
    expect(staged.staged.format).toBe('MURMURATIONS');
    const fields = Object.fromEntries(staged.staged.columns.map((c: { header: string; field: string }) => [c.header, c.field]));
    expect(fields).toMatchObject({
      name: 'NAME',
      summary: 'SUMMARY',
      primary_url: 'WEBSITE',
      country_iso_3166: 'COUNTRY',
      locality: 'LOCALITY',
      latitude: 'LATITUDE',
      key: 'KEY',
    });
    // The profile says nothing of a legal form or a sector: refused until the admin gives them.
    const bare = (await admin.gql(PREVIEW, { id: staged.staged.id })).data.previewImport.report;
    expect(
      rowsOf(bare)[0]!
        .problems.map((p) => p.field)
        .sort(),
    ).toEqual(['legalForm', 'primarySector']);
    const settings = {
      defaults: [
        { field: 'LEGAL_FORM', value: 'L4' },
        { field: 'PRIMARY_SECTOR', value: 'AM40' },
      ],
    };
    const run = (await admin.gql(RUN, { id: staged.staged.id, settings, publish: true })).data.runImport.report;
    expect(run.counts).toMatchObject({ create: 1, refuse: 0 });
    const doc = (await node.registry.initiatives.findById(run.rows[0].handle))!;
    expect(doc.record).toMatchObject({
      // The profile names no language: the node's first one (Liège: French), which the admin can change.
      name: { fr: 'Cuisine du Monde Coopérative' },
      originalLanguage: 'fr',
      website: 'https://cuisinedumonde.example',
      location: { locality: 'Liège', country: 'BE', region: 'Wallonie', geo: { lat: 50.63, lon: 5.58 } },
      legalForm: 'L4',
      primarySector: 'AM40',
    });
    // An imported address is kept, shown to nobody until an editor chooses (privacy rule 4).
    expect(doc.record.contact).toEqual({ email: 'hello@cuisinedumonde.example' });
    const again = (await admin.gql(STAGE_URL, { url: `${profileBase}/profile.json` })).data.stageImportUrl;
    expect((await admin.gql(RUN, { id: again.staged.id, settings, publish: true })).data.runImport.report.counts).toMatchObject({
      create: 0,
      unchanged: 1,
    });
  });

  it('fetches a CSV by URL, following a redirect', async () => {
    const staged = (await admin.gql(STAGE_URL, { url: `${profileBase}/redirect` })).data.stageImportUrl;
    expect(staged.staged).toMatchObject({ format: 'CSV', rowCount: 1, label: `${profileBase}/sheet.csv` });
  });

  it('refuses URLs that are not http(s), and answers that are errors', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/list.csv', 'not a url', 'http://user:pw@example.org/x.csv']) {
      const answer = (await admin.gql(STAGE_URL, { url })).data.stageImportUrl;
      expect(answer.staged, url).toBeNull();
      expect(answer.error.fields[0], url).toMatchObject({ field: 'url', code: 'SOURCE_REFUSED' });
    }
    const missing = (await admin.gql(STAGE_URL, { url: `${profileBase}/nothing.csv` })).data.stageImportUrl;
    expect(missing.error.message).toMatch(/answered 404/);
    // A redirect is checked like the first address; an answer larger than the node's bound is cut.
    const toFile = (await admin.gql(STAGE_URL, { url: `${profileBase}/to-file` })).data.stageImportUrl;
    expect(toFile.error.message).toMatch(/http\(s\) addresses only/);
    const huge = (await admin.gql(STAGE_URL, { url: `${profileBase}/huge.csv` })).data.stageImportUrl;
    expect(huge.staged).toBeNull();
    expect(huge.error.message).toMatch(/could not be (read in full|fetched)/);
  });
});

describe('duplicates and values for every row', () => {
  it('flags rows that may be listings already in the registry, and imports them only when asked', async () => {
    const sheet = csvOf([
      [...HEADERS, 'Id'],
      [...good('Atelier Un bis', 'https://www.atelier-un.example/about'), 'other-1'],
      [...good('Atelier  Un', 'https://elsewhere.example'), 'other-2'],
      [...good('Tout autre chose', 'https://new.example'), 'other-3'],
    ]);
    const staged = await upload(admin, 'duplicates.csv', Buffer.from(sheet));
    const preview = (await admin.gql(PREVIEW, { id: staged.staged.id })).data.previewImport.report;
    const flagged = preview.rows.map((r: { duplicates: Array<{ reason: string; name: string }> }) =>
      r.duplicates.map((d) => `${d.reason} ${d.name}`),
    );
    expect(flagged).toEqual([['SAME_WEBSITE Atelier Un'], ['CLOSE_NAME Atelier Un'], []]);
    const run = (await admin.gql(RUN, { id: staged.staged.id, publish: false })).data.runImport.report;
    expect(run.counts).toMatchObject({ create: 1, refuse: 2 });
    expect(run.rows[0].problems[0]).toMatchObject({ code: 'POSSIBLE_DUPLICATE' });
    const forced = (await admin.gql(RUN, { id: staged.staged.id, publish: false, dup: true })).data.runImport.report;
    expect(forced.counts).toMatchObject({ create: 2, unchanged: 1 });
  });

  it("refuses a mapping that fills one field twice, and values for every row that are each initiative's own", async () => {
    const staged = await upload(admin, 'mapping.csv', Buffer.from(csvOf([HEADERS, good('Atelier Carte', 'https://carte.example')])));
    const mapping = staged.staged.columns.map((c) => ({
      column: c.column,
      field: c.column === 2 ? 'NAME' : c.field,
    }));
    const twice = (await admin.gql(PREVIEW, { id: staged.staged.id, settings: { mapping } })).data.previewImport;
    expect(twice.report).toBeNull();
    expect(twice.error.fields).toContainEqual(expect.objectContaining({ field: 'mapping.2', code: 'CHOSEN_TWICE' }));
    const shared = (await admin.gql(PREVIEW, { id: staged.staged.id, settings: { defaults: [{ field: 'NAME', value: 'Same for all' }] } }))
      .data.previewImport;
    expect(shared.error.fields).toContainEqual(expect.objectContaining({ field: 'defaults.0', code: 'NOT_SHARED' }));
    const sameField = [
      { field: 'LEGAL_FORM', value: 'L4' },
      { field: 'LEGAL_FORM', value: 'L5' },
    ];
    const given = (await admin.gql(PREVIEW, { id: staged.staged.id, settings: { defaults: sameField } })).data.previewImport;
    expect(given.error.fields).toContainEqual(expect.objectContaining({ field: 'defaults.1', code: 'CHOSEN_TWICE' }));
  });
});

describe('who may import', () => {
  it('admits admins only, and each admin to their own imports', async () => {
    const moderator = await createAccount(node, 'moderator@registry.test', 'moderator');
    const refused = await upload(moderator, 'x.csv', Buffer.from('Nom\r\nA\r\n'));
    expect(refused.error).toMatchObject({ code: 'NOT_AUTHORIZED' });
    const nobody = await upload(anonymous(node), 'x.csv', Buffer.from('Nom\r\nA\r\n'));
    expect(nobody.error).toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    const other = await createAccount(node, 'other-admin@registry.test', 'admin');
    const mine = await upload(admin, 'mine.csv', Buffer.from(csvOf([HEADERS, good('Atelier Privé', 'https://prive.example')])));
    const theirs = await other.gql(PREVIEW, { id: mine.staged.id });
    expect(theirs.data.previewImport.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a node that fetches only public addresses', () => {
  it('refuses a URL on loopback or inside the network', async () => {
    const strict = await startEmptyNode('liege', { allowPrivateAddresses: false });
    try {
      const strictAdmin = await createAccount(strict, 'admin@registry.test', 'admin');
      for (const url of [
        `${profileBase}/sheet.csv`,
        'http://10.0.0.1/list.csv',
        'http://[::1]/list.csv',
        'http://169.254.169.254/latest/meta-data',
      ]) {
        const answer = (await strictAdmin.gql(STAGE_URL, { url })).data.stageImportUrl;
        expect(answer.error?.message, url).toMatch(/not a public address/);
      }
    } finally {
      await strict.close();
    }
  });
});
