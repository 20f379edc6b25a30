// Addresses of the current page in another interface language: the same path and query with
// `lang` set. Root-relative on purpose: behind a proxy the scheme and host SvelteKit sees may
// not be the public ones.

export function languageHref(location: { readonly pathname: string; readonly search: string }, lang: string): string {
  const params = new URLSearchParams(location.search);
  params.set('lang', lang);
  return `${location.pathname}?${params.toString()}`;
}
