// Field-level errors: what the web shows next to a field, and what GraphQL returns in typed
// error results. Every write path (seeds, mutations, received activities) uses them.

export interface FieldError {
  /** Dotted path of the field ("name.fr", "services.0.languages.2"); "" for the whole record. */
  field: string;
  /** Stable machine code (REQUIRED, TOO_LONG, UNKNOWN_CODE, INVALID_LANGUAGE_TAG …). */
  code: string;
  /** Human message saying what to fix. */
  message: string;
}

export class RecordValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  readonly errors: FieldError[];
  readonly recordType: string;
  constructor(recordType: string, errors: FieldError[]) {
    super(`${recordType} is not valid: ${errors.map((e) => `${e.field || '(record)'}: ${e.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
    this.recordType = recordType;
    this.errors = errors;
  }
}
