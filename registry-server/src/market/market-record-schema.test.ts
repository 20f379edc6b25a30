// The market record's JSON Schema and the codes behind it, through the one validation layer
// (RecordValidator): the four kinds, the privacy rules (organisations only, no way to reach a
// person), taxonomy codes, dates and text sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordValidator } from '../records/record-validator.ts';
import { schemasDirectory, TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

const validator = new RecordValidator(TaxonomyCatalog.load());
const validate = (record: unknown) => validator.validate('market-record', record);
const codes = (record: unknown) => validate(record).map((e) => `${e.field} ${e.code}`);

const common = {
  title: { fr: 'Titre', en: 'Title' },
  summary: { fr: 'Résumé.' },
  originalLanguage: 'fr',
  area: { country: 'BE', locality: 'Liège' },
  expiresOn: '2027-06-30',
  node: 'liege',
};
export const request = {
  ...common,
  handle: 'catering-sourcing',
  kind: 'request',
  owner: { organisation: 'Ville de Liège, service des marchés publics' },
  sectors: ['AM40'],
  request: {
    requestKind: 'sourcing',
    intent: 'reserved-contract',
    cpvCodes: ['55520000-1'],
    budgetBand: '30k-140k',
    deadline: '2027-05-31',
  },
};
const need = {
  ...common,
  handle: 'univerbal-meeting-room',
  kind: 'need',
  owner: { initiative: 'univerbal' },
  need: { needKinds: ['meeting-room', 'kitchen'], frequency: { fr: 'Deux soirs par semaine' } },
};
const offer = {
  ...common,
  handle: 'liege-precarious-rooms',
  kind: 'offer',
  owner: { organisation: 'Ville de Liège, Régie foncière', organisationUrl: 'https://www.liege.be' },
  offer: {
    offerKind: 'premises',
    premisesKinds: ['storage'],
    lendingForms: ['precarious-occupation'],
    conditions: { fr: 'Pendant les rénovations.' },
  },
};
const opening = {
  ...common,
  handle: 'sirius-coding-places',
  kind: 'opening',
  owner: { initiative: 'sirius' },
  opening: { openingKind: 'training-place', places: 12, languages: ['fr', 'ar'] },
};

describe('the market record schema', () => {
  it('accepts each of the four kinds', () => {
    for (const record of [request, need, offer, opening]) expect(validate(record)).toEqual([]);
  });

  it('has no field that reaches a person: contact e-mails, phones and names are unknown fields, wherever they are put', () => {
    expect(codes({ ...request, contactEmail: 'someone@example.org' })).toEqual(['contactEmail UNKNOWN_FIELD']);
    expect(codes({ ...request, contact: { email: 'buyer@example.org' } })).toEqual(['contact UNKNOWN_FIELD']);
    expect(codes({ ...request, owner: { ...request.owner, email: 'someone@example.org' } })).toEqual(['owner.email UNKNOWN_FIELD']);
    expect(codes({ ...request, owner: { ...request.owner, person: 'Jane Doe' } })).toEqual(['owner.person UNKNOWN_FIELD']);
    expect(codes({ ...request, request: { ...request.request, contactPhone: '+32 4 000 00 00' } })).toEqual([
      'request.contactPhone UNKNOWN_FIELD',
    ]);
    expect(codes({ ...opening, opening: { ...opening.opening, candidate: 'A. B.' } })).toEqual(['opening.candidate UNKNOWN_FIELD']);
  });

  it('links needs and openings to an initiative, requests and offers to an organisation, never the other way', () => {
    expect(codes({ ...need, owner: { organisation: 'Univerbal ASBL' } })).toEqual(
      expect.arrayContaining(['owner.initiative REQUIRED', 'owner.organisation NOT_ALLOWED']),
    );
    expect(codes({ ...request, owner: { initiative: 'univerbal' } })).toEqual(
      expect.arrayContaining(['owner.organisation REQUIRED', 'owner.initiative NOT_ALLOWED']),
    );
    expect(codes({ ...offer, owner: {} })).toEqual(['owner.organisation REQUIRED']);
  });

  it("keeps each kind's details on its own kind", () => {
    expect(codes({ ...need, offer: offer.offer })).toEqual(['offer NOT_ALLOWED']);
    const { request: details, ...withoutDetails } = request;
    expect(details).toBeDefined();
    expect(codes(withoutDetails)).toEqual(['request REQUIRED']);
    expect(codes({ ...request, kind: 'wish' })).toEqual(expect.arrayContaining(['kind NOT_ALLOWED']));
  });

  it('refuses codes of no taxonomy, and CPV codes of the wrong shape', () => {
    expect(codes({ ...request, sectors: ['AM999'] })).toEqual(['sectors.0 UNKNOWN_CODE']);
    expect(codes({ ...request, request: { ...request.request, budgetBand: 'huge' } })).toEqual(['request.budgetBand UNKNOWN_CODE']);
    expect(codes({ ...request, request: { ...request.request, cpvCodes: ['5552'] } })).toEqual(['request.cpvCodes.0 INVALID_FORMAT']);
    expect(codes({ ...need, need: { needKinds: ['castle'] } })).toEqual(['need.needKinds.0 UNKNOWN_CODE']);
    expect(codes({ ...offer, offer: { ...offer.offer, lendingForms: ['squat'] } })).toEqual(['offer.lendingForms.0 UNKNOWN_CODE']);
    expect(codes({ ...offer, offer: { ...offer.offer, offerKind: 'castle' } })).toEqual(['offer.offerKind UNKNOWN_CODE']);
    expect(codes({ ...opening, opening: { openingKind: 'volunteering', languages: ['not a tag'] } })).toEqual(
      expect.arrayContaining(['opening.languages.0 INVALID_FORMAT']),
    );
    expect(codes({ ...request, area: { country: 'XX' } })).toEqual(['area.country UNKNOWN_COUNTRY']);
  });

  it('refuses dates that are not full days or do not exist, and a missing expiry', () => {
    expect(codes({ ...request, expiresOn: '2027-06' })).toEqual(['expiresOn INVALID_FORMAT']);
    expect(codes({ ...request, expiresOn: '2027-02-30' })).toEqual(['expiresOn INVALID_DATE']);
    expect(codes({ ...request, period: { startDate: '2027-04-31' } })).toEqual(['period.startDate INVALID_DATE']);
    const { expiresOn, ...noExpiry } = request;
    expect(expiresOn).toBeDefined();
    expect(codes(noExpiry)).toEqual(['expiresOn REQUIRED']);
  });

  it('bounds free texts and their languages', () => {
    expect(codes({ ...request, title: { fr: 'x'.repeat(301) } })).toEqual(['title.fr TOO_LONG']);
    expect(codes({ ...request, description: { fr: 'x'.repeat(4001) } })).toEqual(['description.fr TOO_LONG']);
    expect(codes({ ...offer, offer: { ...offer.offer, conditions: { fr: 'x'.repeat(1001) } } })).toEqual(['offer.conditions.fr TOO_LONG']);
    const many = Object.fromEntries(
      ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de', 'es', 'pt', 'ro', 'pl', 'cs', 'sk', 'hu', 'hr', 'sr', 'sq', 'tr', 'fa'].map(
        (l) => [l, 't'],
      ),
    );
    expect(codes({ ...request, title: many })).toEqual(['title TOO_MANY']);
    expect(codes({ ...request, owner: { organisation: 'x'.repeat(201) } })).toEqual(['owner.organisation TOO_LONG']);
  });

  it('takes a place as an area, never as a bare point', () => {
    expect(codes({ ...need, area: { country: 'BE', centre: { lat: 50.64, lon: 5.57 } } })).toEqual(['area.radiusKm REQUIRED']);
    expect(codes({ ...need, area: { country: 'BE', centre: { lat: 50.64, lon: 5.57 }, radiusKm: 0.1 } })).toEqual([
      'area.radiusKm OUT_OF_RANGE',
    ]);
    expect(validate({ ...need, area: { country: 'BE', centre: { lat: 50.64, lon: 5.57 }, radiusKm: 5 } })).toEqual([]);
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

describe('the market record schema as a whole (every field, not only the examples)', () => {
  const schema = JSON.parse(readFileSync(join(schemasDirectory(), 'records', 'market-record.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('closes every object, so no field outside the schema (a contact, a person) can be stored', () => {
    const open = [...subSchemas(schema)]
      .filter(
        ([path, s]) =>
          s.type === 'object' && !path.includes('/then') && s.additionalProperties !== false && typeof s.additionalProperties !== 'object',
      )
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  it('names no field after a way to reach or describe a person', () => {
    const personal =
      /mail|phone|contact|person|people|member|firstname|lastname|surname|birth|nationality|residence|address|photo|candidate/i;
    const names = [...subSchemas(schema)].flatMap(([, s]) => Object.keys((s.properties as Record<string, unknown> | undefined) ?? {}));
    expect(names.length).toBeGreaterThan(30);
    expect(names.filter((name) => personal.test(name))).toEqual([]);
  });

  it('bounds every free text and every list', () => {
    const unbounded = [...subSchemas(schema)]
      .filter(
        ([, s]) =>
          (s.type === 'string' && s.maxLength === undefined && s.pattern === undefined && s.enum === undefined) ||
          (s.type === 'array' && s.maxItems === undefined),
      )
      .map(([path]) => path);
    expect(unbounded).toEqual([]);
  });
});
