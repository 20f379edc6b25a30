// Typed store errors: each carries a code and a message that tells the operator what to do.

export class StoreError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** A write would break a unique index (MongoDB error 11000 on both adapters). */
export class DuplicateKeyError extends StoreError {
  readonly collection: string;
  readonly index: string;
  readonly key: Record<string, unknown>;
  constructor(collection: string, index: string, key: Record<string, unknown>) {
    super('DUPLICATE_KEY', `${collection}: another document already has ${JSON.stringify(key)} (unique index ${index})`);
    this.name = 'DuplicateKeyError';
    this.collection = collection;
    this.index = index;
    this.key = key;
  }
}

/** The data file cannot be used as it is; it is left untouched. */
export class StoreFileError extends StoreError {
  constructor(
    code: 'STORE_CORRUPT' | 'STORE_NEWER_FORMAT' | 'STORE_FOREIGN_FILE' | 'STORE_LOCKED' | 'STORE_UNWRITABLE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'StoreFileError';
  }
}

/** The filter, update or options are not valid MongoDB syntax for this store. */
export class StoreQueryError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_BAD_QUERY', message, options);
    this.name = 'StoreQueryError';
  }
}
