// Reads received compact JSON-LD defensively: every accessor takes an unknown value, returns
// undefined (never throws) when it has the wrong shape, and records a FieldError named after the
// record field it was meant for. Unknown members are simply never looked at, so documents from
// newer nodes read fine. The reader expects our compact form (the terms of our context, as a UMN
// node serves them); it is not a general JSON-LD processor.
import type { FieldError } from '../../records/field-errors.ts';
import type { LanguageMap } from '../../records/language.ts';
import type { RecordType } from '../../records/record-validator.ts';
import type { TaxonomyCatalog, TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import { conceptIrisOf, type ConceptIris } from './concept-iris.ts';
import { handleFromIri, originOf } from '../iri.ts';
import { validatorOf } from '../../records/record-validator.ts';
import { type JsonLdObject } from './jsonld-types.ts';

/** What a *FromJsonLd function returns: `valid` means the record passed RecordValidator. */
export interface ReadResult<R> {
  record: R;
  /** Validation errors, plus entries for data that was dropped (unknown concepts, bad values). */
  errors: FieldError[];
  valid: boolean;
}

/**
 * A required value that may be missing: left undefined (and so out of the record) for the
 * validator to report as REQUIRED, the message local writes get too.
 */
export function required<T>(value: T | undefined): T {
  return value as T;
}

/** Upper bound on list lengths read, so a hostile document cannot make us loop for long. */
const MAX_ITEMS = 1000;

export class JsonLdReader {
  readonly errors: FieldError[] = [];
  readonly #concepts: ConceptIris;
  readonly #catalog: TaxonomyCatalog;
  #fatal = false;

  constructor(catalog: TaxonomyCatalog) {
    this.#catalog = catalog;
    this.#concepts = conceptIrisOf(catalog);
  }

  problem(field: string, code: string, message: string, fatal = false): undefined {
    this.errors.push({ field, code, message });
    if (fatal) this.#fatal = true;
    return undefined;
  }

  /** Validates the record with the layer of local writes and packs the result. */
  finish<R>(type: RecordType, record: R): ReadResult<R> {
    const validation = this.#fatal ? [] : validatorOf(this.#catalog).validate(type, record);
    return { record, errors: [...this.errors, ...validation], valid: !this.#fatal && validation.length === 0 };
  }

  /** The document itself: a JSON object (not an array), or undefined. */
  root(json: unknown): JsonLdObject | undefined {
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as JsonLdObject) : undefined;
  }

  /** The types of a node, compact or absolute ("Organization", "essglobal:SSEInitiative" …). */
  types(node: JsonLdObject): string[] {
    return this.list(node.type ?? node['@type'], 'type').filter((t): t is string => typeof t === 'string');
  }

  list(value: unknown, field: string): unknown[] {
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    if (items.length > MAX_ITEMS) this.problem(field, 'TOO_MANY', `lists ${items.length} items; only the first ${MAX_ITEMS} were read.`);
    return items.slice(0, MAX_ITEMS);
  }

  object(value: unknown, field: string): JsonLdObject | undefined {
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined || first === null) return undefined;
    if (typeof first === 'object' && !Array.isArray(first)) return first as JsonLdObject;
    return this.problem(field, 'WRONG_TYPE', 'must be a JSON-LD node (an object).');
  }

  objects(value: unknown, field: string): Array<[JsonLdObject, string]> {
    const nodes: Array<[JsonLdObject, string]> = [];
    this.list(value, field).forEach((item, i) => {
      const node = this.object(item, `${field}.${i}`);
      if (node) nodes.push([node, `${field}.${i}`]);
    });
    return nodes;
  }

  string(value: unknown, field: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && !Array.isArray(value) && typeof (value as JsonLdObject)['@value'] === 'string')
      return (value as JsonLdObject)['@value'] as string;
    return this.problem(field, 'WRONG_TYPE', 'must be a string.');
  }

  strings(value: unknown, field: string): string[] | undefined {
    const values = this.list(value, field)
      .map((item, i) => this.string(item, `${field}.${i}`))
      .filter((s): s is string => s !== undefined);
    return values.length ? values : undefined;
  }

  number(value: unknown, field: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    return this.problem(field, 'WRONG_TYPE', 'must be a number.');
  }

  boolean(value: unknown, field: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    return this.problem(field, 'WRONG_TYPE', 'must be true or false.');
  }

  /** An absolute IRI, given as a string or as a node reference {"id": …}. */
  iri(value: unknown, field: string): string | undefined {
    const node = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonLdObject) : undefined;
    const text = this.string(node ? (node.id ?? node['@id']) : value, field);
    if (text === undefined) return undefined;
    return URL.canParse(text) ? text : this.problem(field, 'INVALID_IRI', 'must be an absolute IRI.');
  }

  /** A JSON-LD language map: {tag: text}; an array value counts by its first string. */
  languageMap(value: unknown, field: string): LanguageMap | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      return this.problem(field, 'WRONG_TYPE', 'must be a language map ({"fr": "…"}).');
    const entries: Array<[string, string]> = [];
    for (const [tag, text] of Object.entries(value as JsonLdObject)) {
      const first = Array.isArray(text) ? text[0] : text;
      if (typeof first === 'string') entries.push([tag, first]);
      else this.problem(`${field}.${tag}`, 'WRONG_TYPE', 'must be a string.');
    }
    // fromEntries defines own properties, so a "__proto__" key stays a (refused) language tag.
    return entries.length ? Object.fromEntries(entries) : undefined;
  }

  /** An AS natural-language property: the map (nameMap), else the plain value (name) as `fallbackTag`. */
  text(map: unknown, plain: unknown, field: string, fallbackTag: string): LanguageMap | undefined {
    const fromMap = this.languageMap(map, field);
    if (fromMap) return fromMap;
    const single = this.string(plain, field);
    return single === undefined ? undefined : { [fallbackTag]: single };
  }

  concept(value: unknown, taxonomy: TaxonomyId, field: string): string | undefined {
    const iri = this.iri(value, field);
    if (iri === undefined) return undefined;
    const code = this.#concepts.code(taxonomy, iri);
    if (code === undefined)
      return this.problem(
        field,
        'UNKNOWN_CONCEPT',
        `<${iri}> is not a concept of the ${taxonomy} taxonomy known to this node; it was left out.`,
      );
    return code;
  }

  concepts(value: unknown, taxonomy: TaxonomyId, field: string): string[] | undefined {
    const codes = this.list(value, field)
      .map((item, i) => this.concept(item, taxonomy, `${field}.${i}`))
      .filter((c): c is string => c !== undefined);
    return codes.length ? [...new Set(codes)] : undefined;
  }

  /** The handle of a record of the same node as `recordId`; a record elsewhere is left out. */
  reference(value: unknown, recordId: string, field: string): string | undefined {
    const iri = this.iri(value, field);
    if (iri === undefined) return undefined;
    if (originOf(iri) !== originOf(recordId))
      return this.problem(field, 'FOREIGN_REFERENCE', `<${iri}> is not on the node that published this record; it was left out.`);
    return handleFromIri(iri) ?? this.problem(field, 'INVALID_IRI', `<${iri}> has no path segment to take a handle from.`);
  }

  references(value: unknown, recordId: string, field: string): string[] | undefined {
    const handles = this.list(value, field)
      .map((item, i) => this.reference(item, recordId, `${field}.${i}`))
      .filter((h): h is string => h !== undefined);
    return handles.length ? [...new Set(handles)] : undefined;
  }
}
