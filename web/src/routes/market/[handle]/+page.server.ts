// A market record's public page (/market/<handle>, also the record's IRI). 404 when it is not
// public: never published, withdrawn, expired, or the need of an initiative that is not public.
import { error } from '@sveltejs/kit';
import { loadMarketRecord } from '#lib/server/market-pages.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders, parent }) => {
  const record = await loadMarketRecord(params.handle, locals.lang);
  if (!record) error(404);
  const { account } = await parent();
  // Who may edit it is told by the registry on the edit page; this only chooses to show the link.
  const mayEdit = Boolean(
    account && (account.canModerate || (record.ownerInitiative && account.initiatives.includes(record.ownerInitiative.slug))),
  );
  setHeaders({ 'cache-control': mayEdit ? 'private, no-cache' : 'public, max-age=60' });
  return { record, mayEdit };
};
