// Every page type of the site, once each: page-types.e2e.test.ts opens each one, runs the axe
// scan and writes its screenshot (tests/e2e/artifacts/, and docs/screenshots/ with
// `npm run screenshots`). Adding a page type is one line here.
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
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/' },
  { name: 'home-arabic', path: '/?lang=ar' },
  { name: 'initiative', path: '/initiatives/univerbal' },
  { name: 'good-practice', path: '/practices/liege-pt6-public-procurement', lang: 'en' },
  { name: 'invitation', path: async (node) => new URL((await node.invite('EDITOR', { initiatives: ['univerbal'] })).url).pathname },
  { name: 'accessibility-statement', path: '/accessibility' },
  { name: 'not-found', path: '/initiatives/no-such-initiative', status: 404 },
];
