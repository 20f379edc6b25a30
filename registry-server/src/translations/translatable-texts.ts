// Which human texts of a record can be translated by people, and whether each translation is
// current: for every translated language of a text, the record keeps a hash of the source text
// it was made from (`translationSources`), the source being the text in the record's original
// language (ADR 0041). A kind joins by declaring its text fields; nothing else here knows kinds.
import { createHash, randomBytes } from 'node:crypto';
import type { LanguageMap } from '../records/language.ts';

/** Per text field, per translated language: the hash of the source text the translation was made from. */
export type TranslationSources = Record<string, Record<string, string>>;

/** A list of objects whose language-map members are texts too (an initiative's services, an adoption record's outcomes). */
export interface TranslatableList {
  field: string;
  /** The members people translate, in reading order (a dotted path for one inside a member: `source.notes`). */
  texts: readonly string[];
  /** The item's name in a translator's queue ("Interpreting on call", a figure's value), as written. */
  label?: (item: Readonly<Record<string, unknown>>) => LanguageMap | string | undefined;
}

/** What a kind of record declares to take part (initiatives, good practices, adoption records). */
export interface TranslatableTexts {
  /** The record's own language-map fields people translate, in reading order (dotted for one inside an object). */
  fields: readonly string[];
  /**
   * Lists whose items' texts are tracked under the item's stable id, `services.k3f9a0c21.description`
   * (or its position, `changes.2.why`, for an item stored before ids: seeds, received records), after the fields.
   */
  lists?: readonly TranslatableList[];
  /** Fields public only under a condition (a migrant-led governance, with the initiative's consent): tracked and queued only then. */
  publicWhen?: Readonly<Record<string, (record: object) => boolean>>;
}

/**
 * A list item's stable id: a letter then letters and digits, never a bare number, so a text path
 * tells an id (`services.k3f9a0c21.name`) from a position (`services.2.name`).
 */
export const ITEM_ID = /^[a-z][a-z0-9]{5,19}$/;

/** A fresh item id (48 random bits: no two items of one list meet). */
export const newItemId = (): string => `k${randomBytes(6).toString('hex')}`;

/** Each item's key in text paths: its id, else (no id, a malformed one, or one an earlier item has) its position. */
export function itemKeys(items: readonly unknown[]): string[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const id = item && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
    if (typeof id === 'string' && ITEM_ID.test(id) && !seen.has(id)) {
      seen.add(id);
      return id;
    }
    return String(index);
  });
}

const listItems = (record: object | undefined, field: string): unknown[] => {
  const items = record ? (record as Record<string, unknown>)[field] : undefined;
  return Array.isArray(items) ? items : [];
};

/**
 * The text paths of `record`: its own fields, then each list item's texts (`services.k3f9a0c21.name`).
 * A field public only under a condition is left out when it does not hold, unless `withHidden`
 * (the bookkeeping follows every text, so a consent given later finds it right).
 */
export function textPaths(record: object, texts: TranslatableTexts, withHidden = false): string[] {
  const paths = texts.fields.filter((field) => withHidden || (texts.publicWhen?.[field]?.(record) ?? true));
  for (const list of texts.lists ?? []) {
    for (const key of itemKeys(listItems(record, list.field))) for (const text of list.texts) paths.push(`${list.field}.${key}.${text}`);
  }
  return paths;
}

const PATH_OF_ITEM = /^([a-zA-Z]{1,40})\.(0|[1-9][0-9]?|[a-z][a-z0-9]{5,19})\.([a-zA-Z]{1,40}(?:\.[a-zA-Z]{1,40})?)$/;

/** Whether `path` has the shape of a text path of the kind (the item itself may not exist). */
export function isTextPathShape(path: string, texts: TranslatableTexts): boolean {
  if (texts.fields.includes(path)) return true;
  const [, field, , text] = PATH_OF_ITEM.exec(path) ?? [];
  return (texts.lists ?? []).some((list) => list.field === field && list.texts.includes(text ?? ''));
}

/** The list and item a text path names, for a translator's label; undefined for a record's own text. */
export function itemOf(
  record: object,
  path: string,
  texts: TranslatableTexts,
): { list: TranslatableList; item: Readonly<Record<string, unknown>> } | undefined {
  const [, field, key] = PATH_OF_ITEM.exec(path) ?? [];
  const list = (texts.lists ?? []).find((l) => l.field === field);
  if (!list) return undefined;
  const items = listItems(record, list.field);
  const item = items[itemKeys(items).indexOf(key ?? '')];
  return item && typeof item === 'object' ? { list, item: item as Record<string, unknown> } : undefined;
}

/**
 * `previous` and `next` with an id on every item of the kind's lists, so a translation stays with
 * its item wherever the item moves. An id sent (by the editor's forms, which send back what they
 * read) is kept; an item sent without one is taken as the item at its place before (what a client
 * that knows nothing of ids means, and the rule before ids) unless another item sent claims that
 * id; else it is new. Items stored before ids get one here, and the translation sources kept
 * under their position move to it, so a record stored in the old shape keeps its bookkeeping.
 */
export function withItemIds<T extends TranslatableRecord>(
  previous: T | undefined,
  next: T,
  texts: TranslatableTexts,
  newId: () => string = newItemId,
): { previous: T | undefined; next: T } {
  let before = previous;
  let after = next;
  for (const list of texts.lists ?? []) {
    const old = listItems(previous, list.field);
    const oldKeys = itemKeys(old);
    const oldIds = oldKeys.map((key) => (ITEM_ID.test(key) ? key : newId()));
    if (before && old.length) {
      const sources = { ...(before.translationSources ?? {}) };
      oldKeys.forEach((key, index) => {
        if (key === oldIds[index]) return;
        for (const text of list.texts) {
          const kept = sources[`${list.field}.${key}.${text}`];
          delete sources[`${list.field}.${key}.${text}`];
          if (kept) sources[`${list.field}.${oldIds[index]}.${text}`] = kept;
        }
      });
      before = {
        ...before,
        [list.field]: old.map((item, index) => ({ ...(item as object), id: oldIds[index] })),
        ...(before.translationSources ? { translationSources: sources } : {}),
      };
    }
    const sent = (after as Record<string, unknown>)[list.field];
    if (!Array.isArray(sent)) continue;
    const sentKeys = itemKeys(sent);
    const claimed = new Set(sentKeys.filter((key) => ITEM_ID.test(key)));
    const ids = sentKeys.map((key, index) => {
      if (ITEM_ID.test(key)) return key;
      // A malformed id is left for the schema to refuse, next to its field.
      const item = sent[index] as Record<string, unknown> | null;
      if (item && typeof item === 'object' && item.id !== undefined && !(typeof item.id === 'string' && ITEM_ID.test(item.id)))
        return item.id as string;
      const there = oldIds[index];
      if (there && !claimed.has(there)) {
        claimed.add(there);
        return there;
      }
      const id = newId();
      claimed.add(id);
      return id;
    });
    after = {
      ...after,
      [list.field]: sent.map((item, index) => (item && typeof item === 'object' ? { ...(item as object), id: ids[index] } : item)),
    };
  }
  return { previous: before, next: after };
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

/**
 * `record` without the ids the registry gives list items: bookkeeping of this node, like the
 * translation sources, that a partner on an older schema would refuse (ADR 0053).
 */
export function withoutItemIds<R extends object>(record: R, texts: TranslatableTexts): R {
  const copy = { ...record } as Record<string, unknown>;
  for (const list of texts.lists ?? []) {
    const items = copy[list.field];
    if (Array.isArray(items))
      copy[list.field] = items.map((item) => {
        if (!item || typeof item !== 'object') return item;
        const { id: _id, ...rest } = item as Record<string, unknown>;
        return rest;
      });
  }
  return copy as R;
}

/** What `part` names inside `value`: a member, or the list item with that key (id or position). */
function member(value: unknown, part: string): unknown {
  if (Array.isArray(value)) return value[itemKeys(value).indexOf(part)];
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
}

/** The language map at `path` (a field, or `list.key.text`), or undefined. */
export const textsOf = (record: object, path: string): LanguageMap | undefined => {
  let value: unknown = record;
  for (const part of path.split('.')) value = member(value, part);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as LanguageMap) : undefined;
};

/** `record` with `map` at `path`, copying only what lies on the way (lists and items included); unchanged when the item is not there. */
function withTextsAt<R extends object>(record: R, path: string, map: LanguageMap): R {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...record, [head!]: map };
  const container = (record as Record<string, unknown>)[head!];
  if (Array.isArray(container)) {
    const index = itemKeys(container).indexOf(rest[0]!);
    if (index < 0) return record;
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
  for (const field of textPaths(next, texts, true)) {
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
