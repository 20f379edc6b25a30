// What a match is (contract B of issue 15): a market record on one side, an initiative or another
// market record on the other, a score and the reasons, each a code with parameters that
// match-explanations.ts renders in words in the nine languages. Consumers (answers, federation,
// pages) read these shapes only.

/** Why a counterpart matched. The codes and their parameters are listed in REASON_CODES. */
export interface MatchReason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface MarketMatch {
  /** IRI of the market record that was matched. */
  recordIri: string;
  counterpart: { kind: 'initiative' | 'marketRecord'; iri: string; local: boolean };
  /** Higher is a better match; only comparable between matches of one record. */
  score: number;
  reasons: MatchReason[];
}

/**
 * Every reason code, with its parameters:
 * - `same-sector` {sector}: the counterpart works in a sector the record names.
 * - `cpv-sector` {cpv, sector}: a CPV code of the request maps to a sector of the counterpart (cpv-sectors.ts).
 * - `distance-km` {km}: the counterpart is about `km` away (rounded to what its place's precision allows).
 * - `same-locality` {locality}: the counterpart is in the record's locality (its place is known at city level only).
 * - `same-country` {country}: only the country is shared (the record names no narrower place).
 * - `delivers-here`: the counterpart says it delivers in the record's area.
 * - `language` {language}: the counterpart works in the language the record is written in.
 * - `reserved-eligible` {basis, article}: eligible for a contract reserved under that article (20, 77, or "" when the status names none).
 * - `capacity` {teamSize, budgetBand}: the team size band is large enough for the budget band.
 * - `need-offer-kind` {kind}: a need and an offer share a kind (a meeting room, a kitchen …).
 * - `needs-offered` {kind}: an initiative lists among its needs what an offer lends.
 * - `sent-by-moderator`: not matched by the rules; a moderator sent the record to this counterpart by hand (ADR 0037).
 */
export const REASON_CODES = [
  'same-sector',
  'cpv-sector',
  'distance-km',
  'same-locality',
  'same-country',
  'delivers-here',
  'language',
  'reserved-eligible',
  'capacity',
  'need-offer-kind',
  'needs-offered',
  'sent-by-moderator',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
