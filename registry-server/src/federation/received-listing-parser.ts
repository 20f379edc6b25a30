// Reads a fetched JSON-LD document as one of our records: an initiative (Organization), a good
// practice (Article) or a Tombstone (the record is gone). Placeholder shape until the JSON-LD
// mapping lands: see federation/jsonld/.
import type { FieldError } from '../records/field-errors.ts';
import type { RecordValidator } from '../records/record-validator.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';

export type ParsedListing =
  | { kind: 'initiative' | 'goodPractice'; record: unknown; url: string | null; updated: string | null }
  | { kind: 'gone' }
  | { kind: 'invalid'; errors: FieldError[] };

export function parseReceivedListing(_document: unknown, _options: { catalog: TaxonomyCatalog; validator: RecordValidator; expectedId: string }): ParsedListing {
  return { kind: 'invalid', errors: [{ field: '', code: 'NOT_IMPLEMENTED', message: 'JSON-LD mapping not wired yet' }] };
}
