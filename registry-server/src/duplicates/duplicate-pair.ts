// A pair of initiative listings that may name one organisation (issue 17 point 8, ADR 0052): a
// proposal computed when a listing is published or received, a moderator's decision on it, and
// what partners said of it in the `sameAs` of the objects they serve.
import type { Doc } from '../store/store.ts';
import type { LikenessReason } from './duplicate-likeness.ts';

/**
 * `proposed`: waits for a moderator; `confirmed`: one organisation (linked); `rejected`: not the
 * same, never proposed again; `claimed`: two partners' listings of which only one origin names
 * the other so far (linked once both do, so no partner can pull another's listing into its own).
 */
export type DuplicatePairStatus = 'proposed' | 'confirmed' | 'rejected' | 'claimed';

export type DuplicatePair = Doc & {
  /** The two store ids (a local listing's handle, a received listing's IRI), sorted, joined by a space. */
  _id: string;
  /** The same two store ids, for lookups by one of them. */
  ids: [string, string];
  status: DuplicatePairStatus;
  /** Why they were proposed (empty for a link learned from a partner only). */
  reasons: LikenessReason[];
  proposedAt: string;
  decidedAt?: string;
  /** The account that confirmed or rejected it (null when a partner's word decided). */
  decidedBy?: string | null;
  /** Store ids of the pair's listings whose origin serves the link in its `sameAs` (a partner's word). */
  claimedBy: string[];
};

/** The id of the pair of two store ids, whichever order they come in. */
export function pairIdOf(a: string, b: string): { _id: string; ids: [string, string] } {
  const ids: [string, string] = a < b ? [a, b] : [b, a];
  // A space: no IRI or handle holds one, and unlike a line break it survives a form post unchanged.
  return { _id: `${ids[0]} ${ids[1]}`, ids };
}
