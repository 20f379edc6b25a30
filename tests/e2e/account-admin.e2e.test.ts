// The admin's levers on the web (ADR 0012): disable and re-enable an account and remove an editor
// from an initiative with JavaScript off (plain form posts), withdraw an invitation with it on;
// and an editor told on their account page that someone joined their initiative.
import { expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

test('an admin disables an account, re-enables it and removes it from an initiative, without JavaScript', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['sirius-hub', 'siriuscoop'] });
  const editorContext = await e2e.signedInContext(editor, { lang: 'en' });
  await e2e.openPage('/account', { lang: 'en', context: editorContext });

  const adminContext = await e2e.signedInContext(e2e.node.admin, { lang: 'en', javaScriptEnabled: false });
  const page = await e2e.openPage('/admin/accounts', { lang: 'en', context: adminContext });
  // No button disables one's own account.
  await expect(page.getByRole('button', { name: `Disable ${e2e.node.admin.email}` }).count()).resolves.toBe(0);
  await e2e.axeScan(page);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Disable ${editor.email}` }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`The account ${editor.email} is disabled`);
  await expect(page.getByRole('row').filter({ hasText: editor.email }).innerText()).resolves.toContain('Disabled on');
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-account-disabled');

  // The editor's open session has ended: their page now asks them to sign in.
  await e2e.openPage('/account', { lang: 'en', context: editorContext, redirectTo: '/sign-in' });

  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Re-enable ${editor.email}` }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`The account ${editor.email} can sign in again`);

  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Remove ${editor.email} from sirius-hub` }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`${editor.email} is no longer an editor of sirius-hub`);
  await expect(page.getByRole('button', { name: `Remove ${editor.email} from sirius-hub` }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: `Remove ${editor.email} from siriuscoop` }).count()).resolves.toBe(1);
});

test('an admin withdraws an invitation with JavaScript on; its link then says so', async () => {
  const { url } = await e2e.node.invite('EDITOR', { initiatives: ['atemos'], note: 'Sent to the wrong address' });
  const adminContext = await e2e.signedInContext(e2e.node.admin, { lang: 'en' });
  const page = await e2e.openPage('/admin/invitations', { lang: 'en', context: adminContext });
  const item = page.getByRole('listitem').filter({ hasText: 'Sent to the wrong address' });
  await item.getByRole('button', { name: /^Withdraw the invitation \(Editor, created on / }).click();
  await page.getByRole('status').filter({ hasText: 'Invitation withdrawn' }).waitFor();
  await expect(page.getByRole('listitem').filter({ hasText: 'Sent to the wrong address' }).count()).resolves.toBe(0);
  await e2e.axeScan(page);

  const link = await e2e.openPage(new URL(url).pathname, { lang: 'en' });
  await expect(link.locator('h1').innerText()).resolves.toBe('This invitation has been withdrawn');
  await e2e.axeScan(link);
});

test('an editor reads on their account page that a new editor joined, and marks it read without JavaScript', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['redemarts'] });
  await e2e.node.createAccount('EDITOR', { initiatives: ['redemarts'] });
  const context = await e2e.signedInContext(editor, { lang: 'en', javaScriptEnabled: false });
  const page = await e2e.openPage('/account', { lang: 'en', context });
  const notices = page.getByRole('region', { name: 'Notifications' });
  await expect(notices.innerText()).resolves.toContain('A new editor (invited by an admin) was added to redemarts on');
  // Nobody's e-mail address is in a notice.
  await expect(notices.innerText()).resolves.not.toMatch(/@/);
  await e2e.axeScan(page);
  await Promise.all([page.waitForLoadState('load'), notices.getByRole('button', { name: 'Mark as read' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Notification marked as read');
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Mark as read' }).count()).resolves.toBe(0);
});

test('an editor invites a co-editor for their initiative and withdraws the link, without JavaScript', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
  const context = await e2e.signedInContext(editor, { lang: 'en', javaScriptEnabled: false });
  const account = await e2e.openPage('/account', { lang: 'en', context });
  await Promise.all([account.waitForURL('**/account/invitations'), account.getByRole('link', { name: 'Invite a co-editor' }).click()]);
  // Only the editor's own initiative is offered, ticked already as it is the only one.
  await expect(account.getByRole('checkbox').count()).resolves.toBe(1);
  await expect(account.getByRole('checkbox').isChecked()).resolves.toBe(true);
  await e2e.axeScan(account);
  await account.getByLabel('Message for the person invited (optional)').fill('Welcome to the Parallax team');
  await Promise.all([account.waitForLoadState('load'), account.getByRole('button', { name: 'Create the invitation' }).click()]);
  const link = await account.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invitations\//);
  const item = account.getByRole('listitem').filter({ hasText: 'Welcome to the Parallax team' });
  await expect(item.innerText()).resolves.toContain('parallax');
  await Promise.all([account.waitForLoadState('load'), item.getByRole('button', { name: /^Withdraw the invitation/ }).click()]);
  await expect(account.getByRole('status').innerText()).resolves.toContain('Invitation withdrawn');
  await expect(account.getByRole('listitem').filter({ hasText: 'Welcome to the Parallax team' }).count()).resolves.toBe(0);
  const withdrawn = await e2e.openPage(new URL(link).pathname, { lang: 'en' });
  await expect(withdrawn.locator('h1').innerText()).resolves.toBe('This invitation has been withdrawn');
});
