// Svelte 5 drops the white space that opens or closes a block, so text written as
//   {entry.legalForm.label}{#if entry.nationalLegalForm}
//     ({entry.nationalLegalForm.label}){/if}
// renders "AssociationASBL": the line break meant as a space is gone. This check finds that
// shape in every component, so two fields are never printed glued together again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

function svelteFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? svelteFiles(path) : name.endsWith('.svelte') ? [path] : [];
  });
}

/** Text or a value, then a block that opens on a new line with text: the break is dropped. */
const GLUED_OPENING = /[^\s>]\{(?:#if|:else(?: if)?|#each|#key)[^}]*\}[ \t]*\n\s*[^<{\s]/g;
/** Text that ends a block on a new line, then text right after the block: the break is dropped. */
const GLUED_CLOSING = /[^<}\s][ \t]*\n\s*\{\/(?:if|each|key)\}[^\s<{]/g;

function gluedBlocks(source: string): string[] {
  const markup = source.replace(/<(script|style)[^>]*>[^]*?<\/\1>/g, '');
  return [...markup.matchAll(GLUED_OPENING), ...markup.matchAll(GLUED_CLOSING)].map((m) => m[0]);
}

describe('white space around blocks', () => {
  it('finds the shape that glued the legal forms together', () => {
    expect(gluedBlocks('<dd>\n  {a.label}{#if b}\n    ({b.label}){/if}\n</dd>')).toHaveLength(1);
    expect(gluedBlocks('<dd>{a}{#if b} ({b}){/if}</dd>')).toEqual([]);
  });

  it('has no component that renders two fields glued together', () => {
    const found = svelteFiles(SRC).flatMap((file) => gluedBlocks(readFileSync(file, 'utf8')).map((m) => `${relative(SRC, file)}: ${m}`));
    expect(found).toEqual([]);
  });
});
