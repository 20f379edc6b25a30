// Per-address limits (sign-in, the contact relay) count a client by its address block, not by
// its exact address: an IPv6 subscriber is routinely given a whole /64 (2^64 addresses), so
// counting single IPv6 addresses would let one client rotate past any limit. IPv4 addresses
// (also IPv4-mapped IPv6 ones, as a dual-stack socket reports them) stay whole.
import { isIPv4, isIPv6 } from 'node:net';

export function clientAddressBlock(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const withoutZone = address.split('%')[0]!;
  if (!isIPv6(withoutZone)) return address;
  return `${networkHalf(withoutZone.toLowerCase()).join(':')}::/64`;
}

/** The first four groups of an IPv6 address, each without leading zeros. */
function networkHalf(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail counts as two groups; it is in the host half either way.
  const missing = 8 - headGroups.length - tailGroups.length - (tailGroups.at(-1)?.includes('.') ? 1 : 0);
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return groups.slice(0, 4).map((group) => (group.includes('.') ? '0' : String(parseInt(group, 16).toString(16))));
}
