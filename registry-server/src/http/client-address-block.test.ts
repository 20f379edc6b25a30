import { describe, expect, it } from 'vitest';
import { clientAddressBlock } from './client-address-block.ts';

describe('clientAddressBlock', () => {
  it('counts every address of one IPv6 /64 (what one subscriber is given) as one client', () => {
    expect(clientAddressBlock('2001:db8:1:2:aaaa::1')).toBe(clientAddressBlock('2001:db8:1:2:ffff:ffff:ffff:fffe'));
    expect(clientAddressBlock('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressBlock('2001:0db8:0001:0002:0:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientAddressBlock('2001:db8:1:3::1')).not.toBe(clientAddressBlock('2001:db8:1:2::1'));
  });

  it('expands :: in the network half and ignores a zone', () => {
    expect(clientAddressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressBlock('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressBlock('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps IPv4 addresses whole, also when written as IPv4-mapped IPv6', () => {
    expect(clientAddressBlock('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressBlock('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressBlock('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('passes anything else through unchanged', () => {
    expect(clientAddressBlock('unknown')).toBe('unknown');
  });
});
