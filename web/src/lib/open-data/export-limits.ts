// How much one export or feed holds (ADR 0048), shared by the loader that enforces it and the
// pages that say it.

/** Most listings in one export file; the file says when it was cut (X-UMN-Export-* headers). */
export const EXPORT_CAP = 10_000;
/** Entries of a feed: the most recently updated listings. */
export const FEED_SIZE = 50;
