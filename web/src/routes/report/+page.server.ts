// "Report this listing" (/report?id=<the listing's global id>, ADR 0031): anyone, signed in or
// not, says what is wrong with a published listing of this site, local or received from a
// partner. A plain POST form (the default action); the registry limits reports per browser
// address, so the site passes it on, vouched for (site-client-address.ts). The form's logic:
// lib/forms/report-form.ts.
import { fail } from '@sveltejs/kit';
import { getLogger } from '@logtape/logtape';
import { receivedRecordId } from '#lib/server/received-record.ts';
import { GraphQLRequestError } from '#lib/server/graphql-request.ts';
import { siteClientHeaders } from '#lib/server/site-client-address.ts';
import { loadReportTarget, submitReport } from '#lib/server/report-listing.ts';
import { checkReportForm, problemsFromReportError, readReportForm, statusForReportError } from '#lib/forms/report-form.ts';
import type { Actions, PageServerLoad } from './$types';

const log = getLogger(['umn', 'web', 'report']);

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
  const id = receivedRecordId(url);
  // A form page with an answer of its own: never kept by a shared cache.
  setHeaders({ 'cache-control': 'private, no-store' });
  return { target: id ? await loadReportTarget(id, locals.lang) : null };
};

export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const values = readReportForm(await request.formData());
    const local = checkReportForm(values);
    if (local) return fail(400, { values, problems: local });
    let outcome: Awaited<ReturnType<typeof submitReport>>;
    try {
      outcome = await submitReport(
        { listing: values.listing, category: values.category as Exclude<typeof values.category, ''>, text: values.text.trim() || null },
        locals.lang,
        siteClientHeaders(getClientAddress()),
      );
    } catch (caught) {
      if (!(caught instanceof GraphQLRequestError)) throw caught;
      // Only the error: the reporter's text never reaches a log line.
      log.error('Sending a report failed: {code}', { code: caught.code });
      return fail(503, { values, problems: { fields: {}, general: [{ key: 'reportLoopErrorUnavailable' as const }] } });
    }
    if (!outcome.ok) {
      const error = outcome.error ?? { code: 'ACTION_FAILED', message: 'The registry did not take the report and gave no reason.' };
      return fail(statusForReportError(error.code), { values, problems: problemsFromReportError(error) });
    }
    return { sent: true as const, forwarded: outcome.forwarded ?? false };
  },
};
