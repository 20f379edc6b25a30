// The key figures and sources form (routes/account/initiatives/[slug]/figures), without
// SvelteKit. A figure is a number, what it counts (in the language being edited), a year and the
// source that gives it, picked from the record's sources. The sources are the shared sources
// form (sources-form.ts, also a good practice's). Blocks remember the stored item they came
// from, so a language's texts go into it with the others untouched.
import type { MessageKey } from '../../i18n/catalog.ts';
import { sameValue } from './same-value.ts';
import { languageMapToInput, withLanguage, type InitiativeRecord, type LanguageMap } from './initiative-changes.ts';
import {
  hasSourceNotesIn,
  postedCount,
  postedStoredPosition,
  readSourceBlocks,
  sourceBlocksFromRecord,
  sourcesFieldIds,
  sourcesFieldMessages,
  sourcesInput,
  storedSourceInput,
  type SourceBlock,
  type StoredSource,
} from './sources-form.ts';
import { keepItemId } from './item-id.ts';

export {
  emptySourceBlock,
  MAX_SOURCES,
  SOURCE_KINDS,
  sourceFieldId,
  type SourceBlock,
  type SourcePart,
  type StoredSource,
} from './sources-form.ts';

/** The record's own limit (schemas/records/initiative.schema.json). */
export const MAX_FIGURES = 30;

export interface StoredFigure {
  value: number;
  description: LanguageMap;
  year?: number;
  source?: string;
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
export interface FiguresForm {
  lang: string;
  figures: FigureBlock[];
  sources: SourceBlock[];
}

export type FigurePart = 'from' | 'value' | 'description' | 'year' | 'source';
export const figureFieldId = (index: number, part: FigurePart) => `fig-${index}-${part}`;

export const emptyFigureBlock = (): FigureBlock => ({ from: null, value: '', description: '', year: '', source: NO_SOURCE });
/** What a stored source is called in a figure (registry keyFigureSource: its file, else its title). */
const referenceOf = (source: StoredSource) => source.file ?? source.title;

export function figuresFormFromRecord(record: FiguresRecord, lang: string): FiguresForm {
  const sources = sourceBlocksFromRecord(record.sources, lang);
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
  const sources = readSourceBlocks(data, record.sources?.length ?? 0);
  const figures: FigureBlock[] = [];
  const seenFigures = new Set<number>();
  for (let index = 0; index < postedCount(data, 'figures', MAX_FIGURES); index++) {
    figures.push({
      from: postedStoredPosition(text(figureFieldId(index, 'from')), record.keyFigures?.length ?? 0, seenFigures),
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

function storedFigureInput(figure: StoredFigure): Record<string, unknown> {
  return { ...figure, description: languageMapToInput(figure.description) };
}

export function figuresChanges(record: FiguresRecord, form: FiguresForm): FiguresChanges {
  const storedSources = record.sources ?? [];
  const storedFigures = record.keyFigures ?? [];
  const { sources, local, sourceBlocks, referenceByKey } = sourcesInput(storedSources, form.sources, form.lang);

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
    figures.push(keepItemId(figure, stored));
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
  Object.assign(ids, sourcesFieldIds(sourceBlocks));
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
  Object.assign(messages, sourcesFieldMessages(sourceCount));
  return messages;
}

/** Whether any figure or source note has a text in `lang` (its tab says "written" or "not written yet"). */
export function hasFigureTextsIn(record: FiguresRecord, lang: string): boolean {
  return (record.keyFigures ?? []).some((f) => Boolean(f.description[lang])) || hasSourceNotesIn(record.sources, lang);
}
