// The site under its own security headers (issue 11, points 8 and 9): every page type passes
// its Content-Security-Policy and still hydrates (a blocked script fails silently), answers
// carry the headers, a crafted `next` after signing in leads home instead of a 500 or another
// site, and a sign-out the site refuses leaves the browser's cookie and the server's session
// in agreement.
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';
import { cspViolations } from './support/browser.ts';
import { PAGE_TYPES, type PageType } from './page-types.ts';

const e2e = useE2E();

const accounts = new Map<string, Promise<Account>>();
function accountFor(role: 'ADMIN' | 'MODERATOR' | 'EDITOR'): Promise<Account> {
  if (role === 'ADMIN') return Promise.resolve(e2e.node.admin);
  if (!accounts.has(role)) accounts.set(role, e2e.node.createAccount(role, { initiatives: role === 'EDITOR' ? ['univerbal'] : [] }));
  return accounts.get(role)!;
}

async function contextFor(type: PageType): Promise<BrowserContext> {
  const context = type.as
    ? await e2e.signedInContext(await accountFor(type.as), { lang: type.lang })
    : await e2e.newContext({ lang: type.lang });
  if (type.before) {
    const page = await context.newPage();
    await type.before(page);
    await page.close();
  }
  return context;
}

/** The directives of a policy, by name. */
function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectCommonHeaders(response: Response, what: string): void {
  const headers = response.headers();
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(headers['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY');
  // Invitation and unlock-link pages carry a secret in their path: no Referer to other sites from them.
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toBe(
    what === 'invitation' || what === 'trust-device' ? 'same-origin' : 'strict-origin-when-cross-origin',
  );
  // The e2e node's PUBLIC_URL is http: no HSTS (the integration test covers https).
  expect(headers['strict-transport-security'], `${what}: no HSTS over http`).toBeUndefined();
}

/** The site's scripts ran: SvelteKit's client started and recorded its history entry. */
async function hydrated(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => (history.state as Record<string, unknown> | null)?.['sveltekit:metadata'] !== undefined, undefined, {
      timeout: 10_000,
    })
    .then(() => true)
    .catch(() => false);
}

describe('every page type under its Content-Security-Policy', () => {
  for (const type of PAGE_TYPES) {
    test(`${type.name}: no violation, hydrated (or, for the search page, no script at all), headers set`, async () => {
      const context = await contextFor(type);
      const page = await context.newPage();
      const path = typeof type.path === 'string' ? type.path : await type.path(e2e.node);
      const response = (await page.goto(path))!;
      expect(response.status()).toBe(type.status ?? 200);
      // The search page runs nothing in the browser, so it is sent no script (ADR 0042).
      const scriptFree = path.startsWith('/search');
      if (scriptFree) expect(await response.text(), `${type.name} carries a script`).not.toContain('<script');
      expect(await hydrated(page), `${type.name}: hydrated ${!scriptFree}`).toBe(!scriptFree);
      await page.waitForLoadState('networkidle');
      expect(await cspViolations(page)).toEqual([]);

      expectCommonHeaders(response, type.name);
      const policy = directives(response.headers()['content-security-policy'] ?? null);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts).toContain("'self'");
      expect(scripts.some((s) => s.startsWith("'nonce-"))).toBe(!scriptFree);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(policy.get('style-src') ?? []).not.toContain("'unsafe-inline'");
      expect(policy.get('style-src-attr') ?? []).not.toContain("'unsafe-inline'");
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      expect(policy.get('form-action')).toEqual(["'self'"]);
    });
  }

  test('without JavaScript too, pages break no part of the policy', async () => {
    for (const path of ['/', '/search?view=map', '/practice-types/PT6', '/initiatives/univerbal']) {
      const page = await e2e.openPage(path, { lang: 'en', javaScriptEnabled: false });
      expect(await cspViolations(page)).toEqual([]);
    }
  });
});

describe('answers that are not pages', () => {
  test('static files, the map, the CSV, GraphQL, ActivityPub and 404s carry the headers and a policy that runs nothing', async () => {
    const page = await e2e.openPage('/', { lang: 'en' });
    // A module the page loaded (they are not preloaded from the <head>: hooks.server.ts).
    const script = await page.evaluate(
      () => performance.getEntriesByType('resource').find((entry) => /\/_app\/immutable\/.*\.js$/.test(entry.name))?.name ?? null,
    );
    expect(script).toMatch(/\/_app\/immutable\//);
    const request = page.context().request;
    const answers: Array<[string, string, Record<string, string>?]> = [
      ['a script of the site', script!],
      ['the favicon', '/favicon.svg'],
      ['the map of Europe', '/europe-map.svg'],
      ['the shortlist as CSV', '/shortlist.csv'],
      ['GraphQL', `/graphql?query=${encodeURIComponent('{ thisNode { slug } }')}`],
      ['an ActivityPub actor', '/nodes/liege', { accept: 'application/activity+json' }],
      ['the health check', '/healthz'],
      ['the JSON 404 of an unknown API path', '/graphql/nowhere'],
    ];
    for (const [what, path, headers] of answers) {
      const response = await request.get(new URL(path, e2e.node.url).href, { headers });
      expect(response.status(), what).toBeLessThan(500);
      const policy = directives(response.headers()['content-security-policy'] ?? null);
      expect(policy.get('default-src'), `${what}: default-src`).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
      expect(response.headers()['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
      expect(response.headers()['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY');
    }
  });

  test('a page of the site cannot be framed', async () => {
    const page = await e2e.openPage('/', { lang: 'en' });
    await page.setContent(`<iframe src="${e2e.node.url}/initiatives/univerbal"></iframe>`);
    await page.waitForTimeout(500);
    const framed = page.frames().find((frame) => frame.url().includes('/initiatives/univerbal'));
    const text = framed ? await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(text).not.toContain('Univerbal');
  });
});

/** Signs in on the sign-in page (scrypt: allow for a busy machine). */
async function signInOnPage(page: Page, account: Account): Promise<void> {
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 }),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

describe('where signing in leads (next=)', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`a crafted next leads home, not to a 500 or another site (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
      for (const next of ['/.//evil.example/', '/%2e//evil.example', '//evil.example', 'https://evil.example/', '/sign-out']) {
        const context = await e2e.newContext({ lang: 'en', javaScriptEnabled });
        const page = await context.newPage();
        const statuses: number[] = [];
        page.on('response', (response) => {
          if (response.request().isNavigationRequest() || response.url().includes('/sign-in')) statuses.push(response.status());
        });
        await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
        await signInOnPage(page, editor);
        await page.waitForLoadState('load');
        expect(
          statuses.filter((status) => status >= 500),
          next,
        ).toEqual([]);
        const landed = new URL(page.url());
        expect(landed.origin, next).toBe(e2e.node.url);
        expect(landed.pathname, next).toBe('/');
        // Signed in now, the sign-in page sends the reader straight on: the same check.
        const again = await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
        expect(again!.status(), `${next} once signed in`).toBeLessThan(500);
        expect(new URL(page.url()).origin, next).toBe(e2e.node.url);
        expect(new URL(page.url()).pathname, `${next} once signed in`).toBe('/');
        await context.close();
      }
    });
  }

  test('a path of the site is kept, in normal form', async () => {
    const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
    const page = await e2e.openPage(`/sign-in?next=${encodeURIComponent('/./account/../account/initiatives/parallax')}`, { lang: 'en' });
    await signInOnPage(page, editor);
    expect(new URL(page.url()).pathname).toBe('/account/initiatives/parallax');
  });
});

describe('signing out', () => {
  const ME = '{ me { account { email } } }';

  /** A context signed in through the sign-in page, with its cookie and its session's CSRF token. */
  async function signedIn(): Promise<{
    context: BrowserContext;
    account: Account;
    me: () => Promise<string | null>;
    cookie: () => Promise<string | undefined>;
  }> {
    const account = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
    const context = await e2e.newContext({ lang: 'en' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await signInOnPage(page, account);
    await page.close();
    const cookie = async () => (await context.cookies(e2e.node.url)).find((c) => c.name === 'umn_session')?.value;
    const token = await cookie();
    expect(token).toBeTruthy();
    // Asked with the session's token, not the context's cookie jar: whether the server still
    // knows the session, whatever the browser now holds.
    const me = async () => {
      const response = await fetch(`${e2e.node.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `umn_session=${encodeURIComponent(token!)}` },
        body: JSON.stringify({ query: ME }),
      });
      const answer = (await response.json()) as { data?: { me: { account: { email: string } } | null } };
      return answer.data?.me?.account.email ?? null;
    };
    expect(await me()).toBe(account.email);
    return { context, account, me, cookie };
  }

  test('a sign-out form without its CSRF field is refused, and the session and its cookie both stay', async () => {
    const { context, account, me, cookie } = await signedIn();
    const before = await cookie();
    const response = await context.request.post(`${e2e.node.url}/sign-out`, {
      form: {},
      headers: { origin: e2e.node.url },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['set-cookie'] ?? '').not.toMatch(/umn_session=;|umn_session=[^;]*;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
    expect(await cookie()).toBe(before);
    expect(await me()).toBe(account.email);
    // A wrong token is no better.
    const wrong = await context.request.post(`${e2e.node.url}/sign-out`, {
      form: { csrf: 'not-the-token' },
      headers: { origin: e2e.node.url },
      maxRedirects: 0,
    });
    expect(wrong.status()).toBe(403);
    expect(await cookie()).toBe(before);
    expect(await me()).toBe(account.email);
  });

  test('another site’s form, a GET and a GraphQL signOut without the token change nothing', async () => {
    const { context, account, me, cookie } = await signedIn();
    const before = await cookie();
    const crossSite = await context.request.post(`${e2e.node.url}/sign-out`, {
      form: {},
      headers: { origin: 'http://evil.example' },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    const get = await context.request.get(`${e2e.node.url}/sign-out`, { maxRedirects: 0 });
    expect(get.status()).toBe(303);
    const mutation = await context.request.post(`${e2e.node.url}/graphql`, {
      data: { query: 'mutation { signOut { ok error { code } } }' },
    });
    expect(await mutation.json()).toEqual({ data: { signOut: { ok: false, error: { code: 'CSRF_FAILED' } } } });
    expect(await cookie()).toBe(before);
    expect(await me()).toBe(account.email);
  });

  test('the Sign out button ends the session on the server and removes the cookie', async () => {
    const { context, me, cookie } = await signedIn();
    const page = await context.newPage();
    await page.goto('/account');
    await Promise.all([page.waitForURL('**/sign-in?signed-out'), page.getByRole('button', { name: 'Sign out' }).click()]);
    expect(await cookie()).toBeUndefined();
    expect(await me()).toBeNull();
  });
});
