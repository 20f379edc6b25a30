import type { Taxonomy } from '../../taxonomies/taxonomy-catalog.ts';
import type { TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import type { Reader } from '../reader.ts';
import { textField, type ConceptView, schemaNonNull } from './shared-resolvers.ts';
import type { Resolvers, TaxonomyId as TaxonomyEnum } from '../generated/resolver-types.ts';

export interface TaxonomyView {
  taxonomy: Taxonomy;
  reader: Reader;
}

/** GraphQL enum value (LEGAL_FORM) ↔ taxonomy id (legal-form). */
export const taxonomyIdFromEnum = (value: string) => value.toLowerCase().replaceAll('_', '-');
export const taxonomyEnum = (id: string) => id.toUpperCase().replaceAll('-', '_') as TaxonomyEnum;

export const taxonomyResolvers: Resolvers = {
  Taxonomy: {
    id: (v: TaxonomyView) => taxonomyEnum(v.taxonomy.id),
    uri: (v: TaxonomyView) => v.taxonomy.uri,
    title: schemaNonNull(
      textField<TaxonomyView>(
        (v) => v.taxonomy.title,
        () => 'en',
      ),
    ),
    source: (v: TaxonomyView) => v.taxonomy.source,
    multiple: (v: TaxonomyView) => v.taxonomy.multiple ?? false,
    concepts: (v: TaxonomyView): ConceptView[] =>
      v.taxonomy.concepts.map((concept) => ({ taxonomy: v.taxonomy.id as TaxonomyId, concept, reader: v.reader })),
  },
};
