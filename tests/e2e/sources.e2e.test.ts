// A reader checks where an initiative's facts come from: each source named by its title,
// publisher and date (never by an internal file name), its note in the reader's language when
// translated, and each key figure saying which document and year it is from, so that "45
// interpreters" (2021 proceedings) and "about a dozen" (undated leaflet) can be told apart.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('in French, Univerbal cites its sources by title, publisher and date, and says when each figure is from', async () => {
  const page = await e2e.openPage('/initiatives/univerbal', { lang: 'fr' });
  const sources = page.locator('section[aria-labelledby="sources-heading"]');
  const text = await sources.innerText();
  expect(text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  expect(text).toContain('Économie sociale et migrations : 3 pratiques innovantes');
  expect(text).toContain('Le Monde des Possibles ASBL');
  expect(text).toContain('dépliant');
  expect(text).toContain('non daté');
  expect(text).toContain('10 décembre 2021');
  // The note, translated into French.
  expect(text).toContain("Profil d'Univerbal, en français et en anglais");

  const figures = page.locator('section[aria-labelledby="figures-heading"]');
  const interpreters = figures.locator('div', { hasText: /^\s*interprètes/ });
  await expect(interpreters.innerText()).resolves.toContain('actes de colloque, 2021');
  const dozen = figures.locator('div', { hasText: 'une dizaine' });
  await expect(dozen.innerText()).resolves.toContain('dépliant, non daté');
  await expect(figures.innerText()).resolves.not.toMatch(/\.txt/);
  await e2e.axeScan(page);
  await figures.scrollIntoViewIfNeeded();
  await e2e.screenshot(page, 'initiative-sources-fr', { readme: true });
});

test('in Arabic, on a phone without JavaScript, the same sources read in Arabic around their French titles', async () => {
  const page = await e2e.openPage('/initiatives/univerbal', { lang: 'ar', width: 360, javaScriptEnabled: false });
  const sources = page.locator('section[aria-labelledby="sources-heading"]');
  const text = await sources.innerText();
  expect(text).not.toMatch(/\.txt/);
  expect(text).toContain('Le Monde des Possibles ASBL');
  expect(text).toContain('مطوية');
  expect(text).toContain('غير مؤرَّخ');
  const figures = page.locator('section[aria-labelledby="figures-heading"]');
  await expect(figures.innerText()).resolves.toContain('وقائع مؤتمر');
  // Nothing wider than the phone: the figures and the sources wrap.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
  await e2e.axeScan(page);
});

test('a good practice names its sources the same way', async () => {
  const page = await e2e.openPage('/practices/liege-pt6-public-procurement', { lang: 'en' });
  const text = await page.locator('section[aria-labelledby="sources-heading"]').innerText();
  expect(text).not.toMatch(/\.txt/);
  expect(text).toContain('Ville de Liège, CEPAG ASBL, Le Monde des Possibles ASBL');
  expect(text).toContain('conference proceedings');
});
