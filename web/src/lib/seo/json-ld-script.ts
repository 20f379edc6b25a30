// A schema.org description as the HTML of a <script type="application/ld+json"> data block.
// Its text comes from records, some of them written on partner nodes: a name holding
// "</script><script>…" must not end the block and start a script. Every character that HTML
// could read as markup, and the two line separators that old JavaScript parsers refused, is
// written as a JSON \u escape, which any JSON-LD reader decodes back to the same text.
// A data block is not executed, so the pages' CSP (script-src 'self' + nonce) has nothing to refuse.

const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON text of `data` with no <, >, & or line separator left as such. */
export function jsonForHtml(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}

/** The whole <script type="application/ld+json"> element, for {@html} in <svelte:head>. */
export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${jsonForHtml(data)}</script>`;
}
