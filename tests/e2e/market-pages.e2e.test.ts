// The market pages (issue 15 point 6): a staff member posts a city's offer and publishes it, in
// French with JavaScript on a phone; an initiative's editor posts a need from the initiative's
// pages, in English without JavaScript on a phone, and its page then shows it; the public board
// filters by kind, sector, place and closing day (a wrong day refused beside its field, in Arabic
// too); the Atom feed of requests per sector is valid Atom (parsed), linked from the board.
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 360;

async function as(account: Account, query: string, variables: Record<string, unknown> = {}) {
  const answer = await e2e.node.graphql(query, variables, { token: await e2e.node.bearerToken(account) });
  const result = Object.values(answer.data ?? {})[0] as { error?: unknown } | undefined;
  if (!answer.data || result?.error) throw new Error(`${query} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const submit = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).click()]);

test('en français, avec JavaScript, sur un téléphone : le personnel publie une offre de locaux de la Ville', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  const context = await e2e.signedInContext(moderator, { lang: 'fr', width: PHONE });
  const list = await e2e.openPage('/admin/market', { lang: 'fr', context });
  // The seeded offers are the staff's to manage.
  await expect(list.getByRole('link', { name: /Ville de Liège : un bail emphytéotique/ }).count()).resolves.toBe(1);
  await Promise.all([list.waitForURL('**/account/market/new?kind=offer'), list.getByRole('link', { name: 'Publier une offre' }).click()]);
  const page = list;
  await page.waitForFunction(() => document.querySelector('#mkt-lending input[type=search], #mkt-sectors input[type=search]') !== null); // hydrated
  await expect(page.getByLabel('Ville ou commune').inputValue()).resolves.toBe('Liège');

  // Without a title nor a kind of offer: refused, each beside its field and in the summary, nothing typed lost.
  await page.getByLabel('Nom de l’organisation').fill('Ville de Liège, Régie foncière');
  await page.getByLabel('Résumé').fill('Une salle de réunion libre le mardi soir, en attendant des travaux.');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  await expect(summary.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(2);
  await expect(page.locator('#mkt-title-error').innerText()).resolves.toContain('Remplissez ce champ.');
  await expect(page.locator('#mkt-offer-kind-error').count()).resolves.toBe(1);
  await expect(page.getByLabel('Nom de l’organisation').inputValue()).resolves.toBe('Ville de Liège, Régie foncière');
  await e2e.axeScan(page);

  await page.getByLabel('Titre', { exact: true }).fill('Salle de réunion au centre, à titre précaire');
  await page.getByRole('group', { name: 'Ce qui est offert' }).getByRole('radio', { name: 'Locaux' }).check();
  await page
    .getByRole('group', { name: 'Formes de mise à disposition' })
    .getByRole('checkbox', { name: 'Occupation à titre précaire' })
    .check();
  await Promise.all([
    page.waitForURL(/\/account\/market\/salle-de-reunion-au-centre[^/]*\?created/),
    page.getByRole('button', { name: 'Enregistrer le brouillon' }).click(),
  ]);
  await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();
  await submit(page, 'Envoyer en relecture');
  await page.getByRole('status').filter({ hasText: 'Envoyée en relecture' }).waitFor();
  await submit(page, 'Approuver et publier');
  await page.getByRole('status').filter({ hasText: 'Approuvée' }).waitFor();
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'market-manage-offer', { readme: true });

  // Public on the board, on its page and on the city's page.
  const board = await e2e.openPage('/market?kind=offer', { lang: 'fr', width: PHONE });
  await expect(board.getByRole('link', { name: 'Salle de réunion au centre, à titre précaire' }).count()).resolves.toBe(1);
  await Promise.all([
    board.waitForURL('**/market/salle-de-reunion-au-centre*'),
    board.getByRole('link', { name: 'Salle de réunion au centre, à titre précaire' }).click(),
  ]);
  await expect(board.locator('main').innerText()).resolves.toContain('Occupation à titre précaire');
  await e2e.axeScan(board);
  const city = await e2e.openPage('/nodes/liege', { lang: 'fr' });
  await expect(
    city
      .getByRole('region', { name: 'Offres de la ville et des organisations' })
      .getByRole('link', { name: 'Salle de réunion au centre, à titre précaire' })
      .count(),
  ).resolves.toBe(1);
});

test('in English, without JavaScript, on a phone: an editor posts a need of the initiative, and its page shows it once approved', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const context = await e2e.signedInContext(editor, { lang: 'en', width: PHONE, javaScriptEnabled: false });
  const page = await e2e.openPage('/account/initiatives/atemos', { lang: 'en', context });
  await Promise.all([
    page.waitForURL('**/account/initiatives/atemos/market'),
    page.getByRole('link', { name: 'Needs and openings' }).click(),
  ]);
  // The seeded survey need is there, published.
  await expect(page.getByRole('link', { name: /Atemos : un local pour les ateliers/ }).count()).resolves.toBe(1);
  await Promise.all([
    page.waitForURL('**/account/market/new?kind=need&initiative=atemos'),
    page.getByRole('link', { name: 'Post a need' }).click(),
  ]);

  await page.getByLabel('Language you write in').selectOption('en');
  await page.getByLabel('Title').fill('A van to carry the sewing machines');
  await page.getByLabel('Summary').fill('Once a month, to move the workshop between two rooms.');
  await page.getByRole('group', { name: 'What is needed' }).getByRole('checkbox', { name: 'Equipment' }).check();
  // An expiry two years ahead: refused beside the field, saying the latest day.
  await page.getByLabel('Public until').fill(inDays(730));
  await submit(page, 'Save the draft');
  await page.getByRole('alert').waitFor();
  await expect(page.locator('#mkt-expires-error').innerText()).resolves.toContain(
    'Choose a day at most a year from today; you can renew the notice then.',
  );
  await expect(page.getByLabel('Title').inputValue()).resolves.toBe('A van to carry the sewing machines');
  await e2e.axeScan(page);

  await page.getByLabel('Public until').fill(inDays(60));
  await submit(page, 'Save the draft');
  expect(page.url()).toMatch(/\/account\/market\/a-van-to-carry-the-sewing-machines\?created$/);
  await submit(page, 'Send for review');
  await page.getByRole('status').filter({ hasText: 'Sent for review' }).waitFor();
  await expect(page.getByRole('region', { name: 'Where the notice stands' }).innerText()).resolves.toContain('In review');
  // An editor cannot approve their own need: no such button.
  await expect(page.getByRole('button', { name: 'Approve and publish' }).count()).resolves.toBe(0);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'market-editor-need-phone');

  const draft = (await as(e2e.node.admin, '{ editableMarketRecord(slug: "a-van-to-carry-the-sewing-machines") { id version } }'))
    .editableMarketRecord;
  await as(e2e.node.admin, 'mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { error { code message } } }', {
    id: draft.id,
    v: draft.version,
  });
  const initiative = await e2e.openPage('/initiatives/atemos', { lang: 'en', width: PHONE, javaScriptEnabled: false });
  const section = initiative.getByRole('region', { name: 'Its needs and openings' });
  await expect(section.getByRole('link', { name: 'A van to carry the sewing machines' }).count()).resolves.toBe(1);
  await expect(section.getByRole('link', { name: /Atemos: premises for the sewing/ }).count()).resolves.toBe(1);
  await e2e.axeScan(initiative);
});

test('in English, without JavaScript: the staff post a buyer’s request for quotes with a social clause, and it shows in its sector’s feed', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  const context = await e2e.signedInContext(moderator, { lang: 'en', javaScriptEnabled: false });
  const page = await e2e.openPage('/account/market/new?kind=request', { lang: 'en', context });
  await page.getByLabel('Title', { exact: true }).fill('Interpreting for the social services');
  await page.getByLabel('Summary').fill('About 20 hours a month of social interpreting, in Arabic and Pashto.');
  await page.getByLabel('Name of the organisation').fill('City of Liège, social services');
  await page.getByRole('group', { name: 'Kind of request' }).getByRole('radio', { name: 'Request for quotes' }).check();
  await page.getByRole('group', { name: 'The buyer’s intent' }).getByRole('radio', { name: 'Social clause' }).check();
  await page.getByLabel('CPV codes').fill('79540000-1');
  await page.getByRole('group', { name: 'Estimated value' }).getByRole('radio', { name: 'Under €30,000' }).check();
  await page.getByRole('group', { name: 'Sectors' }).getByRole('checkbox', { name: 'Health, Social Care & Wellbeing' }).check();
  // A deadline after the notice's end: refused beside the deadline, the rest kept.
  await page.getByLabel('Deadline').fill(inDays(200));
  await submit(page, 'Save the draft');
  await expect(page.locator('#mkt-deadline-error').innerText()).resolves.toContain(
    'The deadline must be on or before the day the notice stops being public: move it earlier, or the end of publication later.',
  );
  await expect(page.getByLabel('CPV codes').inputValue()).resolves.toBe('79540000-1');
  await e2e.axeScan(page);
  await page.getByLabel('Deadline').fill(inDays(20));
  await submit(page, 'Save the draft');
  expect(page.url()).toMatch(/\/account\/market\/interpreting-for-the-social-services\?created$/);
  await submit(page, 'Send for review');
  await submit(page, 'Approve and publish');
  await page.getByRole('status').filter({ hasText: 'Approved' }).waitFor();

  const record = await e2e.openPage('/market/interpreting-for-the-social-services', { lang: 'en', javaScriptEnabled: false });
  const facts = await record.locator('main').innerText();
  for (const fact of ['Request for quotes', 'Social clause', '79540000-1', 'Under €30,000', 'City of Liège, social services'])
    expect(facts).toContain(fact);
  await e2e.axeScan(record);
  const feed = await (await fetch(`${e2e.node.url}/market/feed.atom?sector=AM80`)).text();
  expect(feed).toContain('Interpreting for the social services');
});

test('en français, avec JavaScript, sur un téléphone : une éditrice publie une place de bénévolat de l’initiative', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const context = await e2e.signedInContext(editor, { lang: 'fr', width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal/market', { lang: 'fr', context });
  await Promise.all([
    page.waitForURL('**/account/market/new?kind=opening&initiative=univerbal'),
    page.getByRole('link', { name: 'Publier une place ouverte' }).click(),
  ]);
  await page.waitForFunction(() => document.querySelector('#mkt-sectors input[type=search]') !== null); // hydrated
  await page.getByLabel('Titre', { exact: true }).fill('Interprètes bénévoles en pachto');
  await page.getByLabel('Résumé').fill('Deux interprètes de plus pour les permanences du mercredi.');
  await page.getByRole('group', { name: 'Type de place' }).getByRole('radio', { name: 'Bénévolat' }).check();
  await page.getByLabel('Nombre de places').fill('deux');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await page.getByRole('alert').waitFor();
  await expect(page.locator('#mkt-places-error').innerText()).resolves.toContain('nombre entier');
  await page.getByLabel('Nombre de places').fill('2');
  await Promise.all([
    page.waitForURL('**/account/market/interpretes-benevoles-en-pachto?created'),
    page.getByRole('button', { name: 'Enregistrer le brouillon' }).click(),
  ]);
  await submit(page, 'Envoyer en relecture');
  await page.getByRole('status').filter({ hasText: 'Envoyée en relecture' }).waitFor();
  await e2e.axeScan(page);
});

test('the board filters by kind, sector, place and closing day, with a map and its list, and refuses a day that does not exist', async () => {
  const page = await e2e.openPage('/market?kind=need', { lang: 'en', javaScriptEnabled: false });
  const results = page.getByRole('region', { name: 'Open notices' });
  await expect(results.getByRole('status').innerText()).resolves.toMatch(/^\d+ notices$/);
  await expect(results.getByRole('link', { name: /Univerbal: shared premises/ }).count()).resolves.toBe(1);
  await expect(results.getByRole('link', { name: /Ville de Liège/ }).count()).resolves.toBe(0);
  // The map's list names the city; a feed link is declared for readers.
  await expect(page.getByRole('list', { name: 'Cities of the notices' }).innerText()).resolves.toContain('Liège');
  await expect(page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).resolves.toBe(
    '/market/feed.atom',
  );
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'market-board', { readme: true });

  // The form is a GET: choosing a sector and submitting narrows the list.
  await page.getByLabel('Sector').selectOption('AM30');
  await page.getByLabel('Place').selectOption('Liège');
  await submit(page, 'Show');
  expect(new URL(page.url()).searchParams.get('sector')).toBe('AM30');
  const titles = await page.getByRole('region', { name: 'Open notices' }).getByRole('heading', { level: 3 }).allInnerTexts();
  expect(titles).toEqual(['Atemos: premises for the sewing and cooking workshops']);

  // Offers that close (expire) within 100 days: every seeded offer; within 10 days: none.
  const soon = await e2e.openPage(`/market?kind=offer&closing=${inDays(10)}`, { lang: 'en' });
  await expect(soon.getByRole('region', { name: 'Open notices' }).getByRole('heading', { level: 3 }).count()).resolves.toBe(0);
  const later = await e2e.openPage(`/market?kind=offer&closing=${inDays(100)}`, { lang: 'en' });
  await expect(
    later.getByRole('region', { name: 'Open notices' }).getByRole('heading', { level: 3 }).count(),
  ).resolves.toBeGreaterThanOrEqual(7);

  // A page address that no longer leads anywhere (a stale or made-up cursor) shows the first page, without a false problem.
  const stale = await e2e.openPage('/market?kind=need&sector=AM30&after=not-a-cursor', { lang: 'en', javaScriptEnabled: false });
  await expect(stale.getByRole('alert').count()).resolves.toBe(0);
  await expect(stale.getByRole('region', { name: 'Open notices' }).getByRole('heading', { level: 3 }).allInnerTexts()).resolves.toEqual([
    'Atemos: premises for the sewing and cooking workshops',
  ]);

  // A day the calendar does not have: said beside the field and in the summary, in Arabic (right to left).
  const wrong = await e2e.openPage('/market?closing=2027-02-30', { lang: 'ar', javaScriptEnabled: false });
  await expect(wrong.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await expect(
    wrong
      .getByRole('alert')
      .getByRole('link', { name: 'هذا التاريخ غير موجود: أدخل يومًا من التقويم، مثل 31/03/2027.' })
      .getAttribute('href'),
  ).resolves.toBe('#filter-closing');
  await e2e.axeScan(wrong);
});

test('the Atom feed of open requests per sector is valid Atom, with the requests of that sector only', async () => {
  const request = {
    handle: 'catering-city-council',
    kind: 'REQUEST',
    title: [{ language: 'fr', text: 'Traiteur pour les réunions du conseil communal' }],
    summary: [{ language: 'fr', text: 'Repas pour 40 personnes une fois par mois, avec une clause sociale.' }],
    originalLanguage: 'fr',
    owner: { organisation: 'Ville de Liège, service des marchés publics' },
    sectors: ['AM60'],
    area: { country: 'BE', locality: 'Liège' },
    expiresOn: inDays(60),
    request: { requestKind: 'QUOTE', intent: 'SOCIAL_CLAUSE', deadline: inDays(30) },
  };
  const created = await as(
    e2e.node.admin,
    'mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ... on MarketRecordDraft { id version } } error { code message } } }',
    { i: request },
  );
  const { id } = created.createMarketRecord.record;
  const step = (name: string) =>
    `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { record { ... on MarketRecordDraft { version } } error { code message } } }`;
  const submitted = await as(e2e.node.admin, step('submitForReview'), { id, v: created.createMarketRecord.record.version });
  await as(e2e.node.admin, step('approve'), { id, v: submitted.submitForReview.record.version });

  const response = await fetch(`${e2e.node.url}/market/feed.atom?sector=AM60`, { headers: { 'accept-language': 'en' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
  }).parse(xml);
  const feed = parsed.feed;
  // RFC 4287: the Atom namespace; a feed has an id, a title, an updated date and an author
  // (or every entry has one); each entry an id, a title, an updated date and a link.
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toBe(`${e2e.node.url}/market/feed.atom?sector=AM60`);
  expect(feed.title).toBe('Open requests: Food');
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  expect(feed.author[0].name).toBeTruthy();
  expect(feed.link.some((l: Record<string, string>) => l['@rel'] === 'self')).toBe(true);
  expect(feed.entry).toHaveLength(1);
  const entry = feed.entry[0];
  expect(entry.id).toBe(`${e2e.node.url}/market/catering-city-council`);
  expect(entry.title['#text'] ?? entry.title).toBe('Traiteur pour les réunions du conseil communal');
  expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  expect(entry.link[0]['@href']).toBe(`${e2e.node.url}/market/catering-city-council`);
  expect(entry.category.map((c: Record<string, string>) => c['@term'])).toEqual(['AM60']);

  // Another sector's feed has no entry; a sector that does not exist is refused.
  const other = new XMLParser({ isArray: (name) => name === 'entry' }).parse(
    await (await fetch(`${e2e.node.url}/market/feed.atom?sector=AM30`)).text(),
  );
  expect(other.feed.entry ?? []).toHaveLength(0);
  expect((await fetch(`${e2e.node.url}/market/feed.atom?sector=NOPE`)).status).toBe(400);
  expect((await fetch(`${e2e.node.url}/market/feed.atom?sector=${'A'.repeat(5000)}`)).status).toBe(400);
});
