// Issue 17 point 1, as an admin does it on the site: upload the city's spreadsheet, check the
// proposed columns, give a value for every row, read the dry run (one row refused, with its
// reason and column), then import as published (in French, with JavaScript); and in German
// without JavaScript: the error summary when no source is given, then a file imported as drafts.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();
const click = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).click()]);

const csv = (rows: string[][]) =>
  Buffer.from(rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(';')).join('\r\n'));

test('an admin imports a city’s spreadsheet in French: columns, dry run, then published', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'fr' });
  const page = await e2e.openPage('/admin/import', { lang: 'fr', context });
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Importer des initiatives');
  await page.getByLabel('Fichier (CSV, XLSX ou JSON-LD)').setInputFiles({
    name: 'liste-ville.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ['Nom', 'Résumé', 'Ville', 'Pays', 'Secteur', 'Site web'],
      [
        'Atelier Vélo Solidaire',
        'Un atelier de réparation de vélos tenu par des personnes exilées.',
        'Liège',
        'BE',
        'AM30',
        'https://velo-solidaire.example',
      ],
      ['Cuisine Mondiale', 'Un traiteur coopératif.', 'Liège', 'Belgiqueland', 'AM40', 'https://cuisine-mondiale.example'],
    ]),
  });
  await Promise.all([page.waitForURL(/\/admin\/import\/[0-9a-f-]+$/), page.getByRole('button', { name: 'Lire la source' }).click()]);
  await expect(page.locator('main').innerText()).resolves.toContain('2 lignes');
  // The proposal, from the headers.
  await expect(page.getByLabel('Champ rempli par la colonne Nom').locator('option:checked').innerText()).resolves.toBe('Nom');
  await expect(page.getByLabel('Champ rempli par la colonne Pays').locator('option:checked').innerText()).resolves.toBe('Pays');
  // The sheet has no legal form: one for every row.
  await page.getByLabel('Forme juridique', { exact: true }).fill('L4');
  await click(page, 'Voir ce que l’import ferait');
  const report = page.getByRole('region', { name: 'Ce que l’import ferait' });
  await expect(report.innerText()).resolves.toContain('Refusées : 1');
  const refused = report.getByRole('row').filter({ hasText: 'Cuisine Mondiale' });
  await expect(refused.innerText()).resolves.toMatch(/Refusée[\s\S]*Pays \(colonne Pays\)/);
  await e2e.axeScan(page);
  await page.getByLabel('publiées tout de suite').check();
  await click(page, 'Importer maintenant');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Import terminé');
  await expect(page.getByRole('region', { name: 'Ce que l’import a fait' }).innerText()).resolves.toContain('Nouvelles : 1');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-import', { readme: true });

  const found = await e2e.node.graphql('{ search(input: { text: "Atelier Vélo Solidaire" }, first: 1) { totalCount } }');
  expect(found.data.search.totalCount).toBe(1);
});

test('without JavaScript, in German: the missing source is named, then a file becomes drafts', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'de', javaScriptEnabled: false });
  const page = await e2e.openPage('/admin/import', { lang: 'de', context });
  await click(page, 'Quelle lesen');
  const summaryLink = page.getByRole('link', { name: 'Wählen Sie eine Datei oder geben Sie eine Adresse an.' });
  await expect(summaryLink.getAttribute('href')).resolves.toBe('#file');
  await e2e.axeScan(page);
  await page.getByLabel('Datei (CSV, XLSX oder JSON-LD)').setInputFiles({
    name: 'liste.csv',
    mimeType: 'text/csv',
    buffer: csv([
      ['Name', 'Zusammenfassung', 'Stadt', 'Land', 'Rechtsform', 'Sektor', 'Website'],
      [
        'Nähcafé International',
        'Ein Nähcafé, das Geflüchtete gegründet haben.',
        'Liège',
        'Belgien',
        'L4',
        'AM30',
        'https://naehcafe.example',
      ],
    ]),
  });
  await Promise.all([page.waitForURL(/\/admin\/import\/[0-9a-f-]+$/), page.getByRole('button', { name: 'Quelle lesen' }).click()]);
  await click(page, 'Ansehen, was der Import tun würde');
  await expect(page.getByRole('region', { name: 'Was der Import tun würde' }).innerText()).resolves.toContain('Neu: 1');
  await click(page, 'Jetzt importieren');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Import abgeschlossen');
  await e2e.axeScan(page);
  // A draft: not public.
  const found = await e2e.node.graphql('{ search(input: { text: "Nähcafé International" }, first: 1) { totalCount } }');
  expect(found.data.search.totalCount).toBe(0);
});
