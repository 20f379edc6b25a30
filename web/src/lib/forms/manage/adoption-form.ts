// The adoption editing form (issue 16 point 2): the stage and the day it began, the title, what
// was kept, one change and why, and a first outcome, all in one language the writer chooses.
// Reading the posted form, the values shown when the page opens, and the changes sent to the
// registry: the texts of other languages and the other changes and outcomes are kept as they are.
import type { AdoptionRecordInput, AdoptionStage } from '../../generated/operation-types.ts';
import type { Problems } from './form-problems.ts';

type LanguageMap = Record<string, string>;
interface SourceShape {
  title: string;
  publisher?: string;
  kind?: string;
  file?: string;
  url?: string;
  date?: string;
  note?: string;
  notes?: LanguageMap;
}

/** The stored record (JSON), as far as this form reads it. */
export interface AdoptionRecordShape {
  handle: string;
  practice: string;
  stage: string;
  stageDates?: Record<string, string>;
  title: LanguageMap;
  kept?: LanguageMap;
  changes?: Array<{ id?: string; change: LanguageMap; why?: LanguageMap }>;
  outcomes?: Array<{ id?: string; value: number; unit?: string; description: LanguageMap; date?: string; source?: SourceShape }>;
  originalLanguage: string;
}

export interface AdoptionForm {
  stage: string;
  stageDate: string;
  language: string;
  title: string;
  kept: string;
  change: string;
  why: string;
  outcomeValue: string;
  outcomeUnit: string;
  outcomeDescription: string;
  outcomeDate: string;
}

export const ADOPTION_FIELD_IDS = {
  stage: 'adopt-stage',
  stageDate: 'adopt-stage-date',
  language: 'adopt-language',
  title: 'adopt-title',
  kept: 'adopt-kept',
  change: 'adopt-change',
  why: 'adopt-why',
  outcomeValue: 'adopt-outcome-value',
  outcomeUnit: 'adopt-outcome-unit',
  outcomeDescription: 'adopt-outcome-description',
  outcomeDate: 'adopt-outcome-date',
} as const;

/** The registry's field paths → this form's fields (the longest known prefix wins). */
export const ADOPTION_PATHS: Readonly<Record<string, string>> = {
  stage: ADOPTION_FIELD_IDS.stage,
  stageDates: ADOPTION_FIELD_IDS.stageDate,
  originalLanguage: ADOPTION_FIELD_IDS.language,
  title: ADOPTION_FIELD_IDS.title,
  kept: ADOPTION_FIELD_IDS.kept,
  'changes.0.change': ADOPTION_FIELD_IDS.change,
  'changes.0.why': ADOPTION_FIELD_IDS.why,
  'outcomes.0.value': ADOPTION_FIELD_IDS.outcomeValue,
  'outcomes.0.unit': ADOPTION_FIELD_IDS.outcomeUnit,
  'outcomes.0.description': ADOPTION_FIELD_IDS.outcomeDescription,
  'outcomes.0.date': ADOPTION_FIELD_IDS.outcomeDate,
};

const STAGE_VALUES: readonly string[] = ['ADOPTING', 'ADAPTING', 'REUSED', 'DROPPED'];
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function readAdoptionForm(form: FormData): AdoptionForm {
  return {
    stage: text(form, 'stage'),
    stageDate: text(form, 'stageDate'),
    language: text(form, 'language'),
    title: text(form, 'title'),
    kept: text(form, 'kept'),
    change: text(form, 'change'),
    why: text(form, 'why'),
    outcomeValue: text(form, 'outcomeValue'),
    outcomeUnit: text(form, 'outcomeUnit'),
    outcomeDescription: text(form, 'outcomeDescription'),
    outcomeDate: text(form, 'outcomeDate'),
  };
}

/** What the form shows for a stored record, in `language` (the record's own language by default). */
export function currentAdoptionForm(record: AdoptionRecordShape, language = record.originalLanguage): AdoptionForm {
  const stage = record.stage.toUpperCase();
  const [change] = record.changes ?? [];
  const [outcome] = record.outcomes ?? [];
  return {
    stage,
    stageDate: record.stageDates?.[record.stage] ?? '',
    language,
    title: record.title[language] ?? '',
    kept: record.kept?.[language] ?? '',
    change: change?.change[language] ?? '',
    why: change?.why?.[language] ?? '',
    outcomeValue: outcome ? String(outcome.value) : '',
    outcomeUnit: outcome?.unit ?? '',
    outcomeDescription: outcome?.description[language] ?? '',
    outcomeDate: outcome?.date ?? '',
  };
}

/** Problems the registry cannot name in the writer's terms: a figure that is not a number, an outcome without what it counts. */
export function checkAdoptionForm(posted: AdoptionForm): Problems {
  const problems: Problems = { fields: {}, general: [] };
  if (!STAGE_VALUES.includes(posted.stage)) problems.fields[ADOPTION_FIELD_IDS.stage] = { key: 'adoptErrorStage' };
  if (!posted.title) problems.fields[ADOPTION_FIELD_IDS.title] = { key: 'adoptErrorTitle' };
  if (posted.why && !posted.change) problems.fields[ADOPTION_FIELD_IDS.change] = { key: 'adoptErrorChange' };
  const outcomeStarted = Boolean(posted.outcomeValue || posted.outcomeUnit || posted.outcomeDescription || posted.outcomeDate);
  if (outcomeStarted && !Number.isFinite(figure(posted.outcomeValue)))
    problems.fields[ADOPTION_FIELD_IDS.outcomeValue] = { key: 'adoptErrorOutcomeValue' };
  if (outcomeStarted && !posted.outcomeDescription)
    problems.fields[ADOPTION_FIELD_IDS.outcomeDescription] = { key: 'adoptErrorOutcomeDescription' };
  return problems;
}

/** A figure as people write it: "120", "1 200", "12,5" (a comma for decimals). */
function figure(value: string): number {
  if (!/^-?[\d\s.,]+$/.test(value)) return Number.NaN;
  const normalised = value
    .replace(/\s/g, '')
    .replace(/,(\d{1,2})$/, '.$1')
    .replace(/,/g, '');
  return normalised === '' ? Number.NaN : Number(normalised);
}

const list = (map: LanguageMap | undefined) => Object.entries(map ?? {}).map(([language, text]) => ({ language, text }));
/** The map with `language` set to `text`, or removed when `text` is empty; null when nothing is left. */
function merged(map: LanguageMap | undefined, language: string, text: string) {
  const next = { ...map };
  if (text) next[language] = text;
  else delete next[language];
  const entries = list(next);
  return entries.length ? entries : null;
}

/** The changes to send: the texts in `language` replace that language only; other changes and outcomes stay. */
export function adoptionChanges(record: AdoptionRecordShape, posted: AdoptionForm): AdoptionRecordInput {
  const stage = posted.stage as AdoptionStage;
  const stageKey = stage.toLowerCase();
  const stageDates = { ...record.stageDates };
  // Moving to another stage with the previous stage's day still in the field (the form showed it)
  // says nothing about when the new stage began.
  const carriedOver = stageKey !== record.stage && posted.stageDate === record.stageDates?.[record.stage];
  if (posted.stageDate && !carriedOver) stageDates[stageKey] = posted.stageDate;
  else if (carriedOver) delete stageDates[stageKey];
  else delete stageDates[stageKey];
  const lang = posted.language;
  const [firstChange, ...otherChanges] = record.changes ?? [];
  const [firstOutcome, ...otherOutcomes] = record.outcomes ?? [];
  const change = merged(firstChange?.change, lang, posted.change);
  const changes = [
    ...(change ? [defined({ id: firstChange?.id ?? null, change, why: merged(firstChange?.why, lang, posted.why) })] : []),
    ...otherChanges.map((c) => defined({ id: c.id ?? null, change: list(c.change), why: c.why ? list(c.why) : null })),
  ];
  const description = merged(firstOutcome?.description, lang, posted.outcomeDescription);
  const outcomes = [
    ...(posted.outcomeValue && description
      ? [
          defined({
            id: firstOutcome?.id ?? null,
            value: figure(posted.outcomeValue),
            unit: posted.outcomeUnit || null,
            description,
            date: posted.outcomeDate || null,
            source: firstOutcome?.source ? sourceInput(firstOutcome.source) : null,
          }),
        ]
      : []),
    ...otherOutcomes.map((o) =>
      defined({
        id: o.id ?? null,
        value: o.value,
        unit: o.unit ?? null,
        description: list(o.description),
        date: o.date ?? null,
        source: o.source ? sourceInput(o.source) : null,
      }),
    ),
  ];
  return {
    stage,
    // Only the days given: a null inside the record would be refused (a day is a string).
    stageDates: Object.keys(stageDates).length ? stageDates : null,
    originalLanguage: lang,
    // A new draft's only text is the practice's own title, copied as a working title: once the city
    // writes its own in another language, that copy would be shown to readers of the first as the
    // city's title, so it is replaced rather than kept.
    title: merged(isFreshDraft(record) && lang !== record.originalLanguage ? {} : record.title, lang, posted.title),
    kept: merged(record.kept, lang, posted.kept),
    changes: changes.length ? changes : null,
    outcomes: outcomes.length ? outcomes : null,
  };
}

/** A draft as "start adopting" made it: a title and nothing the city wrote yet. */
function isFreshDraft(record: AdoptionRecordShape): boolean {
  return !record.kept && !record.changes?.length && !record.outcomes?.length;
}

/** The object without its null fields (nested nulls would reach the record; only top-level ones mean "remove"). */
function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as never;
}

function sourceInput(source: SourceShape) {
  const { notes, kind, ...rest } = source;
  return { ...rest, ...(kind ? { kind: kind.toUpperCase().replaceAll('-', '_') } : {}), ...(notes ? { notes: list(notes) } : {}) } as never;
}
