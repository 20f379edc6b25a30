// The taxonomies kept as data in schemas/taxonomies (ESSGlobal schemes, the ten UMN practice
// types, needs, actor roles, national legal forms), loaded once at boot and read-only after.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Concept {
  code: string;
  uri?: string;
  broader?: string;
  country?: string;
  essglobalLegalForm?: string;
  /** For grounds of reserved contracts: the article of Directive 2014/24/EU it is or implements (ADR 0035). */
  implements?: 'eu-art20' | 'eu-art77';
  labels: Readonly<Record<string, string>>;
  definitions?: Readonly<Record<string, string>>;
  translatedByUs: readonly string[];
}

export interface Taxonomy {
  id: string;
  uri: string;
  title: Readonly<Record<string, string>>;
  description?: Readonly<Record<string, string>>;
  source: string;
  multiple?: boolean;
  concepts: readonly Concept[];
}

export const TAXONOMY_IDS = [
  'sector',
  'activity',
  'legal-form',
  'national-legal-form',
  'organisational-structure',
  'qualifier',
  'governance-principle',
  'base-membership-type',
  'practice-type',
  'need',
  'actor-role',
  'lending-form',
  'offer-kind',
  'opening-kind',
  'budget-band',
  'reserved-contract-basis',
  'team-size-band',
] as const;
export type TaxonomyId = (typeof TAXONOMY_IDS)[number];

export function schemasDirectory(): string {
  return dirname(fileURLToPath(import.meta.resolve('@umn/schemas/package.json')));
}

export class TaxonomyCatalog {
  readonly #taxonomies: ReadonlyMap<string, Taxonomy>;
  readonly #concepts: ReadonlyMap<string, ReadonlyMap<string, Concept>>;

  constructor(taxonomies: Taxonomy[]) {
    this.#taxonomies = new Map(taxonomies.map((t) => [t.id, t]));
    this.#concepts = new Map(taxonomies.map((t) => [t.id, new Map(t.concepts.map((c) => [c.code, c]))]));
    const missing = TAXONOMY_IDS.filter((id) => !this.#taxonomies.has(id));
    if (missing.length) throw new Error(`Taxonomies missing from schemas/taxonomies: ${missing.join(', ')}`);
  }

  /** Loads every schemas/taxonomies/<id>.json. */
  static load(directory = join(schemasDirectory(), 'taxonomies')): TaxonomyCatalog {
    const files = readdirSync(directory).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    return new TaxonomyCatalog(files.map((f) => JSON.parse(readFileSync(join(directory, f), 'utf8')) as Taxonomy));
  }

  all(): Taxonomy[] {
    return TAXONOMY_IDS.map((id) => this.#taxonomies.get(id)!);
  }

  get(id: string): Taxonomy | undefined {
    return this.#taxonomies.get(id);
  }

  concept(taxonomy: TaxonomyId, code: string): Concept | undefined {
    return this.#concepts.get(taxonomy)?.get(code);
  }

  has(taxonomy: TaxonomyId, code: string): boolean {
    return this.#concepts.get(taxonomy)?.has(code) ?? false;
  }

  codes(taxonomy: TaxonomyId): string[] {
    return [...(this.#concepts.get(taxonomy)?.keys() ?? [])];
  }

  conceptUri(taxonomy: TaxonomyId, code: string): string {
    const t = this.#taxonomies.get(taxonomy)!;
    return this.concept(taxonomy, code)?.uri ?? `${t.uri}${code}`;
  }
}
