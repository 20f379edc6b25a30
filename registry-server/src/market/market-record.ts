// The TypeScript shape of a market record (schemas/records/market-record.schema.json is the source
// of truth and validates every write): a buyer's request, an initiative's need, a city's or an
// organisation's offer, or an initiative's opening, in one model (issue 15 point 1, ADR 0033).
import type { LanguageMap } from '../records/language.ts';
import type { GeoPoint } from '../records/record-types.ts';

export const MARKET_KINDS = ['request', 'need', 'offer', 'opening'] as const;
export type MarketKind = (typeof MARKET_KINDS)[number];

/** The kinds an initiative's editors write for their initiative; the others are posted by the node's staff for an organisation. */
export const INITIATIVE_KINDS: readonly MarketKind[] = ['need', 'opening'];

export type RequestKind = 'tender' | 'quote' | 'sourcing';
export type ProcurementIntent = 'reserved-contract' | 'social-clause' | 'none';

export interface MarketRecord {
  handle: string;
  kind: MarketKind;
  title: LanguageMap;
  summary: LanguageMap;
  description?: LanguageMap;
  originalLanguage: string;
  /** An initiative of this node (needs, openings) or an organisation's name (requests, offers): never a person. */
  owner: { initiative?: string; organisation?: string; organisationUrl?: string };
  sectors?: string[];
  area: { country: string; region?: string; locality?: string; centre?: GeoPoint; radiusKm?: number };
  period?: { startDate?: string; endDate?: string };
  /** Last day the record is public (YYYY-MM-DD, UTC). */
  expiresOn: string;
  request?: {
    requestKind: RequestKind;
    intent: ProcurementIntent;
    cpvCodes?: string[];
    budgetBand?: string;
    deadline?: string;
  };
  need?: { needKinds: string[]; frequency?: LanguageMap };
  offer?: { offerKind: string; premisesKinds?: string[]; lendingForms?: string[]; availability?: LanguageMap; conditions?: LanguageMap };
  opening?: { openingKind: string; places?: number; languages?: string[]; conditions?: LanguageMap };
  node: string;
}
