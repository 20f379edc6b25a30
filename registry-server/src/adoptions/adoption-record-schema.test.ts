// The adoption record's JSON Schema through the one validation layer (RecordValidator): what a
// record must say, what it refuses (unknown stages, people's details, unbounded texts, days the
// calendar lacks, unknown role codes), and the privacy rules over the whole schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordValidator } from '../records/record-validator.ts';
import { schemasDirectory, TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { adoption } from './adoption-record-fixture.ts';

const validator = new RecordValidator(TaxonomyCatalog.load());
const codes = (record: unknown) => validator.validate('adoption-record', record).map((e) => `${e.field} ${e.code}`);

describe('the adoption record schema', () => {
  it('accepts a full record and a minimal one (a draft started from a practice page)', () => {
    expect(codes(adoption)).toEqual([]);
    const { handle, practice, stage, title, originalLanguage, node } = adoption;
    expect(codes({ handle, practice, stage, title, originalLanguage, node })).toEqual([]);
  });

  it('refuses a record without its practice, stage or title, and a stage it does not know', () => {
    const { practice: _p, stage: _s, title: _t, ...rest } = adoption;
    expect(codes(rest).sort()).toEqual(['practice REQUIRED', 'stage REQUIRED', 'title REQUIRED']);
    expect(codes({ ...adoption, stage: 'finished' })).toEqual(['stage NOT_ALLOWED']);
    expect(codes({ ...adoption, title: {} })).not.toEqual([]);
  });

  it('refuses a practice that is not an http(s) IRI', () => {
    expect(codes({ ...adoption, practice: 'pt4-guichet-unique' })).not.toEqual([]);
    expect(codes({ ...adoption, practice: 'javascript:alert(1)' })).not.toEqual([]);
  });

  it('refuses fields about people anywhere: an organisation with a contact, an outcome with a name, an extra field', () => {
    expect(codes({ ...adoption, organisations: [{ name: 'CGIL Milano', email: 'mario@cgil.example' }] })).not.toEqual([]);
    expect(codes({ ...adoption, outcomes: [{ ...adoption.outcomes[0], person: 'Mario Rossi' }] })).not.toEqual([]);
    expect(codes({ ...adoption, contact: 'someone' })).not.toEqual([]);
    expect(codes({ ...adoption, changes: [{ change: { it: 'x' }, by: 'Mario' }] })).not.toEqual([]);
  });

  it('refuses days the calendar lacks, unknown role codes and texts too long', () => {
    expect(codes({ ...adoption, stageDates: { adopting: '2026-02-30' } })).toEqual(['stageDates.adopting INVALID_DATE']);
    expect(codes({ ...adoption, outcomes: [{ ...adoption.outcomes[0], date: '2026-13' }] })).not.toEqual([]);
    expect(codes({ ...adoption, organisations: [{ name: 'CGIL Milano', role: 'boss' }] })).toEqual(['organisations.0.role UNKNOWN_CODE']);
    expect(codes({ ...adoption, title: { it: 'x'.repeat(301) } })).not.toEqual([]);
    expect(codes({ ...adoption, kept: { it: 'x'.repeat(4001) } })).not.toEqual([]);
    expect(codes({ ...adoption, changes: Array.from({ length: 31 }, () => ({ change: { it: 'x' } })) })).not.toEqual([]);
    expect(codes({ ...adoption, outcomes: [{ value: Number.MAX_VALUE, description: { it: 'x' } }] })).not.toEqual([]);
    expect(codes({ ...adoption, originalLanguage: 'xx-notalanguage-tag-123' })).not.toEqual([]);
  });
});

describe('the adoption record schema as a whole (every field, not only the examples)', () => {
  const schema = JSON.parse(readFileSync(join(schemasDirectory(), 'records', 'adoption-record.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('closes every object, so no field outside the schema (a contact, a person) can be stored', () => {
    const open = [...subSchemas(schema)]
      .filter(([, s]) => s.type === 'object' && s.additionalProperties !== false && typeof s.additionalProperties !== 'object')
      .map(([path]) => path);
    expect(open).toEqual([]);
  });

  it('names no field after a way to reach or describe a person', () => {
    const personal =
      /mail|phone|contact|person|people|member|firstname|lastname|surname|birth|nationality|residence|address|photo|staff|author/i;
    const names = [...subSchemas(schema)].flatMap(([, s]) => Object.keys((s.properties as Record<string, unknown> | undefined) ?? {}));
    expect(names.length).toBeGreaterThan(25);
    expect(names.filter((name) => personal.test(name))).toEqual([]);
  });

  it('bounds every free text and every list', () => {
    const unbounded = [...subSchemas(schema)]
      .filter(
        ([, s]) =>
          (s.type === 'string' && s.maxLength === undefined && s.pattern === undefined && s.enum === undefined) ||
          (s.type === 'array' && s.maxItems === undefined) ||
          (s.type === 'object' && s.additionalProperties !== false && s.maxProperties === undefined),
      )
      .map(([path]) => path);
    expect(unbounded).toEqual([]);
  });
});

function* subSchemas(schema: unknown, path = '#'): Generator<[string, Record<string, unknown>]> {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* subSchemas(item, `${path}/${i}`);
    return;
  }
  yield [path, schema as Record<string, unknown>];
  for (const [key, value] of Object.entries(schema)) yield* subSchemas(value, `${path}/${key}`);
}
