// The one thing a browser test file calls: `const e2e = useE2E()` at the top of a file (or of a
// describe block) starts a seeded node and Chromium before its tests and stops both after.
// Each openPage() gets a fresh browser context (no cookies shared between pages) unless one is
// given, and every context and partner node is closed at the end.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import {
  axeScan,
  cspViolations,
  launchBrowser,
  newBrowserContext,
  screenshot,
  type AxeScanOptions,
  type ContextOptions,
} from './browser.ts';
import { startE2ENode, type Account, type E2ENode, type StartOptions } from './node.ts';

export type { Account, E2ENode } from './node.ts';
export type { ContextOptions } from './browser.ts';

export interface OpenPageOptions extends ContextOptions {
  /** Open the page in this context (e.g. a signed-in one) instead of a new one. */
  context?: BrowserContext;
  /** Expected HTTP status of the document (default 200); other statuses fail the call. */
  status?: number;
  /** The path the page must end on after redirects (default: anywhere but /sign-in). */
  redirectTo?: string;
}

export interface E2E {
  /** The seeded node (Liège unless another handle was given). */
  readonly node: E2ENode;
  readonly browser: Browser;
  /** A new browser context on the node's origin, closed after the file. */
  newContext(options?: ContextOptions & { node?: E2ENode }): Promise<BrowserContext>;
  /** Opens a path of the node (or an absolute URL) and checks the document's status and that the page broke no part of its Content-Security-Policy. */
  openPage(path: string, options?: OpenPageOptions): Promise<Page>;
  /** Throws on serious or critical WCAG 2.1 A/AA violations (axe-core), listing them. */
  axeScan(page: Page, options?: AxeScanOptions): Promise<unknown[]>;
  /** Writes tests/e2e/artifacts/<name>.png (and docs/screenshots/<name>.png with `readme`, under `npm run screenshots`). */
  screenshot(page: Page, name: string, options?: { readme?: boolean }): Promise<string>;
  /** Signs a browser context in with a cookie session, as the site's sign-in does. */
  signIn(context: BrowserContext, account: Account, node?: E2ENode): Promise<{ csrfToken: string }>;
  /** A new browser context already signed in as the account. */
  signedInContext(account: Account, options?: ContextOptions & { node?: E2ENode }): Promise<BrowserContext>;
  /** A second seeded node (e.g. handle 'milan') for partner tests, stopped after the file. */
  startPartner(options?: StartOptions): Promise<E2ENode>;
}

export function useE2E(options: StartOptions = {}): E2E {
  let node: E2ENode | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const partners: E2ENode[] = [];
  /** Cookie sessions made by signIn(), by node and e-mail address. */
  const sessions = new Map<string, { cookies: Cookie[]; csrfToken: string }>();

  beforeAll(async () => {
    [node, browser] = await Promise.all([startE2ENode(options), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await browser?.close();
    await Promise.allSettled([node, ...partners].map((n) => n?.stop()));
  });

  const e2e: E2E = {
    get node() {
      if (!node) throw new Error('The e2e node is not started yet: use e2e.node inside a test or hook, after useE2E()’s beforeAll.');
      return node;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started yet: use e2e.browser inside a test.');
      return browser;
    },
    async newContext(contextOptions = {}) {
      const context = await newBrowserContext(e2e.browser, (contextOptions.node ?? e2e.node).url, contextOptions);
      contexts.push(context);
      return context;
    },
    async openPage(path, { context, status = 200, redirectTo, ...contextOptions } = {}) {
      const page = await (context ?? (await e2e.newContext(contextOptions))).newPage();
      const response = await page.goto(path);
      if (!response) throw new Error(`No response for ${path}`);
      if (response.status() !== status) {
        throw new Error(`${path} answered ${response.status()}, expected ${status}.\nNode output:\n${e2e.node.output().slice(-2000)}`);
      }
      // A signed-in page that sends the reader to /sign-in also ends in a 200: check where we
      // are. Other redirects (a code put in canonical form) pass unless redirectTo says otherwise.
      const asked = new URL(path, page.url()).pathname;
      const landed = new URL(page.url()).pathname;
      if (redirectTo !== undefined ? landed !== redirectTo : landed === '/sign-in' && asked !== '/sign-in') {
        throw new Error(`${path} ended on ${landed}, expected ${redirectTo ?? asked} (not signed in?).`);
      }
      // Every browser test runs with the site's Content-Security-Policy on: a page that breaks
      // it fails here, whatever the test then checks.
      const violations = await cspViolations(page);
      if (violations.length) throw new Error(`${path} broke its Content-Security-Policy:\n${violations.join('\n')}`);
      return page;
    },
    axeScan,
    screenshot,
    async signIn(context, account, target = e2e.node) {
      // A node allows 30 sign-in attempts per address in 15 minutes, and every test signs in
      // from 127.0.0.1: a session made once is reused while it is valid (a test that signed
      // out has ended it, and the next call signs in again).
      const key = `${target.url} ${account.email}`;
      const known = sessions.get(key);
      if (known) {
        await context.addCookies(known.cookies);
        const me = await context.request.post(`${target.url}/graphql`, { data: { query: '{ me { account { id } } }' } });
        if (((await me.json()) as { data?: { me: unknown } }).data?.me) return { csrfToken: known.csrfToken };
        await context.clearCookies({ name: known.cookies[0]?.name });
      }
      const before = new Set((await context.cookies(target.url)).map((cookie) => cookie.name));
      // The context's request client shares the context's cookies: the session cookie set by
      // signIn is then sent by every page of the context.
      const response = await context.request.post(`${target.url}/graphql`, {
        data: {
          query:
            'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password, session: COOKIE) { csrfToken error { message } } }',
          variables: { email: account.email, password: account.password },
        },
      });
      const body = (await response.json()) as { data?: { signIn: { csrfToken: string | null; error: { message: string } | null } } };
      const csrfToken = body.data?.signIn.csrfToken;
      if (!csrfToken) throw new Error(`Signing in ${account.email} failed: ${JSON.stringify(body)}`);
      const cookies = (await context.cookies(target.url)).filter((cookie) => !before.has(cookie.name));
      sessions.set(key, { cookies, csrfToken });
      return { csrfToken };
    },
    async signedInContext(account, contextOptions = {}) {
      const context = await e2e.newContext(contextOptions);
      await e2e.signIn(context, account, contextOptions.node);
      return context;
    },
    async startPartner(partnerOptions = {}) {
      const partner = await startE2ENode({ handle: 'milan', ...partnerOptions });
      partners.push(partner);
      return partner;
    },
  };
  return e2e;
}
