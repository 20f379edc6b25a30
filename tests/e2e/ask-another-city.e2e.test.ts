// Issue 16 point 3, as people do it on the site: Milan has no one-stop shop (practice type 4);
// from the type's comparison page, Milan's staff ask Liège how it does it (in Italian, without
// JavaScript); Liège's moderator is told and answers with Liège's practice and a note (in French,
// with JavaScript); Milan's staff then see the answer, linked to Liège's practice.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';
import { eventually, follow, notices } from './support/partners.ts';

const e2e = useE2E();
const submit = (page: Page, name: string) => Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).click()]);

test('Milan’s staff ask Liège how it runs a one-stop shop; Liège’s moderator answers with a practice; Milan sees it', async () => {
  const liege = e2e.node;
  const milan = await e2e.startPartner({ handle: 'milan' });
  await follow(milan, liege);
  // Milan holds Liège's practices (backfill) before its comparison page can offer Liège.
  await eventually('Liège’s one-stop shop on Milan', async () => {
    const held = await milan.graphql<{ goodPractices: { totalCount: number } }>(
      '{ goodPractices(filter: { practiceType: ["PT4"] }) { totalCount } }',
    );
    return (held.data?.goodPractices.totalCount ?? 0) > 0;
  });
  const official = await milan.createAccount('MODERATOR');
  const moderator = await liege.createAccount('MODERATOR');

  // Milan, in Italian, without JavaScript: from the comparison to the question.
  const milanContext = await e2e.signedInContext(official, { lang: 'it', javaScriptEnabled: false, node: milan });
  const comparison = await e2e.openPage(`${milan.url}/practice-types/PT4`, { lang: 'it', context: milanContext });
  await Promise.all([
    comparison.waitForURL(/\/account\/city-questions\/ask\/PT4$/),
    comparison.getByRole('link', { name: /chiedete a una città partner/ }).click(),
  ]);
  const ask = comparison;
  await expect(ask.getByLabel('Città a cui chiedere').locator('option').count()).resolves.toBe(1);
  // Refused first: a question carrying a person's phone number, the summary linking to the field.
  await ask.getByLabel('La vostra domanda').fill('Potete chiamare il +39 333 123 4567?');
  await submit(ask, 'Invia la domanda');
  const summaryLink = ask.getByRole('link', { name: /contiene un indirizzo e-mail o un numero di telefono/ });
  await expect(summaryLink.getAttribute('href')).resolves.toBe('#text');
  await e2e.axeScan(ask);
  await ask.getByLabel('La vostra domanda').fill('Come organizzate lo sportello unico per i nuovi arrivati, e con quali partner?');
  await Promise.all([ask.waitForURL(/\/account\/city-questions\?asked=1$/), ask.getByRole('button', { name: 'Invia la domanda' }).click()]);
  await expect(ask.getByRole('status').innerText()).resolves.toContain('La vostra domanda è stata inviata.');
  await expect(ask.locator('main').innerText()).resolves.toContain('In attesa di risposta');

  // Liège, in French, with JavaScript: the notice, then the answer with Liège's practice.
  const told = await eventually('the notice in Liège', async () =>
    (await notices(liege, moderator)).find((n) => n.kind === 'CITY_QUESTION_RECEIVED'),
  );
  expect(told.path).toBe('/account/city-questions');
  const liegeContext = await e2e.signedInContext(moderator, { lang: 'fr' });
  const inbox = await e2e.openPage('/account/notifications', { lang: 'fr', context: liegeContext });
  await Promise.all([inbox.waitForURL(/\/account\/city-questions$/), inbox.getByRole('link', { name: 'Répondre' }).first().click()]);
  const received = inbox;
  await expect(received.locator('main').innerText()).resolves.toContain('Come organizzate lo sportello unico');
  const practice = received.getByLabel('Une de vos pratiques de ce type');
  await practice.selectOption({ index: 1 });
  const practiceTitle = (await practice.locator('option:checked').innerText()).trim();
  await received.getByLabel('Une note').fill('Le guichet est porté par la Ville et le CPAS ; notre fiche dit avec quels partenaires.');
  await submit(received, 'Envoyer la réponse');
  await expect(received.getByRole('status').innerText()).resolves.toContain('Votre réponse est envoyée');
  await e2e.axeScan(received);

  // Back in Milan: the answer, linked to Liège's practice.
  const questions = await e2e.openPage(`${milan.url}/account/city-questions`, { lang: 'it', context: milanContext });
  await eventually('Liège’s answer in Milan', async () => {
    if ((await questions.getByRole('heading', { name: /^Risposta di / }).count()) > 0) return true;
    await questions.reload();
    return false;
  });
  const answer = questions.getByRole('article').filter({ hasText: 'Risposta di' });
  await expect(answer.getByRole('link', { name: practiceTitle }).count()).resolves.toBe(1);
  await expect(answer.innerText()).resolves.toContain('notre fiche dit avec quels partenaires');
  await e2e.axeScan(questions);
  await e2e.screenshot(questions, 'ask-another-city', { readme: true });
});
