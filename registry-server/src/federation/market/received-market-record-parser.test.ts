// What a partner may say in a market record it serves, case by case (ADR 0038): the document is
// the one fetched and is the sender's, its record valid against the schema and today's rules at
// this node's clock, a need or an opening names an initiative on the sender's own node. The
// document a node serves (market-record-jsonld.ts) is pinned as a snapshot, and read back whole.
import { describe, expect, it } from 'vitest';
import { deriveMarketRecord, type StoredMarketRecord } from '../../market/market-record-repository.ts';
import type { MarketRecord } from '../../market/market-record.ts';
import { RecordValidator } from '../../records/record-validator.ts';
import { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { marketRecordToJsonLd } from './market-record-jsonld.ts';
import { parseReceivedMarketRecord } from './received-market-record-parser.ts';

const validator = new RecordValidator(TaxonomyCatalog.load());
const ORIGIN = 'https://liege.example';
const SENDER = `${ORIGIN}/nodes/liege`;
const TODAY = '2027-01-15';

const need: MarketRecord = {
  handle: 'atemos-kitchen',
  kind: 'need',
  title: { fr: 'Une cuisine avec eau courante', en: 'A kitchen with running water' },
  summary: { fr: 'Pour les ateliers de cuisine <du jeudi>.' },
  description: { fr: 'Deux après-midi par semaine.\n\nAu centre-ville.' },
  originalLanguage: 'fr',
  owner: { initiative: 'atemos' },
  area: { country: 'BE', locality: 'Liège', centre: { lat: 50.64, lon: 5.57 }, radiusKm: 3 },
  expiresOn: '2027-06-30',
  need: { needKinds: ['kitchen'] },
  node: 'liege',
};

function served(record: MarketRecord = need): Record<string, unknown> {
  const doc = {
    _id: record.handle,
    record,
    derived: deriveMarketRecord(record),
    schemaVersion: 1,
    version: 3,
    createdAt: '2027-01-02T09:00:00.000Z',
    updatedAt: '2027-01-10T09:00:00.000Z',
    origin: { kind: 'local' },
    publication: { state: 'published', publishedAt: '2027-01-03T09:00:00.000Z' },
  } as StoredMarketRecord;
  return marketRecordToJsonLd(doc, {
    id: `${ORIGIN}/market/${record.handle}`,
    nodeActorId: SENDER,
    ...(record.owner.initiative ? { ownerInitiativeId: `${ORIGIN}/initiatives/${record.owner.initiative}` } : {}),
  });
}

const parse = (document: unknown, expectedId = `${ORIGIN}/market/atemos-kitchen`, today = TODAY) =>
  parseReceivedMarketRecord(JSON.parse(JSON.stringify(document)), {
    validator,
    expectedId,
    sender: SENDER,
    nodeHandle: 'liege-partner',
    today,
  });
const withRecord = (changes: Record<string, unknown>, document = served()) => ({
  ...document,
  marketRecord: { ...(document.marketRecord as object), ...changes },
});
const refusal = (result: ReturnType<typeof parse>) =>
  result.kind === 'invalid' ? result.errors.map((e) => e.field).join(' ') : result.kind;

describe('a served market record', () => {
  it('is a Page with the record as a JSON literal, pinned', async () => {
    await expect(JSON.stringify(served(), null, 2)).toMatchFileSnapshot('__snapshots__/market-record-need.jsonld');
  });

  it('reads back as the same record, filed under the handle this node gives the sender', () => {
    const result = parse(served());
    expect(result).toEqual({ kind: 'record', record: { ...need, node: 'liege-partner' }, updated: '2027-01-10T09:00:00.000Z' });
  });
});

describe('what a partner may not say', () => {
  it('refuses a document that is not the one fetched, or not a Page', () => {
    expect(refusal(parse(served(), `${ORIGIN}/market/another-record`))).toBe('id');
    expect(refusal(parse({ ...served(), type: 'Note' }))).toBe('type');
    expect(refusal(parse('not an object'))).toBe('');
  });

  it('refuses a record that names another node as its node or author', () => {
    expect(refusal(parse({ ...served(), isPartOf: 'https://sofia.example/nodes/sofia' }))).toBe('isPartOf');
    expect(refusal(parse({ ...served(), attributedTo: ['https://sofia.example/nodes/sofia'] }))).toBe('attributedTo');
  });

  it('refuses a record whose handle is not the one its IRI ends with', () => {
    expect(refusal(parse(withRecord({ handle: 'someone-elses-record' })))).toBe('marketRecord.handle');
    expect(refusal(parse({ ...served(), marketRecord: undefined }))).toBe('marketRecord');
  });

  it('refuses a need or an opening of an initiative that is not on the sender’s node', () => {
    expect(refusal(parse({ ...served(), ownerInitiative: 'https://sofia.example/initiatives/atemos' }))).toBe('ownerInitiative');
    expect(refusal(parse({ ...served(), ownerInitiative: `${ORIGIN}/initiatives/univerbal` }))).toBe('ownerInitiative');
    expect(refusal(parse({ ...served(), ownerInitiative: undefined }))).toBe('ownerInitiative');
    expect(refusal(parse(withRecord({ owner: { organisation: 'Ville de Liège' } })))).toMatch(/owner/);
  });

  it('refuses an expiry more than a year ahead of this node’s day, and treats one already past as gone', () => {
    expect(refusal(parse(withRecord({ expiresOn: '2028-01-16' })))).toBe('expiresOn');
    expect(parse(withRecord({ expiresOn: '2028-01-15' })).kind).toBe('record');
    expect(parse(served(), undefined, '2027-07-01')).toEqual({ kind: 'gone' });
  });

  it('refuses a record the schema refuses: a field it does not have, a bare point, a missing block, an unknown code', () => {
    expect(refusal(parse(withRecord({ contactEmail: 'someone@example.org' })))).toMatch(/contactEmail/);
    expect(refusal(parse(withRecord({ area: { country: 'BE', centre: { lat: 50.64, lon: 5.57 } } })))).toMatch(/area/);
    expect(refusal(parse(withRecord({ need: undefined })))).toMatch(/need/);
    expect(refusal(parse(withRecord({ need: { needKinds: ['not-a-code'] } })))).toMatch(/need/);
  });

  it('takes a Tombstone as the record being gone', () => {
    expect(parse({ id: `${ORIGIN}/market/atemos-kitchen`, type: 'Tombstone' })).toEqual({ kind: 'gone' });
  });
});
