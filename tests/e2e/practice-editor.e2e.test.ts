// Good practices are edited on the web (issue 14, point 4), as the node's moderators do it: one
// creates a practice (a refused first try keeps what was typed, each problem at its field),
// writes texts in two language tabs, its period, an organisation and a source (a refused web
// address keeps what was typed), links an initiative and sends it for review; another moderator sees its values labelled in the review queue and
// approves it; the public page shows it; the history compares two versions. In French with
// JavaScript off, in English with it on. An initiative's editor and the anonymous public are
// kept out of every page and action.
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();

let author: Account;
let reviewer: Account;
let editor: Account;
beforeAll(async () => {
  [author, reviewer, editor] = await Promise.all([
    e2e.node.createAccount('MODERATOR'),
    e2e.node.createAccount('MODERATOR'),
    e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] }),
  ]);
});

/**
 * Clicks a form's button and waits for the page that answers the post (with or without
 * JavaScript). The first one: a long form (the sources) repeats Save above its fields.
 */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForLoadState('load'),
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  await page.waitForLoadState('load');
}

/** The label, before and after of each change shown in `scope`. */
async function shownChanges(scope: ReturnType<Page['locator']>) {
  return scope.locator('.changes > li').evaluateAll((items) =>
    items.map((item) => ({
      label: item.querySelector('h3')?.textContent?.trim(),
      before: item.querySelector('.before .value, .before .absent')?.textContent?.replace(/\s+/g, ' ').trim(),
      after: item.querySelector('.after .value, .after .absent')?.textContent?.replace(/\s+/g, ' ').trim(),
    })),
  );
}

const RUNS = [
  {
    lang: 'fr' as const,
    javaScriptEnabled: false,
    handle: 'liege-pt4-guichet-e2e',
    words: {
      listTitle: 'Bonnes pratiques',
      newLink: 'Nouvelle bonne pratique',
      language: 'Langue de ces textes',
      title: 'Titre',
      summary: 'Résumé',
      type: 'Type de pratique',
      handle: 'Nom court dans l’adresse web (facultatif)',
      create: 'Créer le brouillon',
      required: 'Remplissez ce champ.',
      created: 'Créée comme brouillon.',
      context: 'Contexte et problème',
      otherTab: /anglais/,
      save: (language: string) => `Enregistrer les textes en ${language}`,
      saved: 'Enregistré.',
      details: 'Type, lieu et période',
      start: 'Début',
      regular: 'C’est un service régulier (pas un projet qui se termine)',
      saveDetails: 'Enregistrer le type, le lieu et la période',
      dateError: 'Écrivez une année, une année et un mois, ou une date',
      actors: 'Organisations',
      actorName: 'Nom de l’organisation',
      role: 'Rôle',
      saveActors: 'Enregistrer les organisations',
      initiatives: 'Initiatives',
      addInitiative: 'Ajouter une initiative',
      saveInitiatives: 'Enregistrer les initiatives',
      addSource: 'Ajouter une source',
      publisher: 'Éditeur',
      url: 'Adresse web',
      urlError: 'Donnez une adresse web complète',
      saveSources: 'Enregistrer les sources en français',
      overview: 'Vue d’ensemble',
      send: 'Envoyer en relecture',
      sent: 'Envoyée en relecture.',
      approve: 'Approuver et publier',
      approved: 'Approuvée',
      titleLabels: ['Titre — français', 'Titre — anglais'],
      history: 'Historique',
      from: 'Depuis la version',
      to: 'Jusqu’à la version',
      compare: 'Comparer',
      absent: '(vide)',
    },
    texts: {
      title: 'Guichet unique d’accueil et d’emploi',
      summary: 'Un seul guichet pour les besoins de base et un premier projet professionnel.',
    },
    english: { title: 'One-stop shop for reception and work', summary: 'One desk for basic needs and a first step towards work.' },
  },
  {
    lang: 'en' as const,
    javaScriptEnabled: true,
    handle: 'liege-pt7-fablab-e2e',
    words: {
      listTitle: 'Good practices',
      newLink: 'New good practice',
      language: 'Language of these texts',
      title: 'Title',
      summary: 'Summary',
      type: 'Practice type',
      handle: 'Short name in the web address (optional)',
      create: 'Create the draft',
      required: 'Fill this in.',
      created: 'Created as a draft.',
      context: 'Context and issue',
      otherTab: /French/,
      save: (language: string) => `Save the texts in ${language}`,
      saved: 'Saved.',
      details: 'Type, place and period',
      start: 'Start',
      regular: 'It is a regular service (not a project that ends)',
      saveDetails: 'Save type, place and period',
      dateError: 'Write a year, a year and month, or a date',
      actors: 'Organisations',
      actorName: 'Name of the organisation',
      role: 'Role',
      saveActors: 'Save the organisations',
      initiatives: 'Initiatives',
      addInitiative: 'Add an initiative',
      saveInitiatives: 'Save the initiatives',
      addSource: 'Add a source',
      publisher: 'Publisher',
      url: 'Web address',
      urlError: 'Give a full web address',
      saveSources: 'Save the sources in English',
      overview: 'Overview',
      send: 'Send for review',
      sent: 'Sent for review.',
      approve: 'Approve and publish',
      approved: 'Approved',
      titleLabels: ['Title — English', 'Title — French'],
      history: 'History',
      from: 'From version',
      to: 'To version',
      compare: 'Compare',
      absent: '(empty)',
    },
    texts: { title: 'A fablab for newcomers', summary: 'A third place where newcomers learn digital fabrication and meet employers.' },
    english: { title: 'Un fablab pour les nouveaux arrivants', summary: 'Un tiers-lieu où apprendre la fabrication numérique.' },
  },
];

for (const run of RUNS) {
  const w = run.words;
  const other = run.lang === 'fr' ? 'en' : 'fr';
  describe(`in ${run.lang}, JavaScript ${run.javaScriptEnabled ? 'on' : 'off'}`, () => {
    let authorContext: BrowserContext;
    let reviewerContext: BrowserContext;
    beforeAll(async () => {
      authorContext = await e2e.signedInContext(author, { lang: run.lang, javaScriptEnabled: run.javaScriptEnabled });
      reviewerContext = await e2e.signedInContext(reviewer, { lang: run.lang, javaScriptEnabled: run.javaScriptEnabled });
    });

    test('a moderator creates a practice, writes it in two languages and sends it for review', async () => {
      const list = await e2e.openPage('/admin/practices', { context: authorContext });
      await expect(list.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(w.listTitle);
      await expect(list.getByRole('row').count()).resolves.toBeGreaterThan(10);
      await e2e.axeScan(list);
      await Promise.all([list.waitForURL('**/admin/practices/new'), list.getByRole('link', { name: w.newLink }).click()]);

      // Refused: no title. The summary typed stays, the problem is at the title and in the summary.
      await list.getByLabel(w.language).selectOption(run.lang);
      await list.getByLabel(w.summary).fill(run.texts.summary);
      await list.getByLabel(w.type).selectOption(run.lang === 'fr' ? 'PT4' : 'PT7');
      await list.getByLabel(w.handle).fill(run.handle);
      await submit(list, w.create);
      const alert = list.getByRole('alert');
      await expect(alert.innerText()).resolves.toContain(w.required);
      await expect(alert.getByRole('link').first().getAttribute('href')).resolves.toBe('#new-title');
      await expect(list.getByLabel(w.title).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(list.getByLabel(w.summary).inputValue()).resolves.toBe(run.texts.summary);
      await expect(list.getByLabel(w.handle).inputValue()).resolves.toBe(run.handle);
      await e2e.axeScan(list);

      await list.getByLabel(w.title).fill(run.texts.title);
      await submit(list, w.create);
      expect(new URL(list.url()).pathname).toBe(`/admin/practices/${run.handle}/texts`);
      await list.getByRole('status').filter({ hasText: w.created }).waitFor();

      // The first language's tab: one more field. Then the other language's tab.
      await list.getByLabel(w.context).fill(`${run.texts.title}: context.`);
      await submit(list, w.save(run.lang === 'fr' ? 'français' : 'English'));
      await list.getByRole('status').filter({ hasText: w.saved }).waitFor();
      await Promise.all([list.waitForURL(`**/texts?in=${other}`), list.getByRole('link', { name: w.otherTab }).click()]);
      await list.getByLabel(w.title).fill(run.english.title);
      await list.getByLabel(w.summary, { exact: true }).fill(run.english.summary);
      await submit(list, w.save(run.lang === 'fr' ? 'anglais' : 'French'));
      await list.getByRole('status').filter({ hasText: w.saved }).waitFor();
      await expect(list.getByLabel(w.title).getAttribute('lang')).resolves.toBe(other);
      await e2e.axeScan(list);
      if (run.lang === 'fr') await e2e.screenshot(list, 'practice-editor', { readme: true });

      // Period: a wrong date is said at its field and what was typed stays.
      const details = await e2e.openPage(`/admin/practices/${run.handle}/details`, { context: authorContext });
      await details.getByLabel(w.start).fill('2019-13');
      await details.getByLabel(w.regular).check();
      await submit(details, w.saveDetails);
      await expect(details.locator('#period-start-error').innerText()).resolves.toContain(w.dateError);
      await expect(details.getByLabel(w.start).inputValue()).resolves.toBe('2019-13');
      await expect(details.getByLabel(w.regular).isChecked()).resolves.toBe(true);
      await e2e.axeScan(details);
      await details.getByLabel(w.start).fill('2019-03');
      await submit(details, w.saveDetails);
      await details.getByRole('status').filter({ hasText: w.saved }).waitFor();

      // An organisation in the blank row; the role picked from the roles, in the reader's language.
      const actors = await e2e.openPage(`/admin/practices/${run.handle}/actors`, { context: authorContext });
      await actors.getByLabel(w.actorName).fill('Ville de Liège');
      await actors.getByLabel(w.role).selectOption('city');
      await submit(actors, w.saveActors);
      await actors.getByRole('status').filter({ hasText: w.saved }).waitFor();
      await expect(actors.getByLabel(w.actorName).count()).resolves.toBe(2);
      await e2e.axeScan(actors);

      const initiatives = await e2e.openPage(`/admin/practices/${run.handle}/initiatives`, { context: authorContext });
      await initiatives.getByLabel(w.addInitiative).fill(`${e2e.node.url}/initiatives/univerbal`);
      await submit(initiatives, w.saveInitiatives);
      await initiatives.getByRole('status').filter({ hasText: w.saved }).waitFor();
      await expect(initiatives.getByRole('checkbox', { name: 'univerbal' }).isChecked()).resolves.toBe(true);

      // A source with its publisher, in a block added by the form's own button (no JavaScript
      // needed); a web address that is not one is said at its field and the rest stays typed.
      const sources = await e2e.openPage(`/admin/practices/${run.handle}/sources`, { context: authorContext });
      await submit(sources, w.addSource);
      await sources.getByLabel(w.title, { exact: true }).fill(`${run.texts.title} — 2024`);
      await sources.getByLabel(w.publisher).fill('Ville de Liège, service Cohésion sociale');
      await sources.getByLabel(w.url).fill('liege.be/guichet');
      await submit(sources, w.saveSources);
      await expect(sources.getByRole('alert').innerText()).resolves.toContain(w.urlError);
      await expect(sources.getByLabel(w.url).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(sources.getByLabel(w.publisher).inputValue()).resolves.toBe('Ville de Liège, service Cohésion sociale');
      await e2e.axeScan(sources);
      await sources.getByLabel(w.url).fill('https://www.liege.be/guichet');
      await submit(sources, w.saveSources);
      await sources.getByRole('status').filter({ hasText: w.saved }).waitFor();
      if (run.lang === 'fr') await e2e.screenshot(sources, 'practice-sources', { readme: true });

      const overview = await e2e.openPage(`/admin/practices/${run.handle}`, { context: authorContext });
      await submit(overview, w.send);
      await overview.getByRole('status').filter({ hasText: w.sent }).waitFor();
    });

    test('another moderator sees its values labelled in the review queue and approves it; the public page shows it', async () => {
      const review = await e2e.openPage('/admin/review', { context: reviewerContext });
      const item = review.getByRole('listitem').filter({ has: review.getByRole('heading', { name: run.texts.title, level: 2 }) });
      const changes = await shownChanges(item);
      const titles = changes
        .filter((c) => w.titleLabels.includes(c.label ?? ''))
        .sort((a, b) => w.titleLabels.indexOf(a.label!) - w.titleLabels.indexOf(b.label!));
      // A new practice: every value it holds, labelled in the reader's language, each language apart.
      expect(titles.map((c) => [c.label, c.before, c.after])).toEqual([
        [w.titleLabels[0], w.absent, run.texts.title],
        [w.titleLabels[1], w.absent, run.english.title],
      ]);
      expect(changes.find((c) => c.after === 'Ville de Liège')?.label).toMatch(
        run.lang === 'fr' ? /^Acteurs et leur rôle/ : /^Actors and their roles/,
      );
      await expect(
        item.getByRole('link', { name: run.lang === 'fr' ? 'Voir l’aperçu' : 'See the preview' }).getAttribute('href'),
      ).resolves.toBe(`/admin/practices/${run.handle}/preview`);
      await e2e.axeScan(review);
      await Promise.all([
        review.waitForResponse((r) => r.request().method() === 'POST'),
        item.getByRole('button', { name: w.approve }).click(),
      ]);
      await review.getByRole('status').filter({ hasText: w.approved }).waitFor();

      const page = await e2e.openPage(`/practices/${run.handle}`, { lang: run.lang, javaScriptEnabled: run.javaScriptEnabled });
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(run.texts.title);
      await expect(page.locator('main').innerText()).resolves.toContain('Ville de Liège');
      await expect(page.locator('main').innerText()).resolves.toContain('Ville de Liège, service Cohésion sociale');
      const inOther = await e2e.openPage(`/practices/${run.handle}`, { lang: other });
      await expect(inOther.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(run.english.title);
    });

    test('the history compares two versions chosen in its form', async () => {
      const history = await e2e.openPage(`/admin/practices/${run.handle}/history`, { context: reviewerContext });
      const versions = await history
        .getByLabel(w.from)
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const oldest = versions.at(-1)!;
      const newest = versions[0]!;
      await history.getByLabel(w.from).selectOption(oldest);
      await history.getByLabel(w.to).selectOption(newest);
      await Promise.all([
        history.waitForURL((url) => url.searchParams.get('from') === oldest && url.searchParams.get('to') === newest),
        history.getByRole('button', { name: w.compare }).click(),
      ]);
      const changes = await shownChanges(history.locator('main'));
      expect(changes.find((c) => c.label === w.titleLabels[1])).toEqual({
        label: w.titleLabels[1],
        before: w.absent,
        after: run.english.title,
      });
      // Version 1 already had the first language's title: no change to show for it.
      expect(changes.find((c) => c.label === w.titleLabels[0])).toBeUndefined();
      await e2e.axeScan(history);
    });
  });
}

test('a practice with the short name of an initiative is the one approved from the queue', async () => {
  // Handles are unique per kind only: "atemos" is also a published initiative of the seeds.
  const token = await e2e.node.bearerToken(author);
  const created = await e2e.node.graphql(
    `mutation { createGoodPractice(input: { handle: "atemos", practiceType: "PT3", originalLanguage: "en",
      title: [{ language: "en", text: "Atemos-style support networks" }], summary: [{ language: "en", text: "Shared support tools." }],
      location: { locality: "Liège", country: "BE" } }) { record { ... on GoodPracticeDraft { id version } } error { message } } }`,
    {},
    { token },
  );
  const { id, version } = created.data.createGoodPractice.record;
  const sent = await e2e.node.graphql(
    'mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { error { message } } }',
    { id, v: version },
    { token },
  );
  expect(sent.data.submitForReview.error).toBeNull();

  // The initiative's own change waits in the same queue.
  const atemosEditor = await e2e.node.createAccount('EDITOR', { initiatives: ['atemos'] });
  const editorToken = await e2e.node.bearerToken(atemosEditor);
  const current = await e2e.node.graphql('{ editableInitiative(slug: "atemos") { version } }', {}, { token: editorToken });
  const edited = await e2e.node.graphql(
    'mutation($v: Int!) { updateInitiative(id: "atemos", version: $v, changes: { website: "https://atemos.example/" }) { record { ... on InitiativeDraft { id version } } error { message } } }',
    { v: current.data.editableInitiative.version },
    { token: editorToken },
  );
  const initiative = edited.data.updateInitiative.record;
  const submitted = await e2e.node.graphql(
    'mutation($id: ID!, $v: Int!) { submitForReview(id: $id, version: $v) { error { message } } }',
    { id: initiative.id, v: initiative.version },
    { token: editorToken },
  );
  expect(submitted.data.submitForReview.error).toBeNull();
  const ATEMOS = 'Atemos – Workshops for a world of solidarity';

  const review = await e2e.openPage('/admin/review', { lang: 'en', context: await e2e.signedInContext(reviewer, { lang: 'en' }) });
  await expect(review.locator('main h2').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining([ATEMOS, 'Atemos-style support networks']),
  );
  // Both items on one page, each with its own element ids (labels, error links and headings point at them).
  const ids = await review.locator('main [id]').evaluateAll((elements) => elements.map((element) => element.id));
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  await e2e.axeScan(review);
  const item = review
    .getByRole('listitem')
    .filter({ has: review.getByRole('heading', { name: 'Atemos-style support networks', level: 2 }) });
  await Promise.all([
    review.waitForResponse((r) => r.request().method() === 'POST'),
    item.getByRole('button', { name: 'Approve and publish' }).click(),
  ]);
  await review.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
  const page = await e2e.openPage('/practices/atemos', { lang: 'en' });
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Atemos-style support networks');
  // Only the practice was approved: the initiative's change still waits.
  await expect(review.locator('main h2').allInnerTexts()).resolves.toContain(ATEMOS);
});

describe('who may edit good practices', () => {
  test('an initiative’s editor is refused every page and action, and nothing is created', async () => {
    const context = await e2e.signedInContext(editor, { lang: 'en' });
    for (const path of ['/admin/practices', '/admin/practices/new', '/admin/practices/liege-pt6-public-procurement/texts']) {
      await e2e.openPage(path, { context, status: 403 });
    }
    const { csrfToken } = await e2e.signIn(context, editor);
    const posted = await context.request.post(`${e2e.node.url}/admin/practices/new?/create`, {
      form: {
        csrf: csrfToken,
        handle: 'liege-pt1-by-an-editor',
        title: 'x',
        summary: 'x',
        originalLanguage: 'en',
        practiceType: 'PT1',
        locality: 'Liège',
        country: 'BE',
      },
      headers: { origin: e2e.node.url, accept: 'application/json' },
    });
    // The registry refuses the editor: the form answers with the refusal, not the new practice.
    await expect(posted.json()).resolves.toMatchObject({ type: 'failure', status: 403 });
    const moderatorContext = await e2e.signedInContext(author, { lang: 'en' });
    const asModerator = await moderatorContext.request.post(`${e2e.node.url}/graphql`, {
      data: { query: '{ editableGoodPractice(slug: "liege-pt1-by-an-editor") { slug } }' },
    });
    expect(((await asModerator.json()) as { data: { editableGoodPractice: unknown } }).data.editableGoodPractice).toBeNull();
  });

  test('an editor’s post to a practice’s form is refused and changes nothing', async () => {
    const context = await e2e.signedInContext(editor, { lang: 'en' });
    const { csrfToken } = await e2e.signIn(context, editor);
    const path = '/admin/practices/liege-pt6-public-procurement';
    const before = await e2e.node.graphql<{ goodPractice: { title: { text: string }; sources: Array<{ title: string }> } }>(
      '{ goodPractice(slug: "liege-pt6-public-procurement") { title(lang: "en") { text } sources { title } } }',
    );
    for (const [action, form] of [
      ['texts?in=en&/save', { in: 'en', version: '1', 'practice-title': 'Taken over' }],
      ['sources?in=en&/save', { in: 'en', version: '1', sources: '1', 'src-0-title': 'Taken over' }],
      ['?/submit', { version: '1' }],
      ['history?/restore', { revision: '1', version: '1' }],
    ] as const) {
      const posted = await context.request.post(`${e2e.node.url}${path}/${action}`.replace('/?', '?'), {
        form: { csrf: csrfToken, ...form },
        headers: { origin: e2e.node.url, accept: 'application/json' },
      });
      expect(posted.status(), action).toBe(403);
    }
    const after = await e2e.node.graphql<{ goodPractice: { title: { text: string }; sources: Array<{ title: string }> } }>(
      '{ goodPractice(slug: "liege-pt6-public-procurement") { title(lang: "en") { text } sources { title } } }',
    );
    expect(after.data).toEqual(before.data);
    expect(before.data?.goodPractice.title.text).toBeTruthy();
  });

  test('a save based on an old version is refused, nothing is overwritten and what was typed stays', async () => {
    const context = await e2e.signedInContext(author, { lang: 'en', javaScriptEnabled: false });
    const path = '/admin/practices/liege-pt6-public-procurement/details';
    const first = await e2e.openPage(path, { context });
    const second = await e2e.openPage(path, { context });
    await first.getByLabel('Region').fill('Wallonia');
    await submit(first, 'Save type, place and period');
    await first.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await second.getByLabel('Region').fill('Province of Liège');
    await submit(second, 'Save type, place and period');
    await expect(second.getByRole('alert').innerText()).resolves.toContain('Someone else changed this listing since you opened the page.');
    await expect(second.getByLabel('Region').inputValue()).resolves.toBe('Province of Liège');
    const stored = await e2e.node.graphql<{ goodPractice: { location: { region: string } } }>(
      '{ goodPractice(slug: "liege-pt6-public-procurement") { location { region } } }',
    );
    expect(stored.data?.goodPractice.location.region).toBe('Wallonia');
  });

  test('the anonymous public is sent to sign in', async () => {
    const page = await e2e.openPage('/admin/practices/new', { lang: 'fr', redirectTo: '/sign-in' });
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Se connecter');
  });
});
