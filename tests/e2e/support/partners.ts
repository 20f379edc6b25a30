// Two seeded nodes made partners for a browser test: each follows the other and the other
// approves, as partner cities do (the handshake itself has its own tests), and a wait for what
// federation delivers a moment later.
import { expect } from 'vitest';
import type { E2ENode } from './node.ts';

/** Polls `check` every half second until it holds; fails after `attempts` tries. */
export async function until(check: () => Promise<boolean>, attempts = 60): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('condition not met in time');
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
    const follow = await from.node.graphql(
      'mutation($t: String!) { followPartner(target: $t) { error { message } } }',
      { t: to.actor },
      { token: from.token },
    );
    expect(follow.data?.followPartner.error).toBeNull();
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
