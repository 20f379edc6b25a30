// A partner city goes live on its own (issue 14, point 5), on a Milan node with nothing listed
// yet: its admin signs in and lands on the first-run page, writes the node's profile in French
// without JavaScript (a latitude out of range is refused, with a message in French next to the
// field) and in Italian with JavaScript, and the home page then greets Italian readers in Italian.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E({ handle: 'milan' });

const ITALIAN_NAME = 'Rete delle iniziative migranti – Milano';
const ITALIAN_SUMMARY = 'Il registro delle iniziative di economia sociale e solidale guidate da persone migranti a Milano.';
const FRENCH_NAME = 'Réseau des initiatives migrantes – Milan';
const FRENCH_SUMMARY = 'Le registre des initiatives d’économie sociale et solidaire menées par des personnes migrantes à Milan.';

test('the admin of an empty node lands on the first-run page after signing in', async () => {
  const page = await e2e.openPage('/sign-in', { lang: 'fr', javaScriptEnabled: false });
  await page.getByLabel('Adresse e-mail').fill(e2e.node.admin.email);
  await page.getByLabel('Mot de passe').fill(e2e.node.admin.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin/start', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  await expect(page.locator('h1').innerText()).resolves.toBe('Premiers pas');
  await expect(page.getByText('Étapes faites : 0 sur 3').count()).resolves.toBe(1);
  for (const [name, href] of [
    ['1. Écrire le profil du nœud', '/admin/profile'],
    ['2. Inviter les premières personnes', '/admin/invitations'],
    ['3. Suivre des villes partenaires', '/admin/partners'],
  ])
    await expect(page.getByRole('link', { name }).getAttribute('href')).resolves.toBe(href);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-first-run', { readme: true });
});

test('the profile in French without JavaScript: an out-of-range latitude is refused in French, then saved', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'fr', javaScriptEnabled: false });
  const page = await e2e.openPage('/admin/profile?in=fr', { lang: 'fr', context });
  await page.getByLabel('Nom du nœud').fill(FRENCH_NAME);
  await page.getByLabel('Description', { exact: true }).fill(FRENCH_SUMMARY);
  await page.getByLabel('Adresse électronique de l’organisation').fill('registro@comune.milano.example');
  await page.getByLabel('Latitude', { exact: true }).fill('95');
  await page.getByLabel('Longitude', { exact: true }).fill('9,19');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer le profil' }).click()]);
  const alert = await page.getByRole('alert').innerText();
  expect(alert).toContain('La latitude doit être comprise entre -90 et 90.');
  await expect(page.getByRole('link', { name: 'La latitude doit être comprise entre -90 et 90.' }).getAttribute('href')).resolves.toBe(
    '#profile-lat',
  );
  await expect(page.getByLabel('Latitude', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  // Nothing typed is lost.
  await expect(page.getByLabel('Nom du nœud').inputValue()).resolves.toBe(FRENCH_NAME);
  await e2e.axeScan(page);

  await page.getByLabel('Latitude', { exact: true }).fill('45,4642');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer le profil' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Le profil est enregistré.');

  const home = await e2e.openPage('/', { lang: 'fr', javaScriptEnabled: false });
  await expect(home.locator('h1').innerText()).resolves.toBe(FRENCH_NAME);
  await expect(home.getByText(FRENCH_SUMMARY).count()).resolves.toBe(1);
});

test('the profile in Italian with JavaScript, and the home page in Italian shows it', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'it' });
  const page = await e2e.openPage('/admin/profile?in=it', { lang: 'it', context });
  await expect(page.locator('h2').first().innerText()).resolves.toBe('Nome e descrizione in italiano');
  await page.getByLabel('Nome del nodo').fill(ITALIAN_NAME);
  await page.getByLabel('Descrizione', { exact: true }).fill(ITALIAN_SUMMARY);
  await page.getByRole('button', { name: 'Salvare il profilo' }).click();
  await page.getByRole('status').filter({ hasText: 'Il profilo è salvato.' }).waitFor();
  // The French texts written before are still there.
  await page.getByRole('link', { name: /francese/ }).click();
  await page.waitForURL('**/admin/profile?in=fr');
  await expect(page.getByLabel('Nome del nodo').inputValue()).resolves.toBe(FRENCH_NAME);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-node-profile', { readme: true });

  const home = await e2e.openPage('/', { lang: 'it' });
  await expect(home.locator('h1').innerText()).resolves.toBe(ITALIAN_NAME);
  await expect(home.getByText(ITALIAN_SUMMARY).count()).resolves.toBe(1);
  await expect(home.getByText(/profil seulement|Nœud prévu|Planned node/).count()).resolves.toBe(0);
  const nodePage = await e2e.openPage('/nodes/milan', { lang: 'it' });
  await expect(nodePage.getByText(ITALIAN_SUMMARY).count()).resolves.toBe(1);
  await expect(nodePage.locator('main').innerText()).resolves.toContain('registro attivo');
  await e2e.axeScan(home);
});
