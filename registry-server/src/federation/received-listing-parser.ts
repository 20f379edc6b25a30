// Reads a fetched JSON-LD document as one of our records: an initiative (an Organization), a
// good practice (an Article) or a Tombstone (the record is gone). The record goes through the
// same validation layer as local writes; a document whose id is not the one asked for is refused.
import type { FieldError } from '../records/field-errors.ts';
import type { RecordValidator } from '../records/record-validator.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { goodPracticeFromJsonLd } from './jsonld/good-practice-jsonld.ts';
import { initiativeFromJsonLd } from './jsonld/initiative-jsonld.ts';
import { handleFromIri } from './jsonld/jsonld-types.ts';

export type ParsedListing =
  | { kind: 'initiative' | 'goodPractice'; record: unknown; url: string | null; updated: string | null }
  | { kind: 'gone' }
  | { kind: 'invalid'; errors: FieldError[] };

const invalid = (message: string): ParsedListing => ({ kind: 'invalid', errors: [{ field: '', code: 'INVALID', message }] });

export function parseReceivedListing(document: unknown, options: { catalog: TaxonomyCatalog; validator: RecordValidator; expectedId: string }): ParsedListing {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return invalid('not a JSON-LD object');
  const json = document as Record<string, unknown>;
  if (json.id !== options.expectedId) return invalid(`the document's id is ${String(json.id)}, not the one fetched`);
  const types = (Array.isArray(json.type) ? json.type : [json.type]).map(String);
  if (types.includes('Tombstone')) return { kind: 'gone' };
  const node = Array.isArray(json.isPartOf) ? json.isPartOf[0] : json.isPartOf;
  const nodeHandle = typeof node === 'string' ? handleFromIri(node) : undefined;
  if (!nodeHandle) return invalid('the listing names no city node (isPartOf)');
  const read = types.includes('Organization') ? { kind: 'initiative' as const, result: initiativeFromJsonLd(json, { catalog: options.catalog, nodeHandle }) } : types.includes('Article') ? { kind: 'goodPractice' as const, result: goodPracticeFromJsonLd(json, { catalog: options.catalog, nodeHandle }) } : null;
  if (!read) return invalid(`type ${types.join(', ')} is neither an initiative nor a good practice`);
  if (!read.result.valid) return { kind: 'invalid', errors: read.result.errors };
  return { kind: read.kind, record: read.result.record, url: typeof json.url === 'string' ? json.url : null, updated: typeof json.updated === 'string' ? json.updated : null };
}
