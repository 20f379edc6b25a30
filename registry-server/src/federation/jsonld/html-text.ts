// ActivityStreams `content` is HTML unless said otherwise, while our descriptions are plain
// text. So description text is escaped and split into paragraphs on the way out, and HTML
// received from another node is turned back into plain text (tags dropped, entities decoded):
// the store keeps plain text only, and the web escapes it on output.
//
// Both directions are written as linear scans (no backtracking regular expressions) because
// received documents are untrusted and may hold megabytes of "<" characters.

/** Plain text → HTML: blank lines separate <p> paragraphs, single newlines become <br>. */
export function textToHtml(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

/**
 * Plain text → HTML without paragraphs, for `summary`: AS2 makes it HTML too, so an editor's
 * "<b>" or "R&D" must reach receivers as text, not as markup or a broken entity.
 */
export function textToInlineHtml(text: string): string {
  return escapeHtml(text).replaceAll('\n', '<br>');
}

/** HTML → plain text; the inverse of textToHtml and textToInlineHtml for their output, and a tag stripper otherwise. */
export function htmlToText(html: string): string {
  let out = '';
  let position = 0;
  let seenParagraph = false;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) {
      out += html.slice(position);
      break;
    }
    out += html.slice(position, open);
    const close = html.indexOf('>', open);
    if (close < 0) {
      // A lone "<" is text, not a tag.
      out += html.slice(open);
      break;
    }
    const tag = tagName(html.slice(open + 1, Math.min(close, open + 16)));
    if (tag === 'br') out += '\n';
    else if (tag === 'p') {
      if (seenParagraph) out += '\n\n';
      seenParagraph = true;
    }
    position = close + 1;
  }
  return decodeEntities(out);
}

function tagName(inside: string): string {
  let name = '';
  for (const char of inside.toLowerCase()) {
    if (char < 'a' || char > 'z') break;
    name += char;
  }
  return name;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}
