// Registry texts are plain text (never markup). A blank line separates paragraphs; the pages
// render each paragraph as its own <p>, escaped like any text, and never through {@html}.

/** The paragraphs of a plain text: split on blank lines, each trimmed, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
