import type { IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { clientAddress } from './request-actor.ts';

const from = (remoteAddress: string) => ({ headers: {}, socket: { remoteAddress } }) as unknown as IncomingMessage;

it('counts a client by its IPv6 /64, so rotating addresses inside it does not escape per-address limits', () => {
  expect(clientAddress(from('2001:db8:7:7::1'))).toBe(clientAddress(from('2001:db8:7:7:dead:beef:0:2')));
  expect(clientAddress(from('::ffff:203.0.113.9'))).toBe('203.0.113.9');
});
