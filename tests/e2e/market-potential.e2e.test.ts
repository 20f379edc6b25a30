// Network potential (issue 15 point 4): an official of the node opens /market/potential before
// posting a request, in French without JavaScript (a problem first, then the answer) and in
// Arabic with JavaScript, and sees the count by city and the suggestion with its rule in words.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('an official sees how many initiatives could answer, by city, and what that suggests (French, no JavaScript)', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  const context = await e2e.signedInContext(moderator, { lang: 'fr', javaScriptEnabled: false });
  // Found from the moderation pages.
  const page = await e2e.openPage('/admin', { lang: 'fr', context });
  await Promise.all([page.waitForURL('**/market/potential'), page.getByRole('link', { name: 'Potentiel du réseau' }).click()]);
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Potentiel du réseau');

  // Sent with a malformed CPV code, then with nothing: the summary says what to fix and links to the field.
  const send = () =>
    Promise.all([page.waitForURL('**/market/potential?**'), page.getByRole('button', { name: 'Voir le potentiel' }).click()]);
  await page.getByLabel('Codes CPV (facultatif)').fill('5552');
  await send();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: /« 5552 » n’est pas un code CPV/ }).getAttribute('href')).resolves.toBe('#cpv');
  await expect(page.getByLabel('Codes CPV (facultatif)').getAttribute('aria-invalid')).resolves.toBe('true');
  await page.getByLabel('Codes CPV (facultatif)').fill('');
  await send();
  await expect(summary.getByRole('link', { name: 'Cochez au moins un secteur ou donnez un code CPV.' }).getAttribute('href')).resolves.toBe(
    '#sectors',
  );
  await e2e.axeScan(page);

  await page.getByLabel('Codes CPV (facultatif)').fill('80500000-9');
  await page.getByLabel('Ville (facultatif)').fill('Liège');
  await page.getByLabel('Un marché réservé').check();
  await send();
  const result = page.getByRole('region', { name: 'Résultat' });
  await expect(result.innerText()).resolves.toMatch(/\d+ initiatives pourraient répondre/);
  await expect(result.innerText()).resolves.toContain('Compté jusqu’à 15 km autour du centre de Liège');
  await expect(result.innerText()).resolves.toContain('Secteurs comptés : Éducation');
  // No initiative has declared an eligibility yet: a social clause, with the rule and the thresholds said.
  await expect(result.getByRole('heading', { name: 'Suggestion : Ajouter une clause sociale' }).count()).resolves.toBe(1);
  await expect(result.innerText()).resolves.toMatch(
    /Initiatives éligibles : aucune ; initiatives qui pourraient répondre en tout : \d+, au moins 3 : ajoutez une clause sociale/,
  );
  await expect(result.innerText()).resolves.toContain('Les seuils : 3 initiatives éligibles ou plus, réserver le marché');
  const table = result.getByRole('table', { name: 'Initiatives qui pourraient répondre, par ville' });
  await expect(table.getByRole('rowheader', { name: 'Liège' }).count()).resolves.toBe(1);
  // The answer is a bookmarkable address that keeps the choices.
  await expect(page.getByLabel('Un marché réservé').isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'market-potential', { readme: true });
});

test('in Arabic with JavaScript, right to left, and closed to an editor', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  const context = await e2e.signedInContext(moderator, { lang: 'ar' });
  const page = await e2e.openPage('/market/potential', { lang: 'ar', context });
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  // Ticked at once, maybe before the scripts have started: hydration must keep the box ticked.
  await page.locator('input[name="sector"][value="AM40"]').check();
  await Promise.all([page.waitForURL('**/market/potential?**'), page.getByRole('button', { name: 'اعرض الإمكانات' }).click()]);
  const result = page.getByRole('region', { name: 'النتيجة' });
  await result.waitFor(); // With JavaScript the address changes before the new page is drawn.
  await expect(result.getByRole('table', { name: 'المبادرات التي يمكن أن تستجيب، حسب المدينة' }).count()).resolves.toBe(1);
  await expect(result.innerText()).resolves.toContain('الاقتراح:');
  await e2e.axeScan(page);

  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const editorContext = await e2e.signedInContext(editor, { lang: 'fr' });
  await e2e.openPage('/market/potential', { lang: 'fr', context: editorContext, status: 403 });
});
