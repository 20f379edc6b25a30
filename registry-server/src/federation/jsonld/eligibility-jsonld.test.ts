// An initiative's eligibility and capacity travel to partners in its JSON-LD document and come
// back as the same public fields, valid (ADR 0035): what partners match requests against.
import 'temporal-polyfill/global';
import { describe, expect, it } from 'vitest';
import { initiativeFromJsonLd, initiativeToJsonLd, publicInitiativeRecord } from './initiative-jsonld.ts';
import { catalog, cityCentreOf, initiativeOptions, overTheWire, seedInitiative } from './jsonld-test-fixtures.ts';
import { UMN_CONTEXT } from './umn-context.ts';
import type { InitiativeRecord } from '../../records/record-types.ts';

const eligible = (): InitiativeRecord => ({
  ...seedInitiative('univerbal'),
  eligibility: [
    {
      basis: 'be-insertion',
      evidence: { fr: 'Agrément de la Région wallonne', en: 'Walloon accreditation' },
      evidenceUrl: 'https://example.org/agrement',
      evidenceDate: '2025-03-01',
    },
    { basis: 'eu-art77', evidenceDate: '2023-06-30' },
  ],
  deliveryArea: { country: 'BE', region: 'Wallonie', locality: 'Liège', centre: { lat: 50.63, lon: 5.57 }, radiusKm: 25 },
  teamSize: '10-19',
  pastContracts: [
    { buyer: 'Ville de Liège', year: 2024, title: { fr: 'Interprétariat social' }, publicBuyer: true, reserved: true },
    { buyer: 'Croix-Rouge de Belgique', year: 2021, title: { fr: 'Accueil', en: 'Reception' } },
  ],
});
const read = (json: unknown, record: InitiativeRecord) =>
  initiativeFromJsonLd(json, { catalog, nodeHandle: 'liege', cityCentre: cityCentreOf(record) });

describe('eligibility and capacity over ActivityPub', () => {
  it('come back from the document as the same public fields, valid', () => {
    const record = eligible();
    const json = initiativeToJsonLd(record, initiativeOptions(record));
    const result = read(overTheWire(json), record);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.record).toEqual(publicInitiativeRecord(record, cityCentreOf(record)));
    expect(result.record.eligibility).toEqual(record.eligibility);
    expect(result.record.pastContracts).toEqual(record.pastContracts);
    expect(result.record.deliveryArea).toEqual(record.deliveryArea);
    expect(result.record.teamSize).toBe('10-19');
  });

  it('name grounds and bands by concept IRI, and use only terms our context or ActivityStreams define', () => {
    const record = eligible();
    const json = initiativeToJsonLd(record, initiativeOptions(record)) as Record<string, unknown>;
    const grounds = json.reservedContractEligibility as Array<Record<string, unknown>>;
    expect(grounds[0]!.eligibilityBasis).toBe('https://umn-registry.org/ns/reserved-contract-basis/be-insertion');
    expect(json.teamSize).toBe('https://umn-registry.org/ns/team-size-band/10-19');
    const ours = UMN_CONTEXT as Record<string, unknown>;
    for (const term of [
      'reservedContractEligibility',
      'eligibilityBasis',
      'evidence',
      'evidenceUrl',
      'evidenceDate',
      'deliveryArea',
      'teamSize',
      'pastContract',
      'buyer',
      'publicBuyer',
      'reservedContract',
    ])
      expect(ours[term], term).toBeDefined();
  });

  it('leave out a ground this node does not know, with an error entry, and keep the rest', () => {
    const record = eligible();
    const json = overTheWire(initiativeToJsonLd(record, initiativeOptions(record))) as Record<string, unknown>;
    (json.reservedContractEligibility as Array<Record<string, unknown>>)[0]!.eligibilityBasis =
      'https://umn-registry.org/ns/reserved-contract-basis/fr-siae';
    const result = read(json, record);
    expect(result.record.eligibility?.map((g) => g.basis)).toEqual(['eu-art77']);
    expect(result.errors.map((e) => `${e.field} ${e.code}`)).toEqual(['eligibility.0.basis UNKNOWN_CONCEPT']);
    expect(result.valid).toBe(true);
  });

  it("leave out a received contract or proof that holds a person's e-mail address or phone number (privacy rule 4)", () => {
    const record = eligible();
    const json = overTheWire(initiativeToJsonLd(record, initiativeOptions(record))) as Record<string, unknown>;
    (json.pastContract as Array<Record<string, unknown>>)[0]!.buyer = {
      type: 'schema:Organization',
      name: 'Marie Dupont, marie@example.org',
    };
    (json.reservedContractEligibility as Array<Record<string, unknown>>)[1]!.evidence = { fr: 'Appeler le +32 470 12 34 56' };
    const result = read(json, record);
    expect(result.valid).toBe(true);
    expect(result.record.pastContracts?.map((c) => c.buyer)).toEqual(['Croix-Rouge de Belgique']);
    expect(result.record.eligibility?.map((g) => g.basis)).toEqual(['be-insertion']);
    expect(JSON.stringify(result.record)).not.toMatch(/marie@|470 12/);
    expect(result.errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'eligibility.1 PERSONAL_CONTACT',
      'pastContracts.0 PERSONAL_CONTACT',
    ]);
  });

  it('refuse a received document whose proof date or contract is malformed, like a local write', () => {
    const record = eligible();
    const wire = () => overTheWire(initiativeToJsonLd(record, initiativeOptions(record))) as Record<string, unknown>;
    const badDate = wire();
    (badDate.reservedContractEligibility as Array<Record<string, unknown>>)[1]!.evidenceDate = '2023-02-30';
    const dated = read(badDate, record);
    expect(dated.valid).toBe(false);
    expect(dated.errors.map((e) => `${e.field} ${e.code}`)).toEqual(['eligibility.1.evidenceDate INVALID_DATE']);
    const longBuyer = wire();
    (longBuyer.pastContract as Array<Record<string, unknown>>)[0]!.buyer = { type: 'schema:Organization', name: 'x'.repeat(500) };
    const long = read(longBuyer, record);
    expect(long.valid).toBe(false);
    expect(long.errors.map((e) => `${e.field} ${e.code}`)).toEqual(['pastContracts.0.buyer TOO_LONG']);
  });
});
