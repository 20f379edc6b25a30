// Our JSON-LD context (schemas/jsonld/umn-registry-context.jsonld) as a constant. Documents
// carry it inline after the ActivityStreams context: an inline context needs no network fetch,
// and Fedify keeps our extra terms only in documents we build and serve ourselves (brief §7).
// The .jsonld file is the one source; the node also serves it at /ns for human readers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AS_CONTEXT_URL = 'https://www.w3.org/ns/activitystreams';

/** Namespace of our own terms (`umn:`); concept schemes live below https://umn-registry.org/ns/. */
export const UMN_NAMESPACE = 'https://umn-registry.org/ns#';

const file = fileURLToPath(import.meta.resolve('@umn/schemas/jsonld/umn-registry-context.jsonld'));

/** The published context document, exactly as in the file. */
export const UMN_CONTEXT_DOCUMENT: { readonly '@context': Readonly<Record<string, unknown>> } = Object.freeze(
  JSON.parse(readFileSync(file, 'utf8')),
);

/** The inline context object (the document's "@context" member). */
export const UMN_CONTEXT = UMN_CONTEXT_DOCUMENT['@context'];

/** The "@context" of every document we build: ActivityStreams first, so our terms add to it. */
export const DOCUMENT_CONTEXT: readonly [string, Readonly<Record<string, unknown>>] = Object.freeze([AS_CONTEXT_URL, UMN_CONTEXT] as const);

/**
 * Adds our context to a document Fedify built (e.g. the node actor), so that the profile terms
 * of city-node-jsonld.ts can be merged into it. Serve the result raw (see brief §7).
 */
export function withUmnContext<T extends Record<string, unknown>>(json: T): T & { '@context': unknown[] } {
  const current = json['@context'];
  const list = current === undefined ? [AS_CONTEXT_URL] : Array.isArray(current) ? [...current] : [current];
  if (!list.includes(UMN_CONTEXT)) list.push(UMN_CONTEXT);
  return { ...json, '@context': list };
}
