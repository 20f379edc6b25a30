// The ten practice types (/practice-types), each with the cities that implement it.
import { loadPracticeTypes } from '#lib/server/practice-type-pages.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'public, max-age=60' });
  return await loadPracticeTypes(locals.lang);
};
