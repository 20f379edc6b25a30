// An initiative keeps its contact and place current (issue 14, point 1, "contact and place"), on
// a phone: its editor changes the phone number and who sees it, adds a link, moves the place and
// chooses how precisely the public sees it, watching the map preview (computed by the registry)
// change; a bad value (an ftp:// link, a latitude of 200, a latitude in words) is refused beside
// its field with what to write instead, and nothing typed is lost; once saved and approved, the
// public page shows what it should. In French with JavaScript, in English and Arabic without.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';
import { README_SCREENSHOTS_DIR } from './support/browser.ts';

const e2e = useE2E();
const PHONE = 360;

async function as(account: Account, query: string, variables: Record<string, unknown> = {}) {
  const answer = await e2e.node.graphql(query, variables, { token: await e2e.node.bearerToken(account) });
  const result = Object.values(answer.data ?? {})[0] as { error?: unknown } | undefined;
  if (!answer.data || result?.error) throw new Error(`${query} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

/** The editor sends the saved changes for review and the admin approves them, so the public sees them. */
async function publish(editor: Account, slug: string) {
  const state = async (who: Account) =>
    (await as(who, 'query($s: String!) { editableInitiative(slug: $s) { version pendingChanges } }', { s: slug })).editableInitiative;
  const step = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { error { code message } } }`;
  if ((await state(editor)).pendingChanges === 'DRAFT')
    await as(editor, step('submitForReview'), { id: slug, v: (await state(editor)).version });
  const now = await state(e2e.node.admin);
  if (now.pendingChanges) await as(e2e.node.admin, step('approve'), { id: slug, v: now.version });
}

/**
 * The README's picture of this page: the precision and the preview of what the public will see
 * (the top of the page, which the harness keeps, is the site's header and the contact fields).
 */
async function readmeShot(page: Page, name: string) {
  if (!README_SCREENSHOTS_DIR) return;
  const box = await page.evaluate(() => {
    const from = document.querySelector('fieldset:has(#precision-CITY)')!.getBoundingClientRect();
    const to = document.querySelector('.preview')!.getBoundingClientRect();
    return { top: from.top + window.scrollY - 16, bottom: to.bottom + window.scrollY + 16 };
  });
  mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({
    path: join(README_SCREENSHOTS_DIR, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: box.top, width: page.viewportSize()?.width ?? PHONE, height: Math.min(1400, box.bottom - box.top) },
  });
}

const previewPrecision = (page: Page) => page.locator('section[data-precision]').getAttribute('data-precision');
const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`).innerText();

test('en français, avec JavaScript, sur un téléphone : téléphone, lien, adresse et précision, avec l’aperçu de la carte', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['le-monde-des-possibles'] });
  const context = await e2e.signedInContext(editor, { lang: 'fr', width: PHONE });
  const page = await e2e.openPage('/account/initiatives/le-monde-des-possibles/contact-place', { lang: 'fr', context });
  await page.waitForFunction(() => document.querySelector('#location-country-search') !== null); // hydrated

  // Stored: the exact address, public.
  await expect(previewPrecision(page)).resolves.toBe('ADDRESS');
  await expect(page.locator('.preview').innerText()).resolves.toContain('97 rue des Champs');

  await page.getByLabel('Numéro de téléphone de l’initiative').fill('+32 4 000 11 22');
  await page
    .getByRole('group', { name: 'Qui peut voir le numéro de téléphone ?' })
    .getByRole('radio', { name: 'Les personnes connectées seulement' })
    .check();

  // A link row appears in place and takes the focus.
  await page.getByRole('button', { name: 'Ajouter un lien' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('link-0-url');
  await page.locator('#link-0-url').fill('ftp://possibles.example/programme.pdf');
  await page.getByLabel('Nom du lien en français (facultatif)').fill('Programme');

  // The country picker narrows as one types; the select stays the control.
  await page.getByLabel('Trouver un pays').fill('ital');
  await expect(page.locator('#location-country').inputValue()).resolves.toBe('IT');
  await page.getByLabel('Trouver un pays').fill('belg');
  await expect(page.locator('#location-country').inputValue()).resolves.toBe('BE');

  // City only: the preview, asked of the registry, follows without a reload.
  await page.getByRole('radio', { name: 'La ville seulement' }).check();
  await expect.poll(() => previewPrecision(page)).toBe('CITY');
  await expect(page.locator('.preview').innerText()).resolves.not.toContain('97 rue des Champs');
  await expect(page.locator('.preview').innerText()).resolves.toContain('Pas encore enregistré');
  const cityRadius = Number(await page.locator('.preview .spread').getAttribute('r'));
  await page.getByRole('radio', { name: 'Le quartier' }).check();
  await expect.poll(() => previewPrecision(page)).toBe('NEIGHBOURHOOD');
  expect(Number(await page.locator('.preview .spread').getAttribute('r'))).toBeLessThan(cityRadius);
  await page.getByRole('radio', { name: 'La ville seulement' }).check();
  await expect.poll(() => previewPrecision(page)).toBe('CITY');

  // Two bad values: each refused beside its field, in words that say what to write.
  await page.getByLabel('Latitude (nord–sud, de -90 à 90)').fill('200');
  await page.getByRole('button', { name: 'Enregistrer le contact et le lieu' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  await expect(summary.innerText()).resolves.toContain('Écrivez la latitude en nombre de -90 à 90');
  await expect(fieldError(page, 'location-lat')).resolves.toContain('Écrivez la latitude en nombre de -90 à 90');
  await expect(fieldError(page, 'link-0-url')).resolves.toContain('commence par https://');
  await expect(page.evaluate(() => document.activeElement?.closest('.error-summary') !== null)).resolves.toBe(true);
  // Nothing typed is lost.
  await expect(page.getByLabel('Numéro de téléphone de l’initiative').inputValue()).resolves.toBe('+32 4 000 11 22');
  await expect(page.locator('#link-0-url').inputValue()).resolves.toBe('ftp://possibles.example/programme.pdf');
  await e2e.axeScan(page);

  await page.getByLabel('Latitude (nord–sud, de -90 à 90)').fill('50.6328');
  await page.locator('#link-0-url').fill('https://possibles.example/programme.pdf');
  await page.getByRole('button', { name: 'Enregistrer le contact et le lieu' }).click();
  await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
  await expect(previewPrecision(page)).resolves.toBe('CITY');
  await expect(page.locator('.preview').innerText()).resolves.not.toContain('Pas encore enregistré');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'editor-contact-place');
  await readmeShot(page, 'editor-contact-place');

  await publish(editor, 'le-monde-des-possibles');
  const publicPage = await e2e.openPage('/initiatives/le-monde-des-possibles', { lang: 'fr', width: PHONE });
  const main = await publicPage.locator('main').innerText();
  expect(main).not.toContain('97 rue des Champs'); // city only now
  expect(main).not.toContain('+32 4 000 11 22'); // signed-in people only
  await expect(publicPage.getByRole('link', { name: 'Programme' }).getAttribute('href')).resolves.toBe(
    'https://possibles.example/programme.pdf',
  );
});

test('in English, without JavaScript, on a phone: every button posts, and the form keeps what was typed', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
  const context = await e2e.signedInContext(editor, { lang: 'en', width: PHONE, javaScriptEnabled: false });
  const page = await e2e.openPage('/account/initiatives/parallax/contact-place', { lang: 'en', context });
  await expect(page.locator('#location-country').inputValue()).resolves.toBe('BE');
  await expect(page.getByLabel('Find a country').count()).resolves.toBe(0); // the search needs JavaScript

  await page.getByLabel('Phone number of the initiative').fill('+32 4 555 66 77');
  await page.getByRole('group', { name: 'Who can see the phone number?' }).getByRole('radio', { name: 'Everyone' }).check();
  // "Add a link" posts the form: a new row comes back, with the phone number still typed in.
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Add a link' }).click()]);
  await expect(page.getByLabel('Phone number of the initiative').inputValue()).resolves.toBe('+32 4 555 66 77');
  await page.locator('#link-0-url').fill('https://parallax.example/agenda');
  await page.getByLabel('Name of the link in French (optional)').fill('Agenda du festival');

  await page.getByLabel('Neighbourhood (optional)').fill('Outremeuse');
  await page.getByLabel('Street and number (optional)').fill('12 rue Puits-en-Sock');
  await page.getByRole('radio', { name: 'The neighbourhood' }).check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Show what the public will see' }).click()]);
  await expect(previewPrecision(page)).resolves.toBe('NEIGHBOURHOOD');
  const preview = await page.locator('.preview').innerText();
  expect(preview).toContain('Outremeuse');
  expect(preview).not.toContain('Puits-en-Sock');
  expect(preview).toContain('Not saved yet');

  // A latitude in words cannot even be sent: refused beside the field, the rest kept.
  await page.getByLabel('Latitude (north–south, from -90 to 90)').fill('north of the river');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save contact and place' }).click()]);
  await expect(page.getByRole('alert').innerText()).resolves.toContain('Write the latitude as a number from -90 to 90');
  await expect(fieldError(page, 'location-lat')).resolves.toContain('such as 50.6326');
  await expect(page.locator('#link-0-url').inputValue()).resolves.toBe('https://parallax.example/agenda');
  await expect(page.getByRole('radio', { name: 'The neighbourhood' }).isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);

  await page.getByLabel('Latitude (north–south, from -90 to 90)').fill('50.6461');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save contact and place' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Saved.');
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);

  await publish(editor, 'parallax');
  const publicPage = await e2e.openPage('/initiatives/parallax', { lang: 'en', width: PHONE, javaScriptEnabled: false });
  const main = await publicPage.locator('main').innerText();
  expect(main).toContain('Outremeuse');
  expect(main).not.toContain('Puits-en-Sock');
  expect(main).toContain('+32 4 555 66 77');
  await expect(publicPage.getByRole('link', { name: 'Agenda du festival' }).count()).resolves.toBe(1);
});

test('an informal group is told that the public sees its city only, and the preview shows it (Arabic, right to left, a small phone)', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['100pap-liege'] });
  const context = await e2e.signedInContext(editor, { lang: 'ar', width: 320, javaScriptEnabled: false });
  const page = await e2e.openPage('/account/initiatives/100pap-liege/contact-place', { lang: 'ar', context });
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await expect(page.locator('main').innerText()).resolves.toContain('يرى الجمهور المدينة فقط دائمًا');
  await page.locator('#location-streetAddress').fill('3 rue Pierreuse');
  await page.locator('#precision-ADDRESS').check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'اعرض ما سيراه الجمهور' }).click()]);
  await expect(previewPrecision(page)).resolves.toBe('CITY');
  await expect(page.locator('.preview').innerText()).resolves.not.toContain('Pierreuse');
  // Coordinates and addresses stay left to right inside the right-to-left page.
  await expect(page.locator('#location-lat').getAttribute('dir')).resolves.toBe('ltr');
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  await e2e.axeScan(page);
});
