// People are told (issue 14, point 7): an editor on a phone sees the unread count in the header
// and reads a moderator's decision in their language, with JavaScript off and on; and, on a node
// without SMTP, the admin makes a password reset link that the person uses to choose a new
// password and sign in.
import { expect, test } from 'vitest';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 390;

const EDIT =
  'mutation($v: Int!, $t: String!) { updateInitiative(id: "univerbal", version: $v, changes: { summary: [{ language: "en", text: $t }] }) { error { code message } } }';
const STEP = (name: string, reason = false) =>
  `mutation($v: Int!${reason ? ', $r: String!' : ''}) { ${name}(id: "univerbal", version: $v${reason ? ', reason: $r' : ''}) { error { code message } } }`;

async function as(account: Account, query: string, variables: Record<string, unknown> = {}) {
  const answer = await e2e.node.graphql(query, variables, { token: await e2e.node.bearerToken(account) });
  const result = Object.values(answer.data ?? {})[0] as { error?: unknown } | undefined;
  if (!answer.data || result?.error) throw new Error(`${query} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

const versionOf = async (account: Account) =>
  (await as(account, '{ editableInitiative(slug: "univerbal") { version } }')).editableInitiative.version as number;

/** The editor changes Univerbal's summary and sends it for review; the moderator decides. */
async function reviewRound(editor: Account, moderator: Account, text: string, decision: { reject: string } | 'approve') {
  await as(editor, EDIT, { v: await versionOf(editor), t: text });
  await as(editor, STEP('submitForReview'), { v: await versionOf(editor) });
  if (decision === 'approve') await as(moderator, STEP('approve'), { v: await versionOf(moderator) });
  else await as(moderator, STEP('reject', true), { v: await versionOf(moderator), r: decision.reject });
}

test('an editor on a phone sees the unread count and reads a moderator’s decision in French (no JavaScript) and in German', async () => {
  const token = await e2e.node.bearerToken(e2e.node.admin);
  await e2e.node.graphql('mutation { updateNodeSettings(editsRequireReview: true) { error { code } } }', {}, { token });
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const moderator = await e2e.node.createAccount('MODERATOR');
  const note = 'Ajoutez la source de ce chiffre, puis renvoyez la fiche.';
  await reviewRound(editor, moderator, 'Social interpreting by interpreters of migrant origin, 33 languages.', { reject: note });

  const french = await e2e.signedInContext(editor, { lang: 'fr', width: PHONE, javaScriptEnabled: false });
  const home = await e2e.openPage('/', { lang: 'fr', context: french });
  const inboxLink = home.getByRole('link', { name: 'Notifications, 1 non lue' });
  await expect(inboxLink.isVisible()).resolves.toBe(true);
  await Promise.all([home.waitForURL('**/account/notifications'), inboxLink.click()]);
  const notice = home.getByRole('listitem').filter({ hasText: 'demande des changements à univerbal' });
  await expect(notice.innerText()).resolves.toContain(note);
  await expect(notice.innerText()).resolves.not.toMatch(/@/);
  await expect(notice.getByRole('link', { name: 'Ouvrir la fiche univerbal' }).getAttribute('href')).resolves.toBe(
    '/account/initiatives/univerbal',
  );
  await e2e.axeScan(home);
  await e2e.screenshot(home, 'notifications-inbox', { readme: true });
  await Promise.all([home.waitForLoadState('load'), notice.getByRole('button', { name: 'Marquer comme lu' }).click()]);
  await expect(home.getByRole('status').innerText()).resolves.toContain('Notification marquée comme lue');
  // Read: the header's count is gone.
  await expect(home.getByRole('link', { name: /^Notifications, / }).count()).resolves.toBe(0);
  await expect(home.getByRole('link', { name: 'Notifications', exact: true }).count()).resolves.toBe(1);

  // Sent again and approved: read in German with JavaScript on, and everything marked read at once.
  await reviewRound(editor, moderator, 'Social interpreting self-managed by interpreters of migrant origin.', 'approve');
  const german = await e2e.signedInContext(editor, { lang: 'de', width: PHONE });
  const inbox = await e2e.openPage('/account/notifications', { lang: 'de', context: german });
  await expect(inbox.getByRole('link', { name: 'Benachrichtigungen, 1 ungelesen' }).count()).resolves.toBe(1);
  await expect(inbox.locator('main').getByRole('listitem').first().innerText()).resolves.toContain(
    'Die Moderation hat univerbal freigegeben',
  );
  await e2e.axeScan(inbox);
  await Promise.all([inbox.waitForLoadState('load'), inbox.getByRole('button', { name: 'Alle als gelesen markieren' }).click()]);
  await inbox.getByRole('status').filter({ hasText: 'Alle Benachrichtigungen sind als gelesen markiert' }).waitFor();
  await expect(inbox.getByRole('button', { name: 'Als gelesen markieren' }).count()).resolves.toBe(0);
  await expect(inbox.getByRole('link', { name: /^Benachrichtigungen, / }).count()).resolves.toBe(0);
});

test('without SMTP, the admin makes a reset link, and the person sets a new password and signs in', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });

  // The person finds out whom to ask.
  const signIn = await e2e.openPage('/sign-in', { lang: 'fr' });
  await Promise.all([signIn.waitForURL('**/sign-in/forgot'), signIn.getByRole('link', { name: 'Mot de passe oublié ?' }).click()]);
  await expect(signIn.locator('main').innerText()).resolves.toContain('Demandez à son admin un lien');
  await e2e.axeScan(signIn);

  const admin = await e2e.signedInContext(e2e.node.admin, { lang: 'fr', javaScriptEnabled: false });
  const accounts = await e2e.openPage('/admin/accounts', { lang: 'fr', context: admin });
  await Promise.all([
    accounts.waitForLoadState('load'),
    accounts.getByRole('button', { name: `Créer un lien de nouveau mot de passe pour ${editor.email}` }).click(),
  ]);
  const link = await accounts.getByLabel('Lien de nouveau mot de passe').inputValue();
  expect(link).toMatch(/\/sign-in\/reset\/[A-Za-z0-9_-]{43}$/);
  await e2e.axeScan(accounts);
  await e2e.screenshot(accounts, 'admin-reset-link', { readme: true });

  // The person opens it (in Italian, JavaScript on); a weak password is refused at its field.
  const person = await e2e.newContext({ lang: 'it' });
  const reset = await e2e.openPage(new URL(link).pathname, { lang: 'it', context: person });
  await e2e.axeScan(reset);
  await e2e.screenshot(reset, 'password-reset', { readme: true });
  await reset.getByLabel('Nuova password').fill('short');
  await reset.getByLabel('Ripeti la password').fill('short');
  await Promise.all([reset.waitForLoadState('load'), reset.getByRole('button', { name: 'Salva la nuova password' }).click()]);
  await reset.locator('#new-password[aria-invalid="true"]').waitFor();
  await e2e.axeScan(reset);
  const newPassword = 'three unrelated words again';
  await reset.getByLabel('Nuova password').fill(newPassword);
  await reset.getByLabel('Ripeti la password').fill(newPassword);
  await Promise.all([reset.waitForURL(/\/sign-in\?reset$/), reset.getByRole('button', { name: 'Salva la nuova password' }).click()]);
  await expect(reset.getByRole('status').innerText()).resolves.toContain('La nuova password è salvata');

  await reset.getByLabel('Indirizzo e-mail').fill(editor.email);
  await reset.locator('#password').fill(newPassword);
  await Promise.all([reset.waitForURL((url) => url.pathname === '/account'), reset.getByRole('button', { name: 'Accedi' }).click()]);

  // The link worked once.
  const again = await e2e.openPage(new URL(link).pathname, { lang: 'it' });
  await expect(again.getByRole('alert').innerText()).resolves.toContain('non funziona più');
});
