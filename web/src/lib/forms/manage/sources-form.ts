// A record's sources as a form, without SvelteKit: shared by an initiative's key figures and
// sources (routes/account/initiatives/[slug]/figures) and a good practice's sources
// (routes/admin/practices/[slug]/sources). A source is a document (title, publisher — an
// organisation, never a person —, kind, date, address) with a note per language. A source citing
// one of the project's catalogued documents (`file`) shows the catalogue's facts, which win on
// the public page (registry sources/source-catalogue.ts): only its note is edited. Blocks
// remember the stored source they came from, so a language's note goes into it with the others
// untouched.
import type { MessageKey } from '../../i18n/catalog.ts';
import type { SourceKind } from '../../generated/operation-types.ts';
import { languageMapToInput, withLanguage, type LanguageMap } from './initiative-changes.ts';
import { applyListCommand, type ListCommand } from './list-commands.ts';
import { sameValue } from './same-value.ts';
import { keepItemId } from './item-id.ts';

export const SOURCE_KINDS: readonly SourceKind[] = ['PROCEEDINGS', 'LEAFLET', 'GUIDE', 'WEB_PAGE', 'REPORT', 'ARTICLE', 'DOCUMENT'];
/** The records' own limit (schemas/records/*.schema.json, `sources.maxItems`). */
export const MAX_SOURCES = 20;

export interface StoredSource {
  title: string;
  publisher?: string;
  kind?: string;
  file?: string;
  url?: string;
  date?: string;
  note?: string;
  notes?: LanguageMap;
}

export interface SourceBlock {
  /** Stable while the form is edited, so a figure keeps its source when sources move: s<stored position> or n<k>. */
  key: string;
  from: number | null;
  title: string;
  publisher: string;
  kind: string;
  date: string;
  url: string;
  /** The note in the language being edited. */
  note: string;
}

/** A sources-only form as posted or rearranged: the language of the notes and the blocks as typed. */
export interface SourcesForm {
  lang: string;
  sources: SourceBlock[];
}

export type SourcePart = 'from' | 'key' | 'title' | 'publisher' | 'kind' | 'date' | 'url' | 'note';
export const sourceFieldId = (index: number, part: SourcePart) => `src-${index}-${part}`;
/** The fields of a source block, in the order they are shown (for the error summary). */
export const SOURCE_FIELD_PARTS = ['title', 'publisher', 'kind', 'date', 'url', 'note'] as const;

/** A new source block, with a key no other block of the form has. */
export function emptySourceBlock(existing: readonly SourceBlock[]): SourceBlock {
  let k = existing.length;
  while (existing.some((block) => block.key === `n${k}`)) k++;
  return { key: `n${k}`, from: null, title: '', publisher: '', kind: '', date: '', url: '', note: '' };
}

/** The stored kind (web-page) as the GraphQL enum (WEB_PAGE). */
const kindInput = (kind: string) => kind.toUpperCase().replaceAll('-', '_');

export function sourceBlocksFromRecord(stored: readonly StoredSource[] | undefined, lang: string): SourceBlock[] {
  return (stored ?? []).map((source, index) => ({
    key: `s${index}`,
    from: index,
    title: source.title,
    publisher: source.publisher ?? '',
    kind: source.kind ? kindInput(source.kind) : '',
    date: source.date ?? '',
    url: source.url ?? '',
    note: source.notes?.[lang] ?? '',
  }));
}

/** A posted count (of blocks), at most one more than `max` so that the registry says "too many". */
export function postedCount(data: FormData, name: string, max: number): number {
  const value = data.get(name);
  return Math.min(Number.parseInt(typeof value === 'string' ? value.trim() : '', 10) || 0, max + 1);
}

/**
 * A posted stored position: a position that is not stored, or claimed twice, is a new item, so
 * that two blocks never write over one stored item.
 */
export function postedStoredPosition(value: string, stored: number, seen: Set<number>): number | null {
  const from = /^\d{1,3}$/.test(value) ? Number(value) : null;
  if (from === null || from >= stored || seen.has(from)) return null;
  seen.add(from);
  return from;
}

/** The source blocks of a posted form (field "sources" gives how many). */
export function readSourceBlocks(data: FormData, storedCount: number): SourceBlock[] {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const sources: SourceBlock[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < postedCount(data, 'sources', MAX_SOURCES); index++) {
    const from = postedStoredPosition(text(sourceFieldId(index, 'from')), storedCount, seen);
    const posted = text(sourceFieldId(index, 'key'));
    const block: SourceBlock = {
      key: posted,
      from,
      title: text(sourceFieldId(index, 'title')),
      publisher: text(sourceFieldId(index, 'publisher')),
      kind: text(sourceFieldId(index, 'kind')),
      date: text(sourceFieldId(index, 'date')),
      url: text(sourceFieldId(index, 'url')),
      note: text(sourceFieldId(index, 'note')),
    };
    const wellFormed = from !== null ? posted === `s${from}` : /^n\d{1,3}$/.test(posted);
    if (!wellFormed || sources.some((other) => other.key === posted))
      block.key = from !== null ? `s${from}` : emptySourceBlock(sources).key;
    sources.push(block);
  }
  return sources;
}

const isEmptySource = (b: SourceBlock) => b.from === null && !b.title && !b.publisher && !b.kind && !b.date && !b.url && !b.note;

/** A stored source as SourceReferenceInput (to compare with what the form sends). */
export function storedSourceInput(source: StoredSource): Record<string, unknown> {
  const { kind, notes, ...rest } = source;
  return {
    ...rest,
    ...(kind ? { kind: kindInput(kind) } : {}),
    ...(notes ? { notes: languageMapToInput(notes) } : {}),
  };
}

/** A source block as SourceReferenceInput: a catalogued one keeps its facts, only its note in this language changes. */
function sourceInput(stored: StoredSource | undefined, block: SourceBlock, lang: string): Record<string, unknown> {
  const notes = withLanguage(stored?.notes, lang, block.note);
  const withNotes = (input: Record<string, unknown>) => {
    delete input.notes;
    if (Object.keys(notes).length > 0) input.notes = languageMapToInput(notes);
    return input;
  };
  if (stored?.file) return withNotes(storedSourceInput(stored));
  const input: Record<string, unknown> = { title: block.title };
  if (block.publisher) input.publisher = block.publisher;
  if (block.kind) input.kind = block.kind;
  if (block.date) input.date = block.date;
  if (block.url) input.url = block.url;
  if (stored?.note) input.note = stored.note;
  return withNotes(keepItemId(input, stored));
}

export interface SourcesInput {
  /** The list to send as `sources` (empty blocks left out). */
  sources: Array<Record<string, unknown>>;
  /** Problems found before asking the registry (a kind not in the list), by field id. */
  local: Record<string, MessageKey>;
  /** For each source sent, the form block it came from. */
  sourceBlocks: number[];
  /** What each block is called by a key figure (its catalogued file, else its title), by block key. */
  referenceByKey: Map<string, string>;
}

export function sourcesInput(stored: readonly StoredSource[] | undefined, blocks: readonly SourceBlock[], lang: string): SourcesInput {
  const local: Record<string, MessageKey> = {};
  const sourceBlocks: number[] = [];
  const sources: Array<Record<string, unknown>> = [];
  const referenceByKey = new Map<string, string>();
  blocks.forEach((block, index) => {
    if (isEmptySource(block)) return;
    const from = block.from === null ? undefined : stored?.[block.from];
    if (block.kind && !(SOURCE_KINDS as readonly string[]).includes(block.kind) && !from?.file)
      local[sourceFieldId(index, 'kind')] = 'svcEditErrorKind';
    sourceBlocks.push(index);
    sources.push(sourceInput(from, block, lang));
    referenceByKey.set(block.key, from?.file ?? block.title);
  });
  return { sources, local, sourceBlocks, referenceByKey };
}

/** The registry's paths (sources.<sent>.title …) → this form's field ids. */
export function sourcesFieldIds(sourceBlocks: readonly number[]): Record<string, string> {
  const ids: Record<string, string> = {};
  sourceBlocks.forEach((block, sent) => {
    ids[`sources.${sent}`] = sourceFieldId(block, 'title');
    for (const part of ['title', 'publisher', 'kind', 'date', 'url'] as const) ids[`sources.${sent}.${part}`] = sourceFieldId(block, part);
    ids[`sources.${sent}.file`] = sourceFieldId(block, 'title');
    ids[`sources.${sent}.note`] = sourceFieldId(block, 'note');
    ids[`sources.${sent}.notes`] = sourceFieldId(block, 'note');
  });
  return ids;
}

/** Our words for the registry's refusals on the sources, by "path/CODE" (the rest: the registry's own text). */
export function sourcesFieldMessages(sourceCount: number): Record<string, MessageKey> {
  const messages: Record<string, MessageKey> = {};
  for (let i = 0; i < sourceCount; i++) {
    messages[`sources.${i}.title/TOO_SHORT`] = 'svcEditErrorSourceTitle';
    messages[`sources.${i}.url/INVALID_FORMAT`] = 'svcEditErrorUrl';
    messages[`sources.${i}.date/INVALID_FORMAT`] = 'svcEditErrorDate';
  }
  return messages;
}

/** Whether any source has a note in `lang` (its tab says "written" or "not written yet"). */
export const hasSourceNotesIn = (stored: readonly StoredSource[] | undefined, lang: string) =>
  (stored ?? []).some((s) => Boolean(s.notes?.[lang]));

/** What saving a sources-only form sends (`changes`, empty when nothing changed) and how refusals map back to it. */
export function sourcesChanges(
  stored: readonly StoredSource[] | undefined,
  blocks: readonly SourceBlock[],
  lang: string,
): {
  changes: Record<string, unknown>;
  local: Record<string, MessageKey>;
  fieldIds: Record<string, string>;
  fieldMessages: Record<string, MessageKey>;
} {
  const { sources, local, sourceBlocks } = sourcesInput(stored, blocks, lang);
  const same = sameValue((stored ?? []).map(storedSourceInput), sources);
  return {
    changes: same ? {} : { sources },
    local,
    fieldIds: sourcesFieldIds(sourceBlocks),
    fieldMessages: sourcesFieldMessages(sourceBlocks.length),
  };
}

/** The blocks rearranged by a list command (add, move, remove); adding stops at the records' limit. */
export function arrangeSources(blocks: readonly SourceBlock[], command: ListCommand): SourceBlock[] {
  if (command.kind === 'add' && blocks.length >= MAX_SOURCES) return [...blocks];
  return applyListCommand(blocks, command, () => emptySourceBlock(blocks));
}
