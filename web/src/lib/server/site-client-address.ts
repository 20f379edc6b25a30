// When the site runs inside a registry node (registry-server/src/http/web-pages.ts), it calls
// the API over an internal connection, so the API would see every sign-in coming from the
// node's own address and the per-address sign-in limit would be shared by every visitor. The
// node hands the site a secret (UMN_SITE_SECRET, made at boot, in this process only); with it,
// the site tells the API the browser's address (see registry-server/src/accounts/site-client-address.ts).
// Run on its own, the site has no secret and sends nothing: the API counts its own address.

export function siteClientHeaders(
  clientAddress: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  const secret = env.UMN_SITE_SECRET;
  if (!secret || !clientAddress) return {};
  return { 'x-umn-site-secret': secret, 'x-umn-client-address': clientAddress };
}
