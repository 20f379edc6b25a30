// The harness itself: the axe scan must fail on a violation (else every scan would prove
// nothing), and the helpers for accounts and pages must do what tests/e2e/README.md says.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

describe('e2e harness', () => {
  test('axeScan fails on a serious violation and names the rule and the element', async () => {
    const page = await (await e2e.newContext()).newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="/x"></a></main></body></html>',
    );
    const scan = e2e.axeScan(page);
    await expect(scan).rejects.toThrow(/image-alt \(critical\)/);
    await expect(e2e.axeScan(page)).rejects.toThrow(/link-name/);
  });

  test('axeScan works with JavaScript off', async () => {
    const page = await e2e.openPage('/', { javaScriptEnabled: false });
    await expect(e2e.axeScan(page)).resolves.toBeInstanceOf(Array);
  });

  test('nodes serve a snapshot of the built site, not web/build itself', () => {
    // So that a build started during the run cannot pull files from under a node.
    expect(process.env.UMN_WEB_BUILD).toMatch(/umn-e2e-web-/);
  });

  test('openPage refuses an unexpected status', async () => {
    await expect(e2e.openPage('/initiatives/no-such-initiative')).rejects.toThrow(/answered 404, expected 200/);
  });

  test('openPage refuses a page that sent the reader to sign in', async () => {
    await expect(e2e.openPage('/account', { lang: 'en' })).rejects.toThrow(/ended on \/sign-in.*not signed in/);
    const page = await e2e.openPage('/account', { lang: 'en', redirectTo: '/sign-in' });
    await expect(page.locator('input[type="password"]').count()).resolves.toBe(1);
  });

  test('screenshot writes a PNG artifact', async () => {
    const page = await e2e.openPage('/');
    const file = await e2e.screenshot(page, 'harness-home');
    expect(existsSync(file)).toBe(true);
  });

  test('an editor created through an invitation can sign a browser context in', async () => {
    const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
    const context = await e2e.signedInContext(editor);
    const me = await context.request.post(`${e2e.node.url}/graphql`, { data: { query: '{ me { account { role initiatives } } }' } });
    expect(await me.json()).toMatchObject({ data: { me: { account: { role: 'EDITOR', initiatives: ['univerbal'] } } } });
    const cookies = await context.cookies();
    expect(cookies.some((cookie) => cookie.httpOnly)).toBe(true);
  });

  test('sessions are reused across contexts, and made again after a sign-out', async () => {
    const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
    const first = await e2e.signedInContext(editor);
    const second = await e2e.signedInContext(editor);
    // The same session: no second sign-in attempt against the node's per-address limit.
    await expect(second.cookies()).resolves.toEqual(await first.cookies());
    const { csrfToken } = await e2e.signIn(first, editor);
    const oldCookies = await first.cookies();
    const signOut = await first.request.post(`${e2e.node.url}/graphql`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { query: 'mutation { signOut { ok } }' },
    });
    expect(await signOut.json()).toEqual({ data: { signOut: { ok: true } } });
    const third = await e2e.signedInContext(editor);
    await expect(third.cookies()).resolves.not.toEqual(oldCookies);
    const me = await third.request.post(`${e2e.node.url}/graphql`, { data: { query: '{ me { account { role } } }' } });
    expect(await me.json()).toMatchObject({ data: { me: { account: { role: 'EDITOR' } } } });
  });

  test('the admin made before boot has a bearer token for API set-up', async () => {
    const token = await e2e.node.bearerToken(e2e.node.admin);
    const answer = await e2e.node.graphql('{ me { isAdmin } }', {}, { token });
    expect(answer.data).toEqual({ me: { isAdmin: true } });
  });
});
