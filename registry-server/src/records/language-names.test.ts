// Every language a record of the seeds or a taxonomy uses is named in each of the nine site
// languages, never shown as a bare code ("apc"): ICU's CLDR names where it has them, the
// written table in schemas/languages/language-names.json where it does not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageName } from './language.ts';
import { seedsDirectory } from '../seeding/seed-files.ts';
import { schemasDirectory } from '../taxonomies/taxonomy-catalog.ts';

const SITE_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'];
const LANGUAGE_FIELDS = new Set(['languagesOffered', 'languages', 'defaultLanguages', 'originalLanguage', 'inLanguage']);
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Language tags a JSON value uses: values of the language fields, and keys of language maps. */
function languageTags(value: unknown, key: string | undefined, into: Set<string>): void {
  if (typeof value === 'string') {
    if (key && LANGUAGE_FIELDS.has(key)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) languageTags(item, key && LANGUAGE_FIELDS.has(key) ? key : undefined, into);
  } else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    // A language map: every key a tag, every value a text, one of them in a site language.
    const isMap =
      entries.length > 0 &&
      entries.every(([k, v]) => TAG.test(k) && typeof v === 'string') &&
      entries.some(([k]) => SITE_LANGUAGES.includes(k));
    for (const [k, v] of entries) {
      if (isMap) into.add(k);
      languageTags(v, k, into);
    }
  }
}

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') && !name.endsWith('.schema.json') && name !== 'package.json' ? [path] : [];
  });
}

function usedLanguageTags(): string[] {
  const tags = new Set<string>();
  for (const file of [...jsonFiles(seedsDirectory()), ...jsonFiles(join(schemasDirectory(), 'taxonomies'))])
    languageTags(JSON.parse(readFileSync(file, 'utf8')), undefined, tags);
  return [...tags].sort();
}

describe('language names', () => {
  it('finds the languages the seeds offer, Levantine Arabic among them', () => {
    expect(usedLanguageTags()).toEqual(expect.arrayContaining(['apc', 'ckb', 'prs', 'so', 'ps', 'fr', 'en']));
  });

  it.each(SITE_LANGUAGES)('names every language used in %s, never by its bare code', (reader) => {
    for (const tag of usedLanguageTags()) {
      const name = languageName(tag, reader);
      expect(name, `${tag} in ${reader}`).not.toBe(tag);
      expect(name.length, `${tag} in ${reader}`).toBeGreaterThan(1);
    }
  });

  it('names Levantine Arabic from the written table where ICU has no name', () => {
    expect(languageName('apc', 'fr')).toBe('arabe levantin');
    expect(languageName('apc', 'ar')).toBe('العربية الشامية');
  });

  it('keeps an unknown or malformed tag as it is, so the gap shows', () => {
    expect(languageName('qqx', 'fr')).toBe('qqx');
    expect(languageName('not a tag', 'fr')).toBe('not a tag');
  });
});
