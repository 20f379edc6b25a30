// Every page type of the site, once each: page-types.e2e.test.ts opens each one, runs the axe
// scan and writes its screenshot (tests/e2e/artifacts/, and docs/screenshots/ with
// `npm run screenshots`). Adding a page type is one line here.
import type { Page } from 'playwright-core';
import type { E2ENode } from './support/harness.ts';

export interface PageType {
  /** Screenshot name: lower-case words with hyphens (docs/screenshots/<name>.png). */
  name: string;
  /** Path on the seeded Liège node; a function when it needs setting up first (e.g. an invitation). */
  path: string | ((node: E2ENode) => Promise<string>);
  /** Interface language (default fr, the Liège node's first language). */
  lang?: string;
  /** Sign in first as this role (an account is created through an invitation). */
  as?: 'ADMIN' | 'MODERATOR' | 'EDITOR';
  /** Expected HTTP status (default 200). */
  status?: number;
  /** Also one of the README's pictures (docs/screenshots/<name>.png, `npm run screenshots`). */
  readme?: boolean;
  /** Done first in the page's browser context (e.g. fill the shortlist), with a page of it. */
  before?: (page: Page) => Promise<void>;
}

/** Adds the first `count` initiatives of the search results to the shortlist, as a reader does. */
async function addToShortlist(page: Page, count: number): Promise<void> {
  await page.goto('/search?lang=en');
  for (let i = 0; i < count; i++) {
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Add to shortlist' }).first().click()]);
    await page.waitForURL('**/search**');
  }
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/', readme: true },
  { name: 'home-arabic', path: '/?lang=ar', readme: true },
  { name: 'initiative', path: '/initiatives/univerbal', readme: true },
  { name: 'good-practice', path: '/practices/liege-pt6-public-procurement', lang: 'en', readme: true },
  {
    name: 'report-listing-arabic',
    path: async (node) => `/report?id=${encodeURIComponent(`${node.url}/initiatives/univerbal`)}`,
    lang: 'ar',
  },
  { name: 'invitation', path: async (node) => new URL((await node.invite('EDITOR', { initiatives: ['univerbal'] })).url).pathname },
  // The page of the link e-mailed to the owner of a locked account (docs/adr/0011); the token is only used on confirming.
  { name: 'trust-device', path: `/sign-in/trust/${'x'.repeat(43)}`, lang: 'en' },
  { name: 'accessibility-statement', path: '/accessibility', readme: true },
  { name: 'search', path: '/search?q=interpr%C3%A9tariat' },
  { name: 'search-filters', path: '/search?sector=AM40&migrantLed=true', lang: 'en', readme: true },
  { name: 'search-map', path: '/search?view=map', lang: 'en', readme: true },
  { name: 'search-arabic', path: '/search?q=cuisine', lang: 'ar' },
  { name: 'search-no-results', path: '/search?q=interpreting&need=NO-SUCH-NEED', lang: 'en' },
  { name: 'search-problem', path: '/search?near=liege&radius=far', lang: 'en' },
  { name: 'search-near', path: '/search?near=liege&radius=30&sort=distance', lang: 'en' },
  { name: 'shortlist-empty', path: '/shortlist', lang: 'en' },
  { name: 'shortlist', path: '/shortlist', lang: 'en', readme: true, before: (page) => addToShortlist(page, 3) },
  { name: 'shortlist-print', path: '/shortlist?print=1', lang: 'en', before: (page) => addToShortlist(page, 2) },
  { name: 'city-node', path: '/nodes/liege', readme: true },
  { name: 'city-node-partner', path: '/nodes/milan', lang: 'it' },
  { name: 'practice-types', path: '/practice-types', lang: 'en' },
  { name: 'practice-type', path: '/practice-types/PT6', lang: 'en', readme: true },
  { name: 'sign-in', path: '/sign-in', lang: 'en' },
  { name: 'editor-account', path: '/account', as: 'EDITOR', lang: 'en' },
  { name: 'editor-initiative', path: '/account/initiatives/univerbal', as: 'EDITOR', lang: 'en' },
  { name: 'editor-texts', path: '/account/initiatives/univerbal/texts', as: 'EDITOR', lang: 'en', readme: true },
  { name: 'editor-texts-arabic', path: '/account/initiatives/univerbal/texts', as: 'EDITOR', lang: 'ar' },
  { name: 'editor-privacy', path: '/account/initiatives/univerbal/privacy', as: 'EDITOR', lang: 'en' },
  { name: 'editor-organisation-arabic', path: '/account/initiatives/univerbal/organisation', as: 'EDITOR', lang: 'ar' },
  { name: 'editor-needs', path: '/account/initiatives/univerbal/needs', as: 'EDITOR', lang: 'en' },
  { name: 'editor-preview', path: '/account/initiatives/univerbal/preview', as: 'EDITOR', lang: 'en' },
  { name: 'editor-history', path: '/account/initiatives/univerbal/history', as: 'EDITOR', lang: 'en' },
  { name: 'editor-messages', path: '/account/initiatives/univerbal/messages', as: 'EDITOR', lang: 'en' },
  { name: 'editor-invitations', path: '/account/invitations', as: 'EDITOR', lang: 'ar' },
  { name: 'moderator-review', path: '/admin/review', as: 'MODERATOR', lang: 'en', readme: true },
  { name: 'moderator-practices', path: '/admin/practices', as: 'MODERATOR', lang: 'en' },
  {
    name: 'moderator-practice-texts-arabic',
    path: '/admin/practices/liege-pt6-public-procurement/texts?in=ar',
    as: 'MODERATOR',
    lang: 'ar',
  },
  { name: 'moderator-practice-actors', path: '/admin/practices/liege-pt6-public-procurement/actors', as: 'MODERATOR', lang: 'de' },
  { name: 'moderator-practice-preview', path: '/admin/practices/liege-pt6-public-procurement/preview', as: 'MODERATOR', lang: 'en' },
  { name: 'admin', path: '/admin', as: 'ADMIN', lang: 'en' },
  { name: 'admin-partners', path: '/admin/partners', as: 'ADMIN', lang: 'en', readme: true },
  { name: 'admin-invitations', path: '/admin/invitations', as: 'ADMIN', lang: 'en' },
  { name: 'admin-accounts', path: '/admin/accounts', as: 'ADMIN', lang: 'en' },
  { name: 'admin-followers-arabic', path: '/admin/followers', as: 'ADMIN', lang: 'ar' },
  { name: 'admin-fediverse-arabic', path: '/admin/fediverse', as: 'ADMIN', lang: 'ar' },
  { name: 'admin-import-arabic', path: '/admin/import', as: 'ADMIN', lang: 'ar' },
  { name: 'admin-reports', path: '/admin/reports', as: 'ADMIN', lang: 'en' },
  { name: 'admin-start', path: '/admin/start', as: 'ADMIN', lang: 'en' },
  { name: 'admin-profile', path: '/admin/profile?in=en', as: 'ADMIN', lang: 'en' },
  { name: 'admin-profile-arabic', path: '/admin/profile?in=ar', as: 'ADMIN', lang: 'ar' },
  { name: 'not-found', path: '/initiatives/no-such-initiative', status: 404 },
  { name: 'not-found-arabic', path: '/initiatives/no-such-initiative', lang: 'ar', status: 404 },
];
