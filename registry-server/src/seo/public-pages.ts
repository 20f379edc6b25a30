// The pages of this node that search engines may list (the sitemap): its home, its own city
// page, the practice types, and every published record of its own. Partners' copies are left
// out: their origin lists them, and our copy's page names the origin's as canonical (ADR 0049).
// Read through the public readers only: published records (records/record-repository.ts) and
// market records as the public sees them (open, unexpired, of a public initiative).
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { PublicMarketRecords } from '../market/public-market-records.ts';

export interface PublicPage {
  /** Root-relative path, as the site routes it. */
  path: string;
  /** When the record last changed (ISO 8601), or null for a page that lists others. */
  lastmod: string | null;
}

export interface PublicPageSources {
  nodeHandle: string;
  initiatives: Pick<InitiativeRepository, 'publishedLocalUpdates'>;
  practices: Pick<GoodPracticeRepository, 'publishedLocalUpdates'>;
  publicMarketRecords: Pick<PublicMarketRecords, 'openLocal'>;
  /** The ten UMN practice types (PT1 … PT10), each with its comparison page. */
  practiceTypeCodes: () => string[];
}

const segment = (value: string) => encodeURIComponent(value);

/** Every public page of the node, pages that list others first, then records by kind and handle. */
export async function listPublicPages(sources: PublicPageSources): Promise<PublicPage[]> {
  const [initiatives, practices, market] = await Promise.all([
    sources.initiatives.publishedLocalUpdates(),
    sources.practices.publishedLocalUpdates(),
    sources.publicMarketRecords.openLocal(),
  ]);
  const listing = (path: string): PublicPage => ({ path, lastmod: null });
  return [
    listing('/'),
    listing(`/nodes/${segment(sources.nodeHandle)}`),
    listing('/practice-types'),
    ...sources.practiceTypeCodes().map((code) => listing(`/practice-types/${segment(code)}`)),
    ...initiatives.map((doc) => ({ path: `/initiatives/${segment(doc._id)}`, lastmod: doc.updatedAt })),
    ...practices.map((doc) => ({ path: `/practices/${segment(doc._id)}`, lastmod: doc.updatedAt })),
    ...market.map((doc) => ({ path: `/market/${segment(doc.record.handle)}`, lastmod: doc.updatedAt })),
  ];
}
