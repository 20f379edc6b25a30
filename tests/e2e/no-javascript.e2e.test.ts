// Reading with JavaScript off: every public page is complete as the server sends it, links and
// the language switcher work, and the invitation form (a form action) creates an account.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('the home page, an initiative and a good practice read completely without JavaScript', async () => {
  const context = await e2e.newContext({ lang: 'en', javaScriptEnabled: false });
  const page = await e2e.openPage('/', { context });
  await expect(page.locator('main a[href^="/initiatives/"]').count()).resolves.toBeGreaterThanOrEqual(10);
  await Promise.all([page.waitForURL('**/initiatives/univerbal'), page.locator('main a[href="/initiatives/univerbal"]').first().click()]);
  await expect(page.locator('h1').innerText()).resolves.toContain('Univerbal');
  await expect(page.locator('main h2').count()).resolves.toBeGreaterThan(3);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'no-javascript-initiative');
  const practice = page.locator('section[aria-labelledby="practices-heading"] a').first();
  await Promise.all([page.waitForURL('**/practices/**'), practice.click()]);
  await expect(page.locator('section[aria-labelledby="initiatives-heading"] a[href="/initiatives/univerbal"]').count()).resolves.toBe(1);
  await e2e.axeScan(page);
});

test('searching and filtering work without JavaScript: a GET form, every filter in the URL', async () => {
  const context = await e2e.newContext({ lang: 'en', javaScriptEnabled: false });
  const page = await e2e.openPage('/', { context });
  // The home page's search form.
  const words = page.locator('main input[name="q"]').first();
  await words.fill('interpreting');
  await Promise.all([page.waitForURL('**/search?**'), words.press('Enter')]);
  expect(new URL(page.url()).searchParams.get('q')).toBe('interpreting');
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: 'Univerbal' }).count()).resolves.toBeGreaterThan(0);
  // A facet: tick "Initiative" and apply; the filter lands in the address.
  await main
    .getByLabel(/^Initiative/)
    .first()
    .check();
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('kind') === 'INITIATIVE'),
    main.getByRole('button', { name: 'Apply filters' }).click(),
  ]);
  expect(new URL(page.url()).searchParams.get('q')).toBe('interpreting');
  await expect(
    main
      .getByLabel(/^Initiative/)
      .first()
      .isChecked(),
  ).resolves.toBe(true);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'no-javascript-search');
});

test('the language switcher works without JavaScript, and the choice sticks', async () => {
  const context = await e2e.newContext({ lang: 'en', javaScriptEnabled: false });
  const page = await e2e.openPage('/initiatives/univerbal', { context });
  await Promise.all([page.waitForURL('**?lang=ar'), page.getByRole('link', { name: 'العربية' }).click()]);
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await page.goto('/');
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
});

test('an invitation creates an account without JavaScript, and refusals are explained', async () => {
  const { url } = await e2e.node.invite('EDITOR', { initiatives: ['univerbal'] });
  const page = await e2e.openPage(new URL(url).pathname, { lang: 'en', javaScriptEnabled: false });
  // A refused submission: the passwords differ. The page comes back with the problems listed.
  await page.getByLabel('E-mail address').fill('nojs-editor@univerbal.example');
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Password again').fill('another long password');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create my account' }).click()]);
  await expect(page.title()).resolves.toMatch(/^Error: /);
  await expect(page.getByRole('alert').innerText()).resolves.toContain('The two passwords are not the same');
  // The e-mail address is kept; the passwords are never sent back.
  await expect(page.getByLabel('E-mail address').inputValue()).resolves.toBe('nojs-editor@univerbal.example');
  await expect(page.getByLabel('Password', { exact: true }).inputValue()).resolves.toBe('');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'no-javascript-invitation-refused');

  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Password again').fill('a long enough password');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create my account' }).click()]);
  await expect(page.locator('h1').innerText()).resolves.toBe('Your account is ready');
  // The account exists: it can sign in.
  const token = await e2e.node.bearerToken({
    email: 'nojs-editor@univerbal.example',
    password: 'a long enough password',
    role: 'EDITOR',
    initiatives: ['univerbal'],
  });
  expect(token).toMatch(/\S{20,}/);
});
