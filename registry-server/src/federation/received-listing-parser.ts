// Reads a fetched JSON-LD document as one of our records: an initiative (an Organization), a
// good practice (an Article) or a Tombstone (the record is gone). The record goes through the
// same validation layer as local writes; a document whose id is not the one asked for is refused.
//
// A listing speaks only for the partner that sent it: one that names another node as its node
// (isPartOf) or author (attributedTo) is refused whole, since whose listing it is cannot be left
// out; references to records elsewhere (practices it illustrates, its parent initiative) are left
// out, and its page (url) is kept only on the sender's origin. What was left out is reported in
// `dropped`, for the log.
import type { FieldError } from '../records/field-errors.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { goodPracticeFromJsonLd } from './jsonld/good-practice-jsonld.ts';
import { initiativeFromJsonLd } from './jsonld/initiative-jsonld.ts';
import { sameOrigin } from './partners/partner-origin.ts';

export type ParsedListing =
  | {
      kind: 'initiative' | 'goodPractice';
      record: unknown;
      url: string | null;
      updated: string | null;
      dropped: FieldError[];
      /** IRIs of other listings of the same organisation the origin names (ADR 0052). */
      sameAs: string[];
    }
  | { kind: 'gone' }
  | { kind: 'invalid'; errors: FieldError[] };

const invalid = (message: string): ParsedListing => ({ kind: 'invalid', errors: [{ field: '', code: 'INVALID', message }] });

export interface ParseOptions {
  catalog: TaxonomyCatalog;
  expectedId: string;
  /** The partner's node actor that sent the listing (the signed activity's actor, or the partner copied). */
  sender: string;
  /** The handle this node files the sender's listings under (see partner-origin.ts). */
  nodeHandle: string;
}

export function parseReceivedListing(document: unknown, options: ParseOptions): ParsedListing {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return invalid('not a JSON-LD object');
  const json = document as Record<string, unknown>;
  if (json.id !== options.expectedId) return invalid(`the document's id is ${String(json.id)}, not the one fetched`);
  const types = (Array.isArray(json.type) ? json.type : [json.type]).map(String);
  if (types.includes('Tombstone')) return { kind: 'gone' };
  const nodes = iris(json.isPartOf);
  if (nodes.length === 0) return invalid('the listing names no city node (isPartOf)');
  const otherNode = nodes.find((node) => node !== options.sender);
  if (otherNode !== undefined)
    return invalid(
      `the listing claims to be part of ${otherNode}, but was sent by ${options.sender}; a node publishes only its own listings`,
    );
  const otherAuthor = iris(json.attributedTo).find((author) => author !== options.sender);
  if (otherAuthor !== undefined)
    return invalid(`the listing claims to be by ${otherAuthor}, but was sent by ${options.sender}; a node publishes only its own listings`);
  const { nodeHandle } = options;
  const read = types.includes('Organization')
    ? { kind: 'initiative' as const, result: initiativeFromJsonLd(json, { catalog: options.catalog, nodeHandle }) }
    : types.includes('Article')
      ? { kind: 'goodPractice' as const, result: goodPracticeFromJsonLd(json, { catalog: options.catalog, nodeHandle }) }
      : null;
  if (!read) return invalid(`type ${types.join(', ')} is neither an initiative nor a good practice`);
  if (!read.result.valid) return { kind: 'invalid', errors: read.result.errors };
  const dropped = [...read.result.errors];
  const url = pageUrl(json.url, options.expectedId, dropped);
  const sameAs = read.kind === 'initiative' ? sameAsIris(json.sameAs, options.expectedId, dropped) : [];
  return {
    kind: read.kind,
    record: read.result.record,
    url,
    updated: typeof json.updated === 'string' ? json.updated : null,
    dropped,
    sameAs,
  };
}

/** At most this many `sameAs` are read: an organisation is listed by a few nodes, not hundreds. */
const MAX_SAME_AS = 20;

/** The http(s) IRIs of `sameAs` other than the listing's own, without repeats; anything else is left out (and said). */
function sameAsIris(value: unknown, id: string, dropped: FieldError[]): string[] {
  const out = new Set<string>();
  for (const iri of iris(value)) {
    const ok = isWebIri(iri);
    if (ok && iri !== id && out.size < MAX_SAME_AS) out.add(iri);
    else
      dropped.push({
        field: 'sameAs',
        code: 'INVALID',
        message: `${iri.slice(0, 200)} is not another listing's http(s) IRI (or one too many); it was left out.`,
      });
  }
  return [...out];
}

/** IRIs given as strings or node references ({"id": …}), one or a list; anything else counts as a claim too. */
function iris(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).slice(0, 100).map((v) => {
    const id = typeof v === 'object' && v !== null ? ((v as Record<string, unknown>).id ?? (v as Record<string, unknown>)['@id']) : v;
    return typeof id === 'string' ? id : JSON.stringify(id ?? v);
  });
}

/**
 * The listing's web page, where readers are sent to read it at its origin: an http(s) address on
 * the listing's own origin, else none (the id, which is its page on UMN nodes, stands in).
 */
function pageUrl(value: unknown, id: string, dropped: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  const url = typeof value === 'string' ? value : undefined;
  if (url !== undefined && /^https?:\/\//i.test(url) && sameOrigin(url, id)) return url;
  dropped.push({
    field: 'url',
    code: 'FOREIGN_REFERENCE',
    message: `${JSON.stringify(value).slice(0, 200)} is not an http(s) page on the listing's own origin; it was left out.`,
  });
  return null;
}

function isWebIri(iri: string): boolean {
  try {
    return /^https?:$/.test(new URL(iri).protocol) && iri.length <= 2048;
  } catch {
    return false;
  }
}
