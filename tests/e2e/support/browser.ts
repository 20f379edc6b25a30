// Chromium through playwright-core, and the checks every page goes through: an axe scan for
// WCAG 2.1 A and AA, and a screenshot written as a test artifact.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_MISSING, findChromium } from './chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Screenshots of every run (gitignored). */
export const ARTIFACTS_DIR = join(ROOT, 'tests', 'e2e', 'artifacts');
/**
 * When set (`npm run screenshots` sets it to docs/screenshots), screenshots are also written
 * there, for the README.
 */
export const README_SCREENSHOTS_DIR = process.env.UMN_SCREENSHOTS_DIR ? join(ROOT, process.env.UMN_SCREENSHOTS_DIR) : null;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The rules of WCAG 2.1 levels A and AA (the EU public-sector standard, EN 301 549). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath, headless: true });
}

export interface ContextOptions {
  /** Interface language the browser asks for (Accept-Language and navigator.language), e.g. 'ar'. */
  lang?: string;
  /** false reads the site as a browser without JavaScript does. Default true. */
  javaScriptEnabled?: boolean;
  /** Viewport width in CSS pixels (default 1280; 360 for a small phone). */
  width?: number;
  /**
   * Delays every script of the site by this many milliseconds (a slow phone), so that what a
   * test does right after the page appears surely happens before the page is hydrated.
   */
  slowScriptsMs?: number;
}

/** Contexts made with JavaScript off: axeScan lets its own script run there for the scan. */
const withoutJavaScript = new WeakSet<BrowserContext>();

export async function newBrowserContext(browser: Browser, baseURL: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: options.lang ?? 'fr',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    // Animations and smooth scrolling off: screenshots and focus checks do not depend on timing.
    reducedMotion: 'reduce',
  });
  // A missing element fails within 10 s rather than Playwright's 30 s: pages here are local.
  context.setDefaultTimeout(10_000);
  await watchContentSecurityPolicy(context);
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  const delay = options.slowScriptsMs;
  if (delay) {
    await context.route('**/_app/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.continue();
    });
  }
  return context;
}

/** CSP violations reported in each page: by the page's own event, and by the console (which also reports them with scripts off). */
const cspReports = new WeakMap<Page, string[]>();

async function watchContentSecurityPolicy(context: BrowserContext): Promise<void> {
  // An init script is run by the browser, not the page, so the policy does not block it.
  await context.addInitScript(() => {
    const reports: string[] = [];
    Object.defineProperty(window, '__umnCspViolations', { value: reports });
    document.addEventListener('securitypolicyviolation', (event) => {
      reports.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} (${event.sample})`,
      );
    });
  });
  context.on('console', (message) => {
    const page = message.page();
    if (!page || !/Content Security Policy/i.test(message.text())) return;
    cspReports.set(page, [...(cspReports.get(page) ?? []), message.text()]);
  });
}

/**
 * Every Content-Security-Policy violation the page has reported so far. The site must pass
 * its own policy: a blocked script also silently stops the page from hydrating.
 */
export async function cspViolations(page: Page): Promise<string[]> {
  const fromPage = await page
    .evaluate(() => (window as unknown as { __umnCspViolations?: string[] }).__umnCspViolations ?? [])
    .catch(() => []);
  return [...(cspReports.get(page) ?? []), ...fromPage];
}

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: AxeNode[];
}

export interface AxeScanOptions {
  /** CSS selectors left out of the scan (say why in the test). */
  exclude?: string[];
  /** Rule ids switched off (say why in the test). */
  disableRules?: string[];
}

/** Readable text of axe violations: rule, impact, help, then each element and what to fix. */
export function formatViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} serious or critical accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push('', `- ${v.id} (${v.impact}): ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 10)) {
      lines.push(`  at ${node.target.join(' ')}`, `     ${node.html.slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((line) => `     ${line}`));
    }
    if (v.nodes.length > 10) lines.push(`  … and ${v.nodes.length - 10} more elements`);
  }
  return lines.join('\n');
}

/**
 * Runs axe-core on the page for the WCAG 2.1 A and AA rules and throws on any serious or
 * critical violation, listing them. Works with JavaScript off too: the script is evaluated
 * through the DevTools protocol, not by the page. Returns the violations of lower impact.
 */
export async function axeScan(page: Page, options: AxeScanOptions = {}): Promise<AxeViolation[]> {
  if (!withoutJavaScript.has(page.context())) return scan(page, options);
  // axe runs on timers, which never fire in a page with scripts disabled (and the setting
  // cannot be lifted from a second DevTools session). So the page as rendered without
  // JavaScript is copied into a page with scripts on, minus the site's own scripts, and
  // scanned there; its <noscript> content, shown without JavaScript, is kept visible.
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<(\/?)noscript\b/gi, '<$1div data-noscript');
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), reducedMotion: 'reduce' });
  try {
    const copy = await context.newPage();
    const target = page.url();
    await copy.route(
      (url) => url.href === target,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(target);
    return await scan(copy, options);
  } finally {
    await context.close();
  }
}

async function scan(page: Page, options: AxeScanOptions): Promise<AxeViolation[]> {
  // An evaluated string bypasses any Content-Security-Policy of the page.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    async ({ tags, exclude, disableRules }) => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } })
        .axe;
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const result = await axe.run(
        { include: [['html']], exclude: exclude.map((selector) => [selector]) },
        { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] },
      );
      return result.violations;
    },
    { tags: WCAG_TAGS, exclude: options.exclude ?? [], disableRules: options.disableRules ?? [] },
  )) as AxeViolation[];
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  if (failing.length) throw new Error(formatViolations(page.url(), failing));
  return violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''));
}

/**
 * A PNG of the whole page in tests/e2e/artifacts/<name>.png; with `readme`, also the top of
 * the page in docs/screenshots/<name>.png when `npm run screenshots` asks for them.
 */
export async function screenshot(page: Page, name: string, options: { readme?: boolean } = {}): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Screenshot names are lower-case words with hyphens, not "${name}".`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  if (README_SCREENSHOTS_DIR && options.readme) {
    mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
    // The README shows the top of each page (at most 1,400 pixels), not the whole length.
    const height = Math.min(1400, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({
      path: join(README_SCREENSHOTS_DIR, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: page.viewportSize()?.width ?? 1280, height },
    });
  }
  return path;
}
