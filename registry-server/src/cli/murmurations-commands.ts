// `npm run umn -- murmurations`: where the node's Murmurations profiles stand with the index, read
// through the node's API as an admin (ADR 0050).
import type { ApiClient } from './api-client.ts';
import type { CommandOutput } from './command-output.ts';

interface StatusAnswer {
  murmurationsStatus: {
    indexUrl: string | null;
    pending: number;
    gaveUp: number;
    registrations: Array<{
      profileUrl: string;
      registered: boolean;
      pending: boolean;
      attempts: number;
      gaveUp: boolean;
      lastAction: string | null;
      lastSuccessAt: string | null;
      lastError: string | null;
      nextAttemptAt: string | null;
      indexStatus: string | null;
    }>;
  };
}

export async function murmurationsCommand(api: ApiClient, out: CommandOutput): Promise<void> {
  const { murmurationsStatus: status } = await api.request<StatusAnswer>(
    '{ murmurationsStatus { indexUrl pending gaveUp registrations { profileUrl registered pending attempts gaveUp lastAction lastSuccessAt lastError nextAttemptAt indexStatus } } }',
  );
  if (!status.indexUrl) {
    out.line('MURMURATIONS_INDEX_URL is not set: the node serves its profiles under /murmurations/ but tells no index about them.');
    return;
  }
  const registered = status.registrations.filter((r) => r.registered).length;
  out.line(`Index: ${status.indexUrl}`);
  out.line(`${registered} profile(s) held by the index, ${status.pending} with something still to send, ${status.gaveUp} given up.`);
  for (const r of status.registrations) {
    const state = r.gaveUp ? 'GAVE UP' : r.pending ? 'PENDING' : r.registered ? 'REGISTERED' : 'REMOVED';
    const detail = [
      r.indexStatus && `index: ${r.indexStatus}`,
      r.lastSuccessAt && `last success ${r.lastSuccessAt}`,
      r.attempts && `${r.attempts} failed attempt(s)`,
      r.nextAttemptAt && `next ${r.nextAttemptAt}`,
      r.lastError && `error: ${r.lastError}`,
    ]
      .filter(Boolean)
      .join('; ');
    out.line(`  ${state.padEnd(10)} ${r.profileUrl}${detail ? `  (${detail})` : ''}`);
  }
}
