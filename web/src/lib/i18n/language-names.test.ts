// The site names every language the seeds and taxonomies use in each of its nine languages,
// never as a bare code: the FallbackMarker ("(in Levantine Arabic)"), the language facet of the
// search, the editor's language tabs. ICU names where it has them, the written table else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languageName } from './message-format.ts';
import { UI_LANGUAGES } from './languages.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const LANGUAGE_FIELDS = new Set(['languagesOffered', 'languages', 'defaultLanguages', 'originalLanguage', 'inLanguage']);
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SITE: readonly string[] = UI_LANGUAGES;

function collect(value: unknown, key: string | undefined, into: Set<string>): void {
  if (typeof value === 'string') {
    if (key && LANGUAGE_FIELDS.has(key)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, key && LANGUAGE_FIELDS.has(key) ? key : undefined, into);
  } else if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const isMap =
      entries.length > 0 && entries.every(([k, v]) => TAG.test(k) && typeof v === 'string') && entries.some(([k]) => SITE.includes(k));
    for (const [k, v] of entries) {
      if (isMap) into.add(k);
      collect(v, k, into);
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

const used = new Set<string>();
for (const file of [...jsonFiles(join(ROOT, 'seeds')), ...jsonFiles(join(ROOT, 'schemas/taxonomies'))])
  collect(JSON.parse(readFileSync(file, 'utf8')), undefined, used);

describe('language names on the site', () => {
  it('finds the languages the seeds use, Levantine Arabic among them', () => {
    expect([...used]).toEqual(expect.arrayContaining(['apc', 'ckb', 'prs', 'fr']));
  });

  it.each(UI_LANGUAGES)('names every language used in %s, never by its bare code', (reader) => {
    for (const tag of used) expect(languageName(tag, reader), `${tag} in ${reader}`).not.toBe(tag);
  });

  it('names Levantine Arabic from the written table', () => {
    expect(languageName('apc', 'fr')).toBe('arabe levantin');
    expect(languageName('apc', 'el')).toBe('αραβικά της Λεβαντίνης');
  });
});
