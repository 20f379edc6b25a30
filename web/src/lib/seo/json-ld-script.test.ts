import { describe, expect, it } from 'vitest';
import { jsonForHtml, jsonLdScript } from './json-ld-script.ts';

/**
 * What an HTML parser takes as the block's text: everything up to the first "</script" (any
 * case), where the script data state ends (HTML § 13.2.5.4); "<!--" would enter the escaped
 * states, in which a later "<script" changes where it ends.
 */
function blockText(html: string): string {
  const open = '<script type="application/ld+json">';
  expect(html.startsWith(open)).toBe(true);
  const end = html.toLowerCase().indexOf('</script', open.length);
  return html.slice(open.length, end);
}

describe('jsonLdScript', () => {
  // Names and texts come from records, partners' included: each of these tries to leave the data block.
  const attacks = [
    '</script><script>alert(1)</script>',
    '</SCRIPT ><img src=x onerror=alert(1)>',
    '<!--<script>',
    ']]></script>',
    'a\u2028b\u2029c & <b>',
  ];

  it.each(attacks)('keeps %j inside the block, and JSON.parse gives it back unchanged', (name) => {
    const html = jsonLdScript({ '@type': 'Organization', name });
    const text = blockText(html);
    expect(html).toBe(`<script type="application/ld+json">${text}</script>`);
    expect(text).not.toContain('<!--');
    expect(JSON.parse(text)).toEqual({ '@type': 'Organization', name });
    expect(jsonForHtml({ name })).not.toMatch(/[<>&\u2028\u2029]/);
  });
});
