// Which client addresses share one per-address limit. An IPv4 address is its own bucket; an
// IPv6 address counts with its whole /64 network, because one home or mobile line is usually
// given a /64 (2^64 addresses): counting each address apart would let anyone on it rotate past
// any per-address limit.
import { isIPv4, isIPv6 } from 'node:net';

export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, lower-case, without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::a.b.c.d) takes two groups.
  const last = right.length ? right : left;
  const v4 = last.length && last[last.length - 1]!.includes('.') ? last.pop()!.split('.').map(Number) : null;
  if (v4) last.push(((v4[0]! << 8) | v4[1]!).toString(16), ((v4[2]! << 8) | v4[3]!).toString(16));
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16).toString(16));
}
