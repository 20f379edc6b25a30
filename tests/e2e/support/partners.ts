// Two seeded nodes made partners for a browser test: each follows the other and the other
// approves, as partner cities do (the handshake itself has its own tests), and a wait for what
// federation delivers a moment later.
import { expect } from 'vitest';
import type { Account, E2ENode } from './node.ts';

/** Polls `check` every half second until it holds; fails after `attempts` tries. */
export async function until(check: () => Promise<boolean>, attempts = 60): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('condition not met in time');
}

/** Polls `read` every half second until it gives something; fails after `attempts` tries, naming `what`. */
export async function eventually<T>(what: string, read: () => Promise<T | null | undefined | false>, attempts = 60): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Waited in vain: ${what}`);
}

/** `follower` follows `followed` through the API; `followed`'s admin approves (one way only). */
export async function follow(follower: E2ENode, followed: E2ENode): Promise<void> {
  const asked = await follower.graphql<{ followPartner: { error: { message: string } | null } }>(
    'mutation($t: String!) { followPartner(target: $t) { error { message } } }',
    { t: `${followed.url}/nodes/${followed.handle}` },
    { token: await follower.bearerToken(follower.admin) },
  );
  expect(asked.data?.followPartner.error).toBeNull();
  const token = await followed.bearerToken(followed.admin);
  await until(async () => {
    const answer = await followed.graphql<{ approvePartner: { error: { code: string } | null } }>(
      'mutation($a: String!) { approvePartner(actor: $a) { error { code } } }',
      { a: `${follower.url}/nodes/${follower.handle}` },
      { token },
    );
    return answer.data?.approvePartner.error === null;
  });
}

/** The account's notifications on `node`: their kind and the path they open. */
export async function notices(node: E2ENode, account: Account): Promise<Array<{ kind: string; path: string | null }>> {
  const answer = await node.graphql<{ myNotifications: Array<{ kind: string; path: string | null }> }>(
    '{ myNotifications { kind path } }',
    {},
    { token: await node.bearerToken(account) },
  );
  return answer.data?.myNotifications ?? [];
}

/** `a` and `b` follow each other, each follow approved by the other's admin. */
export async function makePartners(a: E2ENode, b: E2ENode): Promise<void> {
  const [aToken, bToken] = await Promise.all([a.bearerToken(a.admin), b.bearerToken(b.admin)]);
  const aSide = { node: a, token: aToken, actor: `${a.url}/nodes/${a.handle}` };
  const bSide = { node: b, token: bToken, actor: `${b.url}/nodes/${b.handle}` };
  for (const [from, to] of [
    [aSide, bSide],
    [bSide, aSide],
  ] as const) {
    const asked = await from.node.graphql(
      'mutation($t: String!) { followPartner(target: $t) { error { message } } }',
      { t: to.actor },
      { token: from.token },
    );
    expect(asked.data?.followPartner.error).toBeNull();
    await until(async () => {
      const answer = await to.node.graphql(
        'mutation($a: String!) { approvePartner(actor: $a) { error { code } } }',
        { a: from.actor },
        { token: to.token },
      );
      return answer.data?.approvePartner.error === null;
    });
  }
}
