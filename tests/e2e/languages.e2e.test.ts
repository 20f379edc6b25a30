// The interface in the reader's language: from Accept-Language, or chosen with the switcher's
// links (which work without JavaScript), remembered for the next pages; Arabic right to left.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();
const UI_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'];

test('?lang=ar gives the page in Arabic, right to left', async () => {
  const page = await e2e.openPage('/?lang=ar', { lang: 'en' });
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await expect(page.locator('.skip-link').innerText()).resolves.toBe('الانتقال إلى المحتوى الرئيسي');
  // The layout follows: the main content's text starts on the right.
  await expect(page.locator('main').evaluate((main) => getComputedStyle(main).direction)).resolves.toBe('rtl');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'languages-home-arabic');
});

test('the language switcher is a list of links, one per interface language, named in itself', async () => {
  const page = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
  const links = page.getByRole('navigation', { name: 'Language' }).getByRole('link');
  await expect(links.count()).resolves.toBe(UI_LANGUAGES.length);
  for (const [index, lang] of UI_LANGUAGES.entries()) {
    const link = links.nth(index);
    await expect(link.getAttribute('hreflang')).resolves.toBe(lang);
    await expect(link.getAttribute('lang')).resolves.toBe(lang);
    // Each link keeps the page: only the language changes.
    await expect(link.getAttribute('href')).resolves.toBe(`/initiatives/univerbal?lang=${lang}`);
  }
  await expect(page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).resolves.toBe('true');
});

test('a language chosen with the switcher sticks on the next pages, even against Accept-Language', async () => {
  const context = await e2e.newContext({ lang: 'en' });
  const page = await e2e.openPage('/', { context });
  await Promise.all([page.waitForURL('**/?lang=ar'), page.getByRole('link', { name: 'العربية' }).click()]);
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await page.goto('/initiatives/univerbal');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  // Back to German with the switcher: the document is reloaded and left to right again.
  await Promise.all([page.waitForURL('**/initiatives/univerbal?lang=de'), page.getByRole('link', { name: 'Deutsch' }).click()]);
  await page.goto('/');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
});

test('Accept-Language chooses the interface language when the reader has not chosen one', async () => {
  for (const lang of ['it', 'el', 'bg', 'sl', 'nl']) {
    const page = await e2e.openPage('/', { lang });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await page.close();
  }
});

test('content missing in Arabic is shown in its original language, marked as such', async () => {
  const page = await e2e.openPage('/initiatives/univerbal?lang=ar');
  // Univerbal's name exists in French only: it keeps lang="fr" and left-to-right inside the
  // Arabic page, and a marker says in which language it is.
  const name = page.locator('h1 [lang]').first();
  await expect(name.getAttribute('lang')).resolves.toBe('fr');
  await expect(name.getAttribute('dir')).resolves.toBe('ltr');
  await expect(page.locator('h1 .fallback-marker').innerText()).resolves.toContain('الفرنسية');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'languages-initiative-arabic');
});

test('a public page is sent only the messages it uses, in the reader’s language, none of the signed-in pages’', async () => {
  const html = await (await fetch(`${e2e.node.url}/initiatives/univerbal?lang=sl`)).text();
  // The page's data (serialised for hydration) holds its own keys…
  expect(html).toMatch(/\bdescriptionHeading\b/);
  expect(html).toContain('Register Union Migrant Net');
  // …but no key of the pages behind sign-in, and no other language's text.
  for (const key of ['reviewLead', 'approveButton', 'adminTitle', 'partnersCaption', 'textsTitle', 'searchResultsCount'])
    expect(html).not.toMatch(new RegExp(`\\b${key}\\b`));
  expect(html).not.toContain('Union Migrant Net Registry');
});

test('the search page, which runs nothing in the browser, is sent no messages at all, only its text in the reader’s language', async () => {
  const html = await (await fetch(`${e2e.node.url}/search?q=interpreting&lang=sl`)).text();
  expect(html).toContain('Register Union Migrant Net');
  expect(html).not.toContain('<script');
  expect(html).not.toMatch(/\bsearchResultsCount\b/);
});

test('a count is written with its language’s plural form (the Slovenian dual and few forms)', async () => {
  const page = await e2e.openPage('/search?q=interpreting&lang=sl', { lang: 'en' });
  const text = await page.locator('main [role="status"].count').innerText();
  const count = Number(/^(\d+) /.exec(text)?.[1]);
  const form = { one: 'rezultat', two: 'rezultata', few: 'rezultati', other: 'rezultatov' }[
    new Intl.PluralRules('sl').select(count) as 'one' | 'two' | 'few' | 'other'
  ];
  expect(text).toBe(`${count} ${form}`);
});
