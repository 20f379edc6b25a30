// Lists of texts every kind of record may hold (schemas/records/common.schema.json link and
// sourceReference), declared once for the kinds that translate them (ADR 0053).
import type { TranslatableList } from './translatable-texts.ts';

/** A link's label ("Social interpreting service"), named in the queue by its address. */
export const LINK_TEXTS: TranslatableList = { field: 'links', texts: ['label'], label: (link) => link.url as string };
/** A source's note in several languages, named in the queue by the document's title. */
export const SOURCE_TEXTS: TranslatableList = { field: 'sources', texts: ['notes'], label: (source) => source.title as string };
