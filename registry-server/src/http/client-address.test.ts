// Behind a reverse proxy every connection comes from the proxy: the node must count sign-in
// attempts (and every per-address limit) against the client the proxy names, and only when the
// connection comes from a proxy the operator trusts (TRUST_PROXY): anyone else could name any
// address in X-Forwarded-For and step around the limits.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.ts';
import { connectingAddress, trustedProxies } from './client-address.ts';

describe('the connecting client address', () => {
  const loopback = trustedProxies(['loopback']);

  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(connectingAddress('198.51.100.9', '203.0.113.1', null)).toBe('198.51.100.9');
    expect(connectingAddress('127.0.0.1', '203.0.113.1', null)).toBe('127.0.0.1');
  });

  it('is the socket address when the connection does not come from a trusted proxy', () => {
    expect(connectingAddress('198.51.100.9', '203.0.113.1', loopback)).toBe('198.51.100.9');
  });

  it('is the address the trusted proxy appended, not one the client wrote before it', () => {
    expect(connectingAddress('127.0.0.1', '203.0.113.1', loopback)).toBe('203.0.113.1');
    // The client sent "X-Forwarded-For: 10.9.9.9, 192.0.2.77"; the proxy appended what it saw.
    expect(connectingAddress('127.0.0.1', '10.9.9.9, 192.0.2.77, 203.0.113.1', loopback)).toBe('203.0.113.1');
    expect(connectingAddress('::ffff:127.0.0.1', ['10.9.9.9', '203.0.113.1'], loopback)).toBe('203.0.113.1');
  });

  it('walks back through a chain of trusted proxies', () => {
    const chain = trustedProxies(['127.0.0.1', '10.0.0.0/8']);
    expect(connectingAddress('127.0.0.1', '192.0.2.1, 203.0.113.5, 10.1.2.3', chain)).toBe('203.0.113.5');
    expect(connectingAddress('127.0.0.1', '2001:db8::1, 10.1.2.3', chain)).toBe('2001:db8::1');
  });

  it('falls back to the socket address when the proxy sent nothing usable', () => {
    expect(connectingAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
    expect(connectingAddress('127.0.0.1', 'unknown', loopback)).toBe('127.0.0.1');
    expect(connectingAddress('127.0.0.1', '203.0.113.1, <script>', loopback)).toBe('127.0.0.1');
  });
});

describe('TRUST_PROXY', () => {
  it('takes addresses, networks and "loopback", and refuses anything else with what to set', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    expect(loadConfig({}).trustedProxies).toEqual([]);
    for (const bad of ['proxy.example.org', '10.0.0.0/33', '*', '300.1.1.1'])
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy' })).toThrow(/TRUST_PROXY.*loopback/);
  });
});
