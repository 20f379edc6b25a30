// Every outgoing HTTP request of the node (deliveries to partners, fetching their listings,
// keys and collections) is bounded in time, so a slow or hostile partner can hold a delivery
// worker or an inbox handler for seconds, not minutes. Node's fetch uses undici's global
// dispatcher, which Fedify's requests go through too.
import { Agent, setGlobalDispatcher } from 'undici';

export const OUTGOING_TIMEOUTS = { connectTimeout: 10_000, headersTimeout: 15_000, bodyTimeout: 15_000 };

export function boundOutgoingRequests(): void {
  setGlobalDispatcher(new Agent({ ...OUTGOING_TIMEOUTS, keepAliveTimeout: 10_000, connections: 64 }));
}

/**
 * Overall deadline of one lookup of a remote document: a signed fetch may be retried with the
 * other signature scheme, so each request's timeout alone would allow several times longer.
 */
export const LOOKUP_DEADLINE_MS = 20_000;

export function lookupDeadline(): AbortSignal {
  return AbortSignal.timeout(LOOKUP_DEADLINE_MS);
}
