// Issue 16 point 2, where people see transfers: Milan records (through the API) that it adapts
// Liège's one-stop shop, with a first outcome; on Liège's site, read in French without
// JavaScript, the PT4 comparison shows who learned from whom as a diagram and a table saying the
// same, Liège's page says what others took from it, and /practice-types ranks the practice with
// its rule stated. Then in Italian with JavaScript, Milan's page says what Milan took, and in
// Arabic the diagram reads right to left.
import { expect, test } from 'vitest';
import { join } from 'node:path';
import { useE2E, type E2ENode } from './support/harness.ts';
import { README_SCREENSHOTS_DIR } from './support/browser.ts';
import { makePartners, until } from './support/partners.ts';

const e2e = useE2E();

/** Milan's published adoption record of the practice, written and approved by its admin through the API. */
async function milanAdapts(milan: E2ENode, practice: string): Promise<void> {
  const token = await milan.bearerToken(milan.admin);
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const answer = await milan.graphql(query, variables, { token });
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };
  const created = await gql(
    'mutation($i: AdoptionRecordInput!) { createAdoptionRecord(input: $i) { record { ... on AdoptionRecordDraft { id version } } error { message } } }',
    {
      i: {
        handle: 'sportello-unico',
        practice,
        stage: 'ADAPTING',
        stageDates: { adopting: '2026-03', adapting: '2026-09' },
        title: [{ language: 'it', text: 'Lo sportello unico di Liegi, a Milano' }],
        outcomes: [
          { value: 120, unit: 'persone', description: [{ language: 'it', text: 'Persone accolte nei primi tre mesi' }], date: '2026-12' },
        ],
        originalLanguage: 'it',
      },
    },
  );
  expect(created.createAdoptionRecord.error).toBeNull();
  const { id } = created.createAdoptionRecord.record;
  const submitted = await gql('mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { error { message } } }', {
    id,
    v: created.createAdoptionRecord.record.version,
  });
  expect(submitted.submitForReview.error).toBeNull();
  const draft = await gql('query($id: ID!) { editableAdoptionRecord(id: $id) { version } }', { id });
  const approved = await gql('mutation($id: ID!, $v: Int!) { approve(id: $id, version: $v) { error { message } } }', {
    id,
    v: draft.editableAdoptionRecord.version,
  });
  expect(approved.approve.error).toBeNull();
}

test('who learned from whom: the PT4 transfer view, the cities’ pages and the ranking, in French without JavaScript, Italian with it, and Arabic', async () => {
  const liege = e2e.node;
  const milan = await e2e.startPartner({ handle: 'milan' });
  await makePartners(liege, milan);
  const practice = `${liege.url}/practices/liege-pt4-one-stop-shop`;
  await until(async () =>
    Boolean((await milan.graphql('query($id: ID!) { goodPractice(id: $id) { id } }', { id: practice })).data?.goodPractice),
  );
  await milanAdapts(milan, practice);

  // Liège's comparison of PT4, in French, without JavaScript, once Milan's record has arrived.
  const comparison = await e2e.openPage('/practice-types/PT4', { lang: 'fr', javaScriptEnabled: false });
  const view = comparison.getByRole('region', { name: 'Qui a appris de qui' });
  const table = view.getByRole('table', { name: 'Reprises des pratiques de ce type, en tableau' });
  for (let attempt = 0; attempt < 40 && (await table.count()) === 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await comparison.reload();
  }
  const headers = await table.getByRole('columnheader').allInnerTexts();
  expect(headers).toEqual(['De (ville)', 'Pratique', 'Vers (ville)', 'Étape', 'Depuis', 'Résultats chiffrés']);
  const cells = (await table.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).map((c) => c.trim());
  expect(cells[0]).toBe('Liège');
  expect(cells[1]).toMatch(/Guichet unique/);
  expect(cells[2]).toMatch(/^Mil/);
  expect(cells.slice(3)).toEqual(["en train de l'adapter", 'septembre 2026', '1']);
  // The practice links to its page; the diagram is one image that sends readers to the table.
  await expect(table.getByRole('link', { name: /Guichet unique/ }).getAttribute('href')).resolves.toBe(
    '/practices/liege-pt4-one-stop-shop',
  );
  const diagram = view.getByRole('img', { name: /Schéma des reprises.*Le tableau qui suit donne les mêmes informations/ });
  await expect(diagram.count()).resolves.toBe(1);
  // The stage is written in the drawing and drawn by the line, never by colour alone.
  expect(await diagram.locator('text').allTextContents()).toEqual(
    expect.arrayContaining(['Liège', expect.stringMatching(/en train de l'adapter/)]),
  );
  await expect(diagram.locator('line').first().getAttribute('stroke-dasharray')).resolves.toBe('12 4 3 4');
  await expect(diagram.locator('line').first().getAttribute('stroke')).resolves.toBe('currentColor');
  await expect(view.innerText()).resolves.toContain('Légende des traits');
  await e2e.axeScan(comparison);
  await e2e.screenshot(comparison, 'practice-transfers-fr');
  if (README_SCREENSHOTS_DIR) await view.screenshot({ path: join(README_SCREENSHOTS_DIR, 'practice-transfers.png') });

  // Liège's page: what others took from it; it took nothing.
  const liegePage = await e2e.openPage('/nodes/liege', { lang: 'fr', javaScriptEnabled: false });
  const shared = liegePage.getByRole('region', { name: "Pratiques partagées avec d'autres villes" });
  await expect(shared.innerText()).resolves.toContain("Liège n'a encore indiqué reprendre aucune pratique d'une autre ville.");
  const given = shared.getByRole('table', { name: "Pratiques de Liège reprises par d'autres villes" });
  await expect(given.getByRole('row').nth(1).innerText()).resolves.toMatch(/Guichet unique[\s\S]*Mil[\s\S]*en train de l'adapter/);
  await e2e.axeScan(liegePage);

  // The ranking, with its rule, its counts and the outcome in figures.
  const types = await e2e.openPage('/practice-types', { lang: 'fr', javaScriptEnabled: false });
  const ranking = types.getByRole('region', { name: 'Les pratiques les plus reprises, avec des résultats documentés' });
  const ranked = await ranking.innerText();
  expect(ranked).toContain("Classement : d'abord le nombre de villes qui adoptent, adaptent ou appliquent la pratique");
  expect(ranked).toMatch(/ville d'origine : Liège · 1 ville la reprend · 1 résultat chiffré/);
  expect(ranked).toMatch(/120\s+persone\s+Persone accolte nei primi tre mesi/);
  await expect(ranking.getByText('Persone accolte nei primi tre mesi').getAttribute('lang')).resolves.toBe('it');
  await e2e.axeScan(types);

  // On Milan's site, in Italian, with JavaScript: what Milan took from others.
  const milanPage = await e2e.openPage(`${milan.url}/nodes/milan`, { lang: 'it' });
  const taken = milanPage.getByRole('table', { name: /Pratiche di altre città riprese da Mil/ });
  await expect(taken.getByRole('row').nth(1).innerText()).resolves.toMatch(/Liegi|Liège/);
  await expect(taken.getByRole('row').nth(1).innerText()).resolves.toContain('la sta adattando');
  await expect(milanPage.getByText(/Nessun'altra città ha ancora indicato di riprendere una pratica di Mil/).count()).resolves.toBe(1);
  await e2e.axeScan(milanPage);

  // In Arabic the arrows go right to left: the practice's city is on the right.
  const arabic = await e2e.openPage('/practice-types/PT4', { lang: 'ar' });
  const drawing = arabic.getByRole('img', { name: /رسم بياني لنقل الممارسات/ });
  const [source, row] = await Promise.all(
    [drawing.locator('text').first(), drawing.locator('text').nth(1)].map((t) => t.getAttribute('x')),
  );
  expect(Number(source)).toBeGreaterThan(Number(row));
  await e2e.axeScan(arabic);
});
