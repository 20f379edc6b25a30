// Translations done by people (issue 16 point 4, ADR 0041): readers ask for their language (a
// count, limited per client, nothing about them kept), translators see what to translate by
// language pair, most asked for first, and propose one text in one language, which waits for a
// moderator like any other change. The records' own editorial services store and review it.
import { createHash } from 'node:crypto';
import { ActionError } from '../accounts/action-error.ts';
import type { Actor } from '../accounts/actor.ts';
import { addressBucket } from '../accounts/address-bucket.ts';
import { authorize, requireSignedIn } from '../accounts/authorization.ts';
import type { Limit, RateLimiter } from '../accounts/rate-limiter.ts';
import type { EditorialService } from '../editorial/editorial-service.ts';
import type { RecordKindName } from '../events/domain-events.ts';
import { languageName, type LanguageMap } from '../records/language.ts';
import type { RecordRepository } from '../records/record-repository.ts';
import type { StoredRecord } from '../records/stored-record.ts';
import {
  isTextPathShape,
  itemOf,
  tagIn,
  textPaths,
  textStatuses,
  textsOf,
  withTranslation,
  type TranslatableRecord,
  type TranslatableTexts,
} from './translatable-texts.ts';
import type { TranslationRequestRepository } from './translation-request-repository.ts';

type AnyRecord = TranslatableRecord & { handle: string; node: string };
type Stored = StoredRecord<AnyRecord, { sortName: string }>;

/** One kind of record people translate: how to find its records, change them, and name them in a queue. */
export interface TranslatableKind {
  name: RecordKindName;
  texts: TranslatableTexts;
  repository: RecordRepository<AnyRecord, { sortName: string }>;
  editorial: EditorialService<AnyRecord>;
  /** The record's name or title, as a language map. */
  title: (record: AnyRecord) => LanguageMap;
}

/**
 * Requests one client may make in an hour, whatever they are for: enough for a reader going
 * through a city's listings, too few to move a queue's order by hand.
 */
export const TRANSLATION_ASKS: Limit = { max: 20, windowMs: 60 * 60_000 };
/** The same client asking again for the same record and language within a day is answered, not counted again. */
const ONCE_PER_DAY: Limit = { max: 1, windowMs: 24 * 60 * 60_000 };
const MAX_QUEUE = 100;

export interface QueueItem {
  kind: RecordKindName;
  doc: Stored;
  field: string;
  need: 'missing' | 'outdated';
  sourceLanguage: string;
  targetLanguage: string;
  demand: number;
  title: LanguageMap;
  /** For a list item's text, the item's name as written (a language map or a plain value); undefined for the record's own texts. */
  itemName?: LanguageMap | string;
}

export class TranslationDesk {
  readonly #kinds: ReadonlyMap<RecordKindName, TranslatableKind>;
  readonly #requests: TranslationRequestRepository;
  readonly #limiter: RateLimiter;
  readonly #now: () => Date;

  constructor(kinds: readonly TranslatableKind[], requests: TranslationRequestRepository, limiter: RateLimiter, now: () => Date) {
    this.#kinds = new Map(kinds.map((k) => [k.name, k]));
    this.#requests = requests;
    this.#limiter = limiter;
    this.#now = now;
  }

  ensureIndexes(): Promise<void> {
    return this.#requests.ensureIndexes();
  }

  /** The declared texts of a kind (for statuses), or undefined when the kind is not translated. */
  textsOf(kind: RecordKindName): TranslatableTexts | undefined {
    return this.#kinds.get(kind)?.texts;
  }

  /** How many readers asked for each language of one record. */
  demandOf(kind: RecordKindName, recordId: string): Promise<Map<string, number>> {
    return this.#requests.demandOf(kind, recordId);
  }

  /**
   * A reader (signed in or not) asks for `language`. Bad input and unknown records are refused
   * before anything is counted; every request of a client counts against its hourly limit, and
   * it is counted as demand once a day per record and language (answered `counted: false`
   * after). Only the count is stored.
   */
  async ask(kind: RecordKindName, id: string, language: string, address: string): Promise<{ counted: boolean; demand: number }> {
    const tag = checkedLanguage(language, 'language');
    const entry = this.#entry(kind);
    const doc = (await entry.repository.findPublishedById(id)) as Stored | null;
    if (!doc || doc.origin.kind !== 'local')
      throw new ActionError('NOT_FOUND', 'No published record on this node has this id; ask for a translation on the node that holds it.');
    const statuses = textStatuses(doc.record, entry.texts, [tag]);
    if (statuses.every((s) => !s.missing.length && !s.outdated.some((t) => sameLanguage(t, tag))))
      throw new ActionError(
        'INVALID_STATE',
        `This ${kind === 'initiative' ? 'listing' : 'record'} is already in ${languageName(tag, 'en')}, up to date.`,
        {
          fields: [{ field: 'language', code: 'ALREADY_AVAILABLE', message: 'is available already.' }],
        },
      );
    const client = clientKey(address);
    const hourly = await this.#limiter.claim(`translation:ask:${client}`, TRANSLATION_ASKS);
    if (!hourly.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `Too many translation requests from your connection. Try again in ${Math.ceil(hourly.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: hourly.retryAfterSeconds },
      );
    const once = await this.#limiter.claim(`translation:asked:${clientKey(`${address}|${kind}|${doc._id}|${tag}`)}`, ONCE_PER_DAY);
    // Asked again: answered, not counted again, and still counted against the hourly limit (so
    // repeating one request is limited like any other).
    if (!once.allowed) {
      return { counted: false, demand: (await this.#requests.demandOf(kind, doc._id)).get(tag) ?? 0 };
    }
    return { counted: true, demand: await this.#requests.count(kind, doc._id, tag, this.#now().toISOString()) };
  }

  /**
   * What to translate from `from` into `to` on this node: texts of published local records whose
   * source is in `from` and which lack `to` or have it out of date, most asked for first, then
   * out of date before missing, then by record and field order. Records with a change waiting
   * for review are left out until it is decided (proposeChange refuses them).
   */
  async queue(actor: Actor, from: string, to: string, first = 50): Promise<{ items: QueueItem[]; totalCount: number }> {
    requireSignedIn(actor);
    authorize(actor, { do: 'translation.write' });
    const source = checkedLanguage(from, 'from');
    const target = checkedLanguage(to, 'to');
    if (source === target)
      throw new ActionError(
        'VALIDATION_FAILED',
        'Choose two different languages: the one texts are written in, and the one to translate into.',
        {
          fields: [{ field: 'to', code: 'SAME_LANGUAGE', message: 'must differ from the source language.' }],
        },
      );
    const demand = await this.#requests.demandFor(target);
    const items: QueueItem[] = [];
    for (const entry of this.#kinds.values()) {
      for (const doc of (await entry.repository.findPublishedLocal()) as Stored[]) {
        if (doc.pending || !sameLanguage(doc.record.originalLanguage, source)) continue;
        for (const status of textStatuses(doc.record, entry.texts, [target])) {
          if (!status.sourceLanguage) continue;
          const need = status.missing.length ? 'missing' : status.outdated.some((t) => sameLanguage(t, target)) ? 'outdated' : null;
          if (!need) continue;
          items.push({
            kind: entry.name,
            doc,
            field: status.field,
            need,
            sourceLanguage: status.sourceLanguage,
            targetLanguage: target,
            demand: demand.get(`${entry.name}|${doc._id}`) ?? 0,
            title: entry.title(doc.record),
            itemName: itemNameOf(doc.record, status.field, entry.texts),
          });
        }
      }
    }
    const fieldRank = (item: QueueItem) => textPaths(item.doc.record, this.#entry(item.kind).texts).indexOf(item.field);
    items.sort(
      (a, b) =>
        b.demand - a.demand ||
        Number(b.need === 'outdated') - Number(a.need === 'outdated') ||
        a.doc.derived.sortName.localeCompare(b.doc.derived.sortName) ||
        fieldRank(a) - fieldRank(b),
    );
    return { items: items.slice(0, Math.max(1, Math.min(first, MAX_QUEUE))), totalCount: items.length };
  }

  /** One text to translate, for the side-by-side page: null when it needs no translation into `to` (or is unknown). */
  async task(actor: Actor, kind: RecordKindName, id: string, field: string, to: string): Promise<QueueItem | null> {
    requireSignedIn(actor);
    authorize(actor, { do: 'translation.write' });
    const target = checkedLanguage(to, 'to');
    const entry = this.#entry(kind);
    const doc = (await entry.repository.findPublishedById(id)) as Stored | null;
    if (!doc || doc.origin.kind !== 'local' || !textPaths(doc.record, entry.texts).includes(field)) return null;
    const status = textStatuses(doc.record, entry.texts, [target]).find((s) => s.field === field);
    if (!status?.sourceLanguage || sameLanguage(status.sourceLanguage, target)) return null;
    const demand = (await this.#requests.demandOf(kind, doc._id)).get(target) ?? 0;
    const need = status.outdated.some((t) => sameLanguage(t, target)) ? 'outdated' : 'missing';
    return {
      kind,
      doc,
      field,
      need,
      sourceLanguage: status.sourceLanguage,
      targetLanguage: target,
      demand,
      title: entry.title(doc.record),
      itemName: itemNameOf(doc.record, field, entry.texts),
    };
  }

  /**
   * A translator's text for one field in one language, proposed for review: any other field is
   * out of reach by construction (the change is built here from the published record).
   */
  async translate(
    actor: Actor,
    input: { kind: RecordKindName; id: string; version: number; field: string; language: string; text: string },
  ): Promise<Stored> {
    requireSignedIn(actor);
    authorize(actor, { do: 'translation.write' });
    const entry = this.#entry(input.kind);
    const errors = [];
    if (!isTextPathShape(input.field, entry.texts))
      errors.push({ field: 'field', code: 'NOT_TRANSLATABLE', message: `must be one of ${describeTexts(entry.texts)}.` });
    let tag = '';
    try {
      tag = checkedLanguage(input.language, 'language');
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      errors.push(...error.fields);
    }
    const text = input.text.trim();
    if (!text) errors.push({ field: 'text', code: 'REQUIRED', message: 'write the translation.' });
    if (errors.length)
      throw new ActionError('VALIDATION_FAILED', 'The translation was not saved: some fields need fixing.', { fields: errors });
    const note = `translation of ${input.field} into ${tag}`;
    try {
      return (await entry.editorial.proposeChange(
        actor,
        input.id,
        input.version,
        { do: 'translation.write' },
        (record) => {
          // A list item's text (changes.2.why) must name an item the record has.
          if (!textPaths(record, entry.texts).includes(input.field))
            throw new ActionError('VALIDATION_FAILED', 'The record has no such text to translate.', {
              fields: [{ field: 'field', code: 'NOT_TRANSLATABLE', message: `must be one of ${describeTexts(entry.texts)}.` }],
            });
          const map = textsOf(record, input.field) ?? {};
          if (!tagIn(map, record.originalLanguage))
            throw new ActionError(
              'INVALID_STATE',
              `This text has no version in its original language (${record.originalLanguage}) to translate from.`,
            );
          if (sameLanguage(record.originalLanguage, tag))
            throw new ActionError('VALIDATION_FAILED', 'This is the language the text was written in; its editors change it.', {
              fields: [{ field: 'language', code: 'SOURCE_LANGUAGE', message: 'is the language of the source text.' }],
            });
          // An existing version in a regional form of the language (it-CH for it) is the one replaced.
          return withTranslation(record, input.field, tagIn(map, tag) ?? tag, text);
        },
        note,
      )) as Stored;
    } catch (error) {
      // The schema names the stored path (summary.it); the translator's form has one text field.
      if (error instanceof ActionError && error.code === 'VALIDATION_FAILED')
        throw new ActionError(error.code, error.message, {
          fields: error.fields.map((f) => (f.field === input.field || f.field.startsWith(`${input.field}.`) ? { ...f, field: 'text' } : f)),
        });
      throw error;
    }
  }

  #entry(kind: RecordKindName): TranslatableKind {
    const entry = this.#kinds.get(kind);
    if (!entry)
      throw new ActionError('VALIDATION_FAILED', `Records of kind ${kind} are not translated here.`, {
        fields: [{ field: 'kind', code: 'NOT_TRANSLATABLE', message: `must be one of ${[...this.#kinds.keys()].join(', ')}.` }],
      });
    return entry;
  }
}

/**
 * A language people can translate into or ask for: a plain language code (it, de, ar), lower
 * case, that names a language (`xx` and `und` do not), so demand is never counted for made-up tags.
 */
export function checkedLanguage(language: string, field: string): string {
  const tag = language.trim().toLowerCase();
  if (!/^[a-z]{2,3}$/.test(tag) || tag === 'und' || languageName(tag, 'en') === tag)
    throw new ActionError('VALIDATION_FAILED', `"${language.slice(0, 40)}" is not a language code; use one such as it, de or ar.`, {
      fields: [{ field, code: 'INVALID_LANGUAGE', message: 'must be a language code such as it, de or ar.' }],
    });
  return tag;
}

/** The kind's texts, for a refusal: its fields, then its lists' texts by path pattern. */
const describeTexts = (texts: TranslatableTexts) =>
  [...texts.fields, ...(texts.lists ?? []).flatMap((l) => l.texts.map((t) => `${l.field}.<item id>.${t}`))].join(', ');

/** The name of the list item a text path names, as its kind labels it. */
function itemNameOf(record: AnyRecord, field: string, texts: TranslatableTexts): LanguageMap | string | undefined {
  const found = itemOf(record, field, texts);
  return found ? found.list.label?.(found.item) : undefined;
}

const sameLanguage = (a: string, b: string) => a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];

/**
 * The limiter's key for a client: a hash of its address bucket, so no address is kept in the
 * clear beside the counts (the counters themselves expire with their window).
 */
function clientKey(value: string): string {
  const [address = '', ...rest] = value.split('|');
  return createHash('sha256')
    .update([addressBucket(address), ...rest].join('|'))
    .digest('base64url')
    .slice(0, 22);
}
