// `umn search reindex`: rebuilds the search index of a running node through its API (as an admin),
// since the index lives in the node's memory. A node that is not running has nothing to rebuild:
// it builds its index from the store when it starts.
import { ActionError } from '../accounts/action-error.ts';
import type { ApiClient } from './api-client.ts';
import type { CommandOutput } from './command-output.ts';

export async function searchCommand(api: ApiClient, args: string[], out: CommandOutput): Promise<void> {
  const [command] = args;
  if (command !== 'reindex')
    throw new ActionError('VALIDATION_FAILED', `Unknown search command "${command ?? ''}". Use: umn search reindex`);
  let data: {
    rebuildSearchIndex: { listings: number | null; terms: number | null; durationMs: number | null; error: { message: string } | null };
  };
  try {
    data = await api.request('mutation { rebuildSearchIndex { listings terms durationMs error { message } } }');
  } catch (error) {
    if (error instanceof ActionError && error.code === 'NOT_FOUND')
      throw new ActionError(
        'NOT_FOUND',
        `${error.message} (A stopped node needs no reindex: it builds its search index from the store when it starts.)`,
      );
    throw error;
  }
  const result = data.rebuildSearchIndex;
  if (result.error) throw new ActionError('INVALID_STATE', result.error.message);
  out.line(`Search index rebuilt: ${result.listings} listing(s), ${result.terms} term(s) in ${result.durationMs} ms.`);
}
