import { describe, expect, it } from 'vitest';
import { addressBucket } from './address-bucket.ts';

describe('addressBucket', () => {
  it('counts an IPv4 address as itself, also when written as IPv4-mapped IPv6', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 network together, however it is written', () => {
    // One customer line usually holds a whole /64: rotating through it must not reset the limit.
    const a = addressBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
    expect(addressBucket('2001:db8:1:2::1')).toBe(a);
    expect(addressBucket('2001:0DB8:0001:0002:0:0:0:ffff')).toBe(a);
    expect(addressBucket('2001:db8:1:3::1')).not.toBe(a);
    expect(addressBucket('::1')).toBe(addressBucket('0:0:0:0:0:0:0:2'));
  });

  it('keeps anything else as given', () => {
    expect(addressBucket('unknown')).toBe('unknown');
  });
});
