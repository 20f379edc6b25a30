// The eligibility and capacity fields of the initiative schema (issue 15 point 3, ADR 0035),
// through the one validation layer: codes of the two new taxonomies, full and real dates,
// bounds, an area never a bare point, and no field that can hold a way to reach a person.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordValidator } from '../records/record-validator.ts';
import { schemasDirectory, TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

const catalog = TaxonomyCatalog.load();
const validator = new RecordValidator(catalog);
const codes = (record: unknown) => validator.validate('initiative', record).map((e) => `${e.field} ${e.code}`);

export const eligibleInitiative = {
  handle: 'kitchen-coop',
  name: { fr: 'Cuisine solidaire' },
  summary: { fr: 'Des repas solidaires.' },
  originalLanguage: 'fr',
  legalForm: 'L1',
  primarySector: 'AM60',
  location: { locality: 'Liège', country: 'BE', precision: 'city' },
  node: 'liege',
  eligibility: [
    {
      basis: 'be-insertion',
      evidence: { fr: 'Agrément entreprise d’insertion de la Région wallonne' },
      evidenceUrl: 'https://example.org/agrement',
      evidenceDate: '2025-03-01',
    },
    { basis: 'eu-art77', evidenceDate: '2024-01-15' },
  ],
  deliveryArea: { country: 'BE', locality: 'Liège', centre: { lat: 50.63, lon: 5.57 }, radiusKm: 25 },
  teamSize: '5-9',
  pastContracts: [{ buyer: 'Ville de Liège', year: 2024, title: { fr: 'Repas des écoles' }, publicBuyer: true, reserved: true }],
};
const withEntry = (entry: Record<string, unknown>) => ({ ...eligibleInitiative, eligibility: [entry] });
const withContract = (contract: Record<string, unknown>) => ({ ...eligibleInitiative, pastContracts: [contract] });

describe('eligibility and capacity on the initiative schema', () => {
  it('accepts grounds with proofs, a delivery area, a team size band and past contracts', () => {
    expect(codes(eligibleInitiative)).toEqual([]);
  });

  it('refuses a ground or a band that is not a code of its taxonomy', () => {
    expect(codes(withEntry({ basis: 'eu-art21', evidenceDate: '2025-01-01' }))).toEqual(['eligibility.0.basis UNKNOWN_CODE']);
    expect(codes(withEntry({ basis: 'BE-ASBL', evidenceDate: '2025-01-01' }))).toEqual(['eligibility.0.basis UNKNOWN_CODE']);
    expect(codes({ ...eligibleInitiative, teamSize: '7' })).toEqual(['teamSize UNKNOWN_CODE']);
    expect(codes({ ...eligibleInitiative, teamSize: '50+' })).toEqual(['teamSize INVALID_FORMAT']);
  });

  it('requires the day of the proof, as a real full date', () => {
    expect(codes(withEntry({ basis: 'eu-art20' }))).toEqual(['eligibility.0.evidenceDate REQUIRED']);
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025' }))).toEqual(['eligibility.0.evidenceDate INVALID_FORMAT']);
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025-02-30' }))).toEqual(['eligibility.0.evidenceDate INVALID_DATE']);
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025-13-01' }))).toEqual(['eligibility.0.evidenceDate INVALID_FORMAT']);
  });

  it('bounds lists, texts, years and radii', () => {
    const eleven = Array.from({ length: 11 }, () => ({ basis: 'eu-art20', evidenceDate: '2025-01-01' }));
    expect(codes({ ...eligibleInitiative, eligibility: eleven })).toEqual(['eligibility TOO_MANY']);
    const contracts = Array.from({ length: 21 }, () => eligibleInitiative.pastContracts[0]);
    expect(codes({ ...eligibleInitiative, pastContracts: contracts })).toEqual(['pastContracts TOO_MANY']);
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025-01-01', evidence: { fr: 'x'.repeat(301) } }))).toEqual([
      'eligibility.0.evidence.fr TOO_LONG',
    ]);
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025-01-01', evidence: {} }))).toEqual(['eligibility.0.evidence REQUIRED']);
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025-01-01', evidenceUrl: 'javascript:alert(1)' }))).toEqual(
      expect.arrayContaining(['eligibility.0.evidenceUrl INVALID_FORMAT']),
    );
    expect(codes(withContract({ buyer: 'x'.repeat(201), year: 2024, title: { fr: 'x' } }))).toEqual(['pastContracts.0.buyer TOO_LONG']);
    expect(codes(withContract({ buyer: '', year: 2024, title: { fr: 'x' } }))).toEqual(['pastContracts.0.buyer TOO_SHORT']);
    expect(codes(withContract({ buyer: 'Ville', year: 1900, title: { fr: 'x' } }))).toEqual(['pastContracts.0.year OUT_OF_RANGE']);
    expect(codes(withContract({ buyer: 'Ville', year: 2024.5, title: { fr: 'x' } }))).toEqual(['pastContracts.0.year WRONG_TYPE']);
    expect(codes(withContract({ buyer: 'Ville', year: 2024, title: { fr: 'x'.repeat(301) } }))).toEqual([
      'pastContracts.0.title.fr TOO_LONG',
    ]);
    expect(codes(withContract({ buyer: 'Ville', year: 2024, title: { 'not a tag': 'x' } }))).toEqual(
      expect.arrayContaining(['pastContracts.0.title.not a tag INVALID_LANGUAGE_TAG']),
    );
    expect(codes({ ...eligibleInitiative, deliveryArea: { country: 'BE', centre: { lat: 50.6, lon: 5.5 }, radiusKm: 501 } })).toEqual([
      'deliveryArea.radiusKm OUT_OF_RANGE',
    ]);
  });

  it('takes the delivery area as an area, never as a bare point, in a real country', () => {
    expect(codes({ ...eligibleInitiative, deliveryArea: { country: 'BE', centre: { lat: 50.6, lon: 5.5 } } })).toEqual([
      'deliveryArea.radiusKm REQUIRED',
    ]);
    expect(codes({ ...eligibleInitiative, deliveryArea: { country: 'XX' } })).toEqual(['deliveryArea.country UNKNOWN_COUNTRY']);
    expect(codes({ ...eligibleInitiative, deliveryArea: { locality: 'Liège' } })).toEqual(['deliveryArea.country REQUIRED']);
  });

  it('has no place for a person: names, e-mails and phones beside a ground or a contract are unknown fields', () => {
    expect(codes(withEntry({ basis: 'eu-art20', evidenceDate: '2025-01-01', contactPerson: 'Jane Doe' }))).toEqual([
      'eligibility.0.contactPerson UNKNOWN_FIELD',
    ]);
    expect(codes(withContract({ buyer: 'Ville', year: 2024, title: { fr: 'x' }, buyerEmail: 'jane@example.org' }))).toEqual([
      'pastContracts.0.buyerEmail UNKNOWN_FIELD',
    ]);
    expect(codes(withContract({ buyer: 'Ville', year: 2024, title: { fr: 'x' }, referee: 'Jane Doe' }))).toEqual([
      'pastContracts.0.referee UNKNOWN_FIELD',
    ]);
    expect(codes({ ...eligibleInitiative, deliveryArea: { country: 'BE', street: 'Rue X 1' } })).toEqual([
      'deliveryArea.street UNKNOWN_FIELD',
    ]);
  });
});

/** Every sub-schema of `schema` with its JSON path. */
function* subSchemas(schema: unknown, path = '#'): Generator<[string, Record<string, unknown>]> {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* subSchemas(item, `${path}/${i}`);
    return;
  }
  yield [path, schema as Record<string, unknown>];
  for (const [key, value] of Object.entries(schema)) yield* subSchemas(value, `${path}/${key}`);
}

describe('the eligibility and capacity fields as a whole (every field, not only the examples)', () => {
  const schema = JSON.parse(readFileSync(join(schemasDirectory(), 'records', 'initiative.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
  };
  const fields = ['eligibility', 'deliveryArea', 'teamSize', 'pastContracts'].map((f) => [f, schema.properties[f]] as const);

  it('closes every object and bounds every text and list', () => {
    const parts = fields.flatMap(([name, s]) => [...subSchemas(s, `#/properties/${name}`)]);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.filter(([, s]) => s.type === 'object' && s.additionalProperties === undefined).map(([p]) => p)).toEqual([]);
    expect(
      parts
        .filter(
          ([, s]) =>
            (s.type === 'string' && s.maxLength === undefined && s.pattern === undefined) ||
            (s.type === 'array' && s.maxItems === undefined),
        )
        .map(([p]) => p),
    ).toEqual([]);
  });

  it('names no field after a way to reach or describe a person', () => {
    const personal = /mail|phone|contact|person|people|member|name|birth|nationality|residence|address|photo|referee/i;
    const names = fields.flatMap(([, s]) =>
      [...subSchemas(s)].flatMap(([, sub]) => Object.keys((sub.properties as object | undefined) ?? {})),
    );
    expect(names).toEqual(expect.arrayContaining(['basis', 'evidenceDate', 'buyer', 'year', 'radiusKm']));
    expect(names.filter((name) => personal.test(name))).toEqual([]);
  });
});

describe('the reserved-contract-basis taxonomy', () => {
  const concepts = catalog.get('reserved-contract-basis')!.concepts;

  it('names for every ground the EU article it is or implements, with the two articles themselves', () => {
    expect(concepts.map((c) => c.code)).toEqual(expect.arrayContaining(['eu-art20', 'eu-art77']));
    expect(concepts.filter((c) => c.implements !== 'eu-art20' && c.implements !== 'eu-art77').map((c) => c.code)).toEqual([]);
  });

  it('covers the five countries of the network with national statuses, each with its country', () => {
    const countries = new Set(concepts.filter((c) => c.code.startsWith('eu-') === false).map((c) => c.country));
    expect([...countries].sort()).toEqual(['BE', 'BG', 'GR', 'IT', 'SI']);
    for (const concept of concepts) expect(concept.definitions?.en ?? '').toMatch(/Directive 2014\/24\/EU, Article (20|77)/);
  });

  it('labels every ground and band in the nine languages, not as copies of the English', () => {
    for (const concept of [...concepts, ...catalog.get('team-size-band')!.concepts]) {
      const labels = concept.labels;
      for (const language of ['fr', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'])
        expect(labels[language], `${concept.code} ${language}`).not.toBe(labels.en);
    }
  });
});
