// Keyboard use: the skip link comes first and works, and every element reached with Tab shows
// where the focus is (WCAG 2.4.1, 2.1.1, 2.4.7).
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useE2E } from './support/harness.ts';

const e2e = useE2E();

/** What the focused element shows: its tag, text and whether a focus ring is drawn. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').trim().slice(0, 60),
      ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
    };
  });
}

/**
 * For focus shown otherwise than by an outline (a map marker's circle changes its stroke): the
 * pixels around the element differ between focused and not focused. Focus is then put back,
 * so the next Tab goes on from there.
 */
async function focusChangesPixels(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<boolean> {
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
  const focusedImage = await page.screenshot({ clip });
  const element = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  await element.evaluate((el) => el.blur());
  const blurredImage = await page.screenshot({ clip });
  await element.evaluate((el) => el.focus());
  return !focusedImage.equals(blurredImage);
}

test('the first Tab reaches the skip link, visible, and Enter moves to the main content', async () => {
  const page = await e2e.openPage('/initiatives/univerbal', { lang: 'en' });
  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first).toMatchObject({ tag: 'a', text: 'Skip to main content', ring: true, onScreen: true });
  await e2e.screenshot(page, 'keyboard-skip-link');
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
  // The next Tab goes to the first link inside the main content, not back to the header.
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => !!document.activeElement?.closest('main'))).resolves.toBe(true);
});

const PUBLIC_PAGES = [
  '/',
  '/initiatives/univerbal',
  '/practices/liege-pt6-public-procurement',
  '/search?q=cuisine',
  '/search?view=map',
  '/shortlist',
  '/nodes/liege',
  '/practice-types/PT6',
  '/sign-in',
  '/accessibility',
];
const SIGNED_IN_PAGES: Array<[string, 'EDITOR' | 'ADMIN']> = [
  ['/account/initiatives/univerbal/texts', 'EDITOR'],
  ['/account/initiatives/univerbal/privacy', 'EDITOR'],
  ['/account/initiatives/univerbal/organisation', 'EDITOR'],
  ['/admin/review', 'ADMIN'],
  ['/admin/partners', 'ADMIN'],
  ['/admin/profile', 'ADMIN'],
];

for (const [path, role] of [...PUBLIC_PAGES.map((p) => [p, null] as const), ...SIGNED_IN_PAGES]) {
  test(`every element reached with Tab on ${path}${role ? ` (${role.toLowerCase()})` : ''} shows a focus ring`, async () => {
    const account =
      role === 'ADMIN' ? e2e.node.admin : role === 'EDITOR' ? await e2e.node.createAccount('EDITOR', { initiatives: ['univerbal'] }) : null;
    const context = account ? await e2e.signedInContext(account, { lang: 'en' }) : await e2e.newContext({ lang: 'en' });
    const page = await e2e.openPage(path, { context });
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const state = await focused(page);
      if (!state) break;
      seen.push(`${state.tag} "${state.text}"`);
      expect(state.ring || (await focusChangesPixels(page, state.box)), `no visible focus on ${state.tag} "${state.text}"`).toBe(true);
      expect(state.onScreen, `focused ${state.tag} "${state.text}" is off screen`).toBe(true);
    }
    expect(seen.length).toBeGreaterThan(5);
  });
}

test('the language switcher works from the keyboard', async () => {
  const page = await e2e.openPage('/', { lang: 'en' });
  await page.getByRole('link', { name: 'Deutsch' }).focus();
  await Promise.all([page.waitForURL('**/?lang=de'), page.keyboard.press('Enter')]);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
});

test('after adding to the shortlist from the keyboard, Tab goes on from the same result', async () => {
  const page = await e2e.openPage('/search', { lang: 'en' });
  const button = page.getByRole('button', { name: 'Add to shortlist' }).nth(3);
  // The button's hidden text names the initiative: "Add to shortlist (Siriuschool)".
  const name = /\((.+)\)$/.exec((await button.textContent()) ?? '')?.[1];
  expect(name).toBeTruthy();
  await button.focus();
  // A plain form post: the page comes back on the result's anchor, where the focus sequence resumes.
  await Promise.all([page.waitForURL(/#/), page.keyboard.press('Enter')]);
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(name);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  expect(next.startsWith('Remove from shortlist') && next.endsWith(`(${name})`)).toBe(true);
});
