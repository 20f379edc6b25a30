// The federation's side of the report loop (ADR 0031), reacting to the report desk's events:
//   - report.forwardRequested: a listing received from a partner was reported here, so its
//     origin node gets a Flag (from our node actor, naming the listing, the reason's label and
//     the reporter's text as content: its moderators, and only they, read it);
//   - report.decided: our moderators closed a report a partner sent us, so that partner gets an
//     Accept (resolved) or a Reject (dismissed) of its Flag with the moderator's note as content.
// Delivery goes through Fedify's queue (retried with backoff); a partner that is down, slow or
// hostile never fails the local action: errors are logged and noted on the report.
import type { Context, Federation } from '@fedify/fedify';
import { Accept, Flag, Reject } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import type { DomainEvent } from '../../events/domain-events.ts';
import { outsideDeadline } from '../../outgoing/outgoing-limits.ts';
import { lookupDeadline } from '../../outgoing/outgoing-timeouts.ts';
import { flagText } from '../../reports/report-categories.ts';
import type { ReportView } from '../../reports/report-repository.ts';
import { activityId } from '../activity-ids.ts';
import { NODE_ACTOR, type FederationData } from '../federation-context.ts';
import { textToHtml } from '../jsonld/html-text.ts';

const log = logger('federation', 'reports');

type Recipient = { id: URL; inboxId: URL; endpoints?: { sharedInbox: URL } | null };

export function connectReportBridge(federation: Federation<FederationData>, data: FederationData): () => void {
  return data.services.events.subscribe((event) => {
    if (event.type !== 'report.forwardRequested' && event.type !== 'report.decided') return;
    // Set off inside a request (the report form, the moderator's action), but not bound by its deadline.
    return outsideDeadline(() => react(federation.createContext(data.services.config.publicUrl, data), event));
  });
}

async function react(ctx: Context<FederationData>, event: DomainEvent): Promise<void> {
  if (event.type === 'report.forwardRequested') await forward(ctx, event.reportId);
  else if (event.type === 'report.decided') await answer(ctx, event.reportId, event.decision);
}

/** Sends the Flag of a report made here about a partner's listing to the listing's origin. */
export async function forward(ctx: Context<FederationData>, reportId: string): Promise<void> {
  const { reports, reportDesk } = ctx.data.services;
  const report = await reports.findById(reportId);
  if (!report || report.direction !== 'forwarded' || report.flagId) return;
  const listing = await reportDesk.findListing(report.objects[0] ?? '');
  const origin = listing?.originNode ? await recipientFor(ctx, listing.originNode) : null;
  if (!listing || !origin) {
    await reports.markForwarded(reportId, { error: 'the origin node of this listing could not be reached' });
    log.warning('Could not forward report {reportId}: origin of {listing} unknown or unreachable', {
      reportId,
      listing: report.objects[0],
    });
    return;
  }
  const flag = flagActivity(ctx, report, listing.id, origin.id);
  // Noted before it is queued: an answer may arrive before this function returns.
  await reports.markForwarded(reportId, { flagId: flag.id!.href, sentTo: origin.id.href });
  await ctx.sendActivity({ identifier: NODE_ACTOR }, origin, flag);
  log.info('Forwarded report {reportId} to {origin}', { reportId, origin: origin.id.href });
}

/** Tells the partner that reported one of our listings what our moderators decided. */
export async function answer(ctx: Context<FederationData>, reportId: string, decision: 'resolved' | 'dismissed'): Promise<void> {
  const { reports } = ctx.data.services;
  const report = await reports.findById(reportId);
  if (!report || report.direction !== 'received' || !report.reporter || !report.decision) return;
  const reporter = await recipientFor(ctx, report.reporter);
  if (!reporter) {
    log.warning('Could not tell {reporter} the outcome of report {reportId}: unreachable', { reporter: report.reporter, reportId });
    return;
  }
  await ctx.sendActivity({ identifier: NODE_ACTOR }, reporter, answerActivity(ctx, report, decision, reporter.id));
  await reports.markAnswered(reportId, ctx.data.services.now().toISOString());
  log.info('Told {reporter} that report {reportId} was {decision}', { reporter: report.reporter, reportId, decision });
}

/**
 * At start, what a stop left between storing and queuing: Flags of forwarded reports and answers
 * to partners' reports closed here. How many were queued (or found impossible).
 */
export async function catchUpReports(ctx: Context<FederationData>): Promise<number> {
  const { toForward, toAnswer } = await ctx.data.services.reports.unfinished(500);
  for (const report of toForward) await forward(ctx, report._id);
  for (const report of toAnswer)
    if (report.status !== 'open' && report.status !== 'forwarded') await answer(ctx, report._id, report.status);
  const count = toForward.length + toAnswer.length;
  if (count) log.info('Caught up {count} report delivery(ies) left by the last stop', { count });
  return count;
}

/** The Flag of a report made here, to the listing's origin: the reason's label and the reporter's text as content. */
export function flagActivity(ctx: Context<FederationData>, report: ReportView, listing: string, origin: URL): Flag {
  return new Flag({
    id: activityId(ctx.data.services.config.publicUrl, 'flag'),
    actor: ctx.getActorUri(NODE_ACTOR),
    object: new URL(listing),
    content: textToHtml(flagText(report.category, report.reason)),
    to: origin,
  });
}

/** Our moderators' decision on a partner's Flag: Accept (resolved) or Reject (dismissed), the note as content. */
export function answerActivity(
  ctx: Context<FederationData>,
  report: ReportView,
  decision: 'resolved' | 'dismissed',
  reporter: URL,
): Accept | Reject {
  // The Flag by its id, actor and objects only: the reporter's own text is not sent back.
  const flag = new Flag({ id: new URL(report._id), actor: new URL(report.reporter!), objects: report.objects.map((o) => new URL(o)) });
  const values = {
    id: activityId(ctx.data.services.config.publicUrl, decision === 'resolved' ? 'accept' : 'reject'),
    actor: ctx.getActorUri(NODE_ACTOR),
    object: flag,
    content: textToHtml(report.decision?.note ?? ''),
    to: reporter,
  };
  return decision === 'resolved' ? new Accept(values) : new Reject(values);
}

/** A partner's inbox: from the follows when known (no fetch), else by looking the actor up. */
async function recipientFor(ctx: Context<FederationData>, actor: string): Promise<Recipient | null> {
  const following = await ctx.data.follows.findFollowing(actor);
  if (following)
    return {
      id: new URL(following._id),
      inboxId: new URL(following.inbox),
      endpoints: following.sharedInbox ? { sharedInbox: new URL(following.sharedInbox) } : null,
    };
  const follower = await ctx.data.follows.findFollower(NODE_ACTOR, actor);
  if (follower)
    return {
      id: new URL(follower.actor),
      inboxId: new URL(follower.inbox),
      endpoints: follower.sharedInbox ? { sharedInbox: new URL(follower.sharedInbox) } : null,
    };
  const found = await ctx
    .lookupObject(actor, { documentLoader: await ctx.getDocumentLoader({ identifier: NODE_ACTOR }), signal: lookupDeadline() })
    .catch(() => null);
  if (!found || !('inboxId' in found) || !found.inboxId || !found.id || found.id.href !== actor) return null;
  return { id: found.id, inboxId: found.inboxId as URL, endpoints: null };
}
