// Searching and the procurement shortlist, as a reader and as a city official do it: search,
// tick a facet, open a result; the same without JavaScript; the map view; bad input as a form
// error; an official gathers initiatives, exports the CSV, prints the list and writes to an
// initiative through the contact relay. Axe scans and screenshots of each page.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

/** Submits a GET or POST form by clicking `button` and waits for the page it leads to. */
async function clickAndWait(page: Page, button: ReturnType<Page['locator']>, url: string | RegExp | ((url: URL) => boolean)) {
  await Promise.all([page.waitForURL(url), button.click()]);
}

const resultTitles = (page: Page) => page.locator('main .result h3').allInnerTexts();

for (const javaScriptEnabled of [true, false]) {
  test(`search "interpreting", tick a facet, open a result (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const page = await e2e.openPage('/search', { lang: 'en', javaScriptEnabled });
    await page.getByLabel('Words to search for').fill('interpreting');
    await clickAndWait(page, page.getByRole('button', { name: 'Search', exact: true }), /\/search\?q=interpreting/);
    await expect(page.locator('main [role="status"].count').innerText()).resolves.toMatch(/\d+ results?/);
    expect(await resultTitles(page)).toEqual(expect.arrayContaining(['Univerbal']));

    // Tick "Initiative" under "Kind of listing": only initiatives remain, the filter is listed.
    await page
      .locator('fieldset', { has: page.locator('legend', { hasText: 'Kind of listing' }) })
      .getByLabel(/^Initiative/)
      .check();
    await clickAndWait(page, page.getByRole('button', { name: 'Apply filters' }), (url) =>
      url.searchParams.getAll('kind').includes('INITIATIVE'),
    );
    // The form sent its empty fields too; the page answered with the tidy address.
    expect(new URL(page.url()).search).toBe('?q=interpreting&kind=INITIATIVE');
    const kinds = await page.locator('main .result .kind').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((kind) => kind.startsWith('Initiative'))).toBe(true);
    await expect(page.locator('.active-filters a', { hasText: 'Kind of listing: Initiative' }).count()).resolves.toBe(1);

    await clickAndWait(page, page.locator('main .result h3 a', { hasText: 'Univerbal' }), '**/initiatives/univerbal');
    await expect(page.locator('h1').innerText()).resolves.toContain('Univerbal');
  });
}

test('the search page keeps every filter in the URL, and a removed filter leaves the URL', async () => {
  const page = await e2e.openPage('/search?q=interpreting&kind=INITIATIVE&node=liege', { lang: 'en' });
  await expect(
    page
      .getByLabel(/^Initiative/)
      .first()
      .isChecked(),
  ).resolves.toBe(true);
  await clickAndWait(page, page.locator('.active-filters a', { hasText: 'Registry of origin' }), (url) => !url.searchParams.has('node'));
  expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['INITIATIVE']);
  // The controls follow the new address after the client-side navigation.
  await expect(page.locator('input[name="node"]:checked').count()).resolves.toBe(0);
  await expect(
    page
      .getByLabel(/^Initiative/)
      .first()
      .isChecked(),
  ).resolves.toBe(true);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'search-list');
});

test('words typed and boxes ticked before the page’s scripts have loaded are kept (a slow phone)', async () => {
  // Every script arrives late, so the typing surely happens before the page is hydrated.
  const context = await e2e.newContext({ lang: 'en', slowScriptsMs: 800 });
  const page = await context.newPage();
  await page.goto(`${e2e.node.url}/search?q=interpreting`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Words to search for').fill('cooperative');
  const initiative = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Kind of listing' }) }).getByLabel(/^Initiative/);
  await initiative.check();
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('Words to search for').inputValue()).resolves.toBe('cooperative');
  await expect(initiative.isChecked()).resolves.toBe(true);
});

test('a message typed to an initiative before the page’s scripts have loaded is kept', async () => {
  const context = await e2e.newContext({ lang: 'en', slowScriptsMs: 800 });
  const page = await context.newPage();
  await page.goto(`${e2e.node.url}/initiatives/univerbal`, { waitUntil: 'domcontentloaded' });
  await page.locator('#contact-body').fill('Hello, we prepare a reserved contract.');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#contact-body').inputValue()).resolves.toBe('Hello, we prepare a reserved contract.');
});

test('the map view shows the results by city, with its list alternative', async () => {
  const page = await e2e.openPage('/search?view=map', { lang: 'en' });
  await expect(page.locator('main svg[role="group"]').count()).resolves.toBe(1);
  const places = await page.locator('main .map-point-list li').allInnerTexts();
  expect(places.some((place) => place.includes('Liège'))).toBe(true);
  await expect(page.locator('nav a[aria-current="page"]', { hasText: 'Map' }).count()).resolves.toBe(1);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'search-map');
});

test('a too long search and a bad radius are form errors, not error pages', async () => {
  const page = await e2e.openPage(`/search?q=${'a'.repeat(210)}`, { lang: 'en' });
  await expect(page.locator('[role="alert"]').innerText()).resolves.toContain('Shorten your search: 200 characters at most.');
  await expect(page.locator('#q').getAttribute('aria-invalid')).resolves.toBe('true');
  const radius = await e2e.openPage('/search?near=liege&radius=far', { lang: 'en' });
  await expect(radius.locator('[role="alert"]').innerText()).resolves.toContain('Give the radius in kilometres');
  const zero = await e2e.openPage('/search?near=liege&radius=0', { lang: 'en' });
  await expect(zero.locator('[role="alert"]').innerText()).resolves.toContain('more than 0 and at most 20,000 km');
  // A cursor from an old bookmark: the summary links to the first page of the same search.
  const stale = await e2e.openPage('/search?q=interpreting&trail=&after=no-longer-valid', { lang: 'en' });
  await expect(stale.locator('[role="alert"] a').getAttribute('href')).resolves.toBe('/search?q=interpreting');
});

test('a search without results says so and offers to remove the filters', async () => {
  const page = await e2e.openPage('/search?q=interpreting&need=NO-SUCH-NEED', { lang: 'en' });
  await expect(page.locator('main [role="status"].count').innerText()).resolves.toBe('No results');
  await expect(page.locator('main .empty a', { hasText: 'Remove all filters' }).getAttribute('href')).resolves.toBe(
    '/search?q=interpreting',
  );
});

test('an official builds a shortlist, exports it as CSV and prints it (JavaScript off)', async () => {
  const context = await e2e.newContext({ lang: 'fr', javaScriptEnabled: false });
  const page = await e2e.openPage('/search?kind=INITIATIVE', { context });
  await expect(page.locator('header nav.site-nav').innerText()).resolves.toContain('Présélection (0)');

  for (const name of ['Univerbal', 'Sirius Hub']) {
    // The form comes back to the results (the same address but for the #fragment): wait for the new page's button.
    await page.getByRole('button', { name: new RegExp(`^Ajouter à la présélection \\(${name}\\)$`) }).click();
    await page.getByRole('button', { name: new RegExp(`^Retirer de la présélection \\(${name}\\)$`) }).waitFor();
    expect(page.url()).toMatch(/\/search\?kind=INITIATIVE#result-\d+$/);
  }
  await expect(page.locator('header nav.site-nav').innerText()).resolves.toContain('Présélection (2)');

  await clickAndWait(page, page.locator('header nav.site-nav a[href="/shortlist"]'), '**/shortlist');
  await expect(page.locator('main h2 a').allInnerTexts()).resolves.toEqual(['Univerbal', 'Sirius Hub']);
  await expect(page.locator('main').innerText()).resolves.toContain('Aucun compte n’est nécessaire');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'shortlist');

  // The CSV, as the browser downloads it (same cookies): BOM, French headers, one row each.
  const csv = await context.request.get('/shortlist.csv');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="preselection-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(/^Nom;Ville;Pays;Secteurs;/);
  expect(lines[1]).toMatch(/^Univerbal;Liège;Belgique;/);
  expect(lines[2]).toMatch(/^Sirius Hub;Liège;Belgique;/);
  expect(lines[3]).toBe('');

  // The printable version: no buttons or forms, the date and the site it comes from.
  const print = await e2e.openPage('/shortlist?print=1', { context });
  await expect(print.locator('main button').count()).resolves.toBe(0);
  await expect(print.locator('main').innerText()).resolves.toMatch(/Présélection imprimée le \d+/);
  await print.emulateMedia({ media: 'print' });
  await expect(print.locator('header.site-header').isVisible()).resolves.toBe(false);
  await e2e.screenshot(print, 'shortlist-print');

  // Removing one from the shortlist page.
  await page.getByRole('button', { name: 'Retirer de la présélection (Univerbal)' }).click();
  await page.locator('main h2 a', { hasText: 'Univerbal' }).waitFor({ state: 'detached' });
  await expect(page.locator('main h2 a').allInnerTexts()).resolves.toEqual(['Sirius Hub']);
});

test('an initiative is added to the shortlist from its own page', async () => {
  const page = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
  // The form comes back to the same address, so wait for the new page's button, not for the URL.
  await page.getByRole('button', { name: 'Add to shortlist (Univerbal)' }).click();
  await page.getByRole('button', { name: 'Remove from shortlist (Univerbal)' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/initiatives/univerbal');
  await expect(page.locator('header nav.site-nav').innerText()).resolves.toContain('Shortlist (1)');
});

test('the search page in Arabic reads right to left', async () => {
  const page = await e2e.openPage('/search?q=interpreting&lang=ar');
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await expect(page.locator('h1').innerText()).resolves.toBe('بحث');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'search-arabic');
});

test('a forged shortlist cookie is ignored, not an error', async () => {
  const context = await e2e.newContext({ lang: 'en' });
  await context.addCookies([
    { name: 'shortlist', value: encodeURIComponent(`javascript:alert(1) ${e2e.node.url}/initiatives/univerbal <b>`), url: e2e.node.url },
  ]);
  const page = await e2e.openPage('/shortlist', { context });
  await expect(page.locator('main h2 a').allInnerTexts()).resolves.toEqual(['Univerbal']);
});

test('an official writes to an initiative through the contact relay', async () => {
  const page = await e2e.openPage('/shortlist', { lang: 'en', javaScriptEnabled: false });
  await expect(page.locator('main').innerText()).resolves.toContain('Your shortlist is empty');
  const initiative = await e2e.openPage('/initiatives/univerbal#contact-form', { lang: 'en', javaScriptEnabled: false });
  const form = initiative.locator('#contact-form form');
  // A refused message keeps what was typed and says what to fix.
  await form.getByLabel('Your e-mail address').fill('procurement@liege.example');
  await form.getByLabel('Subject').fill('Reserved contract');
  await form.getByLabel('Message').fill('Too short');
  await clickAndWait(initiative, form.getByRole('button', { name: 'Send the message' }), '**/initiatives/univerbal?/contact');
  await expect(initiative.locator('[role="alert"]').innerText()).resolves.toContain('Write a message of at least 10 characters.');
  await expect(initiative.locator('#contact-reply-to').inputValue()).resolves.toBe('procurement@liege.example');
  await initiative.locator('#contact-body').fill('Hello, the City of Liège prepares a reserved contract for interpreting services.');
  await clickAndWait(
    initiative,
    initiative.locator('#contact-form').getByRole('button', { name: 'Send the message' }),
    '**/initiatives/univerbal?/contact',
  );
  await expect(initiative.locator('#contact-form [role="status"]').innerText()).resolves.toContain('Your message was sent.');
  await e2e.axeScan(initiative);
});
