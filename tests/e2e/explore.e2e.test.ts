// The explore pages in a browser: the network on the home page's map of Europe and its list
// alternative, city node pages, the ten practice types and the comparison of one type between
// cities, and a listing received from a partner node shown on the receiving node.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

const FOCUS_RED = 'rgb(196, 64, 47)'; // --color-focus

/** Presses Tab until the focused element is inside the map (at most `limit` times); returns the focused link's href. */
async function tabIntoMap(page: Page, limit = 40): Promise<string | null> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() =>
      document.activeElement?.closest('.europe-map svg') ? document.activeElement.getAttribute('href') : null,
    );
    if (href) return href;
  }
  return null;
}

test('the home page shows the network’s cities on a map whose list alternative carries the same cities, with keyboard-reachable markers', async () => {
  const page = await e2e.openPage('/', { lang: 'en' });
  const map = page.getByRole('group', { name: 'Map of the cities of the Union Migrant Net network' });
  await map.waitFor();
  // The text alternative names the places.
  await expect(map.locator('desc').textContent()).resolves.toContain('Liège');

  const markerLinks = (await map.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort();
  const listLinks = (
    await page
      .getByRole('list', { name: 'The cities of the network' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  ).sort();
  expect(markerLinks).toContain('/nodes/liege');
  expect(markerLinks).toContain('/nodes/athens');
  expect(listLinks).toEqual(markerLinks);

  // This node is highlighted on the map and in the list.
  await expect(map.locator('a[href="/nodes/liege"]').getAttribute('class')).resolves.toContain('highlighted');
  await expect(page.locator('.network-map li.highlighted a').getAttribute('aria-current')).resolves.toBe('true');

  // The base map is packaged: served by the node itself, no tile server.
  const basemap = await page.evaluate(async () => {
    const response = await fetch('/europe-map.svg');
    return { status: response.status, type: response.headers.get('content-type'), size: (await response.text()).length };
  });
  expect(basemap).toEqual({ status: 200, type: 'image/svg+xml', size: expect.any(Number) });
  expect(basemap.size).toBeLessThan(60_000);

  // Markers are links reached with Tab, with a visible focus ring.
  await page.getByLabel('What are you looking for?').focus();
  const focused = await tabIntoMap(page);
  expect(focused).toMatch(/^\/nodes\//);
  const ringColour = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle')!).stroke);
  expect(ringColour).toBe(FOCUS_RED);

  await e2e.axeScan(page);
  await e2e.screenshot(page, 'home-network-map');
});

test('the home page’s search form sends the words to /search with GET', async () => {
  const page = await e2e.openPage('/', { lang: 'en', javaScriptEnabled: false });
  const form = page.getByRole('search');
  await expect(form.getAttribute('method')).resolves.toBe('get');
  await expect(form.getAttribute('action')).resolves.toBe('/search');
  await expect(form.getByRole('searchbox', { name: 'What are you looking for?' }).getAttribute('name')).resolves.toBe('q');
});

test('a planned city’s page says its registry is not online yet and pins it on the map', async () => {
  const page = await e2e.openPage('/nodes/milan', { lang: 'en' });
  await expect(page.locator('h1').innerText()).resolves.toBe('Milan');
  await expect(page.locator('main').innerText()).resolves.toContain('This city’s registry is not online yet');
  await expect(page.locator('.europe-map a[href="/nodes/milan"]').getAttribute('class')).resolves.toContain('highlighted');
  await expect(page.locator('section:has(> #initiatives-heading)').innerText()).resolves.toContain(
    'No initiative from this city is known here.',
  );
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'city-node-planned');
});

test('this node’s city page lists its initiatives and its good practices with their types', async () => {
  const page = await e2e.openPage('/nodes/liege', { lang: 'en' });
  await expect(page.locator('h1').innerText()).resolves.toBe('Liège');
  await expect(page.locator('section:has(> #initiatives-heading) a[href="/initiatives/univerbal"]').count()).resolves.toBe(1);
  await expect(page.locator('section:has(> #practices-heading) a[href="/practices/liege-pt6-public-procurement"]').count()).resolves.toBe(
    1,
  );
  await expect(page.locator('section:has(> #practices-heading) a[href="/practice-types/PT6"]').count()).resolves.toBe(1);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'city-node-liege');
});

test('an unknown city answers 404', async () => {
  const page = await e2e.openPage('/nodes/no-such-city', { lang: 'en', status: 404 });
  await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
});

test('the ten practice types each lead to their comparison', async () => {
  const page = await e2e.openPage('/practice-types', { lang: 'en' });
  const links = await page.locator('main ol h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(Array.from({ length: 10 }, (_, i) => `/practice-types/PT${i + 1}`));
  await expect(page.locator('main ol li').first().innerText()).resolves.toContain('Cities: Liège');
});

test('a good practice leads to the comparison of its type, which sets the EWSI fields side by side and stacks them on a phone', async () => {
  const practice = await e2e.openPage('/practices/liege-pt6-public-procurement', { lang: 'en' });
  const compare = practice.getByRole('link', { name: 'Compare with the other cities implementing this type' }).first();
  await Promise.all([practice.waitForURL('**/practice-types/PT6'), compare.click()]);
  const headings = await practice.locator('.practice-comparison section h4').allInnerTexts();
  expect(headings).toEqual([
    'Context and issue',
    'Objectives',
    'How it works',
    'Who it is for',
    'Who is involved',
    'Funding and resources',
    'Results',
    'Evaluation',
    'What another city needs to reproduce it',
  ]);
  await expect(practice.locator('.practice-comparison h3').allInnerTexts()).resolves.toEqual(['Liège']);
  // Wide screen: a grid whose city columns share rows (subgrid), so headings line up across cities.
  await expect(practice.locator('.practice-comparison .columns').evaluate((el) => getComputedStyle(el).display)).resolves.toBe('grid');
  await expect(
    practice.locator('.practice-comparison section.city').evaluate((el) => getComputedStyle(el).gridTemplateRows),
  ).resolves.not.toBe('none');
  await e2e.axeScan(practice);
  await e2e.screenshot(practice, 'practice-type-comparison');

  const phone = await e2e.openPage('/practice-types/PT6', { lang: 'en', width: 320 });
  await expect(phone.locator('.practice-comparison .columns').evaluate((el) => getComputedStyle(el).display)).resolves.toBe('block');
  await expect(phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
  await e2e.axeScan(phone);
  await e2e.screenshot(phone, 'practice-type-comparison-phone');
});

test('an unknown practice type answers 404 and a lower-case code is sent to its page', async () => {
  await e2e.openPage('/practice-types/PT11', { lang: 'en', status: 404 });
  const page = await e2e.openPage('/practice-types/pt6', { lang: 'en' });
  expect(new URL(page.url()).pathname).toBe('/practice-types/PT6');
});

test('a listing received from a partner has its own page on the receiving node, marked with its origin and linking to the original', async () => {
  // Milan follows Liège; Liège's admin approves; Liège's listings then flow to Milan.
  const milan = await e2e.startPartner({ handle: 'milan' });
  const follow = await milan.graphql<{ followPartner: { error: { message: string } | null } }>(
    'mutation($target: String!) { followPartner(target: $target) { error { message } } }',
    { target: `${e2e.node.url}/nodes/liege` },
    { token: await milan.bearerToken(milan.admin) },
  );
  expect(follow.data?.followPartner.error).toBeNull();
  const liegeToken = await e2e.node.bearerToken(e2e.node.admin);
  const milanHost = new URL(milan.url).host;
  let approved = false;
  for (let attempt = 0; attempt < 40 && !approved; attempt++) {
    const partners = await e2e.node.graphql<{ partners: Array<{ actor: string; host: string }> }>(
      '{ partners { actor host } }',
      {},
      { token: liegeToken },
    );
    const request = partners.data?.partners.find((partner) => partner.host === milanHost);
    if (request) {
      const answer = await e2e.node.graphql<{ approvePartner: { error: { message: string } | null } }>(
        'mutation($actor: String!) { approvePartner(actor: $actor) { error { message } } }',
        { actor: request.actor },
        { token: liegeToken },
      );
      approved = answer.data?.approvePartner.error === null;
    } else await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(approved).toBe(true);

  const univerbalId = `${e2e.node.url}/initiatives/univerbal`;
  let received = false;
  for (let attempt = 0; attempt < 60 && !received; attempt++) {
    const answer = await milan.graphql<{ initiative: { origin: { isLocal: boolean } } | null }>(
      'query($id: ID) { initiative(id: $id) { origin { isLocal } } }',
      { id: univerbalId },
    );
    received = answer.data?.initiative?.origin.isLocal === false;
    if (!received) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(received).toBe(true);

  // On Milan's home page, the received initiative links to its page on Milan, not away to Liège.
  const context = await e2e.newContext({ lang: 'en', node: milan });
  const receivedHref = `/network/initiatives?id=${encodeURIComponent(univerbalId)}`;
  const home = await e2e.openPage(`${milan.url}/`, { context });
  await expect(home.locator(`main a[href="${receivedHref}"]`).count()).resolves.toBeGreaterThan(0);

  const page = await e2e.openPage(`${milan.url}${receivedHref}`, { context });
  await expect(page.locator('h1').innerText()).resolves.toContain('Univerbal');
  const notice = page.locator('.received-notice');
  await expect(notice.innerText()).resolves.toContain('This listing comes from the registry of Liège');
  await expect(notice.getByRole('link', { name: 'See the original listing on the Liège registry' }).getAttribute('href')).resolves.toBe(
    univerbalId,
  );
  await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(univerbalId);
  // One canonical only, and the copy's schema.org description names the origin's page too (ADR 0049).
  expect(await page.locator('link[rel="canonical"]').count()).toBe(1);
  const described = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
  expect(described).toMatchObject({ '@type': 'Organization', '@id': univerbalId, url: univerbalId });
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'received-initiative');

  await e2e.openPage(`${milan.url}/network/initiatives?id=${encodeURIComponent(`${e2e.node.url}/initiatives/no-such-thing`)}`, {
    context,
    status: 404,
  });

  // A received good practice: its page on Milan, and Liège's column in Milan's comparison of its type.
  const practiceId = `${e2e.node.url}/practices/liege-pt6-public-procurement`;
  let practiceReceived = false;
  for (let attempt = 0; attempt < 60 && !practiceReceived; attempt++) {
    const answer = await milan.graphql<{ goodPractice: { origin: { isLocal: boolean } } | null }>(
      'query($id: ID) { goodPractice(id: $id) { origin { isLocal } } }',
      { id: practiceId },
    );
    practiceReceived = answer.data?.goodPractice?.origin.isLocal === false;
    if (!practiceReceived) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(practiceReceived).toBe(true);
  const comparison = await e2e.openPage(`${milan.url}/practice-types/PT6`, { context });
  await expect(comparison.locator('.practice-comparison h3').allInnerTexts()).resolves.toEqual(['Liège']);
  const practiceLink = comparison.locator('.practice-comparison .title a');
  await expect(practiceLink.getAttribute('href')).resolves.toBe(`/network/practices?id=${encodeURIComponent(practiceId)}`);
  await Promise.all([comparison.waitForURL('**/network/practices?id=**'), practiceLink.click()]);
  await expect(comparison.locator('.received-notice').innerText()).resolves.toContain('This listing comes from the registry of Liège');
  await expect(comparison.locator('main h2').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining(['Context and issue', 'What another city needs to reproduce it']),
  );
  await e2e.axeScan(comparison);
  await e2e.screenshot(comparison, 'received-practice');
});
