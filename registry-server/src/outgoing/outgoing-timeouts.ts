// Every outgoing HTTP request of the node (deliveries to partners, fetching their listings,
// keys and collections) is bounded in time and size (outgoing-limits.ts), so a slow or hostile
// partner can hold a delivery worker or an inbox handler for seconds, not minutes. Node's fetch
// uses undici's global dispatcher, which Fedify's requests go through too.
import { setGlobalDispatcher } from 'undici';
import { boundedAgent, type OutgoingLimits } from './outgoing-limits.ts';

export function boundOutgoingRequests(limits: Partial<OutgoingLimits> = {}): void {
  setGlobalDispatcher(boundedAgent(limits));
}

/**
 * Overall deadline of one lookup of a remote document: a signed fetch may be retried with the
 * other signature scheme, and redirects are followed, so each request's deadline alone would
 * allow several times longer.
 */
export const LOOKUP_DEADLINE_MS = 20_000;

export function lookupDeadline(): AbortSignal {
  return AbortSignal.timeout(LOOKUP_DEADLINE_MS);
}
