// Taxonomy codes ↔ concept IRIs, as JSON-LD documents name categories.
import type { TaxonomyCatalog, TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import { TAXONOMY_IDS } from '../../taxonomies/taxonomy-catalog.ts';

/** Taxonomy codes ↔ concept IRIs, from the catalog (conceptUri), with a reverse index. */
export class ConceptIris {
  readonly #catalog: TaxonomyCatalog;
  readonly #codes = new Map<TaxonomyId, ReadonlyMap<string, string>>();

  constructor(catalog: TaxonomyCatalog) {
    this.#catalog = catalog;
    for (const taxonomy of TAXONOMY_IDS) {
      this.#codes.set(taxonomy, new Map(catalog.codes(taxonomy).map((code) => [catalog.conceptUri(taxonomy, code), code])));
    }
  }

  iri(taxonomy: TaxonomyId, code: string): string {
    return this.#catalog.conceptUri(taxonomy, code);
  }

  iris(taxonomy: TaxonomyId, codes: readonly string[] | undefined): string[] | undefined {
    return codes?.length ? codes.map((code) => this.iri(taxonomy, code)) : undefined;
  }

  /** The code of a concept IRI in one taxonomy; undefined for an IRI this node does not know. */
  code(taxonomy: TaxonomyId, iri: string): string | undefined {
    return this.#codes.get(taxonomy)?.get(iri);
  }
}

const conceptIrisCache = new WeakMap<TaxonomyCatalog, ConceptIris>();

export function conceptIrisOf(catalog: TaxonomyCatalog): ConceptIris {
  let iris = conceptIrisCache.get(catalog);
  if (!iris) conceptIrisCache.set(catalog, (iris = new ConceptIris(catalog)));
  return iris;
}
