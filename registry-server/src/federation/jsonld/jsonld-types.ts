// Shared pieces of the JSON-LD mapping: language maps ↔ AS name/nameMap pairs, taxonomy codes ↔
// concept IRIs, record IRIs ↔ handles, and the validator received records go through.
import { chooseText, type LanguageMap } from '../../records/language.ts';
import type { RecordKind } from '../../records/record-iris.ts';
import { RecordValidator } from '../../records/record-validator.ts';
import type { TaxonomyCatalog, TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import { TAXONOMY_IDS } from '../../taxonomies/taxonomy-catalog.ts';

/** A compact JSON-LD node as we build and read it. */
export type JsonLdObject = Record<string, unknown>;

/** Maps a record kind and a handle to the record's IRI. */
export type RecordIriOf = (kind: RecordKind, handle: string) => string;

/**
 * The IRI scheme of RecordIris.local(): `<origin>/<kind>/<handle>`, taken from the document id
 * so that a record points to records of its own node.
 */
export function recordIrisBesides(id: string): RecordIriOf {
  const origin = new URL(id).origin;
  return (kind, handle) => `${origin}/${kind}/${encodeURIComponent(handle)}`;
}

/** The last non-empty path segment of an IRI (its handle), or undefined. */
export function handleFromIri(iri: string): string | undefined {
  if (!URL.canParse(iri)) return undefined;
  const segments = new URL(iri).pathname.split('/').filter((s) => s !== '');
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

export function originOf(iri: string): string | undefined {
  return URL.canParse(iri) ? new URL(iri).origin : undefined;
}

/**
 * A language map as a JSON-LD language map (a copy, so callers cannot alias record objects),
 * or undefined when it is empty.
 */
export function languageMap(map: LanguageMap | undefined): Record<string, string> | undefined {
  if (!map) return undefined;
  const entries = Object.entries(map).filter(([, text]) => typeof text === 'string' && text !== '');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The version in the original language: the plain `name`/`summary`/`content` Mastodon shows. */
export function originalText(map: LanguageMap | undefined, originalLanguage: string): string | undefined {
  return chooseText(map, [], originalLanguage)?.text;
}

export function mapValues(map: LanguageMap | undefined, convert: (text: string) => string): Record<string, string> | undefined {
  const copy = languageMap(map);
  return copy && Object.fromEntries(Object.entries(copy).map(([tag, text]) => [tag, convert(text)]));
}

/** Taxonomy codes ↔ concept IRIs, from the catalog (conceptUri), with a reverse index. */
export class ConceptIris {
  readonly #catalog: TaxonomyCatalog;
  readonly #codes = new Map<TaxonomyId, ReadonlyMap<string, string>>();

  constructor(catalog: TaxonomyCatalog) {
    this.#catalog = catalog;
    for (const taxonomy of TAXONOMY_IDS) {
      this.#codes.set(taxonomy, new Map(catalog.codes(taxonomy).map((code) => [catalog.conceptUri(taxonomy, code), code])));
    }
  }

  iri(taxonomy: TaxonomyId, code: string): string {
    return this.#catalog.conceptUri(taxonomy, code);
  }

  iris(taxonomy: TaxonomyId, codes: readonly string[] | undefined): string[] | undefined {
    return codes?.length ? codes.map((code) => this.iri(taxonomy, code)) : undefined;
  }

  /** The code of a concept IRI in one taxonomy; undefined for an IRI this node does not know. */
  code(taxonomy: TaxonomyId, iri: string): string | undefined {
    return this.#codes.get(taxonomy)?.get(iri);
  }
}

const conceptIrisCache = new WeakMap<TaxonomyCatalog, ConceptIris>();
const validatorCache = new WeakMap<TaxonomyCatalog, RecordValidator>();

export function conceptIrisOf(catalog: TaxonomyCatalog): ConceptIris {
  let iris = conceptIrisCache.get(catalog);
  if (!iris) conceptIrisCache.set(catalog, (iris = new ConceptIris(catalog)));
  return iris;
}

/** The validator of local writes; compiled once per catalog because Ajv compiling is slow. */
export function validatorOf(catalog: TaxonomyCatalog): RecordValidator {
  let validator = validatorCache.get(catalog);
  if (!validator) validatorCache.set(catalog, (validator = new RecordValidator(catalog)));
  return validator;
}

/**
 * A copy without undefined members and empty arrays, so that built documents and read records
 * compare equal whatever path produced them.
 */
export function compact<T extends object>(value: T): T {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(entries) as T;
}
