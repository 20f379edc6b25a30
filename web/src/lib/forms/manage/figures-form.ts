// The key figures and sources form (routes/account/initiatives/[slug]/figures), without
// SvelteKit. A figure is a number, what it counts (in the language being edited), a year and the
// source that gives it, picked from the record's sources; a source is a document (title,
// publisher — an organisation, never a person —, kind, date, address) with a note per language.
// A source citing one of the project's catalogued documents (`file`) shows the catalogue's
// facts, which win on the public page (registry sources/source-catalogue.ts): only its note is
// edited here. Blocks remember the stored item they came from, so a language's texts go into
// it with the others untouched.
import type { MessageKey } from '../../i18n/catalog.ts';
import type { SourceKind } from '../../generated/operation-types.ts';
import { sameValue } from './same-value.ts';
import { languageMapToInput, withLanguage, type InitiativeRecord, type LanguageMap } from './initiative-changes.ts';

export const SOURCE_KINDS: readonly SourceKind[] = ['PROCEEDINGS', 'LEAFLET', 'GUIDE', 'WEB_PAGE', 'REPORT', 'ARTICLE', 'DOCUMENT'];
/** The record's own limits (schemas/records/initiative.schema.json). */
export const MAX_FIGURES = 30;
export const MAX_SOURCES = 20;

export interface StoredFigure {
  value: number;
  description: LanguageMap;
  year?: number;
  source?: string;
}
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
export type FiguresRecord = InitiativeRecord & { keyFigures?: readonly StoredFigure[]; sources?: readonly StoredSource[] };

/** A figure's source choice: none, the stored reference kept as it is, or a source block's key. */
export const NO_SOURCE = '';
export const KEEP_SOURCE = 'keep';

export interface FigureBlock {
  from: number | null;
  value: string;
  description: string;
  year: string;
  source: string;
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
export interface FiguresForm {
  lang: string;
  figures: FigureBlock[];
  sources: SourceBlock[];
}

export type FigurePart = 'from' | 'value' | 'description' | 'year' | 'source';
export type SourcePart = 'from' | 'key' | 'title' | 'publisher' | 'kind' | 'date' | 'url' | 'note';
export const figureFieldId = (index: number, part: FigurePart) => `fig-${index}-${part}`;
export const sourceFieldId = (index: number, part: SourcePart) => `src-${index}-${part}`;

export const emptyFigureBlock = (): FigureBlock => ({ from: null, value: '', description: '', year: '', source: NO_SOURCE });
/** A new source block, with a key no other block of the form has. */
export function emptySourceBlock(existing: readonly SourceBlock[]): SourceBlock {
  let k = existing.length;
  while (existing.some((block) => block.key === `n${k}`)) k++;
  return { key: `n${k}`, from: null, title: '', publisher: '', kind: '', date: '', url: '', note: '' };
}

/** What a stored source is called in a figure (registry keyFigureSource: its file, else its title). */
const referenceOf = (source: StoredSource) => source.file ?? source.title;

export function figuresFormFromRecord(record: FiguresRecord, lang: string): FiguresForm {
  const sources = (record.sources ?? []).map((source, index) => ({
    key: `s${index}`,
    from: index,
    title: source.title,
    publisher: source.publisher ?? '',
    kind: source.kind ? source.kind.toUpperCase().replaceAll('-', '_') : '',
    date: source.date ?? '',
    url: source.url ?? '',
    note: source.notes?.[lang] ?? '',
  }));
  const figures = (record.keyFigures ?? []).map((figure, index) => {
    const cited = figure.source === undefined ? -1 : (record.sources ?? []).findIndex((s) => referenceOf(s) === figure.source);
    return {
      from: index,
      value: String(figure.value),
      description: figure.description[lang] ?? '',
      year: figure.year === undefined ? '' : String(figure.year),
      source: figure.source === undefined ? NO_SOURCE : cited >= 0 ? `s${cited}` : KEEP_SOURCE,
    };
  });
  return { lang, figures, sources };
}

export function readFiguresForm(data: FormData, lang: string, record: FiguresRecord): FiguresForm {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const count = (name: string, max: number) => Math.min(Number.parseInt(text(name), 10) || 0, max + 1);
  const storedPosition = (value: string, stored: number, seen: Set<number>) => {
    // A position that is not stored, or claimed twice, is a new item: never two blocks over one.
    const from = /^\d{1,3}$/.test(value) ? Number(value) : null;
    if (from === null || from >= stored || seen.has(from)) return null;
    seen.add(from);
    return from;
  };
  const sources: SourceBlock[] = [];
  const seenSources = new Set<number>();
  for (let index = 0; index < count('sources', MAX_SOURCES); index++) {
    const from = storedPosition(text(sourceFieldId(index, 'from')), record.sources?.length ?? 0, seenSources);
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
  const figures: FigureBlock[] = [];
  const seenFigures = new Set<number>();
  for (let index = 0; index < count('figures', MAX_FIGURES); index++) {
    figures.push({
      from: storedPosition(text(figureFieldId(index, 'from')), record.keyFigures?.length ?? 0, seenFigures),
      value: text(figureFieldId(index, 'value')),
      description: text(figureFieldId(index, 'description')),
      year: text(figureFieldId(index, 'year')),
      source: text(figureFieldId(index, 'source')),
    });
  }
  return { lang, figures, sources };
}

/**
 * A number as people write it: digits, with a point or a comma before the decimals, spaces
 * (ordinary or not breaking) between thousands: "45", "12,5", "3 000". Null otherwise.
 */
export function parseFigureValue(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d{1,15}([.,]\d{1,6})?$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

export interface FiguresChanges {
  changes: Record<string, unknown>;
  /** Problems found before asking the registry (a value that is not a number …), by field id. */
  local: Record<string, MessageKey>;
  /** For each figure and source sent, the form block it came from. */
  figureBlocks: number[];
  sourceBlocks: number[];
}

const isEmptyFigure = (b: FigureBlock) => b.from === null && !b.value && !b.description && !b.year && b.source === NO_SOURCE;
const isEmptySource = (b: SourceBlock) => b.from === null && !b.title && !b.publisher && !b.kind && !b.date && !b.url && !b.note;

function storedSourceInput(source: StoredSource): Record<string, unknown> {
  const { kind, notes, ...rest } = source;
  return {
    ...rest,
    ...(kind ? { kind: kind.toUpperCase().replaceAll('-', '_') } : {}),
    ...(notes ? { notes: languageMapToInput(notes) } : {}),
  };
}

function storedFigureInput(figure: StoredFigure): Record<string, unknown> {
  return { ...figure, description: languageMapToInput(figure.description) };
}

/** The sources as SourceReferenceInput: a catalogued one keeps its facts, only its note in this language changes. */
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
  return withNotes(input);
}

export function figuresChanges(record: FiguresRecord, form: FiguresForm): FiguresChanges {
  const local: Record<string, MessageKey> = {};
  const storedSources = record.sources ?? [];
  const storedFigures = record.keyFigures ?? [];

  const sourceBlocks: number[] = [];
  const sources: Array<Record<string, unknown>> = [];
  const referenceByKey = new Map<string, string>();
  form.sources.forEach((block, index) => {
    if (isEmptySource(block)) return;
    const stored = block.from === null ? undefined : storedSources[block.from];
    if (block.kind && !(SOURCE_KINDS as readonly string[]).includes(block.kind) && !stored?.file)
      local[sourceFieldId(index, 'kind')] = 'svcEditErrorKind';
    const input = sourceInput(stored, block, form.lang);
    sourceBlocks.push(index);
    sources.push(input);
    referenceByKey.set(block.key, stored?.file ?? block.title);
  });

  const figureBlocks: number[] = [];
  const figures: Array<Record<string, unknown>> = [];
  form.figures.forEach((block, index) => {
    if (isEmptyFigure(block)) return;
    const stored = block.from === null ? undefined : storedFigures[block.from];
    const value = parseFigureValue(block.value);
    if (value === null) local[figureFieldId(index, 'value')] = 'svcEditErrorValue';
    if (block.year && !/^\d{1,6}$/.test(block.year)) local[figureFieldId(index, 'year')] = 'svcEditErrorYear';
    let source: string | undefined;
    if (block.source === KEEP_SOURCE) source = stored?.source;
    else if (block.source !== NO_SOURCE) {
      source = referenceByKey.get(block.source);
      // The source was removed or left empty on this form: say so rather than drop the link.
      if (source === undefined || source === '') local[figureFieldId(index, 'source')] = 'svcEditErrorFigureSource';
    }
    const figure: Record<string, unknown> = {
      value: value ?? 0,
      description: languageMapToInput(withLanguage(stored?.description, form.lang, block.description)),
    };
    if (block.year && /^\d{1,6}$/.test(block.year)) figure.year = Number(block.year);
    if (source) figure.source = source;
    figureBlocks.push(index);
    figures.push(figure);
  });

  const changes: Record<string, unknown> = {};
  if (!sameValue(storedFigures.map(storedFigureInput), figures)) changes.keyFigures = figures;
  if (!sameValue(storedSources.map(storedSourceInput), sources)) changes.sources = sources;
  return { changes, local, figureBlocks, sourceBlocks };
}

/** The registry's paths (keyFigures.<sent>.year, sources.<sent>.title …) → this form's field ids. */
export function figuresFieldIds(figureBlocks: readonly number[], sourceBlocks: readonly number[]): Record<string, string> {
  const ids: Record<string, string> = {};
  figureBlocks.forEach((block, sent) => {
    ids[`keyFigures.${sent}`] = figureFieldId(block, 'value');
    for (const part of ['value', 'description', 'year', 'source'] as const) ids[`keyFigures.${sent}.${part}`] = figureFieldId(block, part);
  });
  sourceBlocks.forEach((block, sent) => {
    ids[`sources.${sent}`] = sourceFieldId(block, 'title');
    for (const part of ['title', 'publisher', 'kind', 'date', 'url'] as const) ids[`sources.${sent}.${part}`] = sourceFieldId(block, part);
    ids[`sources.${sent}.file`] = sourceFieldId(block, 'title');
    ids[`sources.${sent}.note`] = sourceFieldId(block, 'note');
    ids[`sources.${sent}.notes`] = sourceFieldId(block, 'note');
  });
  return ids;
}

/** Our words for the registry's refusals on this form, by "path/CODE" (the rest: the registry's own text). */
export function figuresFieldMessages(figureCount: number, sourceCount: number): Record<string, MessageKey> {
  const messages: Record<string, MessageKey> = {};
  for (let i = 0; i < figureCount; i++) {
    messages[`keyFigures.${i}.year/OUT_OF_RANGE`] = 'svcEditErrorYear';
    messages[`keyFigures.${i}.description/WRONG_TYPE`] = 'svcEditErrorFigureDescription';
    messages[`keyFigures.${i}.description/REQUIRED`] = 'svcEditErrorFigureDescription';
  }
  for (let i = 0; i < sourceCount; i++) {
    messages[`sources.${i}.title/TOO_SHORT`] = 'svcEditErrorSourceTitle';
    messages[`sources.${i}.url/INVALID_FORMAT`] = 'svcEditErrorUrl';
    messages[`sources.${i}.date/INVALID_FORMAT`] = 'svcEditErrorDate';
  }
  return messages;
}

/** Whether any figure or source note has a text in `lang` (its tab says "written" or "not written yet"). */
export function hasFigureTextsIn(record: FiguresRecord, lang: string): boolean {
  return (
    (record.keyFigures ?? []).some((f) => Boolean(f.description[lang])) || (record.sources ?? []).some((s) => Boolean(s.notes?.[lang]))
  );
}
