import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routeUsage } from './message-usage.ts';

const src = mkdtempSync(join(tmpdir(), 'umn-message-usage-'));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(src, path)), { recursive: true });
  writeFileSync(join(src, path), text);
};
afterAll(() => rmSync(src, { recursive: true, force: true }));

write(
  'routes/+layout.svelte',
  `<script>import Header from '#lib/Header.svelte'; const i18n = useI18n(); let { data } = $props();</script><meta content={data.messages.tagline} />`,
);
write('routes/+error.svelte', `<p>{i18n.t('notFound')}</p>`);
write('routes/+page.svelte', `<script>import type { Problems } from '$lib/forms.ts';</script>{i18n.t("home")}`);
write('routes/contact/+page.server.ts', `import { problems } from '../../lib/forms.ts';`);
write('routes/contact/+page.svelte', '<p>{i18n.t(`contactTitle`)}</p>');
write('lib/Header.svelte', `<a>{i18n.t('signIn')}</a>`);
write('lib/forms.ts', `export type Problems = {}; const CODES = { RATE_LIMITED: 'rateLimited' }; export { CODES };`);
const keys = new Set(['tagline', 'notFound', 'home', 'contactTitle', 'signIn', 'rateLimited', 'unused']);
const usage = Object.fromEntries(routeUsage(src, keys).map(({ routeId, keys: found }) => [routeId, [...found].sort()]));

describe('routeUsage', () => {
  it('finds the keys of each route, its layouts and error page, and the modules it imports by value', () => {
    expect(usage).toEqual({
      '/': ['home', 'notFound', 'signIn', 'tagline'],
      '/contact': ['contactTitle', 'notFound', 'rateLimited', 'signIn', 'tagline'],
      '/+error': ['notFound', 'signIn', 'tagline'],
    });
  });

  it('does not follow type-only imports, which bring no messages', () => {
    expect(usage['/']).not.toContain('rateLimited');
  });
});
