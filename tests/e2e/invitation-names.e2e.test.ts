// An invitation names the initiatives it is for in the reader's language (never by handle), and
// its sentence agrees in number with how many there are ("la fiche de" one, "les fiches de" several).
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('in French, an invitation for two initiatives names both and speaks of their profiles', async () => {
  const { url } = await e2e.node.invite('EDITOR', { initiatives: ['migrations-libres-plats-solidaires', 'univerbal'] });
  const page = await e2e.openPage(new URL(url).pathname, { lang: 'fr' });
  const details = await page.locator('section[aria-labelledby="invitation-details-heading"]').innerText();
  expect(details).toContain('les fiches de');
  expect(details).toContain('Migrations Libres');
  expect(details).toContain('Univerbal');
  expect(details).not.toContain('migrations-libres-plats-solidaires');
  await e2e.axeScan(page);
});

test('in German, an invitation for one initiative speaks of its profile', async () => {
  const { url } = await e2e.node.invite('EDITOR', { initiatives: ['univerbal'] });
  const page = await e2e.openPage(new URL(url).pathname, { lang: 'de' });
  const details = await page.locator('section[aria-labelledby="invitation-details-heading"]').innerText();
  expect(details).toContain('das Profil von Univerbal');
  await e2e.axeScan(page);
});
