// A forgotten password on a node with SMTP: the person asks on the site without JavaScript (the
// same answer for an address without an account), follows the e-mailed link, with JavaScript
// and in Arabic (right to left), chooses a new password and signs in with it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useE2E, type E2ENode } from './support/harness.ts';
import { startMailCatcher, type MailCatcher } from '../../registry-server/src/testing/mail-catcher.ts';

const e2e = useE2E();
let mail: MailCatcher;
let node: E2ENode;

beforeAll(async () => {
  mail = await startMailCatcher();
  node = await e2e.startPartner({ handle: 'liege', env: { SMTP_URL: mail.url } });
});
afterAll(() => mail?.close());

async function ask(email: string): Promise<string> {
  const context = await e2e.newContext({ lang: 'en', node, javaScriptEnabled: false });
  const page = await e2e.openPage('/sign-in/forgot', { lang: 'en', context });
  await page.getByLabel('E-mail address').fill(email);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Send me a link' }).click()]);
  await e2e.axeScan(page);
  return page.getByRole('status').innerText();
}

test('the person asks for a link by e-mail, follows it and signs in with a new password', async () => {
  const person = await node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const known = await ask(person.email);
  const unknown = await ask('nobody-here@example.org');
  expect(known).toContain('If this address has an account here, a link is on its way');
  expect(unknown).toBe(known);

  await expect.poll(() => mail.mails.filter((m) => m.to.includes(person.email)).length, { timeout: 10_000 }).toBe(1);
  expect(mail.mails.filter((m) => m.to.includes('nobody-here@example.org'))).toHaveLength(0);
  const link = /http:\/\/\S+\/sign-in\/reset\/[A-Za-z0-9_-]{43}/.exec(mail.mails.find((m) => m.to.includes(person.email))!.text)![0];

  const context = await e2e.newContext({ lang: 'ar', node });
  const page = await e2e.openPage(new URL(link).pathname, { lang: 'ar', context });
  await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await e2e.axeScan(page);
  const newPassword = 'seven quiet rivers under snow';
  await page.getByLabel('كلمة المرور الجديدة').fill(newPassword);
  await page.locator('#password-again').fill(newPassword);
  await Promise.all([page.waitForURL(/\/sign-in\?reset$/), page.getByRole('button', { name: 'حفظ كلمة المرور الجديدة' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('تم حفظ كلمة المرور الجديدة');
  await page.locator('#email').fill(person.email);
  await page.locator('#password').fill(newPassword);
  await Promise.all([page.waitForURL((url) => url.pathname === '/account'), page.getByRole('button', { name: 'تسجيل الدخول' }).click()]);
});
