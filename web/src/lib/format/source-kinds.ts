// What a source document is, named in the reader's language ("dépliant", "conference
// proceedings"), and the short "which document, from when" a key figure carries.
import type { MessageKey } from '#lib/i18n/catalog.ts';
import type { SourceKind } from '#lib/generated/operation-types.ts';

export const SOURCE_KIND_MESSAGES: Readonly<Record<SourceKind, MessageKey>> = {
  PROCEEDINGS: 'sourceKindProceedings',
  LEAFLET: 'sourceKindLeaflet',
  GUIDE: 'sourceKindGuide',
  WEB_PAGE: 'sourceKindWebPage',
  REPORT: 'sourceKindReport',
  ARTICLE: 'sourceKindArticle',
  DOCUMENT: 'sourceKindDocument',
};

/**
 * The year of a source's date, for a figure's short attribution ("2021" for "2021-12-10"); null
 * when the source is undated, which the page then says in words rather than leaving out.
 */
export function sourceYear(date: string | null): string | null {
  const year = date?.match(/^\d{4}/)?.[0];
  return year ?? null;
}
