// Resolvers of a record's sources and of the source catalogue. A reference citing one of the
// project's documents by file name is completed from the catalogue (title, publisher, kind,
// date), so records stored before the catalogue existed read the same as new ones.
import type { SourceReference } from '../../records/record-types.ts';
import type { SourceDocument } from '../../sources/source-catalogue.ts';
import type { GraphQLContext } from '../context.ts';
import type { Reader } from '../reader.ts';
import type { Resolvers, SourceKind as SourceKindEnum } from '../generated/resolver-types.ts';
import { textField } from './shared-resolvers.ts';
import { itemKeys } from '../../translations/translatable-texts.ts';

/**
 * `textKey`: the source's key in its record's text paths (`sources.<textKey>.notes`: its id, or its
 * position before ids, ADR 0053); null for a source that is no item of a list (an outcome's own).
 */
export interface SourceReferenceView {
  source: SourceReference;
  reader: Reader;
  textKey: string | null;
}
export type SourceDocumentView = SourceDocument;

/** The record's sources, completed from the catalogue, as views for the reader. */
export function sourceViews(ctx: GraphQLContext, sources: readonly SourceReference[] | undefined, reader: Reader): SourceReferenceView[] {
  const keys = itemKeys(sources ?? []);
  return (sources ?? []).map((source, index) => ({ source: ctx.services.sources.complete(source), reader, textKey: keys[index]! }));
}

const kindEnum = (kind: string | undefined) => (kind ? (kind.toUpperCase().replaceAll('-', '_') as SourceKindEnum) : null);

export const sourceResolvers: Resolvers = {
  SourceReference: {
    textKey: (v: SourceReferenceView) => v.textKey,
    title: (v: SourceReferenceView) => v.source.title,
    publisher: (v: SourceReferenceView) => v.source.publisher ?? null,
    kind: (v: SourceReferenceView) => kindEnum(v.source.kind),
    file: (v: SourceReferenceView) => v.source.file ?? null,
    url: (v: SourceReferenceView) => v.source.url ?? null,
    date: (v: SourceReferenceView) => v.source.date ?? null,
    note: (v: SourceReferenceView) => v.source.note ?? null,
    notes: textField<SourceReferenceView>((v) => v.source.notes),
  },
  SourceDocument: {
    kind: (d: SourceDocumentView) => kindEnum(d.kind)!,
    date: (d: SourceDocumentView) => d.date ?? null,
    url: (d: SourceDocumentView) => d.url ?? null,
  },
  Query: {
    sourceDocuments: (_: unknown, _args: unknown, ctx: GraphQLContext) => [...ctx.services.sources.documents],
  },
};
