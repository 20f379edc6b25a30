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
      onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
    };
  });
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

for (const path of ['/', '/initiatives/univerbal', '/practices/liege-pt6-public-procurement']) {
  test(`every element reached with Tab on ${path} shows a focus ring`, async () => {
    const page = await e2e.openPage(path, { lang: 'en' });
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const state = await focused(page);
      if (!state) break;
      seen.push(`${state.tag} "${state.text}"`);
      expect(state.ring, `no visible focus on ${state.tag} "${state.text}"`).toBe(true);
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
