// Translations done by people (issue 16 point 4, its "done when"): an Italian reader on a phone,
// without JavaScript, asks for Univerbal's page in Italian; an interpreter invited as a translator
// finds the request in the queue (French → Italian), translates the summary side by side with
// the French, in French and with JavaScript; a moderator approves; the Italian reader then reads
// the Italian summary unmarked, and a source edit marks it out of date.
import { expect, test } from 'vitest';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 390;
const ITALIAN = 'Univerbal è una cooperativa di interpreti sociali a Liegi: interpretariato e traduzione in molte lingue.';

async function as(account: Account, query: string, variables: Record<string, unknown> = {}) {
  const answer = await e2e.node.graphql(query, variables, { token: await e2e.node.bearerToken(account) });
  const result = Object.values(answer.data ?? {})[0] as { error?: unknown } | undefined;
  if (!answer.data || result?.error) throw new Error(`${query} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}
const versionOf = async (account: Account) =>
  (await as(account, '{ editableInitiative(slug: "univerbal") { version } }')).editableInitiative.version as number;

test('a reader asks for Italian, a translator translates the summary, a moderator approves, an Italian reader reads it unmarked', async () => {
  // 1. An Italian reader, on a phone without JavaScript, sees the page in French and asks for Italian.
  const reader = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE, javaScriptEnabled: false });
  const lead = reader.locator('header .lead');
  await expect(lead.getAttribute('lang')).resolves.toBe('fr');
  await expect(lead.innerText()).resolves.toContain('(in francese)');
  const notice = reader.getByRole('region', { name: 'Lingue di questa scheda' });
  await expect(notice.innerText()).resolves.toContain('Disponibile in: francese, inglese');
  await Promise.all([reader.waitForLoadState('load'), notice.getByRole('button', { name: 'Chiedi una traduzione in italiano' }).click()]);
  await expect(reader.getByRole('status').filter({ hasText: 'richiesta' }).innerText()).resolves.toContain(
    'la tua richiesta è stata contata',
  );
  await e2e.axeScan(reader);

  // 2. An interpreter invited as a translator finds it first in the French → Italian queue.
  const translator = await e2e.node.createAccount('TRANSLATOR', { email: 'interprete@univerbal.e2e.test' });
  const french = await e2e.signedInContext(translator, { lang: 'fr' });
  const account = await e2e.openPage('/account', { lang: 'fr', context: french });
  await Promise.all([account.waitForURL('**/account/translations'), account.getByRole('link', { name: 'Textes à traduire' }).click()]);
  await account.getByLabel('Traduire depuis').selectOption('fr');
  await account.getByLabel('Vers').selectOption('it');
  await Promise.all([
    account.waitForURL('**/account/translations?from=fr&to=it'),
    account.getByRole('button', { name: 'Afficher' }).click(),
  ]);
  const first = account.locator('main .queue > li').first();
  await expect(first.innerText()).resolves.toMatch(/Univerbal[\s\S]*Résumé[\s\S]*Pas encore traduit · 1 demande de lecteur/);
  await e2e.axeScan(account);

  // 3. Side by side with the French, on a phone: an empty text is refused at its field, then sent.
  await Promise.all([account.waitForURL('**/account/translations/initiative/univerbal/summary/it'), first.getByRole('link').click()]);
  await account.setViewportSize({ width: PHONE, height: 800 });
  const source = account.locator('.source').first();
  await expect(source.getAttribute('lang')).resolves.toBe('fr');
  await expect(source.innerText()).resolves.toContain('Monde des Possibles');
  const field = account.getByLabel('Texte en italien');
  await expect(field.getAttribute('lang')).resolves.toBe('it');
  await field.fill('   ');
  await field.evaluate((el) => el.removeAttribute('required'));
  await Promise.all([account.waitForLoadState('load'), account.getByRole('button', { name: 'Envoyer pour relecture' }).click()]);
  await expect(account.getByRole('link', { name: 'Écrivez la traduction.' }).count()).resolves.toBeGreaterThan(0);
  await account.getByLabel('Texte en italien').fill(ITALIAN);
  await Promise.all([account.waitForLoadState('load'), account.getByRole('button', { name: 'Envoyer pour relecture' }).click()]);
  await expect(account.getByRole('status').filter({ hasText: 'traduction' }).innerText()).resolves.toContain(
    'votre traduction attend l’approbation',
  );
  await e2e.axeScan(account);
  await e2e.screenshot(account, 'translation-side-by-side', { readme: true });

  // Not public before a moderator approves it.
  const before = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE });
  await expect(before.locator('header .lead').getAttribute('lang')).resolves.toBe('fr');

  // 4. A moderator approves; the Italian reader reads Italian, unmarked.
  const moderator = await e2e.node.createAccount('MODERATOR');
  await as(moderator, 'mutation($v: Int!) { approve(id: "univerbal", version: $v) { error { code message } } }', {
    v: await versionOf(moderator),
  });
  const after = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE, javaScriptEnabled: false });
  const italianLead = after.locator('header .lead');
  await expect(italianLead.innerText()).resolves.toBe(ITALIAN);
  await expect(italianLead.getAttribute('lang')).resolves.toBeNull();
  // The description and the mission are still only in French and English, marked so: readers may still ask for them.
  await expect(after.locator('section[aria-labelledby="description-heading"]').innerText()).resolves.toContain('(in francese)');
  await expect(after.getByRole('button', { name: 'Chiedi una traduzione in italiano' }).count()).resolves.toBe(1);
  await expect(after.getByRole('region', { name: 'Lingue di questa scheda' }).innerText()).resolves.toContain(
    'Tradotto in parte in: italiano',
  );
  await e2e.axeScan(after);
  await e2e.screenshot(after, 'translation-italian-reader', { readme: true });

  // 5. The French summary changes (the whole summary is sent: the other languages kept as they are):
  // the Italian one is marked out of date, and readers may ask for an update.
  const { editableInitiative } = await as(moderator, '{ editableInitiative(slug: "univerbal") { version record } }');
  const summary = Object.entries({
    ...editableInitiative.record.summary,
    fr: 'Univerbal, coopérative d’interprètes sociaux à Liège, travaille en 40 langues.',
  });
  await as(
    moderator,
    'mutation($v: Int!, $s: [TextInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { summary: $s }) { error { code message } } }',
    { v: editableInitiative.version, s: summary.map(([language, text]) => ({ language, text })) },
  );
  const outdated = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE });
  await expect(outdated.locator('header .lead').innerText()).resolves.toContain('(traduzione non aggiornata)');
  await expect(outdated.getByRole('button', { name: 'Chiedi di aggiornare la traduzione in italiano' }).count()).resolves.toBe(1);
});

test('a translator working in Arabic, without JavaScript, translates a practice’s title right to left', async () => {
  const translator = await e2e.node.createAccount('TRANSLATOR');
  const arabic = await e2e.signedInContext(translator, { lang: 'ar', width: PHONE, javaScriptEnabled: false });
  const queue = await e2e.openPage('/account/translations?from=fr&to=ar', { lang: 'ar', context: arabic });
  await expect(queue.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await expect(queue.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('نصوص للترجمة');
  const item = queue.locator('main .queue > li').filter({ hasText: 'Guichet unique municipal' }).filter({ hasText: 'العنوان' });
  await Promise.all([queue.waitForLoadState('load'), item.getByRole('link').click()]);
  expect(queue.url()).toMatch(/\/account\/translations\/practice\/liege-pt4-one-stop-shop\/title\/ar$/);
  const field = queue.getByLabel('النص بـالعربية');
  await expect(field.getAttribute('dir')).resolves.toBe('rtl');
  await expect(queue.locator('.source').first().getAttribute('dir')).resolves.toBe('ltr');
  await field.fill('شبّاك بلدي موحّد: ما هو موجود في لييج وما ينقص');
  await Promise.all([queue.waitForLoadState('load'), queue.getByRole('button', { name: 'أرسل للمراجعة' }).click()]);
  await expect(queue.getByRole('status').filter({ hasText: 'ترجمتك' }).innerText()).resolves.toContain('بانتظار موافقة مشرف');
  await e2e.axeScan(queue);
});
