// Issue 15 across the network, as people do it on the site: an official in Milan posts a sourcing
// request (English, without JavaScript); it reaches Liège, a partner, which matches it against its
// own initiatives and tells Univerbal's editor, and Milan's official sees whom Liège told; the
// editor answers on a phone (French, without JavaScript); the answer travels back to Milan, where
// the official shortlists it and downloads the shortlist. Then an initiative's need meets a city's offer on one node: Atemos's editor posts
// a need for storage on a phone, the City publishes an offer of storage, and the editor is told
// of the offer and answers it.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';
import { eventually, follow, notices } from './support/partners.ts';

const e2e = useE2E();
const PHONE = 390;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const submit = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).click()]);

test('a sourcing request posted in Milan reaches Univerbal’s editor in Liège, who answers; Milan’s official shortlists the answer and downloads it', async () => {
  const milan = await e2e.startPartner({ handle: 'milan' });
  await follow(e2e.node, milan);
  const official = await milan.createAccount('MODERATOR');
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });

  // Milan's official posts the request on Milan's site, without JavaScript.
  const milanContext = await e2e.signedInContext(official, { lang: 'en', javaScriptEnabled: false, node: milan });
  const form = await e2e.openPage(`${milan.url}/account/market/new?kind=request`, { lang: 'en', context: milanContext });
  await form.getByLabel('Title', { exact: true }).fill('Remote interpreting for a reception project in Liège');
  await form.getByLabel('Summary').fill('Who can interpret Arabic and Tigrinya by video for social workers, about 10 hours a month?');
  await form.getByLabel('Name of the organisation').fill('Comune di Milano, Politiche sociali');
  await form.getByRole('group', { name: 'Kind of request' }).getByRole('radio', { name: 'Sourcing' }).check();
  await form.getByRole('group', { name: 'The buyer’s intent' }).getByRole('radio', { name: 'Social clause' }).check();
  await form.getByRole('group', { name: 'Sectors' }).getByRole('checkbox', { name: 'Health, Social Care & Wellbeing' }).check();
  await form.getByLabel('Country').selectOption('BE');
  await form.getByLabel('City or municipality').fill('Liège');
  await form.getByLabel('Deadline').fill(inDays(20));
  await submit(form, 'Save the draft');
  const handle = /\/account\/market\/([^/?]+)\?created$/.exec(form.url())?.[1];
  expect(handle, form.url()).toBeTruthy();
  await submit(form, 'Send for review');
  await submit(form, 'Approve and publish');
  await form.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
  await e2e.axeScan(form);

  // Liège holds the copy, matches it against its own initiatives and tells Univerbal's editor.
  const told = await eventually('the notice to Univerbal’s editor in Liège', async () =>
    (await notices(e2e.node, editor)).find((notice) => notice.kind === 'MARKET_MATCHED'),
  );
  // A partner's record is named by its IRI too: handles are unique per node only.
  expect(told.path).toMatch(/\/answer\?initiative=univerbal&record=/);
  // Milan's official already sees whom Liège told, with the date, before anyone opened it (ADR 0055).
  const followPath = `${milan.url}/market/${handle}/follow`;
  const followPage = await e2e.openPage(followPath, { lang: 'en', context: milanContext });
  const row = () => followPage.getByRole('row').filter({ hasText: 'Univerbal' });
  await eventually('Univerbal told, in Milan', async () => {
    if ((await row().filter({ hasText: 'Not opened yet' }).count()) > 0) return true;
    await followPage.reload();
    return false;
  });
  await expect(row().innerText()).resolves.not.toContain('Told by its own node');
  // Liège told Univerbal and the other initiatives of its own that match; none opened it yet.
  await expect(followPage.locator('main').innerText()).resolves.toMatch(/Told: [1-9]\d*\s+Opened: 0/);
  const liegeBoard = await e2e.openPage('/market?kind=request', { lang: 'fr', javaScriptEnabled: false });
  await expect(liegeBoard.locator('main').innerText()).resolves.toContain('Remote interpreting for a reception project in Liège');

  // The editor, on a phone, in French, without JavaScript: the notice, then the answer.
  const french = await e2e.signedInContext(editor, { lang: 'fr', width: PHONE, javaScriptEnabled: false });
  const inbox = await e2e.openPage('/account/notifications', { lang: 'fr', context: french });
  const notice = inbox.getByRole('listitem').filter({ hasText: 'Une demande ou une offre a été envoyée à univerbal' });
  await Promise.all([
    inbox.waitForURL((url) => url.pathname.endsWith('/answer') && url.searchParams.get('initiative') === 'univerbal'),
    notice.getByRole('link', { name: 'Ouvrir et répondre' }).click(),
  ]);
  const answer = inbox;
  // Written in English, read in French: marked as such.
  await expect(answer.locator('h1').innerText()).resolves.toBe('Remote interpreting for a reception project in Liège (en anglais)');
  await e2e.axeScan(answer);
  await answer.getByLabel('Intéressés').check();
  await answer.getByLabel(/^Votre message/).fill('Nous interprétons en arabe et en tigrinya par vidéo, dès le mois prochain.');
  await submit(answer, 'Envoyer la réponse');
  await expect(answer.getByRole('status').innerText()).resolves.toContain('Votre réponse a été envoyée : Intéressés.');

  // Back in Milan: the answer arrived; the official shortlists it and downloads the shortlist.
  await eventually('Univerbal’s answer in Milan', async () => {
    if ((await row().filter({ hasText: 'Interested' }).count()) > 0) return true;
    await followPage.reload();
    return false;
  });
  await expect(row().innerText()).resolves.toContain('Nous interprétons en arabe et en tigrinya');
  await Promise.all([followPage.waitForLoadState('load'), row().getByRole('button', { name: 'Add Univerbal to the shortlist' }).click()]);
  await expect(followPage.locator('main').innerText()).resolves.toContain('On the shortlist: 1');
  await e2e.axeScan(followPage);
  const csv = await milanContext.request.get(`${followPath}/answers.csv?shortlist=1`, { headers: { 'accept-language': 'en' } });
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await csv.body()).subarray(3).toString('utf8').split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^Univerbal,Partner node,.*,Interested,"?Nous interprétons en arabe et en tigrinya/);
});

test('an initiative’s need meets a city’s offer: the editor is told of the offer on a phone and answers it', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const moderator = await e2e.node.createAccount('MODERATOR');

  // Atemos's editor posts a need for storage, on a phone, without JavaScript.
  const phone = await e2e.signedInContext(editor, { lang: 'en', width: PHONE, javaScriptEnabled: false });
  const needForm = await e2e.openPage('/account/market/new?kind=need&initiative=atemos', { lang: 'en', context: phone });
  await needForm.getByLabel('Title', { exact: true }).fill('Storage for the sewing machines');
  await needForm.getByLabel('Summary').fill('A dry room of about 10 m² to keep six sewing machines between workshops.');
  await needForm.getByRole('group', { name: 'What is needed' }).getByRole('checkbox', { name: 'Storage space' }).check();
  await submit(needForm, 'Save the draft');
  const needHandle = /\/account\/market\/([^/?]+)\?created$/.exec(needForm.url())?.[1];
  expect(needHandle, needForm.url()).toBeTruthy();
  await submit(needForm, 'Send for review');
  const staff = await e2e.signedInContext(moderator, { lang: 'en', javaScriptEnabled: false });
  const review = await e2e.openPage(`/account/market/${needHandle}`, { lang: 'en', context: staff });
  await submit(review, 'Approve and publish');
  await review.getByRole('status').filter({ hasText: 'Approved' }).waitFor();

  // The City publishes an offer of storage: it matches the need, and the need's editor is told.
  const offerForm = await e2e.openPage('/account/market/new?kind=offer', { lang: 'en', context: staff });
  await offerForm.getByLabel('Title', { exact: true }).fill('Storage room in the Saint-Léonard district, on a precarious basis');
  await offerForm.getByLabel('Summary').fill('A dry ground-floor room of 25 m², free until the building is renovated.');
  await offerForm.getByLabel('Name of the organisation').fill('Ville de Liège, Régie foncière');
  await offerForm.getByRole('group', { name: 'What is offered' }).getByRole('radio', { name: 'Premises' }).check();
  await offerForm.getByRole('group', { name: 'Kinds of premises' }).getByRole('checkbox', { name: 'Storage space' }).check();
  await submit(offerForm, 'Save the draft');
  await submit(offerForm, 'Send for review');
  await submit(offerForm, 'Approve and publish');
  await offerForm.getByRole('status').filter({ hasText: 'Approved' }).waitFor();

  await eventually('the notice to Atemos’s editor', async () =>
    (await notices(e2e.node, editor)).find((notice) => notice.kind === 'MARKET_MATCHED' && /initiative=atemos/.test(notice.path ?? '')),
  );
  const inbox = await e2e.openPage('/account/notifications', { lang: 'en', context: phone });
  const notice = inbox.getByRole('listitem').filter({ hasText: 'atemos' }).first();
  await Promise.all([inbox.waitForURL('**/answer?initiative=atemos'), notice.getByRole('link', { name: 'Open and answer' }).click()]);
  await expect(inbox.locator('h1').innerText()).resolves.toBe('Storage room in the Saint-Léonard district, on a precarious basis');
  await inbox.getByLabel('Interested').check();
  await submit(inbox, 'Send the answer');
  await expect(inbox.getByRole('status').innerText()).resolves.toContain('Interested');
  await e2e.axeScan(inbox);
});
