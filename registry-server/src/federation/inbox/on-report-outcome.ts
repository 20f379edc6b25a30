// Accept / Reject of a Flag we sent: the origin node of a listing reported here resolved
// (Accept) or dismissed (Reject) the report, with its moderator's note as `content` (ADR 0031).
// The Flag is matched by id against the forwarded reports, and only the actor it went to may
// answer it; anything else is ignored.
import type { InboxContext } from '@fedify/fedify';
import type { Accept, Reject } from '@fedify/vocab';
import type { FederationData } from '../federation-context.ts';
import { htmlToText } from '../jsonld/html-text.ts';
import { hostOf } from '../iri.ts';

/** Whether the activity answered one of our forwarded reports. */
export async function onReportOutcome(
  ctx: InboxContext<FederationData>,
  answer: Accept | Reject,
  decision: 'resolved' | 'dismissed',
): Promise<boolean> {
  const flagId = answer.objectId?.href;
  const actor = answer.actorId?.href;
  if (!flagId || !actor) return false;
  if (await ctx.data.follows.isBlocked(hostOf(actor))) return false;
  const note = htmlToText((answer.content?.toString() ?? '').slice(0, 10_000));
  return ctx.data.services.reportDesk.recordOutcome(flagId, actor, decision, note);
}
