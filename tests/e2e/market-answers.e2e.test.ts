// Answers to a buyer's request (issue 15 point 2, ADR 0037): the City's procurement service
// (a moderator posting for it) sends a sourcing request to Univerbal; its editor asks a question
// on a phone in Arabic with JavaScript, then, in French without JavaScript, reads the notice,
// opens the request and answers again (a question without words refused at its field first); the buyer, in German with JavaScript, sees who
// was told, saw and answered, shortlists the answer and downloads the CSV, where a message
// written as a formula stays text.
import { expect, test } from 'vitest';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 390;
const HANDLE = 'interpretariat-cpas';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function as(account: Account, query: string, variables: Record<string, unknown> = {}) {
  const answer = await e2e.node.graphql(query, variables, { token: await e2e.node.bearerToken(account) });
  const result = Object.values(answer.data ?? {})[0] as { error?: unknown } | undefined;
  if (!answer.data || result?.error) throw new Error(`${query} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

/** The buyer's request, posted, published and sent to Univerbal by the moderator who posts for the City. */
async function postRequest(buyer: Account): Promise<void> {
  const draft = '... on MarketRecordDraft { version }';
  const created = await as(
    buyer,
    `mutation($i: MarketRecordInput!) { createMarketRecord(input: $i) { record { ${draft} } error { code message } } }`,
    {
      i: {
        handle: HANDLE,
        kind: 'REQUEST',
        title: [{ language: 'fr', text: 'Interprétariat social pour les permanences du CPAS' }],
        summary: [{ language: 'fr', text: 'Des interprètes pour 20 heures de permanences par mois, en arabe, dari et tigrinya.' }],
        originalLanguage: 'fr',
        owner: { organisation: 'Ville de Liège, service des marchés publics' },
        sectors: ['AM40'],
        area: { country: 'BE', locality: 'Liège' },
        expiresOn: day(40),
        request: { requestKind: 'SOURCING', intent: 'RESERVED_CONTRACT', deadline: day(30) },
      },
    },
  );
  const step = (name: string) =>
    `mutation($v: Int!) { ${name}(id: "${HANDLE}", version: $v) { record { ${draft} } error { code message } } }`;
  const submitted = await as(buyer, step('submitForReview'), { v: created.createMarketRecord.record.version });
  await as(buyer, step('approve'), { v: submitted.submitForReview.record.version });
  await as(
    buyer,
    'mutation { sendMarketRecord(record: "interpretariat-cpas", initiative: "univerbal") { entry { id } error { code message } } }',
  );
}

test('an editor answers a request on a phone; the buyer shortlists the answer and downloads the CSV', async () => {
  const buyer = await e2e.node.createAccount('MODERATOR');
  const editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const otherEditor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  await postRequest(buyer);

  // First a question, in Arabic (right to left) on a slow phone with JavaScript: every script
  // arrives late, so the choice and the words surely come before hydration, which must keep them.
  const arabic = await e2e.signedInContext(editor, { lang: 'ar', width: PHONE, slowScriptsMs: 800 });
  const first = await arabic.newPage();
  await first.goto(`${e2e.node.url}/market/${HANDLE}/answer?initiative=univerbal`, { waitUntil: 'domcontentloaded' });
  await expect(first.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await first.getByLabel('سؤال أولًا').check();
  await first.getByLabel(/^رسالتكم/).fill('هل المناوبات في المساء أيضًا؟');
  await first.waitForLoadState('networkidle');
  await expect(first.getByLabel(/^رسالتكم/).inputValue()).resolves.toBe('هل المناوبات في المساء أيضًا؟');
  await expect(first.getByLabel('سؤال أولًا').isChecked()).resolves.toBe(true);
  await first.getByRole('button', { name: 'أرسلوا الإجابة' }).click();
  await first.getByRole('status').filter({ hasText: 'أُرسلت إجابتكم: سؤال أولًا.' }).waitFor();
  await e2e.axeScan(first);

  // The editor, on a phone, in French, without JavaScript: the notice, then the request.
  const french = await e2e.signedInContext(editor, { lang: 'fr', width: PHONE, javaScriptEnabled: false });
  const inbox = await e2e.openPage('/account/notifications', { lang: 'fr', context: french });
  const notice = inbox.getByRole('listitem').filter({ hasText: 'Une demande ou une offre a été envoyée à univerbal' });
  await Promise.all([
    inbox.waitForURL(`**/market/${HANDLE}/answer?initiative=univerbal`),
    notice.getByRole('link', { name: 'Ouvrir et répondre' }).click(),
  ]);
  const page = inbox;
  await expect(page.locator('h1').innerText()).resolves.toBe('Interprétariat social pour les permanences du CPAS');
  await expect(page.locator('main').innerText()).resolves.toContain('jamais votre adresse');
  await expect(page.locator('main').innerText()).resolves.not.toMatch(/@/);
  await e2e.axeScan(page);

  // A question needs words: refused at the message field, linked from the summary.
  await page.getByLabel("D'abord une question").check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer la réponse' }).click()]);
  await expect(page.getByRole('alert').innerText()).resolves.toContain('Écrivez votre question');
  await expect(page.locator('#answer-message').getAttribute('aria-invalid')).resolves.toBe('true');
  await e2e.axeScan(page);

  await page.getByLabel('Intéressés').check();
  await page.getByLabel(/^Votre message/).fill('=HYPERLINK("http://evil.example","Oui") Nous pouvons assurer les permanences du soir.');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer la réponse' }).click()]);
  await expect(page.getByRole('status').innerText()).resolves.toContain('Votre réponse a été envoyée : Intéressés.');
  await expect(page.locator('main').innerText()).resolves.toContain('Vos réponses');
  await expect(page.locator('main ol li').count()).resolves.toBe(2);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'market-answer', { readme: true });

  // An editor of another initiative cannot open it.
  const other = await e2e.signedInContext(otherEditor, { lang: 'fr' });
  await e2e.openPage(`/market/${HANDLE}/answer?initiative=univerbal`, { lang: 'fr', context: other, status: 403 });

  // The buyer, in German with JavaScript: who was told, saw and answered; the shortlist; the CSV.
  const german = await e2e.signedInContext(buyer, { lang: 'de' });
  const follow = await e2e.openPage(`/market/${HANDLE}/follow`, { lang: 'de', context: german });
  const main = follow.locator('main');
  await expect(main.innerText()).resolves.toContain('Benachrichtigt: 1');
  await expect(main.innerText()).resolves.toContain('Geantwortet: 1');
  const row = follow.getByRole('row').filter({ hasText: 'Interessiert' });
  await expect(row.getByRole('rowheader').innerText()).resolves.toBe('Univerbal');
  await e2e.axeScan(follow);
  await row.getByRole('button', { name: 'Univerbal auf die Auswahlliste setzen' }).click();
  await follow.getByRole('status').filter({ hasText: 'Auf die Auswahlliste gesetzt.' }).waitFor();
  await expect(main.innerText()).resolves.toContain('Auf der Auswahlliste: 1');
  await e2e.axeScan(follow);
  await e2e.screenshot(follow, 'market-follow-up', { readme: true });

  // As the browser downloads it: its cookies, and its language (the request API does not send the context's).
  const csv = await german.request.get(`/market/${HANDLE}/follow/answers.csv?shortlist=1`, { headers: { 'accept-language': 'de' } });
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="shortlist-interpretariat-cpas-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Initiative;Knoten;Benachrichtigt am;Geöffnet am;Antwort;Nachricht;Geantwortet am;Auswahlliste');
  expect(lines[1]).toMatch(
    /^Univerbal;Dieser Knoten;[^;]+;[^;]+;Interessiert;"'=HYPERLINK\(""http:\/\/evil\.example"",""Oui""\) Nous pouvons/,
  );
  expect(lines[2]).toBe('');
  expect(bytes.toString('utf8')).not.toMatch(/@/);
});
