// Starts the Murmurations registration of a node (ADR 0050), when MURMURATIONS_INDEX_URL is set:
// processes that take edits (web, all) mark changed profiles; the process that delivers (all,
// worker) sends them to the index. Unset, nothing is marked and nothing is sent.
import { logger } from '../config/logging.ts';
import type { Registry } from '../registry.ts';
import { MurmurationsIndexClient } from './murmurations-index-client.ts';
import { MurmurationsProfileReader } from './murmurations-profile-reader.ts';
import { MurmurationsRegistrationRepository } from './murmurations-registration-repository.ts';
import { MurmurationsSync, type MurmurationsSyncOptions } from './murmurations-sync.ts';

const log = logger('murmurations');

/** How long one request to the index may take, from sending it to the last byte of its answer. */
export const INDEX_REQUEST_TIMEOUT_MS = 10_000;

export interface MurmurationsRuntime {
  /** Null when no index is configured. */
  sync: MurmurationsSync | null;
  registrations: MurmurationsRegistrationRepository;
  stop(): Promise<void>;
}

export interface MurmurationsStartOptions {
  /** Mark profiles as records change (processes that take edits). */
  subscribe: boolean;
  /** Send them to the index (the process that delivers). */
  send: boolean;
  /** Tests' shorter delays. */
  sync?: Partial<MurmurationsSyncOptions> & { requestTimeoutMs?: number };
}

export async function startMurmurations(registry: Registry, options: MurmurationsStartOptions): Promise<MurmurationsRuntime> {
  const registrations = new MurmurationsRegistrationRepository(registry.store);
  const indexUrl = registry.config.murmurationsIndexUrl;
  if (!indexUrl) return { sync: null, registrations, stop: async () => {} };
  await registrations.ensureIndexes();
  const { requestTimeoutMs, ...syncOptions } = options.sync ?? {};
  const sync = new MurmurationsSync({
    registrations,
    reader: new MurmurationsProfileReader(registry),
    client: new MurmurationsIndexClient(indexUrl, { timeoutMs: requestTimeoutMs ?? INDEX_REQUEST_TIMEOUT_MS }),
    now: registry.now,
    options: syncOptions,
  });
  const unsubscribe = options.subscribe ? sync.subscribe(registry.events) : () => {};
  if (options.send) {
    sync.start();
    log.info('Murmurations: registering this node’s profiles with the index at {index}', { index: indexUrl.href });
  }
  return {
    sync,
    registrations,
    async stop() {
      unsubscribe();
      await sync.stop();
    },
  };
}
