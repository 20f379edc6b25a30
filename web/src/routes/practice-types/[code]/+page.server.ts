// One practice type compared between cities (/practice-types/PT6). "pt6" is sent to "PT6";
// anything that is not one of the ten types is the 404 page.
import { error, redirect } from '@sveltejs/kit';
import { loadPracticeTypeComparison } from '#lib/server/practice-type-pages.ts';
import { practiceTypeCode } from '#lib/format/explore-lists.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
  const code = practiceTypeCode(params.code);
  if (!code) error(404);
  if (code !== params.code) redirect(308, `/practice-types/${code}${url.search}`);
  const comparison = await loadPracticeTypeComparison(code, locals.lang);
  if (!comparison) error(404);
  setHeaders({ 'cache-control': 'public, max-age=60' });
  return comparison;
};
