// "List your initiative" (issue 14, point 2), as its people do it: on a phone, someone asks for
// their initiative to be listed, in French with JavaScript off and in Italian with it on; the
// moderator publishes one (the node has no SMTP, so the invitation link is shown to pass on) and
// declines the other with a reason; the person follows the link and becomes the initiative's
// editor. Another moderator, in English without JavaScript, asks for changes instead: the draft stays
// unpublished and the person, invited, reads the reason on its page. A bot filling the form at once is refused. Axe finds nothing serious on each page.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 390;
/** A person takes longer than the registry's minimum fill time (3 s); the tests wait as long. */
const FILL_TIME_MS = 3_500;

interface Asked {
  name: string;
  summary: string;
  city: string;
  sector: string;
  language: string;
  email: string;
  consent: string;
  migrantLed: string;
  submit: string;
}

async function fillAndSend(page: Page, asked: Asked, loadedAt: number): Promise<void> {
  await page.getByLabel(asked.name.split('|')[0]!).fill(asked.name.split('|')[1]!);
  await page.getByLabel(asked.summary.split('|')[0]!).fill(asked.summary.split('|')[1]!);
  await page.getByLabel(asked.city.split('|')[0]!).fill(asked.city.split('|')[1]!);
  await page.getByLabel(asked.sector.split('|')[0]!).selectOption({ label: asked.sector.split('|')[1]! });
  await page.getByLabel(asked.language, { exact: true }).check();
  await page.getByLabel(asked.email.split('|')[0]!).fill(asked.email.split('|')[1]!);
  await page.getByLabel(asked.consent).check();
  await page.getByLabel(asked.migrantLed).check();
  await page.waitForTimeout(Math.max(0, loadedAt + FILL_TIME_MS - Date.now()));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: asked.submit }).click()]);
}

test('a person asks on a phone (French, no JavaScript; Italian, JavaScript), the moderator publishes one and declines the other, and the person becomes its editor', async () => {
  // French, JavaScript off, from the home page.
  const french = await e2e.newContext({ lang: 'fr', width: PHONE, javaScriptEnabled: false });
  const home = await e2e.openPage('/', { lang: 'fr', context: french });
  await Promise.all([
    home.waitForURL('**/list-your-initiative'),
    home.getByRole('link', { name: 'Votre initiative n’est pas encore dans le registre ? Demandez à l’inscrire' }).click(),
  ]);
  let loadedAt = Date.now();
  await expect(home.locator('h1').innerText()).resolves.toBe('Inscrire votre initiative');
  await expect(home.locator('main').innerText()).resolves.toContain('Elle n’est jamais publiée');
  await e2e.axeScan(home);
  await e2e.screenshot(home, 'list-your-initiative', { readme: true });

  // Sent without consent: refused at that field, everything typed kept.
  await home.getByLabel('Nom de l’initiative').fill('Cuisine des Deux Rives');
  await home.waitForTimeout(Math.max(0, loadedAt + FILL_TIME_MS - Date.now()));
  await Promise.all([home.waitForLoadState('load'), home.getByRole('button', { name: 'Envoyer la demande' }).click()]);
  const summary = home.getByRole('alert');
  await expect(summary.getByRole('link', { name: /Sans votre accord pour publier l’initiative/ }).getAttribute('href')).resolves.toBe(
    '#listing-consent',
  );
  await expect(home.getByLabel('Nom de l’initiative').inputValue()).resolves.toBe('Cuisine des Deux Rives');
  await e2e.axeScan(home);
  loadedAt = Date.now();
  await fillAndSend(
    home,
    {
      name: 'Nom de l’initiative|Cuisine des Deux Rives',
      summary: 'Ce qu’elle fait, en quelques phrases|Une cuisine coopérative tenue par des personnes arrivées à Liège : repas et cours.',
      city: 'Ville ou commune|Liège',
      sector: 'Secteur principal|Alimentation',
      language: 'arabe',
      email: 'Votre adresse e-mail|cuisine.asker@example.org',
      consent:
        'J’accepte que cette initiative soit publiée dans le registre : son nom, sa description, sa ville, son secteur, ses langues et son site web.',
      migrantLed: 'Oui, et cela peut être affiché publiquement',
      submit: 'Envoyer la demande',
    },
    loadedAt,
  );
  await expect(home.getByRole('status').innerText()).resolves.toContain('Merci : votre demande est envoyée');
  await e2e.axeScan(home);

  // Italian, JavaScript on.
  const italian = await e2e.newContext({ lang: 'it', width: PHONE });
  const form = await e2e.openPage('/list-your-initiative', { lang: 'it', context: italian });
  loadedAt = Date.now();
  await expect(form.locator('h1').innerText()).resolves.toBe('Inserisci la tua iniziativa');
  await e2e.axeScan(form);
  await fillAndSend(
    form,
    {
      name: 'Nome dell’iniziativa|Negozio di prova',
      summary: 'Che cosa fa, in poche frasi|Un negozio che vende di tutto, senza legame con l’economia sociale.',
      city: 'Città o comune|Liegi',
      sector: 'Settore principale|Istruzione',
      language: 'italiano',
      email: 'Il tuo indirizzo e-mail|negozio.asker@example.org',
      consent: 'Accetto che questa iniziativa sia pubblicata nel registro: nome, descrizione, città, settore, lingue e sito web.',
      migrantLed: 'Preferisco non rispondere',
      submit: 'Invia la richiesta',
    },
    loadedAt,
  );
  await form.getByRole('status').filter({ hasText: 'Grazie: la tua richiesta è stata inviata' }).waitFor();
  await e2e.axeScan(form);

  // The moderator decides, on a phone too.
  const moderator = await e2e.node.createAccount('MODERATOR');
  const staff = await e2e.signedInContext(moderator, { lang: 'fr', width: PHONE });
  const review = await e2e.openPage('/admin/review', { lang: 'fr', context: staff });
  const cuisine = review.getByRole('listitem').filter({ hasText: 'Cuisine des Deux Rives' });
  await expect(cuisine.innerText()).resolves.toContain('Demandée sur le formulaire public');
  await expect(cuisine.innerText()).resolves.toContain('cuisine.asker@example.org');
  await e2e.axeScan(review);
  await Promise.all([
    review.waitForLoadState('load'),
    cuisine.getByRole('button', { name: 'Publier et inviter la personne qui a demandé' }).click(),
  ]);
  await review.getByRole('status').filter({ hasText: 'transmettez ce lien d’invitation' }).first().waitFor();
  const link = await review.getByLabel('Lien d’invitation').inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await e2e.axeScan(review);

  const negozio = review.getByRole('listitem').filter({ hasText: 'Negozio di prova' });
  await negozio.getByLabel('Raison du refus').fill('Ce n’est pas une initiative de l’économie sociale et solidaire.');
  await Promise.all([review.waitForLoadState('load'), negozio.getByRole('button', { name: 'Refuser' }).click()]);
  await review.getByRole('status').filter({ hasText: 'Refusée.' }).waitFor();
  await expect(review.getByRole('listitem').filter({ hasText: 'Negozio di prova' }).count()).resolves.toBe(0);

  // The person follows the link (in French, on the phone) and becomes the initiative's editor.
  const person = await e2e.newContext({ lang: 'fr', width: PHONE });
  const invitation = await e2e.openPage(new URL(link).pathname, { lang: 'fr', context: person });
  await expect(invitation.locator('main').innerText()).resolves.toContain('Cuisine des Deux Rives');
  const account: Account = { email: 'cuisine@deux-rives.example', password: 'three unrelated words here', role: 'EDITOR', initiatives: [] };
  await invitation.getByLabel('Adresse e-mail').fill(account.email);
  await invitation.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await invitation.getByLabel('Mot de passe, une seconde fois').fill(account.password);
  await invitation.getByRole('button', { name: 'Créer mon compte' }).click();
  await invitation.getByRole('heading', { level: 1, name: 'Votre compte est prêt' }).waitFor();
  await e2e.axeScan(invitation);
  const me = await e2e.node.graphql(
    '{ me { account { initiatives } } myInitiatives { state slug } }',
    {},
    { token: await e2e.node.bearerToken(account) },
  );
  expect(me.data.me.account.initiatives).toHaveLength(1);
  expect(me.data.myInitiatives).toEqual([{ state: 'PUBLISHED', slug: me.data.me.account.initiatives[0] }]);

  // Published for everyone, without the person's address.
  const page = await e2e.openPage(`/initiatives/${me.data.me.account.initiatives[0]}`, { lang: 'fr' });
  await expect(page.locator('h1').innerText()).resolves.toContain('Cuisine des Deux Rives');
  await expect(page.content()).resolves.not.toContain('cuisine.asker@example.org');
});

test('the moderator asks for changes (English, no JavaScript): unpublished, the person is invited, reads the reason and can edit', async () => {
  const asker = await e2e.newContext({ lang: 'en', width: PHONE });
  const form = await e2e.openPage('/list-your-initiative', { lang: 'en', context: asker });
  await fillAndSend(
    form,
    {
      name: 'Name of the initiative|Sewing Circle of the Two Banks',
      summary: 'What it does, in a few sentences|A cooperative sewing workshop run by newcomers in Liège, open to neighbours.',
      city: 'City or town|Liège',
      sector: 'Main sector|Education',
      language: 'English',
      email: 'Your e-mail address|sewing.asker@example.org',
      consent: 'I agree that this initiative is published in the registry: its name, description, city, sector, languages and website.',
      migrantLed: 'I prefer not to say',
      submit: 'Send the request',
    },
    Date.now(),
  );
  await form.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();

  const moderator = await e2e.node.createAccount('MODERATOR');
  const staff = await e2e.signedInContext(moderator, { lang: 'en', width: PHONE, javaScriptEnabled: false });
  const review = await e2e.openPage('/admin/review', { lang: 'en', context: staff });
  const item = () => review.getByRole('listitem').filter({ hasText: 'Sewing Circle of the Two Banks' });
  // Without a reason: refused at its field, linked from the error summary.
  await Promise.all([
    review.waitForLoadState('load'),
    item().getByRole('button', { name: 'Ask for changes and invite the person' }).click(),
  ]);
  await expect(review.getByRole('alert').getByRole('link').first().getAttribute('href')).resolves.toMatch(/^#ask-/);
  const reason = 'Please add your opening hours and say whether the workshops are free.';
  await item().getByLabel('Changes asked for').fill(reason);
  await Promise.all([
    review.waitForLoadState('load'),
    item().getByRole('button', { name: 'Ask for changes and invite the person' }).click(),
  ]);
  await expect(review.getByRole('status').first().innerText()).resolves.toContain('Sent back to draft, not published');
  await expect(review.getByRole('status').first().innerText()).resolves.toContain(reason);
  const link = await review.getByLabel('Invitation link').inputValue();
  await expect(item().count()).resolves.toBe(0);
  await e2e.axeScan(review);

  // The person accepts and finds the reason on the initiative's page; it is not public.
  const account: Account = { email: 'sewing@two-banks.example', password: 'three unrelated words here', role: 'EDITOR', initiatives: [] };
  const invitation = await e2e.openPage(new URL(link).pathname, { lang: 'en', context: asker });
  await invitation.getByLabel('E-mail address').fill(account.email);
  await invitation.getByLabel('Password', { exact: true }).fill(account.password);
  await invitation.getByLabel('Password again').fill(account.password);
  await invitation.getByRole('button', { name: 'Create my account' }).click();
  await invitation.getByRole('heading', { level: 1, name: 'Your account is ready' }).waitFor();
  const token = await e2e.node.bearerToken(account);
  const me = await e2e.node.graphql('{ myInitiatives { state slug } }', {}, { token });
  expect(me.data.myInitiatives).toEqual([{ state: 'DRAFT', slug: expect.any(String) }]);
  const slug = me.data.myInitiatives[0].slug;
  const editor = await e2e.signedInContext(account, { lang: 'en', width: PHONE });
  const page = await e2e.openPage(`/account/initiatives/${slug}`, { lang: 'en', context: editor });
  await expect(page.locator('blockquote').first().innerText()).resolves.toBe(reason);
  await e2e.axeScan(page);
  await e2e.openPage(`/initiatives/${slug}`, { lang: 'en', status: 404 });
});

test('a bot that fills every field at once is refused, in words a person can act on', async () => {
  const context = await e2e.newContext({ lang: 'en', width: PHONE, javaScriptEnabled: false });
  const page = await e2e.openPage('/list-your-initiative', { lang: 'en', context });
  // A bot fills the hidden field too, and sends at once.
  await page.locator('#listing-homepage').evaluate((input: HTMLInputElement) => (input.value = 'https://spam.example'));
  await page.getByLabel('Name of the initiative').fill('Cheap pills');
  await page.getByLabel('What it does, in a few sentences').fill('Buy cheap pills now, the best offers on the web.');
  await page.getByLabel('City or town').fill('Anywhere');
  await page.getByLabel('Main sector').selectOption({ index: 1 });
  await page.getByLabel('Your e-mail address').fill('bot@spam.example');
  await page.getByLabel(/I agree that this initiative is published/).check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Send the request' }).click()]);
  await expect(page.getByRole('alert').innerText()).resolves.toContain('The request was not accepted. Reload the page');
  await expect(page.getByRole('status').count()).resolves.toBe(0);
});
