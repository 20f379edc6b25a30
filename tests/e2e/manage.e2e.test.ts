// Editing and moderating on the web, as people do it: an editor of Univerbal signs in on the
// sign-in page, changes the profile's summary in English and in French (one tab per language),
// sends it for review; a moderator publishes it from the review queue; the public page then
// shows the new text. Also: what a wrong password says, and signing out.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

const ENGLISH_SUMMARY = 'Social interpreting run by interpreters of migrant origin, in 33 languages (edited in the browser).';
const FRENCH_SUMMARY = 'Interprétariat social porté par des interprètes issus des migrations, en 33 langues (modifié dans le navigateur).';

// Signing in runs scrypt and two page loads: allow for a machine busy with other test files.
async function signInOnPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 }),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

test('a wrong password says what to do, without saying which of the two was wrong', async () => {
  const page = await e2e.openPage('/sign-in', { lang: 'en', javaScriptEnabled: false });
  await page.getByLabel('E-mail address').fill(e2e.node.admin.email);
  await page.getByLabel('Password').fill('not the right password');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
  const alert = await page.getByRole('alert').innerText();
  expect(alert).toContain('The e-mail address or the password is not right.');
  await expect(page.title()).resolves.toMatch(/^Error: Sign in/);
  // The address typed is kept; the password is not sent back.
  await expect(page.getByLabel('E-mail address').inputValue()).resolves.toBe(e2e.node.admin.email);
  await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'sign-in-wrong-password');
});

test('what someone types before the page’s scripts have loaded is kept (a slow phone)', async () => {
  // Every script arrives late, so the typing surely happens before the page is hydrated.
  const context = await e2e.newContext({ lang: 'en', slowScriptsMs: 800 });
  const page = await context.newPage();
  await page.goto(`${e2e.node.url}/sign-in`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('E-mail address').fill('someone@example.org');
  await page.getByLabel('Password').fill('a password');
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('E-mail address').inputValue()).resolves.toBe('someone@example.org');
  await expect(page.getByLabel('Password').inputValue()).resolves.toBe('a password');

  // Boxes and choices too: a form that drew them with `checked` would untick them when it hydrates.
  await page.goto(`${e2e.node.url}/list-your-initiative`, { waitUntil: 'domcontentloaded' });
  await page.locator('#listing-languages-ar').check();
  await page.locator('#listing-migrant-led-unsaid').check();
  await page.locator('#listing-consent').check();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#listing-languages-ar').isChecked()).resolves.toBe(true);
  await expect(page.locator('#listing-migrant-led-unsaid').isChecked()).resolves.toBe(true);
  await expect(page.locator('#listing-consent').isChecked()).resolves.toBe(true);
});

const SLOW_PHONE_SUMMARY = 'A digital-arts festival of Sirius Hub (summary saved from a slow phone).';

test('long texts are in the page without JavaScript, and stay after a save on a slow phone', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
  // Without JavaScript: the summary is in the server's page (a textarea's content).
  const plain = await e2e.openPage('/sign-in', { lang: 'en', javaScriptEnabled: false });
  await signInOnPage(plain, editor.email, editor.password);
  await plain.goto(`${e2e.node.url}/account/initiatives/parallax/texts?in=en`);
  await expect(plain.getByLabel('Summary').inputValue()).resolves.toContain('A digital-arts festival');

  // Every script late: the answer to the save must still show the text saved once hydrated.
  const context = await e2e.newContext({ lang: 'en', slowScriptsMs: 800 });
  const page = await context.newPage();
  await page.goto(`${e2e.node.url}/sign-in`);
  await signInOnPage(page, editor.email, editor.password);
  await page.goto(`${e2e.node.url}/account/initiatives/parallax/texts?in=en`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Summary').fill(SLOW_PHONE_SUMMARY);
  await page.getByRole('button', { name: 'Save the texts in English' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('Summary').inputValue()).resolves.toBe(SLOW_PHONE_SUMMARY);
});

test('an editor edits the profile in two languages and submits it; a moderator publishes it', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const moderator = await e2e.node.createAccount('MODERATOR');

  // The editor signs in on the page and lands on their own page.
  const page = await e2e.openPage('/sign-in', { lang: 'en' });
  await signInOnPage(page, editor.email, editor.password);
  expect(new URL(page.url()).pathname).toBe('/account');
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
  await Promise.all([page.waitForURL('**/account/initiatives/univerbal'), page.getByRole('link', { name: 'Univerbal' }).first().click()]);
  await expect(page.locator('main').innerText()).resolves.toContain('published: everyone can see it.');

  // English texts: the tab is a link; the summary field is in English (lang="en").
  await Promise.all([
    page.waitForURL('**/texts'),
    page.getByRole('navigation', { name: 'Parts of the profile' }).getByRole('link', { name: 'Texts' }).click(),
  ]);
  const firstTabSummary = await page.getByLabel('Summary').inputValue();
  await Promise.all([
    page.waitForURL('**/texts?in=en'),
    page
      .getByRole('navigation', { name: 'Language of the texts' })
      .getByRole('link', { name: /English/ })
      .click(),
  ]);
  await expect(page.locator('h1').innerText()).resolves.toBe('Texts in English');
  const summary = page.getByLabel('Summary');
  // The fields show the English texts after the client-side switch, not the previous tab's.
  await expect(summary.inputValue()).resolves.toContain('an interpreting service');
  await expect(summary.inputValue()).resolves.not.toBe(firstTabSummary);
  await expect(summary.getAttribute('lang')).resolves.toBe('en');
  await summary.fill(ENGLISH_SUMMARY);
  await page.getByRole('button', { name: 'Save the texts in English' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  // The answer to the post is still the English tab, with the text saved.
  await expect(page.locator('h1').innerText()).resolves.toBe('Texts in English');
  await expect(page.getByLabel('Summary').inputValue()).resolves.toBe(ENGLISH_SUMMARY);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'editor-texts-saved');

  // French texts, then send for review.
  await Promise.all([
    page.waitForURL('**/texts?in=fr'),
    page
      .getByRole('navigation', { name: 'Language of the texts' })
      .getByRole('link', { name: /French/ })
      .click(),
  ]);
  await page.getByLabel('Summary').fill(FRENCH_SUMMARY);
  await page.getByRole('button', { name: 'Save the texts in French' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await Promise.all([page.waitForURL('**/account/initiatives/univerbal'), page.getByRole('link', { name: 'Overview' }).click()]);
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
  await expect(page.locator('main').innerText()).resolves.toContain('Your changes are waiting for review.');

  // Until a moderator approves, the public still sees the published summary.
  const before = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
  await expect(before.locator('main').innerText()).resolves.not.toContain(ENGLISH_SUMMARY);

  // The moderator's queue names the change and the fields changed; approving publishes it.
  const review = await e2e.openPage('/admin/review', { lang: 'en', context: await e2e.signedInContext(moderator, { lang: 'en' }) });
  const item = review.getByRole('listitem').filter({ has: review.getByRole('heading', { name: 'Univerbal' }) });
  await expect(item.innerText()).resolves.toContain('changes to a published listing');
  // Only the summary changed, in English and in French: one entry per language.
  await expect(item.locator('.changes h3').allInnerTexts()).resolves.toEqual(['Summary — French', 'Summary — English']);
  await e2e.axeScan(review);
  await e2e.screenshot(review, 'moderator-review-queue');
  await item.getByRole('button', { name: 'Approve and publish' }).click();
  await review.getByRole('status').filter({ hasText: 'Approved' }).waitFor();

  const english = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
  await expect(english.locator('main').innerText()).resolves.toContain(ENGLISH_SUMMARY);
  const french = await e2e.openPage('/initiatives/univerbal', { lang: 'fr' });
  await expect(french.locator('main').innerText()).resolves.toContain(FRENCH_SUMMARY);

  // Signing out is a button; the header then offers "Sign in" again.
  await Promise.all([page.waitForURL('**/sign-in?signed-out'), page.getByRole('button', { name: 'Sign out' }).click()]);
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
});

test('a moderator sends a change back with a reason, which the editor reads', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const moderator = await e2e.node.createAccount('MODERATOR');
  const editorContext = await e2e.signedInContext(editor, { lang: 'en', javaScriptEnabled: false });

  // Without JavaScript: the forms are plain posts. The precision is chosen beside the address.
  const place = await e2e.openPage('/account/initiatives/atemos/contact-place', { lang: 'en', context: editorContext });
  await place.getByRole('radio', { name: 'The neighbourhood' }).check();
  await Promise.all([place.waitForLoadState('load'), place.getByRole('button', { name: 'Save contact and place' }).click()]);
  await expect(place.getByRole('status').innerText()).resolves.toContain('Saved.');
  await e2e.axeScan(place);
  const overview = await e2e.openPage('/account/initiatives/atemos', { lang: 'en', context: editorContext });
  await Promise.all([overview.waitForLoadState('load'), overview.getByRole('button', { name: 'Send for review' }).click()]);

  const review = await e2e.openPage('/admin/review', { lang: 'en', context: await e2e.signedInContext(moderator, { lang: 'en' }) });
  const item = review.getByRole('listitem').filter({ has: review.getByRole('heading', { name: /Atemos/i }) });
  // An empty reason is refused next to its field.
  await item.locator('form[action="?/reject"]').evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await item.getByRole('button', { name: 'Send back with this message' }).click();
  await review.getByRole('alert').waitFor();
  await expect(review.getByRole('alert').innerText()).resolves.toContain('Write a message that says what to change');
  const again = review.getByRole('listitem').filter({ has: review.getByRole('heading', { name: /Atemos/i }) });
  await again.getByLabel('Or send back, with a message').fill('Please keep the location at city level: the address must stay private.');
  await again.getByRole('button', { name: 'Send back with this message' }).click();
  await review.getByRole('status').filter({ hasText: 'Sent back' }).waitFor();

  const after = await e2e.openPage('/account/initiatives/atemos', { lang: 'en', context: editorContext });
  await expect(after.locator('main').innerText()).resolves.toContain('Please keep the location at city level');
  await e2e.axeScan(after);
  await e2e.screenshot(after, 'editor-sent-back');
});

test('the editor’s pages in Arabic are right to left, with the edited language’s fields in its own direction', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const context = await e2e.signedInContext(editor, { lang: 'ar' });
  const texts = await e2e.openPage('/account/initiatives/univerbal/texts?in=fr', { lang: 'ar', context });
  await expect(texts.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  // French texts edited on an Arabic page: the fields are French, left to right.
  await expect(texts.locator('#text-summary').getAttribute('dir')).resolves.toBe('ltr');
  await expect(texts.locator('#text-summary').getAttribute('lang')).resolves.toBe('fr');
  await e2e.axeScan(texts);
  await e2e.screenshot(texts, 'editor-texts-arabic');
  const privacy = await e2e.openPage('/account/initiatives/univerbal/privacy', { lang: 'ar', context });
  // A small phone (the context's width is set when it is made; this one is shared).
  await privacy.setViewportSize({ width: 320, height: 720 });
  await e2e.axeScan(privacy);
  // No horizontal scrolling on a small phone.
  await expect(privacy.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  await e2e.screenshot(privacy, 'editor-privacy-arabic-phone');
});

test('an editor who opens the admin pages is told, in words, that their account does not open them', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const page = await e2e.openPage('/admin/review', { lang: 'en', context: await e2e.signedInContext(editor, { lang: 'en' }), status: 403 });
  await expect(page.locator('h1').innerText()).resolves.toBe('Your account cannot open this page');
  // The anonymous public is sent to the sign-in page instead, and comes back after.
  const anonymous = await e2e.openPage('/admin/review', { lang: 'en', redirectTo: '/sign-in' });
  expect(new URL(anonymous.url()).pathname + new URL(anonymous.url()).search).toBe('/sign-in?next=%2Fadmin%2Freview');
  await e2e.axeScan(page);
});
