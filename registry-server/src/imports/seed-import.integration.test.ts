// Issue 17's done-when for imports: a CSV made from the seeds' initiatives (one row each, with
// the headers the mapping proposes) imported into a node with no listings gives the same records,
// on every field the CSV carries; importing it again creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeeds } from '../seeding/seed-files.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import { startEmptyNode } from '../testing/empty-node.ts';
import { createAccount, type Session } from '../testing/graphql-client.ts';
import type { TestNode } from '../testing/test-node.ts';
import { csvOf, PREVIEW, RUN, upload } from './import-test-support.ts';

const seeds = readSeeds(undefined, ['liege']).initiatives.map((s) => s.record);
const TEXTS = ['name', 'summary', 'description', 'mission'] as const;
const languages = (field: (typeof TEXTS)[number]) => [...new Set(seeds.flatMap((s) => Object.keys(s[field] ?? {})))].sort();

/** The CSV's columns: header, and the seed's cell. Lists are written "a; b", as people do. */
const COLUMNS: Array<[string, (s: InitiativeRecord) => string]> = [
  ['Identifier', (s) => `seed-${s.handle}`],
  ['Handle', (s) => s.handle],
  ...TEXTS.flatMap((field) =>
    languages(field).map((l): [string, (s: InitiativeRecord) => string] => [`${field} (${l})`, (s) => s[field]?.[l] ?? '']),
  ),
  ['Original language', (s) => s.originalLanguage],
  ['Alternate names', (s) => (s.alternateNames ?? []).join('; ')],
  ['Legal form', (s) => s.legalForm],
  ['National legal form', (s) => s.nationalLegalForm ?? ''],
  ['Organisational structure', (s) => s.organisationalStructure ?? ''],
  ['Sector', (s) => s.primarySector],
  ['Additional sectors', (s) => (s.additionalSectors ?? []).join('; ')],
  ['Activities', (s) => (s.activities ?? []).join('; ')],
  ['Qualifiers', (s) => (s.qualifiers ?? []).join('; ')],
  ['Languages', (s) => (s.languagesOffered ?? []).join('; ')],
  ['City', (s) => s.location.locality],
  ['Country', (s) => s.location.country],
  ['Region', (s) => s.location.region ?? ''],
  ['Neighbourhood', (s) => s.location.neighbourhood ?? ''],
  ['Street address', (s) => s.location.streetAddress ?? ''],
  ['Postal code', (s) => s.location.postalCode ?? ''],
  ['Precision', (s) => s.location.precision],
  ['Latitude', (s) => (s.location.geo ? String(s.location.geo.lat) : '')],
  ['Longitude', (s) => (s.location.geo ? String(s.location.geo.lon) : '')],
  ['Website', (s) => s.website ?? ''],
  ['Status', (s) => s.status ?? ''],
  ['Start date', (s) => s.startDate ?? ''],
];
const CARRIED = [
  'handle',
  ...TEXTS,
  'originalLanguage',
  'alternateNames',
  'legalForm',
  'nationalLegalForm',
  'organisationalStructure',
  'primarySector',
  'additionalSectors',
  'activities',
  'qualifiers',
  'languagesOffered',
  'location',
  'website',
  'status',
  'startDate',
] as const;

const csv = Buffer.from(csvOf([COLUMNS.map(([h]) => h), ...seeds.map((s) => COLUMNS.map(([, cell]) => cell(s)))]));

let node: TestNode;
let admin: Session;

beforeAll(async () => {
  node = await startEmptyNode('liege');
  admin = await createAccount(node, 'admin@registry.test', 'admin');
});
afterAll(() => node?.close());

describe('importing the seeds from a CSV into an empty node', () => {
  it('proposes a field for every column, and imports every seed as it is', async () => {
    expect(await node.registry.initiatives.listLocalUndeleted()).toHaveLength(0);
    const staged = await upload(admin, 'seeds.csv', csv, 16 * 1024);
    expect(staged.error).toBeNull();
    expect(staged.staged).toMatchObject({ ready: true, format: 'CSV', rowCount: seeds.length, mappingRemembered: false });
    expect(
      staged.staged.columns.filter((c: { field: string | null }) => c.field === null).map((c: { header: string }) => c.header),
    ).toEqual([]);
    expect(staged.staged.columns.find((c: { header: string }) => c.header === 'summary (en)')).toMatchObject({
      field: 'SUMMARY',
      language: 'en',
    });

    const preview = await admin.gql(PREVIEW, { id: staged.staged.id });
    expect(preview.data.previewImport.error).toBeNull();
    expect(preview.data.previewImport.report.rows.filter((r: { outcome: string }) => r.outcome === 'REFUSE')).toEqual([]);
    expect(preview.data.previewImport.report.counts).toEqual({ create: seeds.length, update: 0, unchanged: 0, refuse: 0, pending: 0 });
    // The dry run wrote no record.
    expect(await node.registry.initiatives.listLocalUndeleted()).toHaveLength(0);

    const run = await admin.gql(RUN, { id: staged.staged.id, publish: true });
    expect(run.data.runImport.error).toBeNull();
    expect(run.data.runImport.report.counts).toEqual({ create: seeds.length, update: 0, unchanged: 0, refuse: 0, pending: 0 });

    for (const seed of seeds) {
      const doc = await node.registry.initiatives.findById(seed.handle);
      expect(doc?.publication.state, seed.handle).toBe('published');
      for (const field of CARRIED) expect(doc!.record[field], `${seed.handle}: ${field}`).toEqual(seed[field]);
    }
    // Published through the editorial path: search finds them.
    const search = await node.query('{ search(first: 1) { totalCount } }');
    expect(search.body.data.search.totalCount).toBe(seeds.length);
  });

  it('updates instead of duplicating when the same file is imported again, and remembers the mapping', async () => {
    const staged = await upload(admin, 'seeds again.csv', csv);
    expect(staged.staged.mappingRemembered).toBe(true);
    const run = await admin.gql(RUN, { id: staged.staged.id, publish: true });
    expect(run.data.runImport.report.counts).toEqual({ create: 0, update: 0, unchanged: seeds.length, refuse: 0, pending: 0 });
    expect(await node.registry.initiatives.listLocalUndeleted()).toHaveLength(seeds.length);

    // One summary changed in the sheet: that record is updated, the others are left alone.
    const changed = Buffer.from(csv.toString('utf8').replace(seeds[0]!.summary.en!, 'A summary edited in the city spreadsheet.'));
    const again = await upload(admin, 'seeds edited.csv', changed);
    const report = (await admin.gql(RUN, { id: again.staged.id, publish: true })).data.runImport.report;
    expect(report.counts).toEqual({ create: 0, update: 1, unchanged: seeds.length - 1, refuse: 0, pending: 0 });
    expect(report.rows.find((r: { outcome: string }) => r.outcome === 'UPDATE').changedFields).toEqual(['summary']);
    expect((await node.registry.initiatives.findById(seeds[0]!.handle))!.record.summary).toEqual({
      ...seeds[0]!.summary,
      en: 'A summary edited in the city spreadsheet.',
    });
  });
});
