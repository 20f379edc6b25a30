// `umn partners …` and `umn queue`: the admin's federation tasks, through the node's API.
import { ActionError } from '../accounts/action-error.ts';
import type { ApiClient } from './api-client.ts';
import type { CommandOutput } from './command-output.ts';

const PARTNER = 'partner { actor following followedBy } error { code message }';

/** What the commands read of the API's answers (schemas/graphql/federation.graphql). */
type Failure = { error: { message: string } | null };
type PartnerResult = Failure & { partner: { actor: string } };
interface PartnerListing {
  partners: Array<{
    actor: string;
    following: string | null;
    followedBy: string | null;
    recentDeliveryFailures: number;
    lastDeliveryError: string | null;
    lastBackfill: { at: string; records: number; errors: number } | null;
  }>;
  blockedDomains: Array<{ domain: string; reason: string | null }>;
}

function failIfError(result: Failure): void {
  if (result.error) throw new ActionError('INVALID_STATE', result.error.message);
}

export async function partnerCommand(api: ApiClient, args: string[], reason: string | undefined, out: CommandOutput): Promise<void> {
  const [command, target] = args;
  const need = (what: string) => {
    if (!target) throw new ActionError('VALIDATION_FAILED', `Give the ${what}: umn partners ${command} <${what}>`);
    return target;
  };
  switch (command) {
    case 'list': {
      const data = await api.request<PartnerListing>(
        '{ partners { actor host following followedBy recentDeliveryFailures lastDeliveryError lastBackfill { at records errors } } blockedDomains { domain reason } }',
      );
      if (data.partners.length === 0) out.line('No partners yet. Follow one with: umn partners follow <URL or handle>');
      for (const p of data.partners) {
        out.line(
          `${p.actor}\n  we follow: ${p.following?.toLowerCase() ?? '-'}   follows us: ${p.followedBy?.toLowerCase() ?? '-'}   failed deliveries (24 h): ${p.recentDeliveryFailures}`,
        );
        if (p.lastBackfill)
          out.line(`  last catalogue copy: ${p.lastBackfill.at}, ${p.lastBackfill.records} listing(s), ${p.lastBackfill.errors} refused`);
        if (p.lastDeliveryError) out.line(`  last error: ${p.lastDeliveryError}`);
      }
      for (const b of data.blockedDomains) out.line(`blocked: ${b.domain}${b.reason ? ` (${b.reason})` : ''}`);
      return;
    }
    case 'follow': {
      const data = await api.request<{ followPartner: PartnerResult }>(
        `mutation($t: String!) { followPartner(target: $t) { ${PARTNER} } }`,
        { t: need('URL or handle') },
      );
      failIfError(data.followPartner);
      out.line(`Follow request sent to ${data.followPartner.partner.actor}; its admin must approve it.`);
      return;
    }
    case 'approve':
    case 'reject': {
      const field = command === 'approve' ? 'approvePartner' : 'rejectPartner';
      const data = await api.request<Record<string, PartnerResult>>(`mutation($a: String!) { ${field}(actor: $a) { ${PARTNER} } }`, {
        a: need('actor URL'),
      });
      failIfError(data[field]!);
      out.line(`${command === 'approve' ? 'Approved' : 'Rejected'} ${target}.`);
      return;
    }
    case 'unfollow': {
      const data = await api.request<{ unfollowPartner: Failure }>(
        'mutation($a: String!) { unfollowPartner(actor: $a) { ok error { message } } }',
        {
          a: need('actor URL'),
        },
      );
      failIfError(data.unfollowPartner);
      out.line(`Unfollowed ${target}; its listings were removed here.`);
      return;
    }
    case 'block': {
      const data = await api.request<{ blockDomain: Failure & { removedListings: number } }>(
        'mutation($d: String!, $r: String) { blockDomain(domain: $d, reason: $r) { removedListings error { message } } }',
        { d: need('domain'), r: reason ?? null },
      );
      failIfError(data.blockDomain);
      out.line(`Blocked ${target}; ${data.blockDomain.removedListings} listing(s) it sent were removed.`);
      return;
    }
    case 'unblock': {
      const data = await api.request<{ unblockDomain: Failure }>(
        'mutation($d: String!) { unblockDomain(domain: $d) { ok error { message } } }',
        { d: need('domain') },
      );
      failIfError(data.unblockDomain);
      out.line(`Unblocked ${target}.`);
      return;
    }
    default:
      throw new ActionError(
        'VALIDATION_FAILED',
        `Unknown partners command "${command ?? ''}". Use list, follow, approve, reject, unfollow, block or unblock.`,
      );
  }
}

export async function queueCommand(api: ApiClient, out: CommandOutput): Promise<void> {
  const data = await api.request<{ deliveryQueue: { queued: number; ready: number; delayed: number } }>(
    '{ deliveryQueue { queued ready delayed } }',
  );
  out.line(
    `Deliveries queued: ${data.deliveryQueue.queued} (${data.deliveryQueue.ready} due now, ${data.deliveryQueue.delayed} waiting for a retry).`,
  );
}
