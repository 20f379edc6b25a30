// Which human texts of a record can be translated by people, and whether each translation is
// current: for every translated language of a text, the record keeps a hash of the source text
// it was made from (`translationSources`), the source being the text in the record's original
// language (ADR 0041). A kind joins by declaring its text fields; nothing else here knows kinds.
import { createHash } from 'node:crypto';
import type { LanguageMap } from '../records/language.ts';

/** Per text field, per translated language: the hash of the source text the translation was made from. */
export type TranslationSources = Record<string, Record<string, string>>;

/** What a kind of record declares to take part (initiatives, good practices, adoption records). */
export interface TranslatableTexts {
  /** Top-level language-map fields people translate, in reading order. */
  fields: readonly string[];
  /**
   * Lists of objects whose language-map members are texts too (an adoption record's changes):
   * each item's text is tracked under its path, `changes.2.why`, after the top-level fields.
   */
  lists?: ReadonlyArray<{ field: string; texts: readonly string[] }>;
}

/** The text paths of `record`: the top-level fields, then each list item's texts (`changes.0.change`). */
export function textPaths(record: object, texts: TranslatableTexts): string[] {
  const paths = [...texts.fields];
  for (const list of texts.lists ?? []) {
    const items = (record as Record<string, unknown>)[list.field];
    if (Array.isArray(items)) items.forEach((_, i) => list.texts.forEach((text) => paths.push(`${list.field}.${i}.${text}`)));
  }
  return paths;
}

/** Whether `path` has the shape of a text path of the kind (the item itself may not exist). */
export function isTextPathShape(path: string, texts: TranslatableTexts): boolean {
  if (texts.fields.includes(path)) return true;
  const [field, index, text, ...rest] = path.split('.');
  return (
    rest.length === 0 &&
    /^(0|[1-9][0-9]?)$/.test(index ?? '') &&
    (texts.lists ?? []).some((list) => list.field === field && list.texts.includes(text ?? ''))
  );
}

export interface TranslatableRecord {
  originalLanguage: string;
  translationSources?: TranslationSources;
}

/** The languages of the network's site (and of its interpreters' work): a text lacking one of them is "missing" it. */
export const NETWORK_LANGUAGES = ['fr', 'en', 'it', 'el', 'bg', 'sl', 'ar', 'nl', 'de'] as const;

/** A short, stable fingerprint of a source text (not a secret: anyone can hash the public text). */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 16);
}

/** The tag of `map` that holds the text in `language` (exact, else same base language). */
export function tagIn(map: LanguageMap, language: string): string | undefined {
  const wanted = language.toLowerCase();
  const tags = Object.keys(map);
  return tags.find((t) => t.toLowerCase() === wanted) ?? tags.find((t) => t.toLowerCase().split('-')[0] === wanted.split('-')[0]);
}

/** The language map at `path` (a field, or `list.index.text`), or undefined. */
export const textsOf = (record: object, path: string): LanguageMap | undefined => {
  let value: unknown = record;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as LanguageMap) : undefined;
};

/** `record` with `map` at `path`, copying only what lies on the way (lists and items included). */
function withTextsAt<R extends object>(record: R, path: string, map: LanguageMap): R {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...record, [head!]: map };
  const container = (record as Record<string, unknown>)[head!];
  if (Array.isArray(container)) {
    const index = Number(rest[0]);
    const copy = [...container];
    copy[index] = withTextsAt((container[index] ?? {}) as object, rest.slice(1).join('.'), map);
    return { ...record, [head!]: copy };
  }
  return { ...record, [head!]: withTextsAt((container ?? {}) as object, rest.join('.'), map) };
}

/**
 * The translation sources of `next`, computed from the stored ones of `previous` and never from
 * what a caller sent (so nobody can declare a translation current). A translated language whose
 * text changed in this save was written against the source as it now stands; one that did not
 * change keeps what it was made from; one never tracked (seeds, records from before this rule)
 * stays untracked until its source changes, when it is taken as made from the previous source
 * (so it becomes out of date).
 */
export function trackTranslationSources<T extends TranslatableRecord>(
  previous: T | undefined,
  next: T,
  texts: TranslatableTexts,
): TranslationSources | undefined {
  const result: TranslationSources = {};
  for (const field of textPaths(next, texts)) {
    const map = textsOf(next, field);
    if (!map) continue;
    const sourceTag = tagIn(map, next.originalLanguage);
    if (!sourceTag) continue;
    const before = previous ? textsOf(previous, field) : undefined;
    const previousSourceTag = before && previous ? tagIn(before, previous.originalLanguage) : undefined;
    const previousSource = previousSourceTag ? before![previousSourceTag] : undefined;
    const kept = previous?.translationSources?.[field] ?? {};
    const entries: Record<string, string> = {};
    for (const [tag, text] of Object.entries(map)) {
      if (tag === sourceTag) continue;
      if (before?.[tag] !== text) entries[tag] = sourceHash(map[sourceTag]!);
      else if (kept[tag]) entries[tag] = kept[tag];
      else if (previousSource !== undefined && previousSource !== map[sourceTag]) entries[tag] = sourceHash(previousSource);
      // else: still untracked, and still not judged, until its source or itself changes.
    }
    if (Object.keys(entries).length) result[field] = entries;
  }
  return Object.keys(result).length ? result : undefined;
}

/** A translation made by hand (`withTranslation`): the one language of the one field, from the source as it stands. */
export function withTranslation<R extends TranslatableRecord>(record: R, field: string, language: string, text: string): R {
  const map = { ...(textsOf(record, field) ?? {}), [language]: text };
  const source = map[tagIn(map, record.originalLanguage) ?? ''];
  const sources = { ...(record.translationSources ?? {}) };
  if (source !== undefined) sources[field] = { ...(sources[field] ?? {}), [language]: sourceHash(source) };
  return { ...withTextsAt(record, field, map), translationSources: sources };
}

export interface TextStatus {
  field: string;
  /** The tag of the source text (the original language), or null when the text lacks it. */
  sourceLanguage: string | null;
  /** Every language the text has, source first. */
  available: string[];
  /** Translations made from an earlier version of the source. */
  outdated: string[];
  /** Network languages the text does not have. */
  missing: string[];
}

/** Where each text of `record` stands: languages present, out of date and missing. */
export function textStatuses<T extends TranslatableRecord>(
  record: T,
  texts: TranslatableTexts,
  wanted: readonly string[] = NETWORK_LANGUAGES,
): TextStatus[] {
  return textPaths(record, texts).flatMap((field) => {
    const map = textsOf(record, field);
    if (!map || Object.keys(map).length === 0) return [];
    const sourceTag = tagIn(map, record.originalLanguage) ?? null;
    const sources = record.translationSources?.[field] ?? {};
    const current = sourceTag ? sourceHash(map[sourceTag]!) : null;
    const tags = Object.keys(map);
    const available = sourceTag ? [sourceTag, ...tags.filter((t) => t !== sourceTag)] : tags;
    // A translation with no recorded source (received from a partner, written before tracking) is not judged.
    const outdated = current ? tags.filter((t) => t !== sourceTag && sources[t] !== undefined && sources[t] !== current) : [];
    const missing = wanted.filter((language) => !tagIn(map, language));
    return [{ field, sourceLanguage: sourceTag, available, outdated, missing }];
  });
}

export interface RecordTranslationStatus {
  /** Languages every text has (some may be out of date). */
  available: string[];
  /** Languages with at least one text out of date. */
  outdated: string[];
  /** Languages some texts have and others lack. */
  partial: string[];
  /** Network languages no text has. */
  missing: string[];
}

/** The texts' statuses taken together, for one line on a public page. */
export function recordStatus(statuses: readonly TextStatus[], wanted: readonly string[] = NETWORK_LANGUAGES): RecordTranslationStatus {
  const all = [...new Set(statuses.flatMap((s) => s.available))];
  const everywhere = all.filter((l) => statuses.every((s) => s.available.includes(l)));
  return {
    available: everywhere,
    outdated: [...new Set(statuses.flatMap((s) => s.outdated))],
    partial: all.filter((l) => !everywhere.includes(l)),
    missing: wanted.filter((l) => !all.some((a) => a.toLowerCase().split('-')[0] === l)),
  };
}
