// The global id in the address of a received listing's page (/network/initiatives?id=<IRI>).
// Anything that cannot be a record's id is "no such page" (404) before the registry is asked;
// the registry's own limit is 2,000 characters (BAD_USER_INPUT on `id` beyond).
const MAX_ID_LENGTH = 2000;

/** The id asked for, or null when the address has none or one that cannot be an id (not an absolute http(s) IRI). */
export function receivedRecordId(url: URL): string | null {
  const id = url.searchParams.get('id');
  if (!id || id.length > MAX_ID_LENGTH) return null;
  try {
    const parsed = new URL(id);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? id : null;
  } catch {
    return null;
  }
}
