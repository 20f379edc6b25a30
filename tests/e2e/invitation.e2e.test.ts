// The invitation page with JavaScript on: what the invitation is for, problems shown in an
// error summary that takes the focus, the account created, and links that cannot be used.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('an editor invitation says what it is for and creates the account', async () => {
  const { url } = await e2e.node.invite('EDITOR', { initiatives: ['univerbal'], note: 'Bienvenue dans le registre' });
  const page = await e2e.openPage(new URL(url).pathname, { lang: 'en' });
  await expect(page.locator('h1').innerText()).resolves.toBe('Create your account');
  const main = await page.locator('main').innerText();
  // The initiative is named by its name (invitation-names.e2e.test.ts checks it is not its handle).
  expect(main).toContain('Univerbal');
  expect(main).toContain('Bienvenue dans le registre');
  await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');

  // An empty submission: the browser's own check is bypassed to see the server's answer.
  await page.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await page.getByRole('button', { name: 'Create my account' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  // The summary takes the focus, so screen readers announce it, and links to each field. The
  // page's scripts load after its first paint (no module preloads, ADR 0020): a click before
  // they run submits the form without them, and the summary takes the focus once they have run.
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
  await expect(summary.getByRole('link', { name: 'Enter your e-mail address.' }).getAttribute('href')).resolves.toBe('#email');
  await summary.getByRole('link', { name: 'Enter your e-mail address.' }).click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('email');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'invitation-problems');

  await page.getByLabel('E-mail address').fill('editor@univerbal.example');
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Password again').fill('a long enough password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your account is ready' }).waitFor();
  await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  await e2e.axeScan(page);

  // The link works once.
  const again = await e2e.openPage(new URL(url).pathname, { lang: 'en' });
  await expect(again.locator('h1').innerText()).resolves.toBe('This invitation link has been used already');
  await e2e.axeScan(again);
});

test('a link that was never valid says so, in the reader’s language', async () => {
  // 200: the page itself exists and explains; only the link is wrong.
  const page = await e2e.openPage('/invitations/not-a-real-token', { lang: 'en' });
  await expect(page.locator('h1').innerText()).resolves.toBe('This invitation link does not work');
  await e2e.axeScan(page);
});
