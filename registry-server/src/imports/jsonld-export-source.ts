// The project's own JSON-LD export (issue 17 point 2: {"@context": …, "@graph": [initiatives as
// served to partners]}) read back into records, with the very reader that reads partners'
// initiatives (federation/jsonld/initiative-from-jsonld.ts): a record can hold no more than the
// public view its origin served. References to records of the exporting node (practices the
// initiative illustrates, its parent initiative) name nothing on this node and are left out.
import type { FieldError } from '../records/field-errors.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { initiativeFromJsonLd } from '../federation/jsonld/initiative-jsonld.ts';
import { sourceRefused } from './import-errors.ts';
import { TABLE_LIMITS } from './table-reader.ts';

export interface ExportedRecord {
  record: InitiativeRecord | null;
  errors: FieldError[];
  /** The object's name or id, for the dry run. */
  label: string;
  /** The object's IRI: its import key, so importing the same export again updates. */
  key: string | null;
}

/** Whether the JSON is a JSON-LD document of initiatives (an @graph of them, or one). */
export function isJsonLdExport(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const doc = json as Record<string, unknown>;
  return '@context' in doc && (Array.isArray(doc['@graph']) || 'type' in doc || '@type' in doc);
}

export function readJsonLdExport(json: unknown, options: { catalog: TaxonomyCatalog; nodeHandle: string }): ExportedRecord[] {
  const doc = json as Record<string, unknown>;
  const objects = Array.isArray(doc['@graph']) ? (doc['@graph'] as unknown[]) : [doc];
  if (objects.length === 0) throw sourceRefused('The JSON-LD document lists no initiatives (its @graph is empty).');
  if (objects.length > TABLE_LIMITS.maxRows)
    throw sourceRefused(`The document lists ${objects.length} initiatives; one import takes up to ${TABLE_LIMITS.maxRows}.`);
  return objects.map((object, i) => {
    const result = initiativeFromJsonLd(object, { catalog: options.catalog, nodeHandle: options.nodeHandle });
    const label = labelOf(object) ?? `object ${i + 1}`;
    const id = object && typeof object === 'object' ? (object as Record<string, unknown>).id : undefined;
    const key = typeof id === 'string' ? id : null;
    if (!result.valid) return { record: null, errors: result.errors, label, key };
    const { practices: _practices, partOf: _partOf, ...record } = result.record;
    return { record: { ...record, node: options.nodeHandle } as InitiativeRecord, errors: [], label, key };
  });
}

function labelOf(object: unknown): string | undefined {
  if (!object || typeof object !== 'object') return undefined;
  const o = object as Record<string, unknown>;
  const names = o.nameMap && typeof o.nameMap === 'object' ? Object.values(o.nameMap as Record<string, unknown>) : [o.name];
  const name = names.find((n) => typeof n === 'string');
  return typeof name === 'string' ? name : typeof o.id === 'string' ? o.id : undefined;
}
