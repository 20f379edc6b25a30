// A reader finds an initiative from the home page, then the good practice it illustrates,
// then the other initiatives behind that practice: the public reading path of the site.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('the home page introduces the Liège node and lists its initiatives', async () => {
  const page = await e2e.openPage('/', { lang: 'en' });
  await expect(page.locator('h1').innerText()).resolves.toContain('Liège');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(page.locator('main a[href="/initiatives/univerbal"]').count()).resolves.toBeGreaterThan(0);
  await expect(page.title()).resolves.toMatch(/Union Migrant Net/);
});

test('opening Univerbal from the home page shows its profile', async () => {
  const page = await e2e.openPage('/', { lang: 'en' });
  await Promise.all([page.waitForURL('**/initiatives/univerbal'), page.locator('main a[href="/initiatives/univerbal"]').first().click()]);
  await expect(page.locator('h1').innerText()).resolves.toContain('Univerbal');
  await expect(page.title()).resolves.toContain('Univerbal');
  // Its profile: what it does, the languages it works in, and the practices it illustrates.
  const headings = await page.locator('main h2').allInnerTexts();
  expect(headings).toEqual(expect.arrayContaining(['About', 'Languages it serves people in', 'Good practices it illustrates']));
  await e2e.axeScan(page);
});

test('a good practice links back to the initiatives that implement it', async () => {
  const page = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
  const practiceLink = page.locator('section[aria-labelledby="practices-heading"] a[href^="/practices/"]').first();
  const href = await practiceLink.getAttribute('href');
  expect(href).toMatch(/^\/practices\/liege-pt\d+-/);
  await Promise.all([page.waitForURL(`**${href}`), practiceLink.click()]);
  // The EWSI template fields of a good practice.
  const headings = await page.locator('main h2').allInnerTexts();
  expect(headings).toEqual(
    expect.arrayContaining(['Context and issue', 'Objectives', 'How it works', 'Initiatives that put it into practice']),
  );
  await expect(page.locator('section[aria-labelledby="initiatives-heading"] a[href="/initiatives/univerbal"]').count()).resolves.toBe(1);
  await e2e.axeScan(page);
});

test('an unknown initiative answers 404 with a page that leads home', async () => {
  const page = await e2e.openPage('/initiatives/no-such-initiative', { lang: 'en', status: 404 });
  await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
  await expect(page.locator('main a[href="/"]').count()).resolves.toBe(1);
});
