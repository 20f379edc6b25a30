// Texts inside a listing's lists are translated like its own (issue 16 point 4, ADR 0053): a
// translator working in French finds a service's description in the French → Italian queue,
// named by the service; once a moderator approves, an Italian reader on a phone without
// JavaScript reads it in Italian, unmarked, under the right service even after the services are
// reordered; when that service's French changes, the Italian is marked out of date. The same
// holds for the other texts inside lists, a key figure's description for one.
import { expect, test } from 'vitest';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 390;
const ITALIAN = 'Sessioni di interpretariato nelle lingue delle migrazioni recenti, per ospedali e servizi sociali.';

async function as(account: Account, query: string, variables: Record<string, unknown> = {}) {
  const answer = await e2e.node.graphql(query, variables, { token: await e2e.node.bearerToken(account) });
  const result = Object.values(answer.data ?? {})[0] as { error?: unknown } | undefined;
  if (!answer.data || result?.error) throw new Error(`${query} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

type Service = Record<string, unknown> & { id?: string; name: Record<string, string> };
/** Saves the services as given (texts as language maps, ids kept). */
async function saveServices(account: Account, edit: (services: Service[]) => Service[]) {
  const { editableInitiative } = await as(account, '{ editableInitiative(slug: "univerbal") { version record } }');
  const services = edit(editableInitiative.record.services as Service[]).map((service) =>
    Object.fromEntries(
      Object.entries(service).map(([key, value]) =>
        key === 'id' || key === 'languages'
          ? [key, value]
          : [key, Object.entries(value as Record<string, string>).map(([language, text]) => ({ language, text }))],
      ),
    ),
  );
  await as(
    account,
    'mutation($v: Int!, $s: [ServiceInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { services: $s }) { error { code message } } }',
    { v: editableInitiative.version, s: services },
  );
}

test('a service’s description: queued by name, translated, shown in Italian under its service wherever it moves, then out of date', async () => {
  // 1. A reader asked for Univerbal in Italian (its texts come first), and the translator's queue
  // (French, with JavaScript) names the service and the text.
  const asked = await e2e.node.graphql(
    'mutation { requestTranslation(input: { kind: INITIATIVE, id: "univerbal", language: "it" }) { counted } }',
  );
  expect(asked.data?.requestTranslation).toEqual({ counted: true });
  const translator = await e2e.node.createAccount('TRANSLATOR', { email: 'interprete2@univerbal.e2e.test' });
  const french = await e2e.signedInContext(translator, { lang: 'fr' });
  const queue = await e2e.openPage('/account/translations?from=fr&to=it', { lang: 'fr', context: french });
  const item = queue.locator('main .queue > li').filter({ hasText: 'Service : Interprétation en milieu social — Description' });
  await expect(item.count()).resolves.toBe(1);
  await e2e.axeScan(queue);
  await Promise.all([
    queue.waitForURL(/\/account\/translations\/initiative\/univerbal\/services\.0\.description\/it$/),
    item.getByRole('link').click(),
  ]);
  await expect(queue.locator('.record').innerText()).resolves.toContain('Service : Interprétation en milieu social — Description');
  await expect(queue.locator('.source').first().innerText()).resolves.toContain('hôpitaux de la région liégeoise');
  await queue.getByLabel('Texte en italien').fill(ITALIAN);
  await Promise.all([queue.waitForLoadState('load'), queue.getByRole('button', { name: 'Envoyer pour relecture' }).click()]);
  await expect(queue.getByRole('status').filter({ hasText: 'traduction' }).innerText()).resolves.toContain('votre traduction attend');
  await e2e.axeScan(queue);

  // 2. A moderator approves; the Italian reader (phone, no JavaScript) reads it unmarked.
  const moderator = await e2e.node.createAccount('MODERATOR');
  const { editableInitiative } = await as(moderator, '{ editableInitiative(slug: "univerbal") { version } }');
  await as(moderator, 'mutation($v: Int!) { approve(id: "univerbal", version: $v) { error { code message } } }', {
    v: editableInitiative.version,
  });
  const service = (page: Awaited<ReturnType<typeof e2e.openPage>>, name: string) =>
    page
      .locator('section[aria-labelledby="services-heading"] li')
      .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(name) }) });
  let reader = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE, javaScriptEnabled: false });
  let interpreting = service(reader, 'Interprétation en milieu social');
  await expect(interpreting.innerText()).resolves.toContain(ITALIAN);
  await expect(interpreting.locator('p', { hasText: 'Sessioni di interpretariato' }).innerText()).resolves.not.toContain('(in ');
  await e2e.axeScan(reader);

  // 3. The services are reordered: the Italian stays with its service.
  await saveServices(moderator, (services) => [...services].reverse());
  reader = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE, javaScriptEnabled: false });
  await expect(reader.locator('section[aria-labelledby="services-heading"] li h3').first().innerText()).resolves.not.toContain(
    'Interprétation en milieu social',
  );
  interpreting = service(reader, 'Interprétation en milieu social');
  await expect(interpreting.innerText()).resolves.toContain(ITALIAN);
  await expect(interpreting.innerText()).resolves.not.toContain('(traduzione non aggiornata)');

  // 4. That service's French description changes: its Italian is marked out of date, nothing else.
  await saveServices(moderator, (services) =>
    services.map((s) =>
      s.name.fr === 'Interprétation en milieu social'
        ? { ...s, description: { ...(s.description as object), fr: 'Interprétation sociale en 33 langues.' } }
        : s,
    ),
  );
  reader = await e2e.openPage('/initiatives/univerbal', { lang: 'it', width: PHONE, javaScriptEnabled: false });
  interpreting = service(reader, 'Interprétation en milieu social');
  await expect(interpreting.locator('p', { hasText: 'Sessioni di interpretariato' }).innerText()).resolves.toContain(
    '(traduzione non aggiornata)',
  );
  const marks =
    (await reader.locator('section[aria-labelledby="services-heading"]').innerText()).split('(traduzione non aggiornata)').length - 1;
  expect(marks).toBe(1);
  await e2e.axeScan(reader);
});

test('a key figure’s description translated into Italian, then its French changed: the Italian page marks it out of date, and only it', async () => {
  const translator = await e2e.node.createAccount('TRANSLATOR', { email: 'interprete3@univerbal.e2e.test' });
  const moderator = await e2e.node.createAccount('MODERATOR', { email: 'moderatrice3@univerbal.e2e.test' });
  const answer = await e2e.node.graphql('{ initiative(slug: "univerbal", lang: "it") { keyFigures { textKey value } } }');
  const figure = (answer.data.initiative as { keyFigures: Array<{ textKey: string; value: number }> }).keyFigures.find(
    (f) => f.value === 45,
  )!;
  const version = async () =>
    ((await as(moderator, '{ editableInitiative(slug: "univerbal") { version } }')).editableInitiative as { version: number }).version;
  await as(translator, 'mutation($i: TranslateTextInput!) { translateText(input: $i) { error { code message } } }', {
    i: {
      kind: 'INITIATIVE',
      id: 'univerbal',
      version: await version(),
      field: `keyFigures.${figure.textKey}.description`,
      language: 'it',
      text: 'interpreti',
    },
  });
  await as(moderator, 'mutation($v: Int!) { approve(id: "univerbal", version: $v) { error { code message } } }', { v: await version() });
  const figures = (page: Awaited<ReturnType<typeof e2e.openPage>>) => page.locator('section[aria-labelledby="figures-heading"]');
  const interpreters = (page: Awaited<ReturnType<typeof e2e.openPage>>) =>
    figures(page)
      .locator('dl > div')
      .filter({ hasText: /\binterpreti\b/ });
  let reader = await e2e.openPage('/initiatives/univerbal', { lang: 'it', javaScriptEnabled: false });
  await expect(interpreters(reader).locator('dt').innerText()).resolves.not.toContain('(traduzione non aggiornata)');

  // Its French changes: the Italian is shown, marked out of date; no other figure is marked.
  const { editableInitiative } = await as(moderator, '{ editableInitiative(slug: "univerbal") { version record } }');
  const stored = (editableInitiative as { record: { keyFigures: Array<Record<string, unknown>> } }).record.keyFigures;
  const keyFigures = stored.map((f, index) => ({
    ...f,
    description: Object.entries(
      (f.id ?? String(index)) === figure.textKey ? { ...(f.description as object), fr: 'interprètes formés' } : (f.description as object),
    ).map(([language, text]) => ({ language, text })),
  }));
  await as(
    moderator,
    'mutation($v: Int!, $k: [KeyFigureInput!]!) { updateInitiative(id: "univerbal", version: $v, changes: { keyFigures: $k }) { error { code message } } }',
    { v: (editableInitiative as { version: number }).version, k: keyFigures },
  );
  reader = await e2e.openPage('/initiatives/univerbal', { lang: 'it', javaScriptEnabled: false });
  await expect(interpreters(reader).locator('dt').innerText()).resolves.toContain('interpreti (traduzione non aggiornata)');
  expect((await figures(reader).innerText()).split('(traduzione non aggiornata)').length - 1).toBe(1);
  await e2e.axeScan(reader);
  // The French reader reads the new source, unmarked.
  const french = await e2e.openPage('/initiatives/univerbal', { lang: 'fr' });
  await expect(figures(french).innerText()).resolves.toContain('interprètes formés');
  await expect(figures(french).innerText()).resolves.not.toContain('(traduction');
});
