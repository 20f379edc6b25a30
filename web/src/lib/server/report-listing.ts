// The "Report this listing" page's requests (ADR 0031): which listing is reported (name, city,
// whether it comes from a partner) and sending the report. The reporter's text is private: it
// goes to the registry as a GraphQL variable and nowhere else (never into a log line).
import { graphql } from './graphql.ts';
import type { ReportInput, SubmitReportMutation, ReportTargetQuery, ReportTargetQueryVariables } from '../generated/operation-types.ts';
import type { ApiError } from '../forms/api-error-problems.ts';
// Each operation's text is its .graphql file, sent as it is; its types are generated from it (ADR 0015).
import REPORT_TARGET_QUERY from './queries/report-target.graphql?raw';
import SUBMIT_REPORT_MUTATION from './queries/submit-report.graphql?raw';

export interface ReportTarget {
  /** The listing's global id (IRI), sent with the report. */
  id: string;
  name: { text: string; language: string; direction: string };
  city: string;
  /** False for a listing received from a partner: the report goes on to its origin. */
  isLocal: boolean;
  /** Its page on this site. */
  path: string;
}

/** The published listing with this global id, or null when this node shows none. */
export async function loadReportTarget(id: string, lang: string): Promise<ReportTarget | null> {
  const { initiative, goodPractice } = await graphql<ReportTargetQuery, ReportTargetQueryVariables>(REPORT_TARGET_QUERY, { id, lang });
  if (initiative)
    return {
      id: initiative.id,
      name: initiative.name,
      city: initiative.node.city,
      isLocal: initiative.origin.isLocal,
      path: initiative.origin.isLocal
        ? `/initiatives/${encodeURIComponent(initiative.slug)}`
        : `/network/initiatives?id=${encodeURIComponent(initiative.id)}`,
    };
  if (goodPractice)
    return {
      id: goodPractice.id,
      name: goodPractice.title,
      city: goodPractice.node.city,
      isLocal: goodPractice.origin.isLocal,
      path: goodPractice.origin.isLocal
        ? `/practices/${encodeURIComponent(goodPractice.slug)}`
        : `/network/practices?id=${encodeURIComponent(goodPractice.id)}`,
    };
  return null;
}

export interface SubmitReportOutcome {
  ok: boolean;
  forwarded: boolean | null;
  error: ApiError | null;
}

/** Sends the report as the browser (`headers`: its address, which the registry's limit counts). */
export async function submitReport(input: ReportInput, lang: string, headers: Record<string, string>): Promise<SubmitReportOutcome> {
  const data = await graphql<SubmitReportMutation>(SUBMIT_REPORT_MUTATION, { input, lang }, headers);
  return data.submitReport;
}
