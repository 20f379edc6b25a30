// Shapes of the registry's GraphQL types that the pages read (schemas/graphql/*.graphql).

/** A human text in the reader's language, or in its original language when isFallback. */
export interface LocalizedText {
  text: string;
  /** BCP 47 tag of `text`. */
  language: string;
  direction: 'LTR' | 'RTL';
  /** True when `text` is not in a language the reader asked for. */
  isFallback: boolean;
}

/** An initiative as listed (InitiativeConnection edges). */
export interface InitiativeSummary {
  slug: string;
  name: LocalizedText;
  summary: LocalizedText;
  primarySector: { code: string; label: string };
  location: { locality: string };
}

/** The city node answering the request, as the home page presents it. */
export interface NodeProfile {
  slug: string;
  name: LocalizedText;
  summary: LocalizedText | null;
  city: string;
  country: { name: string };
}

/** Another city node of the network. */
export interface PartnerCity {
  slug: string;
  city: string;
  country: { name: string };
  status: 'ONLINE' | 'PLANNED';
  /** Public URL of the node, once online. */
  url: string | null;
  isThisNode: boolean;
}
