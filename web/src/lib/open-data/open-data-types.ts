// The listings the exports and feeds are made of: one search hit each, with the public fields
// open-data-listings.graphql asks (types generated from it, ADR 0015).
import type { OpenDataListingsQuery } from '../generated/operation-types.ts';

export type OpenDataListing = OpenDataListingsQuery['search']['edges'][number]['node'];
export type OpenDataInitiative = Extract<OpenDataListing, { __typename: 'Initiative' }>;
export type OpenDataPractice = Extract<OpenDataListing, { __typename: 'GoodPractice' }>;
export type OpenDataNode = NonNullable<OpenDataListingsQuery['thisNode']>;
export type OpenDataLicence = NonNullable<NonNullable<OpenDataListingsQuery['openData']>['licence']>;

/** What every export says about itself: where from, under which licence, whether it was cut. */
export interface ExportMeta {
  /** The site's origin (https://registry.liege.be). */
  origin: string;
  /** The export's own address, with its search parameters. */
  self: string;
  node: OpenDataNode;
  /** Null while the node's admin has not chosen one: then no reuse right is granted. */
  licence: OpenDataLicence | null;
  /** How many listings the search found, and whether the export stopped at its cap. */
  totalCount: number;
  truncated: boolean;
  cap: number;
  /** When the export was made (ISO 8601). */
  generatedAt: string;
}
