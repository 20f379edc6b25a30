// An axe scan (WCAG 2.1 A and AA, no serious or critical violation) and a screenshot of every
// page type listed in page-types.ts.
import { describe, expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';
import { PAGE_TYPES } from './page-types.ts';

const e2e = useE2E();

describe('every page type', () => {
  for (const type of PAGE_TYPES) {
    test(`${type.name}: no serious or critical WCAG 2.1 AA violation, screenshot written`, async () => {
      const path = typeof type.path === 'string' ? type.path : await type.path(e2e.node);
      const context = type.as
        ? await e2e.signedInContext(type.as === 'ADMIN' ? e2e.node.admin : await e2e.node.createAccount(type.as, { initiatives: type.as === 'EDITOR' ? ['univerbal'] : [] }), { lang: type.lang })
        : await e2e.newContext({ lang: type.lang });
      const page = await e2e.openPage(path, { context, status: type.status });
      // Every page has a title and one main landmark, whatever its type.
      expect(await page.title()).not.toBe('');
      await expect(page.locator('main').count()).resolves.toBe(1);
      await e2e.axeScan(page);
      const file = await e2e.screenshot(page, type.name);
      expect(file).toMatch(/\.png$/);
    });
  }
});
