// An initiative as the shortlist page and its CSV export show it: public fields only (the
// registry's public API has no others).
import type { EntryFragment } from '../generated/operation-types.ts';

export type ShortlistConcept = ShortlistEntry['primarySector'];

/** Generated from the shortlist's fragment (lib/server/queries/shortlist-entry.fragments.graphql). */
export type ShortlistEntry = EntryFragment;
