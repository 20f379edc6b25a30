// Flag: a partner reports one of our listings. The report is kept for this node's moderators.
import type { InboxContext } from '@fedify/fedify';
import type { Flag } from '@fedify/vocab';
import { logger } from '../../config/logging.ts';
import type { FederationData } from '../federation-context.ts';
import { hostOf } from '../iri.ts';
// A report's content is HTML (AS2); moderators read it as text.
import { htmlToText } from '../jsonld/html-text.ts';
import { readFlagText } from '../../reports/report-categories.ts';

const log = logger('federation', 'inbox');

export async function onFlag(ctx: InboxContext<FederationData>, flag: Flag): Promise<void> {
  const reporter = flag.actorId?.href;
  if (!reporter || !flag.id) return;
  const ours = flag.objectIds.map((id) => id.href).filter((id) => id.startsWith(ctx.data.services.config.publicUrl.origin + '/'));
  if (ours.length === 0) return;
  const { category, text } = readFlagText(htmlToText((flag.content?.toString() ?? '').slice(0, 5000)));
  const isNew = await ctx.data.services.reports.receive(flag.id.href, {
    reporter,
    reporterHost: hostOf(reporter),
    objects: ours,
    // Our partners open the content with the reason's label (report-categories.ts); others write text only.
    category,
    reason: text,
    receivedAt: ctx.data.services.now().toISOString(),
  });
  log.info('Report from {reporter} about {objects}', { reporter, objects: ours });
  // Moderators and admins are told once, in the site (and by e-mail with SMTP): notice-subscribers.ts.
  if (isNew) ctx.data.services.events.emit({ type: 'report.received', reportId: flag.id.href, objects: ours });
}
