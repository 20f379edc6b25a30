// Cache-Control rules the hooks apply to every response.

/**
 * The same Cache-Control for one reader only: `public` becomes `private`, and a response that
 * allowed no shared cache is left as it is. For responses that set a cookie (a language chosen
 * with ?lang=), which a shared cache must never hand to someone else.
 */
export function privateCacheControl(value: string): string {
  const directives = value
    .split(',')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^(public|s-maxage=.*)$/i.test(directive));
  if (!directives.some((directive) => /^(private|no-store)$/i.test(directive))) directives.unshift('private');
  return directives.join(', ');
}
