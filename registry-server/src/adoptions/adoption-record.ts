// The TypeScript shape of an adoption record (schemas/records/adoption-record.schema.json is the
// source of truth and validates every write): a city records that it is adopting, adapting, has
// re-used or has dropped a good practice of another city (issue 16 point 1, ADR 0040).
import type { LanguageMap } from '../records/language.ts';
import type { TranslationSources } from '../translations/translatable-texts.ts';

export const ADOPTION_STAGES = ['adopting', 'adapting', 'reused', 'dropped'] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

export interface AdoptionSource {
  title: string;
  publisher?: string;
  kind?: string;
  file?: string;
  url?: string;
  date?: string;
  note?: string;
  notes?: LanguageMap;
}

export interface AdoptionOutcome {
  /** The outcome's stable id in its list, given by the registry (ADR 0053). */
  id?: string;
  value: number;
  unit?: string;
  description: LanguageMap;
  date?: string;
  source?: AdoptionSource;
}

export interface AdoptionRecord {
  handle: string;
  /** The IRI of the practice adopted: this node's own, or a partner's this node holds a copy of. */
  practice: string;
  stage: AdoptionStage;
  stageDates?: Partial<Record<AdoptionStage, string>>;
  title: LanguageMap;
  summary?: LanguageMap;
  kept?: LanguageMap;
  changes?: Array<{ id?: string; change: LanguageMap; why?: LanguageMap }>;
  /** Organisations only (DATA-MODEL privacy rule 1): a name, a role code, a web address. */
  organisations?: Array<{ name: string; role?: string; url?: string }>;
  resources?: LanguageMap;
  outcomes?: AdoptionOutcome[];
  results?: LanguageMap;
  sources?: AdoptionSource[];
  originalLanguage: string;
  /** Kept by the registry on every save (ADR 0041): what each translation was made from; never federated. */
  translationSources?: TranslationSources;
  /** The adopting city's node: the record belongs to it. */
  node: string;
}
