import { describe, expect, it } from 'vitest';
import { embedFallbackUrl, embedFrameUrl, embedSnippet, readEmbedChoice } from './embed-snippet.ts';

const ORIGIN = 'https://registry.liege.example';

describe('readEmbedChoice', () => {
  it('keeps a city handle, words and a known language; drops anything else', () => {
    expect(readEmbedChoice(new URLSearchParams('node=liege&q=couture&language=it'))).toEqual({ node: 'liege', q: 'couture', lang: 'it' });
    expect(readEmbedChoice(new URLSearchParams('node=%22%3E%3Cscript%3E&language=xx'))).toEqual({ node: '', q: '', lang: null });
  });
});

describe('the snippet', () => {
  it("frames a city's initiatives in a fixed language, with a plain link to the same list", () => {
    const choice = { node: 'liege', q: '', lang: 'it' as const };
    expect(embedFrameUrl(ORIGIN, choice)).toBe(`${ORIGIN}/embed/initiatives?node=liege&lang=it`);
    expect(embedFallbackUrl(ORIGIN, choice)).toBe(`${ORIGIN}/search?kind=INITIATIVE&node=liege&lang=it`);
    const html = embedSnippet(ORIGIN, choice, { title: 'Iniziative', link: 'Vedi le iniziative' });
    expect(html).toContain(`<iframe src="${ORIGIN}/embed/initiatives?node=liege&amp;lang=it" title="Iniziative" data-umn-embed`);
    expect(html).toContain(`<p lang="it"><a href="${ORIGIN}/search?kind=INITIATIVE&amp;node=liege&amp;lang=it">Vedi le iniziative</a></p>`);
    expect(html).toContain(`<script src="${ORIGIN}/embed/snippet.js" async></script>`);
  });

  it("frames a search in the reader's language when none is fixed", () => {
    expect(embedFrameUrl(ORIGIN, { node: '', q: 'cuisine', lang: null })).toBe(`${ORIGIN}/embed/search?q=cuisine&kind=INITIATIVE`);
  });

  it('cannot be broken out of by the words searched for or the texts', () => {
    const attack = '"><script>alert(1)</script><a x=\'';
    const html = embedSnippet(ORIGIN, { node: '', q: attack, lang: null }, { title: attack, link: attack });
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/="[^"]*"[^ >\n]/);
  });
});
