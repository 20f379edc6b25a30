// Escaping for the HTML this node writes into Notes and profile fields (ADR 0051). Unlike the
// record texts' escaping (jsonld/html-text.ts, for element content), these strings also go into
// attributes (href), so quotes are escaped too: a website address like `https://x/"onclick=…`
// must stay one attribute value.
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
