// The accessibility statement of this node (Directive (EU) 2016/2102, model statement of
// Commission Implementing Decision (EU) 2018/1523), in the reader's language.
import { loadStatementNode } from '#lib/server/accessibility-statement.ts';
import { enforcementBodiesUrl, STATEMENT_PREPARED, STATEMENT_REVIEWED } from '#lib/format/accessibility-statement.ts';
import { formatPartialDate } from '#lib/format/dates.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
  node: await loadStatementNode(locals.lang),
  site: url.origin,
  prepared: { iso: STATEMENT_PREPARED, text: formatPartialDate(STATEMENT_PREPARED, locals.lang) },
  reviewed: { iso: STATEMENT_REVIEWED, text: formatPartialDate(STATEMENT_REVIEWED, locals.lang) },
  enforcementUrl: enforcementBodiesUrl(locals.lang),
});
