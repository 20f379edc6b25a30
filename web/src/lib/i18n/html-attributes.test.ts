import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { htmlAttributeFiller } from './html-attributes.ts';

describe('htmlAttributeFiller', () => {
  it('fills the <html> tag of src/app.html', () => {
    const template = readFileSync(new URL('../../app.html', import.meta.url), 'utf8');
    const html = htmlAttributeFiller('ar', 'rtl')({ html: template });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).not.toContain('%lang%');
  });

  it('touches only the first chunk’s <html> tag, never page content', () => {
    const fill = htmlAttributeFiller('fr', 'ltr');
    expect(fill({ html: '<html lang="%lang%" dir="%dir%"><body>' })).toBe('<html lang="fr" dir="ltr"><body>');
    expect(fill({ html: '<p>&lt;html lang="%lang%" dir="%dir%"></p>' })).toBe('<p>&lt;html lang="%lang%" dir="%dir%"></p>');
    expect(fill({ html: '<html lang="%lang%" dir="%dir%">' })).toBe('<html lang="%lang%" dir="%dir%">');
  });
});
