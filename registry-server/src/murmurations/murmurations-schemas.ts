// The Murmurations schemas this node's profiles claim, validated as the index validates them: the
// library's default schema first (every top-level name in snake case, `linked_schemas` present),
// then each schema the profile names in `linked_schemas`. The schemas are copies kept in
// schemas/murmurations/ (see its README), so validation never reaches the network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { schemasDirectory } from '../taxonomies/taxonomy-catalog.ts';

export const ORGANIZATIONS_SCHEMA = 'organizations_schema-v1.0.0';
export const OFFERS_WANTS_SCHEMA = 'offers_wants_schema-v0.1.0';
export const DEFAULT_SCHEMA = 'default-v2.0.0';

export const KNOWN_SCHEMAS = [DEFAULT_SCHEMA, ORGANIZATIONS_SCHEMA, OFFERS_WANTS_SCHEMA] as const;

/** One reason a profile fails, shaped like the index's JSON:API errors (title, detail, source pointer). */
export interface ProfileProblem {
  schema: string;
  title: string;
  detail: string;
  pointer: string;
}

export type ProfileValidation = { valid: true } | { valid: false; problems: ProfileProblem[] };

let compiled: Map<string, ValidateFunction> | null = null;

function validators(): Map<string, ValidateFunction> {
  if (compiled) return compiled;
  // The library's schemas carry keywords of their own (metadata, enumNames) that JSON Schema
  // ignores, as the index's validator does: strict mode would refuse them.
  const ajv = new Ajv({ allErrors: true, strict: false });
  compiled = new Map();
  for (const name of KNOWN_SCHEMAS) {
    const schema = JSON.parse(readFileSync(join(schemasDirectory(), 'murmurations', `${name}.json`), 'utf8')) as Record<string, unknown>;
    // They name the draft-07 meta-schema by https, which ajv knows by http; it is draft-07 either way.
    delete schema.$schema;
    compiled.set(name, ajv.compile(schema));
  }
  return compiled;
}

let countries: Set<string> | null = null;

/**
 * Whether the library's country list (`country_iso_3166`) has `code`. The registry also knows
 * codes it lacks (Kosovo's XK): a profile leaves those out rather than be refused whole.
 */
export function isMurmurationsCountry(code: string): boolean {
  countries ??= new Set(
    (
      JSON.parse(readFileSync(join(schemasDirectory(), 'murmurations', `${ORGANIZATIONS_SCHEMA}.json`), 'utf8')) as {
        properties: { country_iso_3166: { enum: string[] } };
      }
    ).properties.country_iso_3166.enum,
  );
  return countries.has(code);
}

/**
 * Validates `profile` against the default schema and every schema it links. A linked schema this
 * node does not hold is a problem too: the index would refuse a profile whose schema it cannot find.
 */
export function validateProfile(profile: unknown): ProfileValidation {
  const all = validators();
  const problems: ProfileProblem[] = [];
  const check = (name: string) => {
    const validate = all.get(name);
    if (!validate) {
      problems.push({ schema: name, title: 'Schema Not Found', detail: `No schema named ${name} is known.`, pointer: '/linked_schemas' });
      return;
    }
    if (!validate(profile)) problems.push(...(validate.errors ?? []).map((error) => problemOf(name, error)));
  };
  check(DEFAULT_SCHEMA);
  const linked = (profile as { linked_schemas?: unknown } | null)?.linked_schemas;
  if (Array.isArray(linked)) for (const name of linked) if (typeof name === 'string') check(name);
  return problems.length ? { valid: false, problems } : { valid: true };
}

function problemOf(schema: string, error: ErrorObject): ProfileProblem {
  const pointer = error.instancePath || '/';
  const missing = error.keyword === 'required' ? ` (${String((error.params as { missingProperty?: string }).missingProperty)})` : '';
  return { schema, title: titleOf(error.keyword), detail: `${schema}: ${pointer} ${error.message ?? 'is invalid'}${missing}`, pointer };
}

function titleOf(keyword: string): string {
  if (keyword === 'required') return 'Missing Required Property';
  if (keyword === 'type') return 'Invalid Type';
  if (keyword === 'enum') return 'Invalid Value';
  if (keyword === 'pattern' || keyword === 'propertyNames') return 'Pattern Mismatch';
  return 'Invalid Property';
}
