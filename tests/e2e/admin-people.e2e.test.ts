// Admins manage people on the web (issue 14 point 8, ADR 0032): change an account's role, disable
// and re-enable it, see and extend the initiatives an editor holds, resend an invitation (the old
// link then says it was withdrawn), and remove a fediverse follower of the node, which receives a
// Reject of its Follow (a loopback stand-in written without Fedify). French and German, with
// JavaScript off and on; axe finds nothing serious.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useE2E } from './support/harness.ts';
import { startMinimalPeer, type MinimalPeer } from '../support/minimal-peer.ts';

const e2e = useE2E();
let peer: MinimalPeer;
beforeAll(async () => {
  peer = await startMinimalPeer();
});
afterAll(async () => {
  await peer?.close();
});

async function nameOf(slug: string, lang: string): Promise<string> {
  const answer = await e2e.node.graphql(`{ initiative(slug: "${slug}", lang: "${lang}") { name { text } } }`);
  return answer.data.initiative.name.text as string;
}

test('in French without JavaScript, an admin changes a role, disables and re-enables an account, and sees and extends an editor’s initiatives', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['parallax'] });
  const parallax = await nameOf('parallax', 'fr');
  const atemos = await nameOf('atemos', 'fr');
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'fr', javaScriptEnabled: false });
  const page = await e2e.openPage('/admin/accounts', { lang: 'fr', context });
  const row = () => page.getByRole('row').filter({ hasText: editor.email });
  // The editor's initiatives, by name.
  await expect(row().innerText()).resolves.toContain(parallax);
  await e2e.axeScan(page);

  await page.getByLabel(`Ajouter ${editor.email} comme éditrice ou éditeur de`).selectOption('atemos');
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: `Ajouter ${editor.email} à cette initiative` }).click(),
  ]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`${editor.email} édite maintenant ${atemos}`);
  await expect(row().innerText()).resolves.toContain(atemos);

  await page.getByLabel(`Rôle de ${editor.email}`).selectOption('MODERATOR');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Changer le rôle de ${editor.email}` }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(
    `Le rôle de ${editor.email} est maintenant : Modératrice ou modérateur`,
  );
  await expect(page.getByLabel(`Rôle de ${editor.email}`).inputValue()).resolves.toBe('MODERATOR');

  // The last admin cannot be demoted: said in words, nothing changed.
  await page.getByLabel(`Rôle de ${e2e.node.admin.email}`).selectOption('EDITOR');
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: `Changer le rôle de ${e2e.node.admin.email}` }).click(),
  ]);
  await expect(page.locator('body').innerText()).resolves.toContain('C’est le dernier compte d’administration du nœud');
  await expect(page.getByLabel(`Rôle de ${e2e.node.admin.email}`).inputValue()).resolves.toBe('ADMIN');
  await e2e.axeScan(page);

  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Désactiver ${editor.email}` }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`Le compte ${editor.email} est désactivé`);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: `Réactiver ${editor.email}` }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`Le compte ${editor.email} peut de nouveau se connecter`);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'admin-accounts', { readme: true });
});

test('in German with JavaScript, an admin changes a role and resends an invitation; the old link is withdrawn', async () => {
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['siriuscoop'] });
  const context = await e2e.signedInContext(e2e.node.admin, { lang: 'de' });
  const accounts = await e2e.openPage('/admin/accounts', { lang: 'de', context });
  await accounts.getByLabel(`Rolle von ${editor.email}`).selectOption('MODERATOR');
  await Promise.all([
    accounts.waitForLoadState('load'),
    accounts.getByRole('button', { name: `Rolle von ${editor.email} ändern` }).click(),
  ]);
  await accounts
    .getByRole('status')
    .filter({ hasText: `Die Rolle von ${editor.email} ist jetzt: Moderation` })
    .waitFor();

  const { url } = await e2e.node.invite('EDITOR', { initiatives: ['atemos'], note: 'Für das Atemos-Team' });
  const page = await e2e.openPage('/admin/invitations', { lang: 'de', context });
  const item = page.getByRole('listitem').filter({ hasText: 'Für das Atemos-Team' });
  await e2e.axeScan(page);
  await Promise.all([
    page.waitForLoadState('load'),
    item.getByRole('button', { name: /^Einladung erneut senden \(Redaktion, erstellt am / }).click(),
  ]);
  await page.getByRole('status').filter({ hasText: 'Einladung erneut gesendet' }).first().waitFor();
  const newLink = await page.getByLabel('Einladungslink').inputValue();
  expect(newLink).toMatch(/\/invitations\//);
  expect(newLink).not.toBe(url);
  await e2e.axeScan(page);

  const old = await e2e.openPage(new URL(url).pathname, { lang: 'de' });
  await expect(old.locator('h1').innerText()).resolves.toBe('Diese Einladung wurde zurückgezogen');
  const fresh = await e2e.openPage(new URL(newLink).pathname, { lang: 'de' });
  await expect(fresh.locator('h1').innerText()).resolves.not.toBe('Diese Einladung wurde zurückgezogen');
});

test('an admin removes a fediverse follower of the node (French with JavaScript, German without); it receives a Reject of its Follow', async () => {
  const nodeActor = (await (
    await fetch(`${e2e.node.url}/nodes/${e2e.node.handle}`, { headers: { accept: 'application/activity+json' } })
  ).json()) as {
    id: string;
  };
  const followId = `${peer.actorId}/follows/${randomUUID()}`;
  const response = await peer.signedPost(`${e2e.node.url}/ap/inbox`, {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: followId,
    type: 'Follow',
    actor: peer.actorId,
    object: nodeActor.id,
  });
  expect(response.status).toBe(202);
  await peer.waitForActivity((a) => a.body.type === 'Accept');
  const handle = `@alice@${new URL(peer.origin).host}`;

  // German, no JavaScript: the list, with handle and server only.
  const german = await e2e.signedInContext(e2e.node.admin, { lang: 'de', javaScriptEnabled: false });
  const list = await e2e.openPage('/admin/followers', { lang: 'de', context: german });
  await expect(list.getByRole('row').filter({ hasText: handle }).innerText()).resolves.toContain(new URL(peer.origin).host);
  await e2e.axeScan(list);

  const french = await e2e.signedInContext(e2e.node.admin, { lang: 'fr' });
  const page = await e2e.openPage('/admin/followers', { lang: 'fr', context: french });
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: `Retirer ${handle} des abonnés de Ce nœud` }).click(),
  ]);
  await expect(page.getByRole('status').innerText()).resolves.toContain(`${handle} ne suit plus Ce nœud`);
  await expect(page.getByRole('row').filter({ hasText: handle }).count()).resolves.toBe(0);
  await e2e.axeScan(page);
  const reject = await peer.waitForActivity((a) => a.body.type === 'Reject');
  expect(reject.body.actor).toBe(nodeActor.id);
  expect(reject.body.object === followId || reject.body.object?.id === followId).toBe(true);
});

test('moderators and editors are refused the people pages', async () => {
  const moderator = await e2e.node.createAccount('MODERATOR');
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['redemarts'] });
  for (const account of [moderator, editor]) {
    const context = await e2e.signedInContext(account, { lang: 'fr', javaScriptEnabled: false });
    for (const path of ['/admin/followers', '/admin/accounts']) {
      const page = await e2e.openPage(path, { lang: 'fr', context, status: 403 });
      await expect(page.getByRole('table').count()).resolves.toBe(0);
    }
  }
});

test('the operator creates the first admin with the link a node without admin logs (French without JavaScript); the link then no longer works (Italian)', async () => {
  const fresh = await e2e.startPartner({ handle: 'milan', withoutAdmin: true });
  let setupUrl: string | undefined;
  for (let i = 0; i < 50 && !setupUrl; i++) {
    setupUrl = /https?:\/\/[^\s"]+\/setup\/[A-Za-z0-9_-]{43}/.exec(fresh.output())?.[0];
    if (!setupUrl) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(setupUrl).toBeDefined();
  const path = new URL(setupUrl!).pathname;

  const context = await e2e.newContext({ node: fresh, lang: 'fr', javaScriptEnabled: false });
  const page = await e2e.openPage(`${fresh.url}${path}`, { lang: 'fr', context });
  await expect(page.locator('h1').innerText()).resolves.toBe('Créer le premier compte d’administration');
  await e2e.axeScan(page);
  await page.getByLabel('Votre adresse e-mail').fill('admin@milan.e2e.test');
  await page.getByLabel('Nouveau mot de passe').fill('short');
  await page.getByLabel('Mot de passe, une seconde fois').fill('short');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer le compte d’administration' }).click()]);
  // A refused password is said at its field, and the link still works.
  await expect(page.locator('#password').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.getByLabel('Votre adresse e-mail').inputValue()).resolves.toBe('admin@milan.e2e.test');
  await page.getByLabel('Nouveau mot de passe').fill('a long enough password');
  await page.getByLabel('Mot de passe, une seconde fois').fill('a long enough password');
  await Promise.all([page.waitForURL('**/sign-in?setup'), page.getByRole('button', { name: 'Créer le compte d’administration' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Le compte d’administration est créé');
  await e2e.axeScan(page);
  const answer = await fresh.graphql(
    'mutation { signIn(email: "admin@milan.e2e.test", password: "a long enough password", session: BEARER) { token error { code } } }',
  );
  expect(answer.data.signIn.error).toBeNull();

  const italianContext = await e2e.newContext({ node: fresh, lang: 'it' });
  const italian = await e2e.openPage(`${fresh.url}${path}`, { lang: 'it', context: italianContext });
  await expect(italian.getByRole('alert').innerText()).resolves.toContain('Questo link non funziona più');
  await expect(
    italian
      .locator('form')
      .filter({ has: italian.getByLabel('Il vostro indirizzo e-mail') })
      .count(),
  ).resolves.toBe(0);
  await e2e.axeScan(italian);
});
