// Which address a request comes from, for per-address limits (sign-in, forms). Behind a reverse
// proxy every connection is the proxy's: with TRUST_PROXY naming it, the client is the last
// address in X-Forwarded-For that is not a trusted proxy (what the nearest proxy saw; anything
// left of it the client may have written). Without TRUST_PROXY the header is ignored, so nobody
// can name their own address. The result travels in CONNECTING_ADDRESS_HEADER, which the node
// writes on every request (a client's own value is replaced).
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

export const CONNECTING_ADDRESS_HEADER = 'x-umn-connecting-address';

/** The proxies TRUST_PROXY names (addresses, networks, "loopback"), or null when none. */
export function trustedProxies(entries: readonly string[]): BlockList | null {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, prefix] = entry.split('/');
    const family = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(prefix), family);
  }
  return list;
}

/** "::ffff:203.0.113.1" (an IPv4 client on an IPv6 socket) as "203.0.113.1". */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function connectingAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string {
  const socket = plain(socketAddress);
  if (!trusted || !isTrusted(trusted, socket) || forwardedFor === undefined) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((hop) => plain(hop.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // A hop that is not an address was not written by a proxy we trust: count the connection.
    if (isIP(hop) === 0) return socket;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops[0] ?? socket;
}

/** Writes the connecting client's address on every request, before anything reads it. */
export function connectingAddressHeader(trusted: BlockList | null): RequestHandler {
  return (req, _res, next) => {
    req.headers[CONNECTING_ADDRESS_HEADER] = connectingAddress(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], trusted);
    next();
  };
}

/** The address createApp's middleware wrote, else the socket's (a request that did not pass it). */
export function connectingAddressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>): string | undefined {
  const written = req.headers[CONNECTING_ADDRESS_HEADER];
  return typeof written === 'string' ? written : req.socket.remoteAddress;
}
