// Reports are a loop (issue 14, point 6; ADR 0031): a visitor without an account reports a
// listing from its page, and a moderator resolves or dismisses it with a note on
// /admin/reports. In French without JavaScript (an initiative) and in English with it (a good
// practice); a listing the site does not show cannot be reported, and says so.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('a visitor reports an initiative and a moderator resolves it with a note, in French without JavaScript', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  // A listing this node does not show: said plainly, no form.
  const unknown = await e2e.openPage(`/report?id=${encodeURIComponent(`${e2e.node.url}/initiatives/nobody-has-this`)}`, {
    javaScriptEnabled: false,
  });
  await expect(unknown.getByRole('main').innerText()).resolves.toContain('Ce registre ne montre aucune fiche publiée à cette adresse');
  await expect(unknown.getByRole('button', { name: 'Envoyer le signalement' }).count()).resolves.toBe(0);

  const page = await e2e.openPage('/initiatives/univerbal', { javaScriptEnabled: false });
  await Promise.all([page.waitForURL('**/report?id=**'), page.getByRole('link', { name: 'Signaler cette fiche' }).click()]);
  await expect(page.getByRole('main').innerText()).resolves.toContain('Vous signalez :');
  // No reason chosen (the browser's own check skipped, as an old browser would): the summary says what to fix.
  await page.locator('form.report-form').evaluate((form) => form.setAttribute('novalidate', ''));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer le signalement' }).click()]);
  const summary = page.getByRole('alert');
  await expect(summary.innerText()).resolves.toContain('Choisissez ce qui ne va pas dans la fiche.');
  await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe('#report-category-WRONG_INFORMATION');
  await e2e.axeScan(page);

  const text = 'Le téléphone affiché est celui d’une bénévole, pas celui de l’association.';
  await page.getByLabel('Elle montre des données personnelles sur quelqu’un').check();
  await page.getByLabel('Dites-nous en plus (facultatif)').fill(text);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer le signalement' }).click()]);
  const sent = page.getByRole('status');
  await expect(sent.innerText()).resolves.toContain('Merci : votre signalement a été envoyé');
  await expect(sent.innerText()).resolves.toContain('Les modérateurs de ce registre vont vérifier la fiche');
  await expect(sent.getByRole('link', { name: 'Revenir à la fiche' }).getAttribute('href')).resolves.toBe('/initiatives/univerbal');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'report-sent-fr');

  const context = await e2e.signedInContext(moderator, { lang: 'fr', javaScriptEnabled: false });
  const admin = await e2e.openPage('/admin/reports', { context });
  const card = admin.getByRole('article').filter({ hasText: text });
  await expect(card.innerText()).resolves.toContain('Elle montre des données personnelles sur quelqu’un');
  await expect(card.innerText()).resolves.toContain('Un visiteur de ce site (non identifié)');
  await expect(card.innerText()).resolves.toContain('1 signalement ouvert sur cette fiche');
  await e2e.axeScan(admin);
  await e2e.screenshot(admin, 'admin-reports', { readme: true });

  // A decision needs a note.
  await card.locator('form').evaluate((form) => form.setAttribute('novalidate', ''));
  await Promise.all([admin.waitForLoadState('load'), card.getByRole('button', { name: 'Traité' }).click()]);
  await expect(admin.getByRole('alert').innerText()).resolves.toContain('Écrivez une note');
  const note = 'Numéro retiré de la fiche ; l’équipe a donné l’adresse de l’association.';
  const again = admin.getByRole('article').filter({ hasText: text });
  await again.getByLabel('Note : ce que vous avez fait, ou pourquoi il n’y a rien à faire').fill(note);
  await Promise.all([admin.waitForLoadState('load'), again.getByRole('button', { name: 'Traité' }).click()]);
  await expect(admin.getByRole('status').innerText()).resolves.toContain('Le signalement est clôturé comme traité.');
  const closed = admin.getByRole('region', { name: 'Clôturés' }).getByRole('article').filter({ hasText: note });
  await expect(closed.innerText()).resolves.toContain('Traité');
  await expect(closed.innerText()).resolves.toContain('par les modérateurs de ce registre');
  await expect(admin.getByRole('region', { name: /^Signalements ouverts/ }).innerText()).resolves.not.toContain(text);
  await e2e.axeScan(admin);
});

test('a visitor reports a good practice and a moderator dismisses it with a note, in English with JavaScript', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  const page = await e2e.openPage('/practices/liege-pt4-one-stop-shop', { lang: 'en' });
  const link = page.getByRole('link', { name: 'Report this listing' });
  await Promise.all([page.waitForURL('**/report?id=**'), link.click()]);
  const reportUrl = page.url();
  // "Something else" needs a few words: refused in place, without reloading the page.
  await page.getByLabel('Something else').check();
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toContain('Say in a few words what is wrong');
  await expect(page.getByLabel('Something else').isChecked()).resolves.toBe(true);
  const text = 'This one-stop shop moved to another address in 2024.';
  await page.getByLabel('Tell us more (optional)').fill(text);
  await page.getByRole('button', { name: 'Send the report' }).click();
  const sent = page.getByRole('status').filter({ hasText: 'Thank you: your report was sent' });
  await sent.waitFor();
  expect(page.url()).toBe(reportUrl);
  // The confirmation takes the focus, so a screen reader reads it.
  await expect(sent.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await e2e.axeScan(page);

  const context = await e2e.signedInContext(moderator, { lang: 'en' });
  const admin = await e2e.openPage('/admin/reports', { context });
  const card = admin.getByRole('article').filter({ hasText: text });
  await expect(card.innerText()).resolves.toContain('Something else');
  const note = 'Checked with the city: the address on the listing is the current one.';
  await card.getByLabel('Note: what you did, or why nothing needs doing').fill(note);
  await Promise.all([admin.waitForLoadState('load'), card.getByRole('button', { name: 'Dismiss' }).click()]);
  await expect(admin.getByRole('status').innerText()).resolves.toContain('The report was dismissed.');
  const closed = admin.getByRole('region', { name: 'Closed' }).getByRole('article').filter({ hasText: note });
  await expect(closed.innerText()).resolves.toContain('Dismissed');
  await e2e.axeScan(admin);
});
