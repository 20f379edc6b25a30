// Moderators see what changed (issue 14, point 3): an editor of Univerbal adds a sentence to the
// French summary, lets signed-in people see the phone number and no longer asks for a kitchen,
// on the web, and sends it for review. The moderator's queue then shows those two values only (not every field of the seed),
// labelled in French and in English, old and new side by side (stacked on a phone), with the
// words added marked and announced. The history compares any two versions through a GET form,
// with JavaScript and without.
import { beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

// Markup in a text is text: shown as typed, never run or rendered.
const ADDED_SENTENCE = 'Permanence le <b>mardi</b> matin, sans rendez-vous.';
let moderatorFr: BrowserContext;
let moderatorEn: BrowserContext;
let frenchSummaryBefore = '';

beforeAll(async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const moderator = await e2e.node.createAccount('MODERATOR');
  const context = await e2e.signedInContext(editor, { lang: 'en' });

  const texts = await e2e.openPage('/account/initiatives/univerbal/texts?in=fr', { lang: 'en', context });
  frenchSummaryBefore = await texts.getByLabel('Summary').inputValue();
  await texts.getByLabel('Summary').fill(`${frenchSummaryBefore} ${ADDED_SENTENCE}`);
  await texts.getByRole('button', { name: 'Save the texts in French' }).click();
  await texts.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const place = await e2e.openPage('/account/initiatives/univerbal/contact-place', { lang: 'en', context });
  await place.getByRole('group', { name: 'Who can see the phone number?' }).getByRole('radio', { name: 'Signed-in people only' }).check();
  await place.getByRole('button', { name: 'Save contact and place' }).click();
  await place.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const needs = await e2e.openPage('/account/initiatives/univerbal/needs', { lang: 'en', context });
  await needs.getByRole('checkbox', { name: 'Kitchen' }).uncheck();
  await needs.getByRole('button', { name: 'Save the needs' }).click();
  await needs.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  const overview = await e2e.openPage('/account/initiatives/univerbal', { lang: 'en', context });
  await overview.getByRole('button', { name: 'Send for review' }).click();
  await overview.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();

  moderatorFr = await e2e.signedInContext(moderator, { lang: 'fr' });
  moderatorEn = await e2e.signedInContext(moderator, { lang: 'en' });
});

/** The label, before and after of each change shown in `scope`. */
async function shownChanges(page: Page, scope = page.locator('main')) {
  return scope.locator('.changes > li').evaluateAll((items) =>
    items.map((item) => ({
      label: item.querySelector('h3')?.textContent?.trim(),
      sides: [...item.querySelectorAll('.side-name')].map((name) => name.textContent?.trim()),
      before: item.querySelector('.before .value, .before .absent')?.textContent?.replace(/\s+/g, ' ').trim(),
      after: item.querySelector('.after .value, .after .absent')?.textContent?.replace(/\s+/g, ' ').trim(),
      added: [...item.querySelectorAll('.after ins')].map((ins) => ins.textContent?.replace(/\s+/g, ' ').trim()),
      removed: [...item.querySelectorAll('del')].map((del) => del.textContent?.replace(/\s+/g, ' ').trim()),
    })),
  );
}

const FRENCH_LABELS = [
  'Résumé — français',
  'Contact — Qui voit le numéro de téléphone',
  'Besoins — Cuisine — Besoin',
  'Besoins — Cuisine — Description — français',
  'Besoins — Cuisine — Description — anglais',
];

test('the moderator sees only the values changed, labelled in French, old and new', async () => {
  const review = await e2e.openPage('/admin/review', { lang: 'fr', context: moderatorFr });
  const item = review.getByRole('listitem').filter({ has: review.getByRole('heading', { name: 'Univerbal', level: 2 }) });
  const changes = await shownChanges(review, item);
  expect(changes.map((c) => c.label)).toEqual(FRENCH_LABELS);
  const [summary, phone, kitchen] = changes;
  // The words added are marked, and said: "ajouté :" is read out before them.
  expect(summary?.added).toEqual([`ajouté : ${ADDED_SENTENCE}`]);
  expect(summary?.removed).toEqual([]);
  expect(summary?.sides).toEqual(['Avant', 'Après']);
  expect(summary?.before).toBe(frenchSummaryBefore.replace(/\s+/g, ' ').trim());
  expect(summary?.after).toContain(ADDED_SENTENCE);
  expect(phone).toMatchObject({ before: 'Tout le monde', after: 'Les personnes connectées seulement' });
  expect(kitchen).toMatchObject({ before: 'Cuisine', after: '(vide)' });
  await expect(item.locator('.changes b').count()).resolves.toBe(0);
  await e2e.axeScan(review);
  await e2e.screenshot(review, 'moderator-review-changes', { readme: true });

  // On a phone the old and new values are stacked, the old one first, and nothing scrolls sideways.
  await review.setViewportSize({ width: 360, height: 740 });
  const [before, after] = await Promise.all([
    item.locator('.changes > li').first().locator('.before').boundingBox(),
    item.locator('.changes > li').first().locator('.after').boundingBox(),
  ]);
  expect(after!.y).toBeGreaterThan(before!.y + before!.height - 1);
  await expect(review.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  await e2e.axeScan(review);
});

test('the same changes in English', async () => {
  const review = await e2e.openPage('/admin/review', { lang: 'en', context: moderatorEn });
  const item = review.getByRole('listitem').filter({ has: review.getByRole('heading', { name: 'Univerbal', level: 2 }) });
  const changes = await shownChanges(review, item);
  expect(changes.map((c) => [c.label, c.sides])).toEqual([
    ['Summary — French', ['Before', 'After']],
    ['Contact — Who sees the phone number', ['Before', 'After']],
    ['Needs — Kitchen — Need', ['Before', 'After']],
    ['Needs — Kitchen — Description — French', ['Before', 'After']],
    ['Needs — Kitchen — Description — English', ['Before', 'After']],
  ]);
  expect(changes[1]).toMatchObject({ before: 'Everyone', after: 'Signed-in people only' });
  expect(changes[0]?.added).toEqual([`added: ${ADDED_SENTENCE}`]);
});

for (const javaScriptEnabled of [false, true]) {
  test(`the history compares two versions picked in a form (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const history = await e2e.openPage('/account/initiatives/univerbal/history', { lang: 'fr', context: moderatorFr, javaScriptEnabled });
    // Opened without a choice: since the last published version, so what the review is about.
    expect((await shownChanges(history)).map((c) => c.label)).toEqual(FRENCH_LABELS);

    // Backwards: from the newest version to the oldest one listed.
    const versions = await history
      .getByLabel('Depuis la version')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const newest = versions[0]!;
    const oldest = versions.at(-1)!;
    await history.getByLabel('Depuis la version').selectOption(newest);
    await history.getByLabel('Jusqu’à la version').selectOption(oldest);
    await Promise.all([
      history.waitForURL((url) => url.searchParams.get('from') === newest && url.searchParams.get('to') === oldest),
      history.getByRole('button', { name: 'Comparer' }).click(),
    ]);
    await history.getByText(`Changements de la version ${newest} à la version ${oldest}`).waitFor();
    const changes = await shownChanges(history);
    expect(changes.map((c) => c.label)).toEqual(FRENCH_LABELS);
    expect(changes[0]?.removed).toEqual([`supprimé : ${ADDED_SENTENCE}`]);
    expect(changes[1]).toMatchObject({ before: 'Les personnes connectées seulement', after: 'Tout le monde' });
    await e2e.axeScan(history);
    if (!javaScriptEnabled) await e2e.screenshot(history, 'history-compare-versions');
  });
}

test('the history says which versions do not exist, next to the choice', async () => {
  const history = await e2e.openPage('/account/initiatives/univerbal/history?from=9999&to=1', {
    lang: 'fr',
    context: moderatorFr,
    javaScriptEnabled: false,
  });
  const alert = history.getByRole('alert');
  await expect(alert.innerText()).resolves.toContain('Ces versions n’existent pas');
  await expect(alert.getByRole('link').getAttribute('href')).resolves.toBe('#compare-from');
  await expect(history.getByLabel('Depuis la version').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(history.locator('.changes').count()).resolves.toBe(0);
  await e2e.axeScan(history);
});
