// Resolvers of the small shared types (Language, Country, Link, KeyFigure, SourceReference,
// Concept) and helpers the record resolvers use to build their views.
import type { Concept as TaxonomyConcept, TaxonomyId } from '../../taxonomies/taxonomy-catalog.ts';
import { countryName, languageName, type LanguageMap } from '../../records/language.ts';
import type { KeyFigure, Link, SourceReference } from '../../records/record-types.ts';
import { keyFigureSource } from '../../sources/source-catalogue.ts';
import type { GraphQLContext } from '../context.ts';
import { direction, localized, primaryLanguage, readerWith, wantedLanguages, type LocalizedTextView, type Reader } from '../reader.ts';
import type { Resolvers, TaxonomyId as TaxonomyEnum } from '../generated/resolver-types.ts';
import { itemKeys } from '../../translations/translatable-texts.ts';

export interface LanguageView {
  code: string;
  reader: Reader;
}
export interface CountryView {
  code: string;
  reader: Reader;
}
export interface ConceptView {
  taxonomy: TaxonomyId;
  concept: TaxonomyConcept;
  reader: Reader;
}
/** `textKey` (links, figures): the item's key in translation statuses' text paths (its id, or its position before ids: ADR 0053). */
export interface LinkView {
  link: Link;
  reader: Reader;
  textKey: string;
}
export interface KeyFigureView {
  figure: KeyFigure;
  reader: Reader;
  textKey: string;
  /** The record's sources, completed from the catalogue: the one the figure names is among them. */
  sources?: readonly SourceReference[] | undefined;
}

type LangArgs = { lang?: string | null };

export const languageView = (code: string, reader: Reader): LanguageView => ({ code, reader });
export const countryView = (code: string, reader: Reader): CountryView => ({ code, reader });

/** A concept view, or null when the code is unknown (e.g. a received record using a newer taxonomy). */
export function conceptView(ctx: GraphQLContext, taxonomy: TaxonomyId, code: string | undefined, reader: Reader): ConceptView | null {
  if (!code) return null;
  const concept = ctx.services.catalog.concept(taxonomy, code);
  return concept ? { taxonomy, concept, reader } : null;
}

export function conceptViews(
  ctx: GraphQLContext,
  taxonomy: TaxonomyId,
  codes: readonly string[] | undefined,
  reader: Reader,
): ConceptView[] {
  return (codes ?? []).map((code) => conceptView(ctx, taxonomy, code, reader)).filter((v): v is ConceptView => v !== null);
}

/** Resolver of a language-map field taking a `lang` argument. */
export function textField<P extends { reader: Reader }>(
  pick: (parent: P) => LanguageMap | undefined,
  original?: (parent: P) => string | undefined,
) {
  return (parent: P, args: LangArgs) => localized(pick(parent), readerWith(parent.reader, args.lang), original?.(parent));
}

/**
 * Marks a resolver the schema declares non-null although it can answer null (an empty language map,
 * an unknown taxonomy code, a facet without a GraphQL name): GraphQL then answers an error for the
 * field. Types only, no behaviour; each use is a known gap between schema and data (ADR 0015).
 */
export const schemaNonNull = <P, A, R>(
  resolve: (parent: P, args: A, ctx: GraphQLContext) => R,
): ((parent: P, args: A, ctx: GraphQLContext) => NonNullable<Awaited<R>> | Promise<NonNullable<Awaited<R>>>) => resolve as never;

/** Like schemaNonNull, for a result with a null deeper inside (an operator's unknown role, an unnamed facet): the result is not checked. */
export const schemaUnchecked = <P, A, R>(
  resolve: (parent: P, args: A, ctx: GraphQLContext) => R,
): ((parent: P, args: A, ctx: GraphQLContext) => never) => resolve as never;

const enumOf = (taxonomy: TaxonomyId) => taxonomy.toUpperCase().replaceAll('-', '_') as TaxonomyEnum;

function conceptLabel(view: ConceptView, args: LangArgs) {
  const reader = readerWith(view.reader, args.lang);
  // Fall back to English, then any label: every concept has at least the nine project languages.
  return localized(view.concept.labels, { languages: [...wantedLanguages(reader), 'en'], defaults: [] })!;
}

export const sharedResolvers: Resolvers = {
  LocalizedText: {
    direction: (v: LocalizedTextView) => direction(v.language),
    translations: (v: LocalizedTextView) =>
      Object.entries(v.map).map(([language, text]) => ({ language, text, direction: direction(language) })),
  },
  Language: {
    name: (v: LanguageView, args: LangArgs) => languageName(v.code, primaryLanguage(readerWith(v.reader, args.lang))),
    direction: (v: LanguageView) => direction(v.code),
  },
  Country: {
    name: (v: CountryView, args: LangArgs) => countryName(v.code, primaryLanguage(readerWith(v.reader, args.lang))) ?? v.code,
  },
  Link: {
    textKey: (v: LinkView) => v.textKey,
    url: (v: LinkView) => v.link.url,
    label: textField<LinkView>((v) => v.link.label),
  },
  KeyFigure: {
    textKey: (v: KeyFigureView) => v.textKey,
    value: (v: KeyFigureView) => v.figure.value,
    year: (v: KeyFigureView) => v.figure.year ?? null,
    source: (v: KeyFigureView) => v.figure.source ?? null,
    sourceReference: (v: KeyFigureView) => {
      const source = keyFigureSource(v.figure, v.sources);
      // The figure's source is one of the record's: its key is the one its notes are tracked by.
      return source ? { source, reader: v.reader, textKey: itemKeys(v.sources ?? [])[v.sources!.indexOf(source)]! } : null;
    },
    description: schemaNonNull(textField<KeyFigureView>((v) => v.figure.description)),
  },
  Concept: {
    code: (v: ConceptView) => v.concept.code,
    uri: (v: ConceptView, _args: unknown, ctx: GraphQLContext) => ctx.services.catalog.conceptUri(v.taxonomy, v.concept.code),
    taxonomy: (v: ConceptView) => enumOf(v.taxonomy),
    label: (v: ConceptView, args: LangArgs) => conceptLabel(v, args).text,
    labelLanguage: (v: ConceptView, args: LangArgs) => conceptLabel(v, args).language,
    translatedByRegistry: (v: ConceptView, args: LangArgs) => v.concept.translatedByUs.includes(conceptLabel(v, args).language),
    definition: textField<ConceptView>((v) => v.concept.definitions),
    broader: (v: ConceptView) => v.concept.broader ?? null,
    country: (v: ConceptView) => v.concept.country ?? null,
  },
};

export function linkViews(links: readonly Link[] | undefined, reader: Reader): LinkView[] {
  const keys = itemKeys(links ?? []);
  return (links ?? []).map((link, index) => ({ link, reader, textKey: keys[index]! }));
}

export function keyFigureViews(
  figures: readonly KeyFigure[] | undefined,
  reader: Reader,
  sources?: readonly SourceReference[],
): KeyFigureView[] {
  const keys = itemKeys(figures ?? []);
  return (figures ?? []).map((figure, index) => ({ figure, reader, sources, textKey: keys[index]! }));
}
