// The node's fediverse presence (issue 17 point 6, ADR 0051): the admin, in French without
// JavaScript, pins too many practices (refused in French, linked from the summary, nothing ticked
// lost), then saves a valid choice; Mastodon servers see it in the node's actor (discoverable,
// featured). Then in German with JavaScript on a phone, a picture address that is not https is
// refused next to its field. axe finds nothing serious on either.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

async function nodeActor(): Promise<Record<string, any>> {
  const response = await fetch(`${e2e.node.url}/nodes/liege`, { headers: { accept: 'application/activity+json' } });
  return (await response.json()) as Record<string, any>;
}

test('in French without JavaScript: six pins are refused in French, one is saved and the actor shows it', async () => {
  expect((await nodeActor()).discoverable).toBe(false);
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'fr', javaScriptEnabled: false });
  const page = await e2e.openPage('/admin/fediverse', { lang: 'fr', context });
  await expect(page.locator('h1').innerText()).resolves.toBe('Présence sur le fédivers');
  await page.getByLabel('Proposer ce nœud et ses initiatives dans les annuaires de profils').check();
  const pins = page.locator('input[name="pinned"]');
  expect(await pins.count()).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < 6; i++) await pins.nth(i).check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer les réglages' }).click()]);
  const message = 'Épinglez au plus 5 bonnes pratiques : décochez-en.';
  await expect(page.getByRole('alert').innerText()).resolves.toContain(message);
  await expect(page.getByRole('link', { name: message }).getAttribute('href')).resolves.toBe('#fedi-pinned');
  // Nothing chosen is lost.
  await expect(page.locator('input[name="pinned"]:checked').count()).resolves.toBe(6);
  await expect(page.getByLabel('Proposer ce nœud et ses initiatives dans les annuaires de profils').isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);

  for (let i = 1; i < 6; i++) await pins.nth(i).uncheck();
  const pinned = await pins.nth(0).getAttribute('value');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer les réglages' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Réglages enregistrés.');
  await page.locator('h1').scrollIntoViewIfNeeded();
  await e2e.screenshot(page, 'admin-fediverse', { readme: true });

  const actor = await nodeActor();
  expect(actor.discoverable).toBe(true);
  expect(actor.indexable).toBe(false);
  const featured = (await (await fetch(actor.featured, { headers: { accept: 'application/activity+json' } })).json()) as Record<
    string,
    any
  >;
  expect([featured.orderedItems ?? featured.items].flat().map((item: { id: string }) => item.id)).toEqual([
    `${e2e.node.url}/practices/${pinned}`,
  ]);
});

test('in German with JavaScript on a phone: a picture address that is not https is refused next to its field', async () => {
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'de', width: 360 });
  const page = await e2e.openPage('/admin/fediverse', { lang: 'de', context });
  await expect(page.locator('h1').innerText()).resolves.toBe('Präsenz im Fediverse');
  await page.getByLabel('Adresse des Logos (quadratisches Bild)').fill('http://bilder.example/logo.png');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  const message = 'Geben Sie die vollständige Adresse eines Bildes an, beginnend mit https://, oder lassen Sie das Feld leer.';
  await page.getByRole('alert').filter({ hasText: message }).waitFor();
  await expect(page.getByLabel('Adresse des Logos (quadratisches Bild)').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.getByLabel('Adresse des Logos (quadratisches Bild)').inputValue()).resolves.toBe('http://bilder.example/logo.png');
  await e2e.axeScan(page);

  await page.getByLabel('Adresse des Logos (quadratisches Bild)').fill('https://bilder.example/logo.png');
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await page.getByRole('status').filter({ hasText: 'Einstellungen gespeichert.' }).waitFor();
  expect((await nodeActor()).icon).toMatchObject({ url: 'https://bilder.example/logo.png' });
});
