// Issue 16, "done when" (first sentence): Milan's staff start adopting a practice of Liège from
// their copy of it, record what they changed and a first outcome (in Italian, without
// JavaScript; a figure written in words is refused, the summary linking to its field), send it
// for review and publish it; Liège's practice page then shows it (in French). Then, with
// JavaScript, in English, Milan moves to the next stage, and Liège's page follows.
import { expect, test } from 'vitest';
import { join } from 'node:path';
import { useE2E } from './support/harness.ts';
import { makePartners, until } from './support/partners.ts';
import { README_SCREENSHOTS_DIR } from './support/browser.ts';

const e2e = useE2E();

test('Milan’s staff start adopting a Liège practice, record a change and a first outcome, and Liège’s page shows it', async () => {
  const liege = e2e.node;
  const milan = await e2e.startPartner({ handle: 'milan' });
  await makePartners(milan, liege);
  const practice = `${liege.url}/practices/liege-pt4-one-stop-shop`;
  await until(async () =>
    Boolean((await milan.graphql('query($id: ID!) { goodPractice(id: $id) { id } }', { id: practice })).data?.goodPractice),
  );

  // Milan's moderator reads Liège's practice on Milan's site, in Italian, without JavaScript.
  const moderator = await milan.createAccount('MODERATOR');
  const context = await e2e.signedInContext(moderator, { node: milan, lang: 'it', javaScriptEnabled: false });
  const copy = await e2e.openPage(`/network/practices?id=${encodeURIComponent(practice)}`, { context });
  await e2e.axeScan(copy);
  await Promise.all([
    copy.waitForURL('**/admin/adoptions/**'),
    copy.getByRole('button', { name: 'Iniziare ad adottare questa pratica' }).click(),
  ]);
  await expect(copy.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('La vostra città riprende una pratica');
  await expect(copy.getByRole('main').innerText()).resolves.toContain('bozza, visibile solo al gruppo della vostra città');

  await copy.getByLabel('Fase', { exact: true }).selectOption({ label: 'la sta adattando' });
  await copy.getByLabel('Da quando (facoltativo)').fill('2026-09');
  await copy.getByLabel('Titolo', { exact: true }).fill('Lo sportello unico di Liegi, a Milano');
  await copy
    .getByLabel('Cosa avete mantenuto della pratica')
    .fill('Un solo luogo per i bisogni di base e il primo progetto professionale.');
  await copy.getByLabel('Cosa avete cambiato').fill('Aperto anche il sabato mattina');
  await copy.getByLabel('Perché').fill('Chi lavora nei giorni feriali non poteva venire.');
  await copy.getByLabel('Cifra', { exact: true }).fill('centoventi');
  await copy.getByLabel(/^Unità/).fill('persone');
  await copy.getByLabel('Cosa conta la cifra').fill('Persone accolte nei primi tre mesi');
  await copy.getByLabel('Data della cifra').fill('2026-12');
  await Promise.all([copy.waitForLoadState('load'), copy.getByRole('button', { name: 'Salvare' }).click()]);
  // A figure in words: said at the top, linking to the field, and nothing typed is lost.
  const summary = copy.getByRole('alert');
  await expect(summary.innerText()).resolves.toContain('Date la cifra in numeri, per esempio 120.');
  await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#adopt-outcome-value');
  await expect(copy.getByLabel('Cosa avete cambiato').inputValue()).resolves.toBe('Aperto anche il sabato mattina');
  await e2e.axeScan(copy);

  await copy.getByLabel('Cifra', { exact: true }).fill('120');
  await Promise.all([copy.waitForLoadState('load'), copy.getByRole('button', { name: 'Salvare' }).click()]);
  await expect(copy.getByRole('status').innerText()).resolves.toContain('Salvato.');
  await Promise.all([copy.waitForLoadState('load'), copy.getByRole('button', { name: 'Inviare in revisione' }).click()]);
  await expect(copy.getByRole('status').innerText()).resolves.toContain('Inviato in revisione.');
  await e2e.screenshot(copy, 'adoption-edit-it', { readme: true });
  await Promise.all([copy.waitForLoadState('load'), copy.getByRole('button', { name: 'Pubblicare' }).click()]);
  await expect(copy.getByRole('status').innerText()).resolves.toContain('Pubblicato: le città partner lo ricevono.');
  const editUrl = new URL(copy.url()).pathname;

  // Liège's own page of the practice, read in French, shows Milan's adoption.
  const reader = await e2e.openPage('/practices/liege-pt4-one-stop-shop', { lang: 'fr' });
  const section = reader.getByRole('region', { name: 'Villes qui ont repris cette pratique' });
  for (let attempt = 0; attempt < 40 && (await section.count()) === 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await reader.reload();
  }
  const shown = await section.innerText();
  expect(shown).toMatch(/Milan.* — en train de l'adapter/);
  // The city's own title, not the practice's title it started from.
  expect(shown).toContain('Lo sportello unico di Liegi, a Milano');
  expect(shown).not.toContain('Guichet unique municipal');
  expect(shown).toContain('Aperto anche il sabato mattina');
  expect(shown).toContain('Chi lavora nei giorni feriali non poteva venire.');
  expect(shown).toMatch(/120\s+persone/);
  await expect(section.getByText('Aperto anche il sabato mattina').getAttribute('lang')).resolves.toBe('it');
  await e2e.axeScan(reader);
  await e2e.screenshot(reader, 'practice-adoptions-fr');
  // The README shows the section itself: it comes after the practice's own fields, below the top of the page.
  if (README_SCREENSHOTS_DIR) await section.screenshot({ path: join(README_SCREENSHOTS_DIR, 'practice-adoptions-fr.png') });

  // With JavaScript, in English: Milan now runs it; Liège's page follows.
  const english = await e2e.signedInContext(moderator, { node: milan, lang: 'en' });
  const edit = await e2e.openPage(editUrl, { context: english });
  await edit.getByLabel('Stage', { exact: true }).selectOption({ label: 'has taken it up and runs it' });
  await edit.getByLabel('Since when (optional)').fill('2027-01');
  await Promise.all([edit.waitForLoadState('load'), edit.getByRole('button', { name: 'Save' }).click()]);
  await expect(edit.getByRole('status').innerText()).resolves.toContain('Saved.');
  await e2e.axeScan(edit);
  const later = await e2e.openPage('/practices/liege-pt4-one-stop-shop', { lang: 'fr' });
  const heading = later.getByRole('heading', { level: 3, name: /Milan/ });
  for (let attempt = 0; attempt < 40 && !/l'a reprise/.test((await heading.count()) ? await heading.innerText() : ''); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await later.reload();
  }
  await expect(heading.innerText()).resolves.toMatch(/l'a reprise et l'applique/);

  // Adoption records are searched as their own kind on Liège (issue 16 point 5), without JavaScript:
  // by words in Italian, then by stage, with each value's count.
  const search = await e2e.openPage('/adoptions?q=sportello', { lang: 'fr', javaScriptEnabled: false });
  const results = search.getByRole('region', { name: 'Reprises de pratiques' });
  await expect(results.getByRole('status').innerText()).resolves.toBe('1 reprise');
  await expect(results.innerText()).resolves.toMatch(/Milan — l'a reprise et l'applique/);
  await expect(results.getByRole('link', { name: /Guichet unique municipal/ }).getAttribute('href')).resolves.toBe(
    '/practices/liege-pt4-one-stop-shop',
  );
  await expect(search.getByRole('group', { name: 'Étape' }).innerText()).resolves.toMatch(/l'a reprise et l'applique \(1\)/);
  await e2e.axeScan(search);
  await search
    .getByRole('group', { name: 'Étape' })
    .getByRole('checkbox', { name: /en train de l'adopter/ })
    .check();
  await Promise.all([search.waitForLoadState('load'), search.getByRole('button', { name: 'Rechercher' }).click()]);
  expect(new URL(search.url()).searchParams.getAll('stage')).toEqual(['ADOPTING']);
  await expect(search.getByRole('region', { name: 'Reprises de pratiques' }).getByRole('status').innerText()).resolves.toBe(
    'Aucune reprise',
  );
});
