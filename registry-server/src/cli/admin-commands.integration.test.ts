// `umn admin reset-password`, the operator's way back in: the new password works at once, the
// sign-in lock strangers may have caused is lifted, and the sessions and trusted devices of
// whoever knew the old password are gone.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { createAccount } from '../testing/graphql-client.ts';
import { resetAdminPassword } from './admin-commands.ts';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node?.close());

/** Runs the command with `input` as its standard input, as `--password-stdin` reads it. */
async function withStdin<T>(input: string, run: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Readable.from([input]), configurable: true });
  try {
    return await run();
  } finally {
    Object.defineProperty(process, 'stdin', original);
  }
}

describe('admin reset-password', () => {
  it('lifts the sign-in lock and forgets the sessions and trusted devices of the old password', async () => {
    await createAccount(node, 'lost@liege.test', 'admin');
    const service = node.registry.accountService;
    const old = await service.signIn({ email: 'lost@liege.test', password: 'a long test password 1', via: 'bearer', address: '192.0.2.1' });
    for (let i = 0; i < 5; i++)
      await service
        .signIn({ email: 'lost@liege.test', password: `guess ${i} wrong`, via: 'bearer', address: `192.0.2.${10 + i}` })
        .catch(() => undefined);
    await expect(
      service.signIn({ email: 'lost@liege.test', password: 'a long test password 1', via: 'bearer', address: '192.0.2.20' }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });

    const lines: string[] = [];
    await withStdin('the operator new password\n', () =>
      resetAdminPassword(node.registry, { email: 'LOST@liege.test', passwordStdin: true }, { line: (text) => lines.push(text) }),
    );
    expect(lines.join('\n')).toMatch(/session\(s\) ended, 2 trusted device\(s\) forgotten, sign-in lock lifted/);

    await expect(
      service.signIn({ email: 'lost@liege.test', password: 'the operator new password', via: 'bearer', address: '192.0.2.21' }),
    ).resolves.toMatchObject({ account: { email: 'lost@liege.test' } });
    expect(await node.registry.sessions.resolve(old.token, 'bearer')).toBeNull();
    expect(await node.registry.trustedDevices.check(old.device.token, old.account._id)).toBeNull();
  });
});
