// Every page type listed in page-types.ts: an axe scan (WCAG 2.1 A and AA, no serious or
// critical violation) with a screenshot, and the reflow check on a narrow screen.
import { describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useE2E, type Account, type ContextOptions } from './support/harness.ts';
import { PAGE_TYPES, type PageType } from './page-types.ts';

const e2e = useE2E();

/** One account per role for the whole file (an editor belongs to Univerbal). */
const accounts = new Map<string, Promise<Account>>();
function accountFor(role: 'ADMIN' | 'MODERATOR' | 'EDITOR'): Promise<Account> {
  if (role === 'ADMIN') return Promise.resolve(e2e.node.admin);
  if (!accounts.has(role)) accounts.set(role, e2e.node.createAccount(role, { initiatives: role === 'EDITOR' ? ['univerbal'] : [] }));
  return accounts.get(role)!;
}

/** The page type's path, and a browser context signed in as its role when it has one. */
async function prepare(type: PageType, options: ContextOptions): Promise<{ path: string; context: BrowserContext }> {
  const path = typeof type.path === 'string' ? type.path : await type.path(e2e.node);
  const context = type.as ? await e2e.signedInContext(await accountFor(type.as), options) : await e2e.newContext(options);
  if (type.before) {
    const page = await context.newPage();
    await type.before(page);
    await page.close();
  }
  return { path, context };
}

describe('every page type', () => {
  for (const type of PAGE_TYPES) {
    test(`${type.name}: no serious or critical WCAG 2.1 AA violation, screenshot written`, async () => {
      const { path, context } = await prepare(type, { lang: type.lang });
      const page = await e2e.openPage(path, { context, status: type.status });
      // Every page has a title, one main landmark and one h1, and its headings skip no level
      // (the outline screen-reader users move through; WCAG 1.3.1 and 2.4.6).
      expect(await page.title()).not.toBe('');
      await expect(page.locator('main').count()).resolves.toBe(1);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      const skipped = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1]));
        return levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
      });
      expect(skipped).toEqual([]);
      await e2e.axeScan(page);
      const file = await e2e.screenshot(page, type.name, { readme: type.readme });
      expect(file).toMatch(/\.png$/);
    });
  }
});

// WCAG 1.4.10 (reflow): at 320 CSS pixels, as a 1280-pixel screen at 400% zoom, nothing needs
// scrolling sideways.
describe('every page type on a 320-pixel-wide screen', () => {
  for (const type of PAGE_TYPES) {
    test(`${type.name}: no horizontal scrolling`, async () => {
      const { path, context } = await prepare(type, { lang: type.lang, width: 320 });
      const page = await e2e.openPage(path, { context, status: type.status });
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > width + 1)
          .slice(0, 5);
        return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.map((element) => element.outerHTML.slice(0, 120)) };
      });
      expect(overflow.scrollWidth, `wider than the screen:\n${overflow.wide.join('\n')}`).toBeLessThanOrEqual(overflow.width);
    });
  }
});

// WCAG 1.4.12 (text spacing): with the spacing a reader's style sheet may set, no text is cut
// off by a box that hides its overflow.
const TEXT_SPACING =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';

describe('every page type with increased text spacing', () => {
  for (const type of PAGE_TYPES) {
    test(`${type.name}: no text cut off`, async () => {
      const { path, context } = await prepare(type, { lang: type.lang });
      const page = await e2e.openPage(path, { context, status: type.status });
      // A reader's style sheet is not subject to the page's Content-Security-Policy, but a
      // <style> element added by the test would be: the sheet is adopted through the CSSOM.
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, TEXT_SPACING);
      expect(await page.evaluate(() => getComputedStyle(document.body).wordSpacing)).not.toBe('0px');
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((element) => {
            const style = getComputedStyle(element);
            const hides = (value: string) => value === 'hidden' || value === 'clip';
            // Visually hidden text (1-pixel boxes for screen readers) is cut on purpose.
            if (element.clientWidth <= 1 || element.clientHeight <= 1) return false;
            return (
              (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
              (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
            );
          })
          .map((element) => element.outerHTML.slice(0, 120)),
      );
      expect(clipped).toEqual([]);
    });
  }
});
