// The matching rules, pure: a market record against an initiative (requests; offers against the
// needs initiatives list) or against another market record (a need against an offer). Each rule
// either refuses the pair (a hard rule: no shared sector, outside the area, not eligible for a
// reserved contract, no shared kind) or adds to the score with a reason said in words
// (match-explanations.ts). The thresholds and weights are here, documented in ADR 0036.
import type { MarketRecord } from '../market-record.ts';
import { cpvSectorPairs } from './cpv-sectors.ts';
import type { InitiativeFacts } from './initiative-facts.ts';
import type { MatchReason } from './market-match.ts';
import { placeFit, type CounterpartPlace, type RecordPlace } from './place-fit.ts';

export interface Scored {
  score: number;
  reasons: MatchReason[];
}

/** Team size bands in order (taxonomy team-size-band, contract A). */
export const TEAM_SIZE_BANDS = ['1-4', '5-9', '10-19', '20-49', '50-plus'] as const;
/**
 * The smallest team band we say can carry a contract of each budget band: a rough rule of thumb
 * (about one person per €15,000 a year of services), only ever a bonus, never a refusal: a small
 * team can answer a lot, or in a consortium.
 */
export const MIN_TEAM_FOR_BUDGET: Readonly<Record<string, string>> = {
  'under-30k': '1-4',
  '30k-140k': '5-9',
  '140k-eu-threshold': '10-19',
  'above-eu-threshold': '20-49',
};

/** The offer kinds, as the need codes they answer (premises also by their premisesKinds). */
export const OFFER_KIND_NEEDS: Readonly<Record<string, readonly string[]>> = {
  premises: ['space'],
  equipment: ['equipment'],
  training: ['skills'],
  advice: ['legal-advice', 'mentoring'],
  mentoring: ['mentoring'],
  funding: ['funding'],
};

/** The need codes an offer answers. */
export function offeredNeeds(offer: NonNullable<MarketRecord['offer']>): string[] {
  return [...new Set([...(OFFER_KIND_NEEDS[offer.offerKind] ?? []), ...(offer.premisesKinds ?? [])])];
}

/** The sectors a request reaches: its own and those of its CPV codes. Empty: it matches nothing. */
export function requestSectors(record: MarketRecord): string[] {
  return [...new Set([...(record.sectors ?? []), ...cpvSectorPairs(record.request?.cpvCodes ?? []).flatMap((p) => p.sectors)])];
}

const primaryLanguage = (tag: string) => tag.toLowerCase().split('-')[0]!;

/** A request against an initiative: null when a hard rule refuses the pair. */
export function matchRequest(record: MarketRecord, place: RecordPlace, initiative: InitiativeFacts): Scored | null {
  const reasons: MatchReason[] = [];
  let score = 0;
  // Sector: shared directly, or through a CPV code (hard).
  const shared = (record.sectors ?? []).filter((s) => initiative.sectors.includes(s));
  if (shared.length > 0) {
    reasons.push({ code: 'same-sector', params: { sector: shared[0]! } });
    score += 3 + Math.min(2, shared.length - 1);
  } else {
    const viaCpv = cpvSectorPairs(record.request?.cpvCodes ?? []).flatMap((p) =>
      p.sectors.filter((s) => initiative.sectors.includes(s)).map((sector) => ({ cpv: p.cpv, sector })),
    )[0];
    if (!viaCpv) return null;
    reasons.push({ code: 'cpv-sector', params: viaCpv });
    score += 2;
  }
  // Place (hard).
  const fit = placeFit(place, initiative);
  if (!fit) return null;
  reasons.push(fit.reason);
  score += fit.score;
  // Reserved contract (hard when the buyer intends to reserve it; a bonus with a social clause).
  const intent = record.request?.intent ?? 'none';
  const eligible = [...initiative.eligibility].sort((a, b) => rank(a.article) - rank(b.article))[0];
  if (intent === 'reserved-contract' && !eligible) return null;
  if (eligible && intent !== 'none') {
    reasons.push({ code: 'reserved-eligible', params: { basis: eligible.basis, article: eligible.article } });
    score += intent === 'reserved-contract' ? 3 : 1;
  }
  // Language the buyer writes in (a bonus).
  const language = primaryLanguage(record.originalLanguage);
  if (initiative.languages.includes(language)) {
    reasons.push({ code: 'language', params: { language } });
    score += 1;
  }
  // Capacity (a bonus or a small malus, never a refusal).
  const budget = record.request?.budgetBand;
  const needed = budget ? MIN_TEAM_FOR_BUDGET[budget] : undefined;
  if (needed && initiative.teamSize) {
    const have = TEAM_SIZE_BANDS.indexOf(initiative.teamSize as (typeof TEAM_SIZE_BANDS)[number]);
    if (have >= TEAM_SIZE_BANDS.indexOf(needed as (typeof TEAM_SIZE_BANDS)[number])) {
      reasons.push({ code: 'capacity', params: { teamSize: initiative.teamSize, budgetBand: budget! } });
      score += 1;
    } else if (have >= 0) score -= 1;
  }
  return { score: round(score), reasons };
}

/** Article 20 before 77 before a status naming neither: the reason names the strongest basis. */
const rank = (article: string) => (article === '20' ? 0 : article === '77' ? 1 : 2);

/** An offer against an initiative that lists needs: null unless it needs what is offered, where it is offered. */
export function matchOfferToInitiative(offer: MarketRecord, place: RecordPlace, initiative: InitiativeFacts): Scored | null {
  const kind = offeredNeeds(offer.offer!).find((k) => initiative.needs.includes(k));
  if (!kind) return null;
  const fit = placeFit(place, { ...initiative, deliveryArea: null });
  if (!fit) return null;
  return { score: round(3 + fit.score), reasons: [{ code: 'needs-offered', params: { kind } }, fit.reason] };
}

/**
 * A need against an offer (either way round: `place` is the side being matched, `other` the
 * other record): a shared kind and a place within reach of each other.
 */
export function matchNeedOffer(need: MarketRecord, offer: MarketRecord, place: RecordPlace, other: RecordPlace): Scored | null {
  const offered = offeredNeeds(offer.offer!);
  const kinds = need.need!.needKinds.filter((k) => offered.includes(k));
  if (kinds.length === 0) return null;
  const fit = placeFit(place, recordAsCounterpart(other));
  if (!fit) return null;
  const reasons: MatchReason[] = [{ code: 'need-offer-kind', params: { kind: kinds[0]! } }, fit.reason];
  return { score: round(3 + Math.min(2, kinds.length - 1) + fit.score), reasons };
}

/** Another record's area seen as a place: its centre is exact, but a record's area is a zone, so a locality counts like a city. */
function recordAsCounterpart(other: RecordPlace): CounterpartPlace {
  return {
    country: other.area.country,
    region: other.area.region ?? null,
    locality: other.area.locality ?? '',
    geo: other.centre,
    precision: other.area.centre ? 'neighbourhood' : 'city',
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
