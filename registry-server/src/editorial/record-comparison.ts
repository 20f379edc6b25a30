// What differs between two versions of a record, value by value, as a moderator reads it: each
// value has a stable path (`summary.fr`, `contact.visibility.phone`, `needs.kitchen.type`), a
// text in several languages gives one entry per language, and long texts also come as words
// kept, added and removed. Versions are compared by meaning, not by spelling: key order, empty
// lists and maps, and a default written out (contact private, relay on) change nothing. This
// is the one place that decides what "changed" means; revisions and events use it too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffWords } from 'diff';
import type { RecordKindName } from '../events/domain-events.ts';
import { LANGUAGE_MAP_FIELDS } from '../records/language-map-fields.ts';
import { codedFields, type CodeList, type RecordType } from '../records/record-validator.ts';
import { schemasDirectory } from '../taxonomies/taxonomy-catalog.ts';

export type ValueChangeKind = 'added' | 'removed' | 'changed';

export interface TextSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface ValueChange {
  /** Dotted path from the record's top: field, sub-fields, list item (position, or code for needs), language last. */
  path: string;
  /** The top-level field of the record. */
  field: string;
  /** The language of a text's entry; null for any other value. */
  language: string | null;
  kind: ValueChangeKind;
  before: string | null;
  after: string | null;
  /** For long texts present in both versions: the words kept, removed and added, in reading order. */
  words: TextSegment[] | null;
  /** What the value's codes name, when it is a code or a list of codes (a sector, languages, a country). */
  codes: CodeList | null;
  /** The item of a list named by its code (a need) that holds the value, and what that code names. */
  item: { code: string; codes: CodeList | null } | null;
}

/**
 * Values that mean the same as an absent value, so writing them out is no change: contact
 * details are private and the relay on unless chosen otherwise (publicContact), a location is
 * published at city level (withInitiativeDefaults), and no migrant-led declaration is made.
 */
const DEFAULTS: Record<RecordKindName, ReadonlyMap<string, string>> = {
  initiative: new Map([
    ['contact.relay', 'true'],
    ['contact.visibility.email', 'private'],
    ['contact.visibility.phone', 'private'],
    ['location.precision', 'city'],
    ['migrantLed.declared', 'false'],
    ['migrantLed.consentToPublish', 'false'],
  ]),
  goodPractice: new Map(),
  marketRecord: new Map(),
  adoptionRecord: new Map(),
};

/** Lists whose items are named by one of their fields rather than their position, so removing one does not shift the others. Need and reserved-contract-basis codes contain no dot, and a ground is given once (eligibility-rules.ts). */
const ITEM_KEYS: Readonly<Record<string, string>> = { needs: 'type', eligibility: 'basis' };

/** A text longer than this, in either version, is also compared word by word. */
const LONG_TEXT = 60;
/** Bounds the word comparison of texts that share little (Myers' algorithm is O(N·D)); beyond it the texts are shown whole. */
const WORD_DIFF_LIMITS = { maxEditLength: 400, timeout: 250 };

interface Leaf {
  field: string;
  /** Whether the value is a list of scalars, shown as one value. */
  list: boolean;
  language: string | null;
  /** What the reader sees. */
  text: string;
  /** What is compared: the value itself, or a list's items in order. */
  key: string;
}

export function compareRecords(before: object, after: object, kind: RecordKindName): ValueChange[] {
  const defaults = DEFAULTS[kind];
  const old = flatten(before);
  const next = flatten(after);
  const paths = [...new Set([...old.keys(), ...next.keys()])];
  const order = fieldOrder(kind);
  const rank = (path: string) => order.get(path.split('.')[0] ?? '') ?? order.size;
  const position = new Map(paths.map((p, i) => [p, i]));
  paths.sort((a, b) => rank(a) - rank(b) || position.get(a)! - position.get(b)!);

  const changes: ValueChange[] = [];
  for (const path of paths) {
    const b = old.get(path);
    const a = next.get(path);
    const fallback = defaults.get(path);
    if ((b?.key ?? fallback) === (a?.key ?? fallback)) continue;
    const leaf = (a ?? b)!;
    const itemCode = ITEM_KEYS[leaf.field] ? path.split('.')[1] : undefined;
    const change: ValueChange = {
      path,
      field: leaf.field,
      language: leaf.language,
      kind: !b ? 'added' : !a ? 'removed' : 'changed',
      before: b?.text ?? null,
      after: a?.text ?? null,
      words: null,
      codes: leaf.language ? null : codesAt(kind, path, leaf.list),
      item: itemCode ? { code: itemCode, codes: codesAt(kind, `${leaf.field}.${itemCode}.${ITEM_KEYS[leaf.field]}`, false) } : null,
    };
    if (b && a && leaf.language && Math.max(b.text.length, a.text.length) > LONG_TEXT) change.words = wordSegments(b.text, a.text);
    changes.push(change);
  }
  return changes;
}

/** Every value of a record by its path; empty texts, lists and maps are left out as absent. */
function flatten(record: object): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const visit = (value: unknown, path: string, field: string, key: string) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      if (value.every((item) => item === null || typeof item !== 'object')) {
        const items = value.filter((item) => item !== null && item !== '').map(String);
        if (items.length) leaves.set(path, { field, list: true, language: null, text: items.join(', '), key: JSON.stringify(items) });
        return;
      }
      const itemKey = ITEM_KEYS[key];
      value.forEach((item, index) => {
        const name = itemKey && typeof item?.[itemKey] === 'string' ? item[itemKey] : String(index);
        // An item's id is bookkeeping the registry gives it (ADR 0053), never a value a reader reviews.
        const { id: _id, ...values } = item && typeof item === 'object' ? item : { id: undefined };
        visit(item && typeof item === 'object' ? values : item, `${path}.${name}`, field, key);
      });
      return;
    }
    if (typeof value === 'object') {
      const isText = LANGUAGE_MAP_FIELDS.has(key) && Object.values(value).every((v) => typeof v === 'string');
      for (const [k, v] of Object.entries(value)) {
        if (isText) {
          if (typeof v === 'string' && v !== '') leaves.set(`${path}.${k}`, { field, list: false, language: k, text: v, key: v });
        } else visit(v, `${path}.${k}`, field, k);
      }
      return;
    }
    const text = String(value);
    leaves.set(path, { field, list: false, language: null, text, key: text });
  };
  for (const [field, value] of Object.entries(record)) {
    // Bookkeeping the registry derives from the texts on every save (ADR 0041): it changes only
    // when a text does, and that text's change is what a moderator reads.
    if (field === 'translationSources') continue;
    visit(value, field, field, field);
  }
  return leaves;
}

const RECORD_TYPES: Record<RecordKindName, RecordType> = {
  initiative: 'initiative',
  goodPractice: 'good-practice',
  marketRecord: 'market-record',
  adoptionRecord: 'adoption-record',
};

/** What the codes at `path` name, by the validator's patterns ("*" for a list position or a need's code). */
function codesAt(kind: RecordKindName, path: string, list: boolean): CodeList | null {
  const segments = list ? [...path.split('.'), '*'] : path.split('.');
  for (const [pattern, codes] of codedFields(RECORD_TYPES[kind])) {
    const parts = pattern.split('.');
    if (parts.length === segments.length && parts.every((part, i) => part === '*' || part === segments[i])) return codes;
  }
  return null;
}

function wordSegments(before: string, after: string): TextSegment[] {
  const parts = diffWords(before, after, WORD_DIFF_LIMITS);
  if (!parts)
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ];
  return parts.map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

const SCHEMA_FILES: Record<RecordKindName, string> = {
  initiative: 'initiative.schema.json',
  goodPractice: 'good-practice.schema.json',
  marketRecord: 'market-record.schema.json',
  adoptionRecord: 'adoption-record.schema.json',
};
const orders = new Map<RecordKindName, Map<string, number>>();

/** The record schema's field order, so changes read in the order the record is shown. */
function fieldOrder(kind: RecordKindName): Map<string, number> {
  let order = orders.get(kind);
  if (!order) {
    const schema = JSON.parse(readFileSync(join(schemasDirectory(), 'records', SCHEMA_FILES[kind]), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    order = new Map(Object.keys(schema.properties).map((field, i) => [field, i]));
    orders.set(kind, order);
  }
  return order;
}
