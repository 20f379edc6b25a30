// The page of a listing on this site, from its global id: a local listing's id is its page here
// (same origin); a received one is shown at /network/<kind>?id=<IRI>.

export function listingPath(listing: { id: string; kind: string | null; isLocal: boolean | null }): string | null {
  if (!listing.kind) return null;
  if (listing.isLocal) {
    try {
      return new URL(listing.id).pathname;
    } catch {
      return null;
    }
  }
  return `/network/${listing.kind === 'INITIATIVE' ? 'initiatives' : 'practices'}?id=${encodeURIComponent(listing.id)}`;
}
