import type { Registry } from '../registry.ts';
import type { Loaders } from './loaders.ts';
import type { Reader } from './reader.ts';

/** Per-request context of resolvers. */
export interface GraphQLContext {
  registry: Registry;
  /** Languages from Accept-Language, then the node's defaults. */
  reader: Reader;
  loaders: Loaders;
}

/** What a resolver of a record type receives: the stored document and the reader's languages. */
export interface View<T> {
  doc: T;
  reader: Reader;
}
