// Partner nodes on the web: Milan asks to follow Liège; Liège's admin sees the request on the
// partners page and accepts it with a button; Milan then follows Liège.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('an admin approves a partner’s follow request on the partners page', async () => {
  const milan = await e2e.startPartner({ handle: 'milan' });
  const milanToken = await milan.bearerToken(milan.admin);
  const follow = await milan.graphql<{ followPartner: { error: { message: string } | null } }>(
    'mutation($target: String!) { followPartner(target: $target) { error { message } } }',
    { target: `${e2e.node.url}/nodes/liege` },
    { token: milanToken },
  );
  expect(follow.data?.followPartner.error).toBeNull();

  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'en' });
  const milanHost = new URL(milan.url).host;
  const page = await e2e.openPage('/admin/partners', { lang: 'en', context });
  // The request may take a moment to arrive: reload until it shows.
  const approve = page.getByRole('button', { name: `Let ${milanHost} follow us` });
  for (let attempt = 0; attempt < 20 && (await approve.count()) === 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.reload();
  }
  const row = page.getByRole('row').filter({ hasText: milanHost });
  await expect(row.innerText()).resolves.toContain('asked, no answer yet');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-partners-request');

  await approve.click();
  await page.getByRole('status').filter({ hasText: 'Accepted' }).waitFor();
  await expect(page.getByRole('row').filter({ hasText: milanHost }).innerText()).resolves.toContain('accepted: listings flow');

  // Milan sees its follow accepted.
  let following: string | null = null;
  for (let attempt = 0; attempt < 40 && following !== 'ACCEPTED'; attempt++) {
    const answer = await milan.graphql<{ partners: Array<{ host: string; following: string | null }> }>(
      '{ partners { host following } }',
      {},
      { token: milanToken },
    );
    following = answer.data?.partners.find((partner) => partner.host === new URL(e2e.node.url).host)?.following ?? null;
    if (following !== 'ACCEPTED') await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(following).toBe('ACCEPTED');
});
