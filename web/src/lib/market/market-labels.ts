// The message keys of the market's enumerations, written out so the build finds each key the
// pages use (message-usage.ts reads string literals; a key built from a value would be missed).
import type { MessageKey } from '../i18n/catalog.ts';

export const KIND_LABELS = {
  REQUEST: 'mktKindRequest',
  NEED: 'mktKindNeed',
  OFFER: 'mktKindOffer',
  OPENING: 'mktKindOpening',
} as const satisfies Record<string, MessageKey>;

/** The board's kind filter, by the value in its address. */
export const KIND_FILTER_LABELS = {
  request: 'mktKindRequests',
  offer: 'mktKindOffers',
  need: 'mktKindNeeds',
  opening: 'mktKindOpenings',
} as const satisfies Record<string, MessageKey>;

export const REQUEST_KIND_LABELS = {
  TENDER: 'mktRequestKindTender',
  QUOTE: 'mktRequestKindQuote',
  SOURCING: 'mktRequestKindSourcing',
} as const satisfies Record<string, MessageKey>;

export const INTENT_LABELS = {
  RESERVED_CONTRACT: 'mktIntentReserved',
  SOCIAL_CLAUSE: 'mktIntentSocialClause',
  NONE: 'mktIntentNone',
} as const satisfies Record<string, MessageKey>;
