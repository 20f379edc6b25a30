// Matches and the network potential in GraphQL (issue 15 points 2 and 4, ADR 0036): thin
// resolvers over MarketMatching's stored matches and NetworkPotential. Matches are never public:
// only whoever may edit the record, and the node's staff, see them.
import { authorize, can } from '../../accounts/authorization.ts';
import type { Actor } from '../../accounts/actor.ts';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import type { StoredMarketRecord } from '../../market/market-record-repository.ts';
import type { ProcurementIntent } from '../../market/market-record.ts';
import type { MarketMatch, MatchReason } from '../../market/matching/market-match.ts';
import type { CityPotential, Potential } from '../../market/matching/network-potential.ts';
import { MIN_BIDDERS, suggestionWords, type Suggestion } from '../../market/matching/potential-suggestion.ts';
import { BadInputError } from '../../records/bad-input-error.ts';
import type { GraphQLContext } from '../context.ts';
import { primaryLanguage, readerWith, type Reader } from '../reader.ts';
import type { PotentialSuggestionCode, ProcurementIntent as ProcurementIntentEnum, Resolvers } from '../generated/resolver-types.ts';
import { initiativeView } from './initiative-resolvers.ts';
import type { MarketRecordView } from './market-resolvers.ts';
import { conceptViews } from './shared-resolvers.ts';

export type MatchView = { match: MarketMatch; reader: Reader; initiative: StoredInitiative | null; record: MarketRecordView | null };
export type ReasonView = { reason: MatchReason; reader: Reader };
export type PotentialView = { potential: Potential; reader: Reader };
export type CityPotentialView = { city: CityPotential; reader: Reader };
export type SuggestionView = { suggestion: Suggestion; reader: Reader };
type LangArgs = { lang?: string | null };

const MAX_MATCHES_PAGE = 50;
const lang = (reader: Reader, args: LangArgs) => primaryLanguage(readerWith(reader, args.lang));

/** Whoever may edit the record (its own node's records only), or the node's staff. */
function maySeeMatches(actor: Actor, doc: StoredMarketRecord): boolean {
  if (can(actor, { do: 'market.moderate' })) return true;
  // A partner's copy names an initiative of the partner: a local initiative of the same handle is not its owner.
  if (doc.origin.kind !== 'local') return false;
  return can(actor, { do: 'market.write', kind: doc.record.kind, initiative: doc.record.owner.initiative });
}

export const marketMatchingResolvers: Resolvers = {
  MarketRecord: {
    matches: async (v: MarketRecordView, args: { first?: number | null }, ctx: GraphQLContext) => {
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_MATCHES_PAGE)
        throw new BadInputError('first', `must be between 0 and ${MAX_MATCHES_PAGE} (got ${first}).`);
      if (!maySeeMatches(ctx.actor, v.doc)) return null;
      // An unpublished or expired record (an editor's preview) has no matches to show.
      const now = ctx.services.now();
      if (v.doc.publication.state !== 'published' || v.doc.derived.expiresAt <= now.toISOString()) return [];
      const stored = await ctx.services.marketMatches.find(v.doc._id);
      const matches = stored?.matches ?? [];
      // One read for every initiative of the list (they are most matches), so a list costs one query.
      const storeId = (m: MarketMatch) =>
        ctx.services.iris.storeIdFor(m.counterpart.kind === 'initiative' ? 'initiatives' : 'market', m.counterpart.iri);
      const initiativeIds = matches.filter((m) => m.counterpart.kind === 'initiative').map(storeId);
      const initiatives = new Map(
        (initiativeIds.length ? await ctx.services.initiatives.findPublishedByIds(initiativeIds) : []).map((d) => [d._id, d]),
      );
      const out: MatchView[] = [];
      for (const match of matches) {
        if (out.length >= first) break;
        // Counterparts that left the public since (unpublished, deleted, expired) are not shown.
        if (match.counterpart.kind === 'initiative') {
          const initiative = initiatives.get(storeId(match));
          if (initiative) out.push({ match, reader: v.reader, initiative, record: null });
        } else {
          const found = await ctx.services.publicMarketRecords.findById(storeId(match));
          if (found) out.push({ match, reader: v.reader, initiative: null, record: { doc: found.doc, reader: v.reader, now: found.now } });
        }
      }
      return out;
    },
  },
  MarketMatch: {
    counterpartKind: (v: MatchView) => (v.match.counterpart.kind === 'initiative' ? 'INITIATIVE' : 'MARKET_RECORD'),
    counterpartId: (v: MatchView) => v.match.counterpart.iri,
    local: (v: MatchView) => v.match.counterpart.local,
    initiative: (v: MatchView) => (v.initiative ? initiativeView(v.initiative, v.reader) : null),
    marketRecord: (v: MatchView) => v.record,
    score: (v: MatchView) => v.match.score,
    reasons: (v: MatchView): ReasonView[] => v.match.reasons.map((reason) => ({ reason, reader: v.reader })),
    explanation: (v: MatchView, args: LangArgs, ctx: GraphQLContext) =>
      ctx.services.matchExplainer.explain(v.match.reasons, lang(v.reader, args)),
  },
  MatchReason: {
    code: (v: ReasonView) => v.reason.code,
    params: (v: ReasonView) => v.reason.params,
    text: (v: ReasonView, args: LangArgs, ctx: GraphQLContext) => ctx.services.matchExplainer.reason(v.reason, lang(v.reader, args)),
  },
  NetworkPotential: {
    sectors: (v: PotentialView, args: LangArgs, ctx: GraphQLContext) =>
      conceptViews(ctx, 'sector', v.potential.sectors, readerWith(v.reader, args.lang)),
    unmappedCpvCodes: (v: PotentialView) => v.potential.unmappedCpv,
    scope: (v: PotentialView) => (v.potential.scope === 'radius' ? 'RADIUS' : 'COUNTRY'),
    reachKm: (v: PotentialView) => v.potential.reachKm,
    capable: (v: PotentialView) => v.potential.capable,
    eligible: (v: PotentialView) => v.potential.eligible,
    byCity: (v: PotentialView) => v.potential.byCity.map((city) => ({ city, reader: v.reader })),
    suggestion: (v: PotentialView) => ({ suggestion: v.potential.suggestion, reader: v.reader }),
    minBidders: () => MIN_BIDDERS,
    intent: (v: PotentialView) => v.potential.intent.toUpperCase().replaceAll('-', '_') as ProcurementIntentEnum,
  },
  CityPotential: {
    node: (v: CityPotentialView) => v.city.node,
    city: (v: CityPotentialView, args: LangArgs, ctx: GraphQLContext) => {
      const names = ctx.services.search.cityNames(v.city.node) ?? {};
      const wanted = lang(v.reader, args);
      return names[wanted] ?? Object.values(names)[0] ?? v.city.node;
    },
    capable: (v: CityPotentialView) => v.city.capable,
    eligible: (v: CityPotentialView) => v.city.eligible,
  },
  PotentialSuggestion: {
    code: (v: SuggestionView) => v.suggestion.code.toUpperCase().replaceAll('-', '_') as PotentialSuggestionCode,
    label: (v: SuggestionView, args: LangArgs) => suggestionWords(v.suggestion, lang(v.reader, args)).label,
    rule: (v: SuggestionView, args: LangArgs) => suggestionWords(v.suggestion, lang(v.reader, args)).rule,
  },
  Query: {
    networkPotential: async (
      _: unknown,
      args: {
        sectors?: string[] | null;
        cpvCodes?: string[] | null;
        area: {
          country: string;
          region?: string | null;
          locality?: string | null;
          centre?: { lat: number; lon: number } | null;
          radiusKm?: number | null;
        };
        intent?: string | null;
      },
      ctx: GraphQLContext,
    ) => {
      authorize(ctx.actor, { do: 'market.moderate' });
      const { country, region, locality, centre, radiusKm } = args.area;
      const potential = await ctx.services.networkPotential.estimate({
        sectors: args.sectors ?? [],
        cpvCodes: args.cpvCodes ?? [],
        area: {
          country,
          ...(region != null ? { region } : {}),
          ...(locality != null ? { locality } : {}),
          ...(centre != null ? { centre } : {}),
          ...(radiusKm != null ? { radiusKm } : {}),
        },
        intent: (args.intent ?? 'NONE').toLowerCase().replaceAll('_', '-') as ProcurementIntent,
      });
      return { potential, reader: ctx.reader };
    },
  },
};
