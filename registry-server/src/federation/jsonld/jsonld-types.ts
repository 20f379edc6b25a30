// Types shared by the JSON-LD mapping (building and reading documents).
import type { RecordKind } from '../../records/record-iris.ts';

/** A compact JSON-LD node as we build and read it. */
export type JsonLdObject = Record<string, unknown>;

/** Maps a record kind and a handle to the record's IRI. */
export type RecordIriOf = (kind: RecordKind, handle: string) => string;
