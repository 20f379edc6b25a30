// Where to go after signing in (`/sign-in?next=…`). A crafted link must neither send the reader
// to another site nor crash the sign-in: SvelteKit's redirect() throws on any location it reads
// as external, so `/.//evil.example` (which URL parsing turns into `//evil.example`) was a 500
// after a successful sign-in. The target is normalised first, then checked in its final form.

/** Where a reader goes when the link names no target: their own page. */
export const SIGNED_IN_HOME = '/account';
/** Where a refused target leads instead. */
export const REFUSED_TARGET = '/';
/** Longer targets are refused rather than echoed into a Location header. */
export const MAX_NEXT_LENGTH = 2_000;

const BASE = 'http://site.invalid';
/** Pages that make no sense to land on after signing in (and could make loops). */
const NOT_TARGETS = new Set(['/sign-in', '/sign-out']);

/**
 * A path and query on this site, in normal form, for `next`; the reader's own page when there
 * is none, the home page when it is refused. Browsers ignore tabs and newlines in URLs and
 * read `\` as `/`, so any control character or backslash refuses the target outright.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (next === null || next === undefined || next === '') return SIGNED_IN_HOME;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (next.length > MAX_NEXT_LENGTH || /[\u0000-\u001f\u007f\\]/.test(next)) return REFUSED_TARGET;
  if (!next.startsWith('/') || next.startsWith('//')) return REFUSED_TARGET;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return REFUSED_TARGET;
  }
  const path = `${url.pathname}${url.search}`;
  // Dot segments are gone now: the result must still be one path of this site, read the same way again.
  if (url.origin !== BASE || !path.startsWith('/') || path.startsWith('//') || new URL(path, BASE).origin !== BASE) return REFUSED_TARGET;
  if (NOT_TARGETS.has(url.pathname.replace(/\/+$/, '').toLowerCase())) return REFUSED_TARGET;
  return path;
}
