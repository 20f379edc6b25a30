// An initiative keeps its organisation current on the web (issue 14, point 1, "Organisation"):
// an editor on a phone, in French with JavaScript, filters the sector picker by typing and
// ticks a sector, a qualifier and a language, gets a wrong start date and a tampered code
// refused beside their fields, then saves; in Italian without JavaScript the same form posts.
// Each time the public page then shows the new values.
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 390;

beforeAll(async () => {
  // This node publishes its editors' changes at once (an admin's choice), so the public page
  // shows them after the save; review before publishing is driven in manage.e2e.test.ts.
  const token = await e2e.node.bearerToken(e2e.node.admin);
  const answer = await e2e.node.graphql('mutation { updateNodeSettings(editsRequireReview: false) { error { code } } }', {}, { token });
  if (answer.data?.updateNodeSettings.error) throw new Error(JSON.stringify(answer));
});

async function save(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()]);
}

test('in French on a phone with JavaScript: filter, tick, a refused date and code, then saved and public', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const context = await e2e.signedInContext(editor, { lang: 'fr', width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal', { lang: 'fr', context });
  await Promise.all([
    page.waitForURL('**/organisation'),
    page.getByRole('navigation', { name: 'Parties de la fiche' }).getByRole('link', { name: 'Organisation' }).click(),
  ]);
  await page.getByRole('searchbox').first().waitFor();
  await e2e.screenshot(page, 'editor-organisation', { readme: true });

  // Typing narrows the list (accents ignored) and the count is said politely.
  const others = page.getByRole('group', { name: 'Autres secteurs', exact: true });
  await expect(others.getByRole('checkbox').count()).resolves.toBe(16);
  await others.getByLabel('Filtrer la liste').fill('ALIMENT');
  await expect(others.locator('[aria-live="polite"]').innerText()).resolves.toBe('1 choix affiché sur 16');
  await expect(others.getByRole('checkbox').count()).resolves.toBe(1);
  await others.getByRole('checkbox', { name: 'Alimentation' }).check();
  // A long list starts folded to what is chosen; a button shows the whole of it.
  const qualifiers = page.getByRole('group', { name: 'Ce qui la caractérise' });
  await expect(qualifiers.getByRole('checkbox').count()).resolves.toBe(3);
  const unfold = qualifiers.getByRole('button', { name: 'Afficher toute la liste (23)' });
  await expect(unfold.getAttribute('aria-expanded')).resolves.toBe('false');
  await unfold.click();
  await expect(qualifiers.getByRole('checkbox').count()).resolves.toBe(23);
  await qualifiers.getByRole('checkbox', { name: 'Équité de genre' }).check();
  const languages = page.getByRole('group', { name: 'Langues dans lesquelles elle accueille les gens' });
  // The languages already offered come first.
  await expect(languages.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
  await languages.getByLabel('Filtrer la liste').fill('tigr');
  await languages.getByRole('checkbox', { name: 'tigrigna' }).check();

  // A month 13: refused beside the field, with what to write; the rest of the answers is kept.
  await page.getByLabel('Début de l’initiative').fill('2021-13');
  await save(page, 'Enregistrer l’organisation');
  await expect(page.getByRole('alert').innerText()).resolves.toContain('Écrivez une année, une année et un mois, ou une date');
  await expect(page.locator('#startDate').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.title()).resolves.toMatch(/^Erreur : Organisation/);
  await expect(page.getByRole('checkbox', { name: 'Alimentation' }).isChecked()).resolves.toBe(true);
  await expect(page.getByRole('checkbox', { name: 'tigrigna' }).isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);

  // A code the list does not have (a tampered form): the registry's validation refuses it.
  await page.getByLabel('Début de l’initiative').fill('2016-09');
  await page.locator('#primarySector input:checked').evaluate((input: HTMLInputElement) => (input.value = 'AM999'));
  await save(page, 'Enregistrer l’organisation');
  await expect(page.locator('#primarySector-error').innerText()).resolves.toContain('Choisissez une des réponses de la liste');
  await page.getByRole('group', { name: 'Secteur principal' }).getByRole('radio', { name: 'Santé, action sociale et bien-être' }).check();

  await save(page, 'Enregistrer l’organisation');
  await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
  // The preview shows the organisation as the public will see it.
  await Promise.all([page.waitForURL('**/preview'), page.getByRole('link', { name: 'Voir l’aperçu de la fiche' }).click()]);
  await expect(page.locator('main').innerText()).resolves.toContain('Équité de genre');
  const published = await e2e.openPage('/initiatives/univerbal', { lang: 'fr', width: PHONE });
  const text = await published.locator('main').innerText();
  for (const shown of ['Alimentation', 'Équité de genre', 'tigrigna', 'septembre 2016']) expect(text).toContain(shown);
});

test('in Italian without JavaScript, the same form posts as plain radios and checkboxes', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const context = await e2e.signedInContext(editor, { lang: 'it', width: PHONE, javaScriptEnabled: false });
  const page = await e2e.openPage('/account/initiatives/atemos/organisation', { lang: 'it', context });
  // No filter box without JavaScript: the whole list is there.
  await expect(page.getByRole('searchbox').count()).resolves.toBe(0);
  await page.getByRole('group', { name: 'Altri settori' }).getByRole('checkbox', { name: 'Alimentazione' }).check();
  await page.getByRole('group', { name: 'Che cosa la caratterizza' }).getByRole('checkbox', { name: 'Equità di genere' }).check();
  const languages = page.getByRole('group', { name: 'Lingue in cui accoglie le persone' });
  await languages.getByRole('checkbox', { name: 'amarico' }).check();
  await languages.getByRole('checkbox', { name: 'tigrino' }).check();
  await page.getByRole('group', { name: 'A che punto è oggi?' }).getByRole('radio', { name: 'In pausa' }).check();
  await page
    .getByLabel('Organizzazioni che la promuovono o la sostengono')
    .fill('Comune di Liegi\n\nComune di Liegi\nCentro regionale per l’integrazione');
  await page.getByLabel('Inizio dell’iniziativa').fill('2019-07-01');
  await save(page, 'Salva l’organizzazione');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Salvato.');
  await expect(page.getByLabel('Organizzazioni che la promuovono o la sostengono').inputValue()).resolves.toBe(
    'Comune di Liegi\nCentro regionale per l’integrazione',
  );
  await e2e.axeScan(page);

  const published = await e2e.openPage('/initiatives/atemos', { lang: 'it', width: PHONE, javaScriptEnabled: false });
  const text = await published.locator('main').innerText();
  for (const shown of [
    'Alimentazione',
    'Equità di genere',
    'amarico',
    'tigrino',
    'In pausa',
    '1 luglio 2019',
    'Centro regionale per l’integrazione',
  ])
    expect(text).toContain(shown);
});
