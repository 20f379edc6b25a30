// The one validation layer of the registry: JSON Schema (schemas/records) for shape, then the
// checks a schema cannot express (taxonomy codes, real language tags and country codes).
// Seeds, GraphQL mutations and received federation activities all go through it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { TaxonomyCatalog, TaxonomyId } from '../taxonomies/taxonomy-catalog.ts';
import { schemasDirectory } from '../taxonomies/taxonomy-catalog.ts';
import { isLanguageTag } from './language.ts';
import { isCountryCode } from './countries.ts';
import type { FieldError } from './field-errors.ts';

export type RecordType = 'initiative' | 'good-practice' | 'city-node' | 'market-record' | 'adoption-record';

const SCHEMA_FILES: Record<RecordType, string> = {
  initiative: 'initiative.schema.json',
  'good-practice': 'good-practice.schema.json',
  'city-node': 'city-node.schema.json',
  'market-record': 'market-record.schema.json',
  'adoption-record': 'adoption-record.schema.json',
};

/** Which taxonomy each coded field belongs to; "*" stands for any array index. */
const TAXONOMY_FIELDS: Record<RecordType, Array<[string, TaxonomyId]>> = {
  initiative: [
    ['legalForm', 'legal-form'],
    ['nationalLegalForm', 'national-legal-form'],
    ['organisationalStructure', 'organisational-structure'],
    ['primarySector', 'sector'],
    ['additionalSectors.*', 'sector'],
    ['activities.*', 'activity'],
    ['qualifiers.*', 'qualifier'],
    ['governancePrinciples.*', 'governance-principle'],
    ['baseMembershipType', 'base-membership-type'],
    ['needs.*.type', 'need'],
    ['eligibility.*.basis', 'reserved-contract-basis'],
    ['teamSize', 'team-size-band'],
  ],
  'good-practice': [
    ['practiceType', 'practice-type'],
    ['actors.*.role', 'actor-role'],
  ],
  'city-node': [['operators.*.role', 'actor-role']],
  'market-record': [
    ['sectors.*', 'sector'],
    ['request.budgetBand', 'budget-band'],
    ['need.needKinds.*', 'need'],
    ['offer.offerKind', 'offer-kind'],
    ['offer.premisesKinds.*', 'need'],
    ['offer.lendingForms.*', 'lending-form'],
    ['opening.openingKind', 'opening-kind'],
  ],
  'adoption-record': [['organisations.*.role', 'actor-role']],
};

/** Fields holding language tags, beyond the keys of language maps. */
const LANGUAGE_FIELDS: Record<RecordType, string[]> = {
  initiative: ['originalLanguage', 'languagesOffered.*', 'services.*.languages.*'],
  'good-practice': ['originalLanguage'],
  'city-node': ['defaultLanguages.*'],
  'market-record': ['originalLanguage', 'opening.languages.*'],
  'adoption-record': ['originalLanguage'],
};

const COUNTRY_FIELDS: Record<RecordType, string[]> = {
  initiative: ['location.country', 'deliveryArea.country'],
  'good-practice': ['location.country'],
  'city-node': ['country'],
  'market-record': ['area.country'],
  'adoption-record': [],
};

/**
 * Fields holding partial dates (2017, 2018-02, 2019-07-01). The schema's pattern checks the
 * shape; a day the calendar does not have (30 February, 31 April) is checked here.
 */
const DATE_FIELDS: Record<RecordType, string[]> = {
  initiative: ['startDate', 'sources.*.date', 'eligibility.*.evidenceDate'],
  'good-practice': ['period.startDate', 'period.endDate', 'sources.*.date'],
  'city-node': ['sources.*.date'],
  'market-record': ['period.startDate', 'period.endDate', 'expiresOn', 'request.deadline'],
  'adoption-record': [
    'stageDates.adopting',
    'stageDates.adapting',
    'stageDates.reused',
    'stageDates.dropped',
    'outcomes.*.date',
    'outcomes.*.source.date',
    'sources.*.date',
  ],
};

/** What the codes of a field name: a taxonomy's concepts, languages (BCP 47) or countries (ISO 3166). */
export type CodeList = TaxonomyId | 'language' | 'country';

/** The fields of a record that hold codes, as dotted patterns ("*" for any list position), with what their codes name. */
export function codedFields(type: RecordType): ReadonlyArray<readonly [string, CodeList]> {
  return [
    ...TAXONOMY_FIELDS[type],
    ...LANGUAGE_FIELDS[type].map((p) => [p, 'language'] as const),
    ...COUNTRY_FIELDS[type].map((p) => [p, 'country'] as const),
  ];
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export class RecordValidator {
  readonly #validators: Record<RecordType, ValidateFunction>;
  readonly #taxonomies: TaxonomyCatalog;

  constructor(taxonomies: TaxonomyCatalog, recordsDirectory = join(schemasDirectory(), 'records')) {
    this.#taxonomies = taxonomies;
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(join(recordsDirectory, 'common.schema.json'), 'utf8')));
    const compile = (type: RecordType) => ajv.compile(JSON.parse(readFileSync(join(recordsDirectory, SCHEMA_FILES[type]), 'utf8')));
    this.#validators = {
      initiative: compile('initiative'),
      'good-practice': compile('good-practice'),
      'city-node': compile('city-node'),
      'market-record': compile('market-record'),
      'adoption-record': compile('adoption-record'),
    };
  }

  /** All problems of a record, by field; an empty list means the record is valid. */
  validate(type: RecordType, record: unknown): FieldError[] {
    const validate = this.#validators[type];
    // An `if` error only says that its `then` failed, which is reported on its own.
    if (!validate(record)) return dedupe((validate.errors ?? []).filter((e) => e.keyword !== 'if').map(toFieldError));
    const errors: FieldError[] = [];
    for (const [pattern, taxonomy] of TAXONOMY_FIELDS[type]) {
      for (const [field, value] of valuesAt(record, pattern)) {
        if (typeof value === 'string' && !this.#taxonomies.has(taxonomy, value)) {
          errors.push({
            field,
            code: 'UNKNOWN_CODE',
            message: `"${value}" is not a code of the ${taxonomy} taxonomy. Use one of: ${this.#taxonomies.codes(taxonomy).join(', ')}.`,
          });
        }
      }
    }
    for (const pattern of LANGUAGE_FIELDS[type]) {
      for (const [field, value] of valuesAt(record, pattern)) {
        if (typeof value === 'string' && !isLanguageTag(value)) errors.push(languageError(field, value));
      }
    }
    for (const [field, map] of languageMaps(record)) {
      for (const tag of Object.keys(map)) if (!isLanguageTag(tag)) errors.push(languageError(`${field}.${tag}`, tag));
    }
    for (const pattern of COUNTRY_FIELDS[type]) {
      for (const [field, value] of valuesAt(record, pattern)) {
        if (typeof value === 'string' && /^[A-Z]{2}$/.test(value) && !isCountryCode(value)) {
          errors.push({
            field,
            code: 'UNKNOWN_COUNTRY',
            message: `"${value}" is not an ISO 3166-1 country code. Use two capital letters such as BE, IT, GR, BG or SI.`,
          });
        }
      }
    }
    for (const pattern of DATE_FIELDS[type]) {
      for (const [field, value] of valuesAt(record, pattern)) {
        if (typeof value === 'string' && !isCalendarDate(value)) {
          errors.push({
            field,
            code: 'INVALID_DATE',
            message: `"${value}" is a day that does not exist. Give a real date, or only the year and month (${value.slice(0, 7)}).`,
          });
        }
      }
    }
    return errors;
  }
}

/** Whether a partial date's day exists in its month (a year or year-month always does). */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days;
}

function languageError(field: string, value: string): FieldError {
  return {
    field,
    code: 'INVALID_LANGUAGE_TAG',
    message: `"${value}" is not a BCP 47 language tag. Use tags such as fr, en, ar, pt-BR or und (unknown).`,
  };
}

/** Values at a dotted pattern where "*" matches every array index, with their concrete paths. */
function valuesAt(record: unknown, pattern: string): Array<[string, unknown]> {
  let current: Array<[string, unknown]> = [['', record]];
  for (const part of pattern.split('.')) {
    const next: Array<[string, unknown]> = [];
    for (const [path, value] of current) {
      if (part === '*') {
        if (Array.isArray(value)) value.forEach((item, i) => next.push([join2(path, String(i)), item]));
      } else if (value !== null && typeof value === 'object' && part in value) {
        next.push([join2(path, part), (value as Record<string, unknown>)[part]]);
      }
    }
    current = next;
  }
  return current;
}

/** Objects whose keys look like language maps: every value a string, found anywhere in the record. */
function languageMaps(value: unknown, path = ''): Array<[string, Record<string, string>]> {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => languageMaps(item, join2(path, String(i))));
  const entries = Object.entries(value as Record<string, unknown>);
  const found: Array<[string, Record<string, string>]> = [];
  for (const [key, child] of entries) {
    if (child !== null && typeof child === 'object' && !Array.isArray(child) && isLanguageMapField(key))
      found.push([join2(path, key), child as Record<string, string>]);
    else found.push(...languageMaps(child, join2(path, key)));
  }
  return found;
}

// Objects of records that are not language maps (market records: ADR 0033).
const NON_MAP_OBJECTS = new Set([
  'location',
  'contact',
  'visibility',
  'migrantLed',
  'geo',
  'period',
  'owner',
  'area',
  'centre',
  'request',
  'need',
  'offer',
  'opening',
  // An initiative's delivery area (ADR 0035).
  'deliveryArea',
  // Per text field, per language: the source each translation was made from (ADR 0041); its
  // languages are checked by the schema.
  'translationSources',
  // Adoption records (ADR 0040): the days each stage began, and an outcome's source.
  'stageDates',
  'source',
]);
function isLanguageMapField(key: string): boolean {
  return !NON_MAP_OBJECTS.has(key) && !/^\d+$/.test(key);
}

function join2(path: string, part: string): string {
  return path ? `${path}.${part}` : part;
}

function toFieldError(error: ErrorObject): FieldError {
  const base = error.instancePath.split('/').slice(1).map(unescapePointer).join('.');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: join2(base, String(params.missingProperty)), code: 'REQUIRED', message: 'is required.' };
    case 'additionalProperties':
      return {
        field: join2(base, String(params.additionalProperty)),
        code: 'UNKNOWN_FIELD',
        message: `is not a field of this record; remove it or check its spelling.`,
      };
    case 'propertyNames':
      return {
        field: join2(base, String(params.propertyName)),
        code: 'INVALID_LANGUAGE_TAG',
        message: `"${String(params.propertyName)}" is not a BCP 47 language tag. Use tags such as fr, en, ar, pt-BR or und (unknown).`,
      };
    case 'maxLength':
      return { field: base, code: 'TOO_LONG', message: `must be at most ${String(params.limit)} characters.` };
    case 'minLength':
      return {
        field: base,
        code: 'TOO_SHORT',
        message: Number(params.limit) === 1 ? 'must not be empty.' : `must be at least ${String(params.limit)} characters.`,
      };
    case 'false schema':
      // A kind's details on a record of another kind (offer details on a need), or an owner of the wrong sort.
      return { field: base, code: 'NOT_ALLOWED', message: 'does not belong on this kind of record; remove it.' };
    case 'dependentRequired':
      return {
        field: join2(base, String(params.missingProperty)),
        code: 'REQUIRED',
        message: `is required with ${String(params.property)}.`,
      };
    case 'maxProperties':
      return { field: base, code: 'TOO_MANY', message: `must have at most ${String(params.limit)} entries.` };
    case 'minProperties':
      return { field: base, code: 'REQUIRED', message: 'needs a text in at least one language.' };
    case 'maxItems':
      return { field: base, code: 'TOO_MANY', message: `must have at most ${String(params.limit)} items.` };
    case 'minItems':
      return { field: base, code: 'REQUIRED', message: `must have at least ${String(params.limit)} item(s).` };
    case 'uniqueItems':
      return { field: base, code: 'DUPLICATE', message: `lists the same value twice (items ${String(params.j)} and ${String(params.i)}).` };
    case 'enum':
      return { field: base, code: 'NOT_ALLOWED', message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}.` };
    case 'type':
      return { field: base, code: 'WRONG_TYPE', message: `must be ${article(String(params.type))}.` };
    case 'minimum':
    case 'maximum':
      return {
        field: base,
        code: 'OUT_OF_RANGE',
        message: `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`,
      };
    case 'format':
      return {
        field: base,
        code: 'INVALID_FORMAT',
        message:
          params.format === 'email'
            ? 'must be an e-mail address (a role address such as contact@example.org).'
            : `must be a valid ${String(params.format)}.`,
      };
    case 'pattern':
      return { field: base, code: 'INVALID_FORMAT', message: patternMessage(error.schemaPath) };
    default:
      return { field: base, code: 'INVALID', message: error.message ?? 'is not valid.' };
  }
}

function patternMessage(schemaPath: string): string {
  if (schemaPath.includes('/handle/')) return 'must use lower-case letters, digits and hyphens only, e.g. univerbal or sirius-hub.';
  if (schemaPath.includes('/languageTag/')) return 'is not a BCP 47 language tag. Use tags such as fr, en, ar, pt-BR or und (unknown).';
  if (schemaPath.includes('/countryCode/')) return 'must be an ISO 3166-1 country code in capitals, such as BE or IT.';
  if (schemaPath.includes('/day/')) return 'must be a full date: 2027-03-31.';
  if (schemaPath.includes('/cpvCodes/')) return 'must be a CPV code: eight digits, a hyphen and the check digit, e.g. 55520000-1.';
  if (schemaPath.includes('/partialDate/')) return 'must be a year, a year and month, or a date: 2017, 2018-02 or 2019-07-01.';
  if (schemaPath.includes('/url/')) return 'must be an absolute http(s) URL, e.g. https://example.org.';
  if (schemaPath.includes('/taxonomyCode/')) return 'is not a taxonomy code.';
  if (schemaPath.includes('/phone/')) return 'must be a phone number made of digits, spaces and + ( ) . / -.';
  return 'has an invalid format.';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function unescapePointer(part: string): string {
  return part.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Ajv may report one problem through several keywords (e.g. the $ref and the pattern). */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.field}|${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const validatorCache = new WeakMap<TaxonomyCatalog, RecordValidator>();

/** The validator of local writes; compiled once per catalog because Ajv compiling is slow. */
export function validatorOf(catalog: TaxonomyCatalog): RecordValidator {
  let validator = validatorCache.get(catalog);
  if (!validator) validatorCache.set(catalog, (validator = new RecordValidator(catalog)));
  return validator;
}
