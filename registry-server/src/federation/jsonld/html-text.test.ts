import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './html-text.ts';

describe('plain text ↔ AS content HTML', () => {
  it.each([
    'Promotion & Culture',
    'a < b > c & d',
    'Line one\nline two',
    'First paragraph.\n\nSecond paragraph.',
    'a\n\n\nb',
    'a\n\n\n\nb',
    '\n\nstarts blank',
    'ends blank\n\n',
    'entities in text: &amp; &lt;p&gt;',
    'مرحبا بكم في لييج',
  ])('round-trips %j', (text) => {
    expect(htmlToText(textToHtml(text))).toBe(text);
  });

  it('escapes markup and marks paragraphs', () => {
    expect(textToHtml('<script>x</script>\n\nB & C\nD')).toBe('<p>&lt;script&gt;x&lt;/script&gt;</p><p>B &amp; C<br>D</p>');
  });

  it('turns received HTML into plain text, dropping tags and decoding entities', () => {
    expect(htmlToText('<p>Hello <a href="https://x.example">world</a> &amp; &#233;t&#xE9;&nbsp;!</p><p class="x">Next<br/>line</p>')).toBe(
      'Hello world & été\u00a0!\n\nNext\nline',
    );
    expect(htmlToText('<pre>keep</pre> 1 < 2')).toBe('keep 1 < 2');
    expect(htmlToText('&unknown; &#0; &#x110000;')).toBe('&unknown; &#0; &#x110000;');
  });

  it('stays linear on hostile input', () => {
    const started = performance.now();
    expect(htmlToText('<'.repeat(1_000_000))).toHaveLength(1_000_000);
    expect(htmlToText('<a'.repeat(500_000) + '>')).toBe('');
    expect(htmlToText('&#'.repeat(500_000))).toHaveLength(1_000_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
