// Flag: a partner reports one of our listings. The report desk decides whether to keep it (its
// id on its sender's server, about a listing we publish, within the sender's hourly limit) and
// tells this node's moderators (ADR 0031).
import type { InboxContext } from '@fedify/fedify';
import type { Flag } from '@fedify/vocab';
import type { FederationData } from '../federation-context.ts';
import { hostOf } from '../iri.ts';
// A report's content is HTML (AS2); moderators read it as text.
import { htmlToText } from '../jsonld/html-text.ts';

export async function onFlag(ctx: InboxContext<FederationData>, flag: Flag): Promise<void> {
  const reporter = flag.actorId?.href;
  if (!reporter || !flag.id) return;
  // A blocked server's reports are refused like everything else it sends.
  if (await ctx.data.follows.isBlocked(hostOf(reporter))) return;
  await ctx.data.services.reportDesk.receiveFromPartner({
    id: flag.id.href,
    actor: reporter,
    objects: flag.objectIds.map((id) => id.href),
    content: htmlToText((flag.content?.toString() ?? '').slice(0, 10_000)),
  });
}
