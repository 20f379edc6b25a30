// Why a source cannot be imported at all (as opposed to one row refused, which the dry run
// reports): an unreadable file, a URL the node will not fetch, a source too large. The message
// says what to do; nothing is stored when one is thrown.
import { ActionError } from '../accounts/action-error.ts';

export function sourceRefused(message: string, field = 'source'): ActionError {
  // A field error, so the form shows it next to the file or URL field (code SOURCE_REFUSED).
  return new ActionError('VALIDATION_FAILED', message, { fields: [{ field, code: 'SOURCE_REFUSED', message }] });
}
