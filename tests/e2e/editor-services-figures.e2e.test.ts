// An initiative keeps its services, key figures and sources current on the web (issue 14,
// point 1), on a phone: an editor of Univerbal adds a service named in French without JavaScript
// and in Arabic with it (right to left), its languages ticked or typed by name, adds a key figure with a year and a source (a value
// that is not a number and a year of five digits are each refused beside the field, saying what
// to fix, with what was typed kept), adds a source with its publisher and kind; once published,
// the public page shows all of it, in French and in Arabic.
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useE2E, type Account } from './support/harness.ts';

const e2e = useE2E();
const PHONE = 360;

const SERVICE_FR = 'Cours de français pour interprètes';
const SERVICE_AR = 'دروس الفرنسية للمترجمين';
const FEES_FR = 'Gratuit pour les interprètes bénévoles.';
const ELIGIBILITY_FR = 'Interprètes communautaires de la région de Liège.';
const FIGURE_FR = 'cours de français par semaine';
const FIGURE_AR = 'دروس الفرنسية في الأسبوع';
const SOURCE_TITLE = 'Rapport d’activité 2022';
const SOURCE_PUBLISHER = 'Le Monde des Possibles ASBL';

let editor: Account;

/** A part of a record's page (RecordSection): the section its heading names. */
const section = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}-heading"]`);

async function press(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).first().click()]);
}

test('a service added and named in French, without JavaScript, on a phone', async () => {
  editor = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const context = await e2e.signedInContext(editor, { lang: 'fr', javaScriptEnabled: false, width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal', { context });
  await Promise.all([
    page.waitForURL('**/account/initiatives/univerbal/services'),
    page.getByRole('navigation', { name: 'Parties de la fiche' }).getByRole('link', { name: 'Services' }).click(),
  ]);
  await page.goto(`${e2e.node.url}/account/initiatives/univerbal/services?in=fr`);
  await expect(page.locator('h1').innerText()).resolves.toBe('Services en français');
  await expect(page.getByRole('group', { name: 'Service 2', exact: true }).getByLabel('Nom du service').inputValue()).resolves.toBe(
    "Formation d'interprète en milieu social",
  );

  await press(page, 'Ajouter un service');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Pas encore enregistré');
  const added = page.getByRole('group', { name: 'Service 3', exact: true });
  await added.getByLabel('Nom du service').fill(SERVICE_FR);
  await added.getByLabel('arabe', { exact: true }).check();
  await added.getByLabel('Autres langues').fill('tigrigna, Persan');
  // The Open Referral details sit behind "Plus de détails", a native <details> that opens without JavaScript.
  await added.locator('summary').click();
  await added.getByLabel('Tarifs', { exact: true }).fill(FEES_FR);
  await added.getByLabel('Pour qui', { exact: true }).fill(ELIGIBILITY_FR);
  // Moving and removing blocks answers the form rearranged, keeping what was typed, saving nothing.
  await press(page, 'Monter (Service 3)');
  await expect(page.getByRole('group', { name: 'Service 2', exact: true }).getByLabel('Nom du service').inputValue()).resolves.toBe(
    SERVICE_FR,
  );
  await press(page, 'Descendre (Service 2)');
  await press(page, 'Ajouter un service');
  await expect(page.getByRole('group', { name: 'Service 4', exact: true }).count()).resolves.toBe(1);
  await press(page, 'Retirer (Service 4)');
  await expect(page.getByRole('group', { name: 'Service 4', exact: true }).count()).resolves.toBe(0);
  await expect(added.getByLabel('Nom du service').inputValue()).resolves.toBe(SERVICE_FR);
  await expect(added.getByLabel('Autres langues').inputValue()).resolves.toBe('tigrigna, Persan');
  await expect(added.getByLabel('arabe', { exact: true }).isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);
  await press(page, 'Enregistrer les services en français');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Enregistré.');
  const saved = page.getByRole('group', { name: 'Service 3', exact: true });
  await expect(saved.getByLabel('Nom du service').inputValue()).resolves.toBe(SERVICE_FR);
  await expect(saved.getByLabel('arabe', { exact: true }).isChecked()).resolves.toBe(true);
  await expect(saved.getByLabel('tigrigna', { exact: true }).isChecked()).resolves.toBe(true);
  await expect(saved.getByLabel('persan', { exact: true }).isChecked()).resolves.toBe(true);
  await e2e.axeScan(page);
  await e2e.screenshot(page, 'editor-services', { readme: true });
  // The preview shows the details as the public page will.
  const preview = await e2e.openPage('/account/initiatives/univerbal/preview', { context });
  await expect(section(preview, 'services').locator('li').filter({ hasText: SERVICE_FR }).innerText()).resolves.toContain(FEES_FR);
});

test('a key figure with a year and a source, and a new source, without JavaScript: wrong values are refused beside their field', async () => {
  const context = await e2e.signedInContext(editor, { lang: 'fr', javaScriptEnabled: false, width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal/figures?in=fr', { context });
  await expect(page.locator('h1').innerText()).resolves.toBe('Chiffres clés et sources en français');
  // A catalogued source shows the catalogue's facts, as the public page does; only its note is edited.
  await expect(page.getByRole('group', { name: 'Source 2', exact: true }).innerText()).resolves.toContain(
    'Actes du workshop Union Migrant Net',
  );

  await press(page, 'Ajouter une source');
  const source = page.getByRole('group', { name: 'Source 4', exact: true });
  await source.getByLabel('Titre', { exact: true }).fill(SOURCE_TITLE);
  await source.getByLabel('Éditeur', { exact: true }).fill(SOURCE_PUBLISHER);
  await source.getByLabel('Type de document').selectOption('REPORT');
  await source.getByLabel('Date', { exact: true }).fill('2023-03');
  await source.getByLabel('Note en français').fill('Page 2 : les cours donnés aux interprètes.');
  await press(page, 'Ajouter un chiffre');
  const figure = page.getByRole('group', { name: 'Chiffre 8', exact: true });
  // What was typed in the new source is kept by the round trip.
  await expect(page.getByRole('group', { name: 'Source 4', exact: true }).getByLabel('Titre', { exact: true }).inputValue()).resolves.toBe(
    SOURCE_TITLE,
  );
  await figure.getByLabel('Nombre', { exact: true }).fill('douze');
  await figure.getByLabel('Ce qu’il compte').fill(FIGURE_FR);
  await figure.getByLabel('Année', { exact: true }).fill('20222');
  await figure.getByLabel('Source', { exact: true }).selectOption('s1');
  await expect(figure.getByLabel('Source', { exact: true }).locator('option:checked').innerText()).resolves.toMatch(
    /^Source 2 : Actes du workshop/,
  );

  await press(page, 'Enregistrer les chiffres et sources en français');
  const valueError = 'Écrivez un nombre, avec des chiffres seulement, par exemple 45 ou 12,5.';
  await expect(page.getByRole('alert').innerText()).resolves.toContain(valueError);
  await expect(page.getByRole('link', { name: valueError }).getAttribute('href')).resolves.toBe('#fig-7-value');
  await expect(figure.getByLabel('Nombre', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(figure.getByLabel('Ce qu’il compte').inputValue()).resolves.toBe(FIGURE_FR);
  await e2e.axeScan(page);

  // A number now; the year of five digits is refused by the registry's validation, in French.
  await figure.getByLabel('Nombre', { exact: true }).fill('12');
  await press(page, 'Enregistrer les chiffres et sources en français');
  const yearError = 'Écrivez l’année en quatre chiffres, entre 1800 et 2200, par exemple 2021.';
  await expect(page.getByRole('alert').innerText()).resolves.toContain(yearError);
  await expect(page.getByRole('link', { name: yearError }).getAttribute('href')).resolves.toBe('#fig-7-year');
  await expect(figure.getByLabel('Année', { exact: true }).inputValue()).resolves.toBe('20222');
  await expect(figure.getByLabel('Source', { exact: true }).inputValue()).resolves.toBe('s1');

  await figure.getByLabel('Année', { exact: true }).fill('2022');
  await press(page, 'Enregistrer les chiffres et sources en français');
  await expect(page.getByRole('status').innerText()).resolves.toContain('Enregistré.');
  await expect(
    page.getByRole('group', { name: 'Chiffre 8', exact: true }).getByLabel('Nombre', { exact: true }).inputValue(),
  ).resolves.toBe('12');
  await e2e.axeScan(page);
});

test('the same service and figure in Arabic, with JavaScript, right to left', async () => {
  const context = await e2e.signedInContext(editor, { lang: 'ar', width: PHONE });
  const page = await e2e.openPage('/account/initiatives/univerbal/services?in=ar', { context });
  const added = page.getByRole('group', { name: 'الخدمة 3', exact: true });
  const name = added.getByLabel('اسم الخدمة');
  await expect(name.getAttribute('dir')).resolves.toBe('rtl');
  await expect(name.getAttribute('lang')).resolves.toBe('ar');
  await name.fill(SERVICE_AR);
  await press(page, /احفظ الخدمات/);
  await page.getByRole('status').waitFor();
  await expect(page.getByRole('group', { name: 'الخدمة 3', exact: true }).getByLabel('اسم الخدمة').inputValue()).resolves.toBe(SERVICE_AR);
  await e2e.axeScan(page);

  const figures = await e2e.openPage('/account/initiatives/univerbal/figures?in=ar', { context });
  const figure = figures.getByRole('group', { name: 'الرقم 8', exact: true });
  await figure.getByLabel('ماذا يعدّ').fill(FIGURE_AR);
  await figure.getByLabel('السنة', { exact: true }).fill('20222');
  await press(figures, /احفظ الأرقام والمصادر/);
  await expect(figures.getByRole('alert').innerText()).resolves.toContain('اكتب السنة بأربعة أرقام، بين 1800 و2200، مثل 2021.');
  await e2e.axeScan(figures);
  await figures.getByRole('group', { name: 'الرقم 8', exact: true }).getByLabel('السنة', { exact: true }).fill('2022');
  await press(figures, /احفظ الأرقام والمصادر/);
  await figures.getByRole('status').waitFor();
});

test('every control of the two forms shows where the keyboard focus is', async () => {
  const keyboardUser = await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] });
  const context = await e2e.signedInContext(keyboardUser, { lang: 'en', width: PHONE });
  for (const path of ['/account/initiatives/univerbal/services?in=en', '/account/initiatives/univerbal/figures?in=en']) {
    const page = await e2e.openPage(path, { context });
    await page
      .getByRole('button', { name: /^Save the/ })
      .first()
      .focus();
    const seen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element?.closest('main form')) return null;
        const style = getComputedStyle(element);
        return {
          what: `${element.tagName.toLowerCase()}#${element.id} ${(element.textContent ?? '').trim().slice(0, 40)}`,
          ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        };
      });
      if (!state) break;
      seen.add(state.what.split(' ')[0]!.split('#')[0]!);
      expect(state.ring, `no visible focus on ${state.what} (${path})`).toBe(true);
    }
    // Text fields, text areas, check boxes or lists, and the buttons of the blocks were all reached.
    expect([...seen].sort()).toEqual(
      path.includes('services') ? ['button', 'input', 'summary', 'textarea'] : ['button', 'input', 'select', 'textarea'],
    );
  }
});

test('once published, the public page shows the service, the figure with its source, and the new source', async () => {
  const token = await e2e.node.bearerToken(e2e.node.admin);
  const { data } = await e2e.node.graphql('{ editableInitiative(slug: "univerbal") { version } }', {}, { token });
  const submitted = await e2e.node.graphql(
    'mutation($v: Int!) { submitForReview(id: "univerbal", version: $v) { record { ... on InitiativeDraft { version } } error { message } } }',
    { v: data.editableInitiative.version },
    { token },
  );
  expect(submitted.data.submitForReview.error).toBeNull();
  const approved = await e2e.node.graphql(
    'mutation($v: Int!) { approve(id: "univerbal", version: $v) { error { message } } }',
    { v: submitted.data.submitForReview.record.version },
    { token },
  );
  expect(approved.data.approve.error).toBeNull();

  const french = await e2e.openPage('/initiatives/univerbal', { lang: 'fr', javaScriptEnabled: false, width: PHONE });
  await expect(section(french, 'services').innerText()).resolves.toContain(SERVICE_FR);
  // Every field the editor filled shows under the service, labelled as on the form.
  const service = section(french, 'services').locator('li').filter({ hasText: SERVICE_FR });
  const fact = (item: Locator, term: string) => item.locator('dl > div').filter({ has: french.locator('dt', { hasText: term }) });
  await expect(fact(service, 'Tarifs').locator('dd').innerText()).resolves.toBe(FEES_FR);
  await expect(fact(service, 'Pour qui').locator('dd').innerText()).resolves.toBe(ELIGIBILITY_FR);
  await expect(fact(service, 'Langues').locator('dd').innerText()).resolves.toMatch(/arabe/);
  // The figure: what it counts and its year, the number, and the dated document it is from.
  const figure = await section(french, 'figures').locator('dl > div').filter({ hasText: FIGURE_FR }).innerText();
  const lines = figure.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  expect(lines).toEqual([`${FIGURE_FR} (2022)`, '12', 'Source : actes de colloque, 2021']);
  const sources = await section(french, 'sources').innerText();
  expect(sources).toContain(SOURCE_TITLE);
  expect(sources).toContain(SOURCE_PUBLISHER);
  expect(sources).toContain('Rapport');
  expect(sources).toContain('Page 2 : les cours donnés aux interprètes.');
  await e2e.axeScan(french);

  const arabic = await e2e.openPage('/initiatives/univerbal', { lang: 'ar', width: PHONE });
  await expect(section(arabic, 'services').innerText()).resolves.toContain(SERVICE_AR);
  // Written in French only: under its Arabic label, the fee keeps its language and says it is French.
  const arabicService = section(arabic, 'services').locator('li').filter({ hasText: SERVICE_AR });
  const fee = arabicService
    .locator('dl > div')
    .filter({ has: arabic.locator('dt', { hasText: 'الرسوم' }) })
    .locator('dd');
  await expect(fee.locator('[lang="fr"][dir="ltr"]').innerText()).resolves.toContain(FEES_FR);
  await expect(fee.innerText()).resolves.toContain('(باللغة الفرنسية)');
  await e2e.axeScan(arabic);
  await expect(section(arabic, 'figures').innerText()).resolves.toContain(FIGURE_AR);
});
