// What an IRI says about itself: its origin, its host, the handle its path ends with, and the
// IRIs of the records beside it. The first three never throw: a string that is not an IRI gives
// undefined (or '' for its host).
import type { RecordIriOf } from './jsonld/jsonld-types.ts';

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

/** The host (with port) of an IRI in lower case, or '' for a string that is not an IRI. */
export function hostOf(iri: string): string {
  try {
    return new URL(iri).host.toLowerCase();
  } catch {
    return '';
  }
}
