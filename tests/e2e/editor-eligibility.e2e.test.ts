// An initiative says what public buyers need to know (issue 15 point 3), on a phone: an editor of
// Univerbal adds a ground for reserved contracts with its proof in French without JavaScript (a
// proof dated tomorrow is refused beside its field, in French, with what was typed kept), a past
// contract and a team size band; then the proof in Italian with JavaScript. Once published, the
// public page shows it and the search finds it by the "eligible for reserved contracts" filter.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 360;

const EVIDENCE_FR = 'Agrément « entreprise d’insertion » de la Région wallonne';
const EVIDENCE_IT = 'Accreditamento come impresa di inserimento, Regione vallona';
const CONTRACT_FR = 'Interprétariat social pour les primo-arrivants';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let editor: Account;

async function press(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).first().click()]);
}

test('a ground for reserved contracts with its proof, a past contract and a team size, in French, without JavaScript, on a phone', async () => {
  editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const context = await e2e.signedInContext(editor, { lang: 'fr', javaScriptEnabled: false, width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal', { context });
  await Promise.all([
    page.waitForURL('**/account/initiatives/univerbal/eligibility'),
    page.getByRole('navigation', { name: 'Parties de la fiche' }).getByRole('link', { name: 'Marchés publics' }).click(),
  ]);
  await page.goto(`${e2e.node.url}/account/initiatives/univerbal/eligibility?in=fr`);
  await expect(page.locator('h1').innerText()).resolves.toBe('Marchés publics — textes en français');

  await press(page, 'Ajouter une base de marché réservé');
  const ground = page.getByRole('group', { name: 'Base 1', exact: true });
  // A Belgian initiative is offered the EU articles and the Belgian statuses, not another country's.
  await expect(ground.getByRole('radio', { name: 'Coopérative sociale de type B (Italie)' }).count()).resolves.toBe(0);
  await ground.getByRole('radio', { name: "Entreprise d'insertion agréée par une Région (Belgique)" }).check();
  await ground.getByLabel('Preuve', { exact: true }).fill(EVIDENCE_FR);
  await ground.getByLabel('Date de la preuve').fill(day(1));
  await press(page, 'Ajouter un marché');
  const contract = page.getByRole('group', { name: 'Marché 1', exact: true });
  // What was typed in the ground is kept by the round trip.
  await expect(page.getByRole('group', { name: 'Base 1', exact: true }).getByLabel('Preuve', { exact: true }).inputValue()).resolves.toBe(
    EVIDENCE_FR,
  );
  await contract.getByLabel('Organisation acheteuse').fill('CPAS de Liège');
  await contract.getByLabel('Année', { exact: true }).fill('2024');
  await contract.getByLabel('Ce qui a été réalisé').fill(CONTRACT_FR);
  await contract.getByLabel('L’acheteur est une autorité publique').check();
  await page.getByRole('radio', { name: '5 à 9 personnes' }).check();
  await e2e.axeScan(page);

  await press(page, 'Enregistrer les marchés publics (français)');
  const future = 'Cette date est dans le futur : donnez le jour où la preuve a été délivrée ou vérifiée.';
  await expect(page.getByRole('alert').innerText()).resolves.toContain(future);
  await expect(page.getByRole('link', { name: future }).getAttribute('href')).resolves.toBe('#gr-0-date');
  const refused = page.getByRole('group', { name: 'Base 1', exact: true });
  await expect(refused.getByLabel('Date de la preuve').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(refused.getByLabel('Preuve', { exact: true }).inputValue()).resolves.toBe(EVIDENCE_FR);
  await expect(page.getByRole('group', { name: 'Marché 1', exact: true }).getByLabel('Ce qui a été réalisé').inputValue()).resolves.toBe(
    CONTRACT_FR,
  );
  await e2e.axeScan(page);

  await refused.getByLabel('Date de la preuve').fill(day(-10));
  await press(page, 'Enregistrer les marchés publics (français)');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Enregistré.');
  const saved = page.getByRole('group', { name: 'Base 1', exact: true });
  await expect(saved.getByRole('radio', { name: "Entreprise d'insertion agréée par une Région (Belgique)" }).isChecked()).resolves.toBe(
    true,
  );
  await expect(page.getByRole('radio', { name: '5 à 9 personnes' }).isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);
});

test('the proof in Italian, with JavaScript: the other language is kept', async () => {
  const context = await e2e.signedInContext(editor, { lang: 'it', width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal/eligibility?in=it', { context });
  const ground = page.getByRole('group', { name: 'Base 1', exact: true });
  const evidence = ground.getByLabel('Prova', { exact: true });
  await expect(evidence.getAttribute('lang')).resolves.toBe('it');
  await expect(evidence.inputValue()).resolves.toBe('');
  await evidence.fill(EVIDENCE_IT);
  await press(page, /Salva gli appalti pubblici/);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Salvat');
  await expect(page.getByRole('group', { name: 'Base 1', exact: true }).getByLabel('Prova', { exact: true }).inputValue()).resolves.toBe(
    EVIDENCE_IT,
  );
  await e2e.axeScan(page);
  const token = await e2e.node.bearerToken(e2e.node.admin);
  const { data } = await e2e.node.graphql('{ editableInitiative(slug: "univerbal") { record } }', {}, { token });
  expect(data.editableInitiative.record.eligibility[0].evidence).toEqual({ fr: EVIDENCE_FR, it: EVIDENCE_IT });
});

test('once published, the public page shows it and the search filter finds it', async () => {
  const token = await e2e.node.bearerToken(e2e.node.admin);
  const { data } = await e2e.node.graphql('{ editableInitiative(slug: "univerbal") { version } }', {}, { token });
  const submitted = await e2e.node.graphql(
    'mutation($v: Int!) { submitForReview(id: "univerbal", version: $v) { record { ... on InitiativeDraft { version } } error { message } } }',
    { v: data.editableInitiative.version },
    { token },
  );
  expect(submitted.data.submitForReview.error).toBeNull();
  const approved = await e2e.node.graphql(
    'mutation($v: Int!) { approve(id: "univerbal", version: $v) { error { message } } }',
    { v: submitted.data.submitForReview.record.version },
    { token },
  );
  expect(approved.data.approve.error).toBeNull();

  const french = await e2e.openPage('/initiatives/univerbal', { lang: 'fr', javaScriptEnabled: false, width: PHONE });
  const contracts = await french.locator('section[aria-labelledby="public-contracts-heading"]').innerText();
  expect(contracts).toContain("Entreprise d'insertion agréée par une Région (Belgique)");
  expect(contracts).toContain('Met en œuvre : Article 20 (UE)');
  expect(contracts).toContain(EVIDENCE_FR);
  expect(contracts).toContain(CONTRACT_FR);
  expect(contracts).toContain('5 à 9 personnes');
  expect(contracts).not.toContain('À confirmer');
  await e2e.axeScan(french);

  const search = await e2e.openPage('/search?reservedArticle=eu-art20', { lang: 'fr', javaScriptEnabled: false, width: PHONE });
  const filter = search.getByRole('group', { name: 'Éligible aux marchés réservés' });
  await expect(filter.getByRole('checkbox', { name: /Article 20 \(UE\)/ }).isChecked()).resolves.toBe(true);
  await expect(search.locator('main').innerText()).resolves.toContain('Univerbal');
  await e2e.axeScan(search);

  const italian = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE });
  await expect(italian.locator('section[aria-labelledby="public-contracts-heading"]').innerText()).resolves.toContain(EVIDENCE_IT);
  await e2e.axeScan(italian);

  // The README's picture: the section on a wide screen, where the form starts within the top of the page.
  const wide = await e2e.signedInContext(editor, { lang: 'fr', width: 1280 });
  await e2e.screenshot(
    await e2e.openPage('/account/initiatives/univerbal/eligibility?in=fr', { context: wide }),
    'editor-public-contracts',
    {
      readme: true,
    },
  );
});
