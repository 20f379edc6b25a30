// Open data as people use it (issue 17, points 2 and 3; ADR 0048): the admin chooses the data's
// licence in French without JavaScript and removes it in Arabic with JavaScript, the open-data
// page says which licence applies; a reader finds the exports and feeds of a search and of a
// city on their pages (links and <link rel="alternate">), and the files download.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

async function feedLinks(page: Page): Promise<Array<{ title: string; href: string }>> {
  return page
    .locator('link[rel="alternate"][type="application/atom+xml"]')
    .evaluateAll((links) => links.map((l) => ({ title: l.getAttribute('title') ?? '', href: l.getAttribute('href') ?? '' })));
}

test('the admin chooses the licence in French without JavaScript, and the open-data page names it', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'fr', javaScriptEnabled: false });
  const page = await e2e.openPage('/admin/open-data', { lang: 'fr', context });
  await expect(page.locator('h1').innerText()).resolves.toBe('Licence des données ouvertes');
  // The Liège seed's licence is the one ticked.
  await expect(page.getByLabel('Creative Commons Attribution 4.0 International (CC-BY-4.0)').isChecked()).resolves.toBe(true);
  await page.getByLabel('Open Data Commons Open Database License v1.0 (ODbL-1.0)').check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer la licence' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('La licence est enregistrée.');
  await expect(page.getByLabel('Open Data Commons Open Database License v1.0 (ODbL-1.0)').isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-open-data', { readme: true });

  const open = await e2e.openPage('/export', { lang: 'fr', javaScriptEnabled: false });
  await expect(
    open.getByRole('link', { name: 'Open Data Commons Open Database License v1.0 (ODbL-1.0)' }).getAttribute('href'),
  ).resolves.toBe('https://opendatacommons.org/licenses/odbl/1-0/');
  await expect(open.getByRole('link', { name: 'Tableur (CSV)' }).first().getAttribute('href')).resolves.toBe('/export/initiatives.csv');
  await e2e.axeScan(open);
});

test('in Arabic with JavaScript the admin removes the licence, and the open-data page says none is chosen', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'ar' });
  const page = await e2e.openPage('/admin/open-data', { lang: 'ar', context });
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await page.getByLabel('بلا ترخيص: لا يحق لأحد إعادة استخدام البيانات دون أن يسألكم').check();
  await page.getByRole('button', { name: 'حفظ الترخيص' }).click();
  await page.getByRole('status').filter({ hasText: 'تم حفظ الترخيص.' }).waitFor();
  await e2e.axeScan(page);
  const open = await e2e.openPage('/export', { lang: 'ar' });
  await expect(open.getByText('لم يُختر بعد ترخيص لهذه البيانات').count()).resolves.toBe(1);
  // The files then name no licence either.
  const csv = await open.request.get('/export/initiatives.csv');
  expect(csv.headers().link).toBeUndefined();
});

test('a search page in French offers its exports and feeds, from its own address, and the files download', async () => {
  const page = await e2e.openPage('/search?q=cuisine&sector=AM60', { lang: 'fr', javaScriptEnabled: false });
  const section = page.getByRole('region', { name: 'Données ouvertes' });
  await expect(section.getByRole('link', { name: 'Tableur (CSV)' }).first().getAttribute('href')).resolves.toBe(
    '/export/initiatives.csv?q=cuisine&sector=AM60',
  );
  await expect(section.getByRole('link', { name: /DCAT-AP/ }).getAttribute('href')).resolves.toBe(
    '/export/dataset.jsonld?q=cuisine&sector=AM60',
  );
  expect(await feedLinks(page)).toContainEqual({
    title: 'Fiches nouvelles et mises à jour de cette recherche (Atom)',
    href: '/feeds/search.atom?q=cuisine&sector=AM60',
  });
  const csv = await page.request.get('/export/initiatives.csv?q=cuisine&sector=AM60', { headers: { 'accept-language': 'fr' } });
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="liege-initiatives-\d{4}-\d\d-\d\d\.csv"$/);
  const feed = await page.request.get('/feeds/search.atom?q=cuisine&sector=AM60');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  await e2e.axeScan(page);
});

test("a city's page in English links its own listings' exports, and a practice type's page its feed", async () => {
  const page = await e2e.openPage('/nodes/liege', { lang: 'en' });
  const section = page.getByRole('region', { name: 'Open data' });
  await expect(section.getByRole('link', { name: 'Map (GeoJSON)' }).first().getAttribute('href')).resolves.toBe(
    '/export/initiatives.geojson?node=liege',
  );
  expect(await feedLinks(page)).toContainEqual({ title: 'New and updated initiatives (Atom)', href: '/feeds/initiatives.atom?node=liege' });
  const geojson = await page.request.get('/export/initiatives.geojson?node=liege');
  expect((await geojson.json()).type).toBe('FeatureCollection');
  await e2e.axeScan(page);

  const type = await e2e.openPage('/practice-types/PT6', { lang: 'en' });
  expect(await feedLinks(type)).toContainEqual({
    title: 'New and updated good practices (Atom)',
    href: '/feeds/practices.atom?practiceType=PT6',
  });
});
