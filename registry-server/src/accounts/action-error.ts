// An expected failure of an action, with a stable code and a message saying what to do. GraphQL
// turns these into typed error results; nothing already stored has changed when one is thrown.
import type { FieldError } from '../records/field-errors.ts';

export type ActionErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'WEAK_PASSWORD'
  | 'EMAIL_TAKEN'
  | 'INVALID_EMAIL'
  | 'INVITATION_INVALID'
  | 'INVITATION_EXPIRED'
  | 'INVITATION_USED'
  | 'INVITATION_WITHDRAWN'
  | 'LINK_INVALID'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'VERSION_CONFLICT'
  | 'INVALID_STATE'
  | 'CSRF_FAILED'
  | 'ALREADY_EXISTS'
  /** A public form's request that looked automated (listing-requests/): refused without saying which defence tripped. */
  | 'REQUEST_REFUSED'
  /** A public form loaded too long ago: reload it. */
  | 'FORM_EXPIRED'
  /** A partner's activity (an answer to a market record) this node already received: a replay, nothing changes. */
  | 'ALREADY_RECEIVED';

export class ActionError extends Error {
  readonly code: ActionErrorCode;
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly currentVersion: number | undefined;
  constructor(
    code: ActionErrorCode,
    message: string,
    options: { fields?: FieldError[]; retryAfterSeconds?: number; currentVersion?: number } = {},
  ) {
    super(message);
    this.name = 'ActionError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.currentVersion = options.currentVersion;
  }
}
