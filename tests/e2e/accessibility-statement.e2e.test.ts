// The accessibility statement: reached from every page's footer, with the sections of the EU
// model statement, the node's operators as the feedback contact, in every interface language.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('every page links to the statement from its footer, with the compliance status', async () => {
  for (const path of ['/', '/initiatives/univerbal']) {
    const page = await e2e.openPage(path, { lang: 'en' });
    const link = page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility: partially compliant' });
    await expect(link.getAttribute('href')).resolves.toBe('/accessibility');
    if (path === '/') {
      await Promise.all([page.waitForURL('**/accessibility'), link.click()]);
      await expect(page.locator('h1').innerText()).resolves.toBe('Accessibility statement');
    }
  }
});

test('the statement has the sections of the EU model statement, in order', async () => {
  const page = await e2e.openPage('/accessibility', { lang: 'en' });
  await expect(page.locator('main h2').allInnerTexts()).resolves.toEqual([
    'Compliance status',
    'Non-accessible content',
    'Preparation of this accessibility statement',
    'Feedback and contact information',
    'Enforcement procedure',
  ]);
  const main = await page.locator('main').innerText();
  expect(main).toContain('partially compliant with the harmonised European standard EN 301 549');
  expect(main).toContain('Directive (EU) 2016/2102');
  // Its own address, the node's city and country, and the date it was prepared, as a <time>.
  expect(main).toContain(e2e.node.url);
  expect(main).toContain('Liège');
  expect(main).toContain('(Belgium)');
  await expect(page.locator('time').first().getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'accessibility-statement-en');
});

test('feedback goes to the node’s operators, and the page asks for no personal data', async () => {
  const page = await e2e.openPage('/accessibility', { lang: 'en' });
  const feedback = page.locator('section[aria-labelledby="feedback-heading"]');
  await expect(feedback.getByRole('link', { name: 'Ville de Liège' }).getAttribute('href')).resolves.toBe('https://www.liege.be/fr');
  await expect(feedback.getByRole('link').count()).resolves.toBe(3);
  // No form on the page: nothing is collected here.
  await expect(page.locator('main form, main input, main textarea').count()).resolves.toBe(0);
  const enforcement = page.locator('section[aria-labelledby="enforcement-heading"] a');
  await expect(enforcement.getAttribute('href')).resolves.toBe(
    'https://digital-strategy.ec.europa.eu/en/policies/web-accessibility-monitoring',
  );
});

test('the statement exists in every interface language, right to left in Arabic', async () => {
  const titles = new Set<string>();
  for (const lang of ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de']) {
    const page = await e2e.openPage(`/accessibility?lang=${lang}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    titles.add(await page.locator('h1').innerText());
    await expect(page.locator('main h2').count()).resolves.toBe(5);
    // The Commission's page in the reader's language when it has one (not in Arabic).
    const href = await page.locator('section[aria-labelledby="enforcement-heading"] a').getAttribute('href');
    expect(href).toBe(`https://digital-strategy.ec.europa.eu/${lang === 'ar' ? 'en' : lang}/policies/web-accessibility-monitoring`);
    if (lang === 'ar') {
      await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
      await e2e.axeScan(page);
      await e2e.screenshot(page, 'accessibility-statement-ar');
    }
    await page.close();
  }
  // Nine different titles: no language fell back to another's text.
  expect(titles.size).toBe(9);
});

test('the statement reads without JavaScript', async () => {
  const page = await e2e.openPage('/accessibility', { lang: 'fr', javaScriptEnabled: false });
  await expect(page.locator('h1').innerText()).resolves.toBe('Déclaration d’accessibilité');
  await e2e.axeScan(page);
});
