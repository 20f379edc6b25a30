// Issue #11 in the browser: a browser its owner signed in from before keeps signing in while
// strangers' wrong guesses have locked the account for every other browser (the site carries
// the trusted-device cookie); and a hidden record's pages answer like a name nobody uses.
import { expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

async function signInOnPage(context: BrowserContext, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${e2e.node.url}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForLoadState('load'), page.waitForURL(() => true), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.waitForLoadState('networkidle');
  return page;
}

test('the owner’s browser signs in while strangers have locked the account for everyone else', async () => {
  const owner = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const ownBrowser = await e2e.newContext({ lang: 'en', javaScriptEnabled: false });
  const first = await signInOnPage(ownBrowser, owner.email, owner.password);
  expect(new URL(first.url()).pathname).toBe('/account');
  const device = (await ownBrowser.cookies(e2e.node.url)).find((cookie) => cookie.name === 'umn_device');
  expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(device!.expires * 1000).toBeGreaterThan(Date.now() + 300 * 86_400_000);
  await ownBrowser.clearCookies({ name: 'umn_session' });

  // Someone who knows only the e-mail address tries passwords until the account locks.
  for (let i = 0; i < 5; i++) {
    const answer = await e2e.node.graphql(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p, session: BEARER) { error { code } } }',
      { e: owner.email, p: `stranger guess ${i}` },
    );
    expect(answer.data.signIn.error.code).toBe('INVALID_CREDENTIALS');
  }
  const otherBrowser = await e2e.newContext({ lang: 'en', javaScriptEnabled: false });
  const refused = await signInOnPage(otherBrowser, owner.email, owner.password);
  expect(new URL(refused.url()).pathname).toBe('/sign-in');
  await expect(refused.getByRole('alert').innerText()).resolves.toMatch(/too many/i);

  const again = await signInOnPage(ownBrowser, owner.email, owner.password);
  expect(new URL(again.url()).pathname).toBe('/account');
});

test('a draft’s pages answer like those of a name nobody uses', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
  const token = await e2e.node.bearerToken(editor);
  const created = await e2e.node.graphql(
    `mutation { createInitiative(input: { handle: "quiet-draft", originalLanguage: "fr", legalForm: "L1", primarySector: "AM60",
      name: [{ language: "fr", text: "Brouillon" }], summary: [{ language: "fr", text: "Pas encore public." }], location: { locality: "Liège", country: "BE" } }) { error { code } } }`,
    {},
    { token },
  );
  expect(created.data.createInitiative.error).toBeNull();
  const status = async (path: string, context?: BrowserContext) => {
    const page = await (context ?? (await e2e.newContext({ lang: 'en' }))).newPage();
    const response = await page.goto(`${e2e.node.url}${path}`);
    const landed = new URL(page.url()).pathname;
    return { status: response!.status(), landed: landed === path ? 'where asked' : landed };
  };
  expect(await status('/initiatives/quiet-draft')).toEqual(await status('/initiatives/nothing-here'));
  expect((await status('/initiatives/quiet-draft')).status).toBe(404);
  // The editor area sends the anonymous public to sign in, whatever the name.
  expect(await status('/account/initiatives/quiet-draft')).toEqual({ status: 200, landed: '/sign-in' });
  expect(await status('/account/initiatives/nothing-here')).toEqual({ status: 200, landed: '/sign-in' });
  // An editor of other initiatives gets the same "not found" for the draft as for nothing.
  const outsider = await e2e.signedInContext(await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] }), { lang: 'en' });
  const draft = await status('/account/initiatives/quiet-draft', outsider);
  expect(draft).toEqual(await status('/account/initiatives/nothing-here', outsider));
  expect(draft.status).toBe(404);
});

test('an unlock link does nothing when opened, and a made-up one says it does not work', async () => {
  const context = await e2e.newContext({ lang: 'en', javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${e2e.node.url}/sign-in/trust/${'x'.repeat(43)}`);
  expect(response!.status()).toBe(200);
  expect(response!.headers()['cache-control']).toBe('private, no-store');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Let this device sign in' }).click()]);
  await expect(page.getByRole('alert').innerText()).resolves.toMatch(/does not work/);
  expect((await context.cookies(e2e.node.url)).map((cookie) => cookie.name)).not.toContain('umn_device');
});
