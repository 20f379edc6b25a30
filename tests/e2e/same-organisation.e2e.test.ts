// Same organisation on two nodes (issue 17 point 8, ADR 0052), as a Liège moderator does it:
// Milan lists 100PAP too (same website); Liège's /admin/duplicates shows both listings side by
// side with the reason in words; confirmed in French without JavaScript, the search page shows
// one entry naming Milan; then in English with JavaScript the link is undone. Axe on each page.
import { beforeAll, expect, test } from 'vitest';
import { useE2E, type Account, type E2ENode } from './support/harness.ts';
import { makePartners, until } from './support/partners.ts';

const e2e = useE2E();

/** Milan publishes its own listing of 100PAP (the same website as Liège's), through the API. */
async function milanLists100pap(milan: E2ENode): Promise<void> {
  const token = await milan.bearerToken(milan.admin);
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await milan.graphql(query, variables, { token });
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };
  const created = await gql(
    `mutation { createInitiative(input: { handle: "cento-pap", originalLanguage: "it", legalForm: "L1", primarySector: "AM90",
      name: [{ language: "it", text: "100PAP Milano" }], summary: [{ language: "it", text: "Sportello di accompagnamento a Milano." }],
      website: "https://www.100pap.be", location: { locality: "Milano", country: "IT", precision: CITY } })
      { record { ... on InitiativeDraft { id version } } error { message } } }`,
  );
  expect(created.createInitiative.error).toBeNull();
  const { id, version } = created.createInitiative.record;
  const submitted = await gql(
    'mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { record { ... on InitiativeDraft { version } } error { message } } }',
    {
      id,
      v: version,
    },
  );
  expect(submitted.submitForReview.error).toBeNull();
  const approved = await gql('mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { error { message } } }', {
    id,
    v: submitted.submitForReview.record.version,
  });
  expect(approved.approve.error).toBeNull();
}

let moderator: Account;

beforeAll(async () => {
  const liege = e2e.node;
  const milan = await e2e.startPartner({ handle: 'milan' });
  await makePartners(liege, milan);
  await milanLists100pap(milan);
  moderator = await liege.createAccount('MODERATOR');
  const token = await liege.bearerToken(moderator);
  await until(async () => ((await liege.graphql('{ duplicatePairs { id } }', {}, { token })).data?.duplicatePairs?.length ?? 0) > 0);
}, 120_000);

test('a moderator sees the pair side by side with its reason and confirms it, in French without JavaScript', async () => {
  const context = await e2e.signedInContext(moderator, { lang: 'fr', javaScriptEnabled: false });
  const admin = await e2e.openPage('/admin/duplicates', { context });
  await expect(admin.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Doublons probables');
  const card = admin.getByRole('region', { name: 'Paires à examiner' }).getByRole('article').filter({ hasText: '100PAP Milano' });
  const text = await card.innerText();
  expect(text).toContain('Même site web : 100pap.be');
  expect(text).toContain('Fiche de ce registre');
  expect(text).toContain('Fiche du registre de Milan');
  expect(text).toContain('100PAP Liège');
  await e2e.axeScan(admin);
  await e2e.screenshot(admin, 'admin-duplicates', { readme: true });
  await Promise.all([admin.waitForLoadState('load'), card.getByRole('button', { name: 'Même organisation : lier les fiches' }).click()]);
  await expect(admin.getByRole('status').innerText()).resolves.toContain('Les deux fiches sont liées.');
  await expect(admin.getByRole('region', { name: 'Fiches liées' }).innerText()).resolves.toContain('100PAP Milano');
  await e2e.axeScan(admin);
}, 120_000);

test('search shows the organisation once, naming the other city, without JavaScript', async () => {
  const liege = e2e.node;
  await until(async () => {
    const answer = await liege.graphql('{ search(input: { text: "100PAP Milano" }) { edges { sameAs { nodeHandle } } } }');
    return answer.data?.search.edges.some((e: { sameAs: unknown[] }) => e.sameAs.length > 0) ?? false;
  });
  const search = await e2e.openPage('/search?q=100PAP', { lang: 'fr', javaScriptEnabled: false });
  // Other listings mention 100PAP too; the organisation's own entries are those named so.
  const results = search.getByRole('article').filter({ has: search.getByRole('heading', { name: /^100PAP (Liège|Milano)$/ }) });
  await expect(results.count()).resolves.toBe(1);
  await expect(results.innerText()).resolves.toContain('Aussi répertoriée à : Milano (registre de Milan)');
  await e2e.axeScan(search);
}, 120_000);

test('a moderator undoes the link, in English with JavaScript', async () => {
  const english = await e2e.signedInContext(moderator, { lang: 'en' });
  const page = await e2e.openPage('/admin/duplicates', { context: english });
  const linked = page.getByRole('region', { name: 'Linked listings' }).getByRole('article').filter({ hasText: '100PAP Milano' });
  await expect(linked.innerText()).resolves.toContain('Same website: 100pap.be');
  await Promise.all([page.waitForLoadState('load'), linked.getByRole('button', { name: 'Undo the link' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('The link is undone.');
  await expect(page.getByRole('region', { name: 'Linked listings' }).innerText()).resolves.toContain('No pairs at the moment.');
  await e2e.axeScan(page);
}, 120_000);
