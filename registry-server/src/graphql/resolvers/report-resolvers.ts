// The report loop (ADR 0031): anyone reports a listing, moderators list, resolve and dismiss
// reports. Thin: the report desk checks, limits and authorises; these map stored shapes to the API.
import type { ReportCategory as StoredCategory } from '../../reports/report-categories.ts';
import type { ReportView } from '../../reports/report-repository.ts';
import type { ReportList } from '../../reports/report-desk.ts';
import { hostOf } from '../../federation/iri.ts';
import type { GraphQLContext } from '../context.ts';
import { mutation } from './mutation-support.ts';
import type { ReportCategory, ReportListName, Resolvers } from '../generated/resolver-types.ts';

const toApiCategory = (c: StoredCategory) => c.toUpperCase().replaceAll('-', '_') as ReportCategory;
const fromApiCategory = (c: string) => c.toLowerCase().replaceAll('_', '-');

export const reportResolvers: Resolvers = {
  Report: {
    id: (r: ReportView) => r._id,
    direction: (r: ReportView) => (r.direction === 'received' ? 'RECEIVED' : r.direction === 'local' ? 'LOCAL' : 'FORWARDED'),
    status: (r: ReportView) => r.status.toUpperCase() as 'OPEN' | 'FORWARDED' | 'RESOLVED' | 'DISMISSED',
    reporter: (r: ReportView) => r.reporter ?? '',
    reporterHost: (r: ReportView) => r.reporterHost ?? '',
    category: (r: ReportView) => toApiCategory(r.category),
    textPurged: (r: ReportView) => Boolean(r.textPurgedAt),
    decision: (r: ReportView) =>
      r.decision ? { note: r.decision.note, decidedAt: r.decision.decidedAt, byOriginNode: r.direction === 'forwarded' } : null,
    sentToHost: (r: ReportView) => (r.sentTo ? hostOf(r.sentTo) : null),
    forwardError: (r: ReportView) => r.forwardError ?? null,
    listings: (r: ReportView, _: unknown, ctx: GraphQLContext) =>
      Promise.all(
        r.objects.map(async (id) => {
          const listing = await ctx.services.reportDesk.findListing(id);
          const languages = ctx.reader.languages.length ? ctx.reader.languages : ctx.reader.defaults;
          return {
            id,
            kind: listing ? (listing.kind === 'initiative' ? 'INITIATIVE' : 'GOOD_PRACTICE') : null,
            name: listing ? listing.name(languages) : null,
            isLocal: listing ? listing.isLocal : null,
            openReports: await ctx.services.reportDesk.openAbout(id),
          };
        }),
      ),
  },
  Query: {
    reports: (_: unknown, args: { list?: ReportListName | null }, ctx: GraphQLContext) =>
      ctx.services.reportDesk.list(ctx.actor, (args.list ?? 'OPEN').toLowerCase() as ReportList),
  },
  Mutation: {
    // Anyone may report, signed in or not; a cookie session still needs its CSRF token.
    submitReport: mutation(
      async (args: { input: { listing: string; category: string; text?: string | null } }, ctx: GraphQLContext) => {
        const { forwarded } = await ctx.services.reportDesk.submit(
          { listing: args.input.listing, category: fromApiCategory(args.input.category), text: args.input.text ?? null },
          ctx.address,
        );
        return { ok: true, forwarded, error: null };
      },
      { ok: false, forwarded: null },
    ),
    resolveReport: mutation(async (args: { id: string; note: string }, ctx: GraphQLContext) => ({
      report: await ctx.services.reportDesk.decide(ctx.actor, args.id, 'resolved', args.note),
      error: null,
    })),
    dismissReport: mutation(async (args: { id: string; note: string }, ctx: GraphQLContext) => ({
      report: await ctx.services.reportDesk.decide(ctx.actor, args.id, 'dismissed', args.note),
      error: null,
    })),
  },
};
