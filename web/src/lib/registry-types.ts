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
  /** Global id (IRI): how a received initiative's page here finds it (lib/format/record-links.ts). */
  id?: string;
  slug: string;
  /** Its web page: on this node, or on the partner node that published it. */
  url: string;
  origin: { isLocal: boolean };
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

/** Role of an account (enum Role). Invitations are for MODERATOR or EDITOR only. */
export type AccountRole = 'ADMIN' | 'MODERATOR' | 'EDITOR';

/** What an invitation link is for (Invitation, as the invitation page reads it). */
export interface InvitationDetails {
  role: AccountRole;
  /** Handles of the initiatives an editor will keep up to date. */
  initiatives: string[];
  /** Note from the person who invited, in whatever language they wrote it. */
  note: string | null;
  /** ISO 8601 instant when the link stops working. */
  expiresAt: string;
}

/** Why an invitation link cannot be used (InvitationCheck.error.code). */
export type InvitationErrorCode = 'INVITATION_EXPIRED' | 'INVITATION_USED' | 'INVITATION_INVALID' | 'INVITATION_WITHDRAWN';

/** A concept of a taxonomy (sector, legal form …), labelled in the reader's language when it can be. */
export interface Concept {
  code: string;
  label: string;
  /** BCP 47 tag of `label`: another language when the taxonomy has no label in the reader's. */
  labelLanguage: string;
}

/** A taxonomy concept with its definition (a practice type). */
export interface DefinedConcept extends Concept {
  definition: LocalizedText | null;
}

/** A language, named in the reader's language. */
export interface LanguageName {
  code: string;
  name: string;
}

/** A public link; its label when it has one. */
export interface RegistryLink {
  url: string;
  label: LocalizedText | null;
}

/** A public document a record's facts come from. Title and note are plain strings of unknown language. */
export interface SourceReference {
  title: string;
  file: string | null;
  url: string | null;
  /** Year, year-month or date. */
  date: string | null;
  note: string | null;
}

/** The city node a record belongs to. */
export interface RecordNode {
  slug: string;
  /** City name in the reader's language. */
  city: string;
}

/** Where a record was published: this node, or a partner node (`url` is the original page). */
export interface RecordOrigin {
  isLocal: boolean;
  url: string;
}

/** How precisely an initiative published its location. */
export type LocationPrecision = 'ADDRESS' | 'NEIGHBOURHOOD' | 'CITY';

/** Lifecycle status of an initiative. */
export type InitiativeStatus = 'EMERGING' | 'ACTIVE' | 'DORMANT' | 'CLOSED';

/** A link to another initiative (partOf, parts, a practice's initiatives). */
export interface InitiativeReference {
  /** Global id (IRI), for the page of a received initiative. */
  id?: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  name: LocalizedText;
}

/** A link to a good practice. */
export interface PracticeReference {
  /** Global id (IRI), for the page of a received practice. */
  id?: string;
  slug: string;
  url: string;
  origin: { isLocal: boolean };
  title: LocalizedText;
}

/** Where an initiative is, as precisely as it chose to publish. */
export interface InitiativeLocation {
  locality: string;
  region: string | null;
  neighbourhood: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  country: { code: string; name: string };
  precision: LocationPrecision;
}

/** A service an initiative offers. */
export interface InitiativeService {
  name: LocalizedText;
  description: LocalizedText | null;
  languages: LanguageName[];
}

/** Something an initiative needs. */
export interface InitiativeNeed {
  type: Concept;
  description: LocalizedText | null;
}

/** A fact in numbers. */
export interface KeyFigure {
  value: number;
  year: number | null;
  description: LocalizedText;
}

/** Everything the initiative page (/initiatives/<slug>) shows. */
export interface InitiativeDetail {
  /** Global id (IRI): how the shortlist and the contact relay name it. */
  id: string;
  slug: string;
  /** Its IRI: its web page and ActivityPub actor. */
  url: string;
  name: LocalizedText;
  alternateNames: string[];
  summary: LocalizedText;
  description: LocalizedText | null;
  mission: LocalizedText | null;
  legalForm: Concept;
  nationalLegalForm: Concept | null;
  organisationalStructure: Concept | null;
  primarySector: Concept;
  additionalSectors: Concept[];
  qualifiers: Concept[];
  governancePrinciples: Concept[];
  /** Present only when the initiative declared it and consented to publish it. */
  migrantLed: { governance: LocalizedText | null } | null;
  languagesOffered: LanguageName[];
  location: InitiativeLocation;
  areaServed: LocalizedText | null;
  contact: { email: string | null; phone: string | null; relay: boolean };
  website: string | null;
  links: RegistryLink[];
  status: InitiativeStatus | null;
  /** Year, year-month or date. */
  startDate: string | null;
  services: InitiativeService[];
  needs: InitiativeNeed[];
  keyFigures: KeyFigure[];
  practices: PracticeReference[];
  partOf: InitiativeReference | null;
  parts: InitiativeReference[];
  supportedBy: string[];
  node: RecordNode;
  origin: RecordOrigin;
  sources: SourceReference[];
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** When a good practice runs. */
export interface PracticePeriod {
  startDate: string | null;
  endDate: string | null;
  regularService: boolean;
}

/** An organisation taking part in a good practice. */
export interface PracticeActor {
  name: string;
  role: Concept;
  description: LocalizedText | null;
  url: string | null;
}

/** Everything the good practice page (/practices/<slug>) shows (the EWSI template's fields). */
export interface GoodPracticeDetail {
  /** Global id (IRI). */
  id?: string;
  slug: string;
  url: string;
  practiceType: DefinedConcept;
  title: LocalizedText;
  summary: LocalizedText;
  context: LocalizedText | null;
  objectives: LocalizedText | null;
  howItWorks: LocalizedText | null;
  targetGroup: LocalizedText | null;
  location: { locality: string; region: string | null; country: { code: string; name: string } };
  period: PracticePeriod | null;
  actors: PracticeActor[];
  funding: LocalizedText | null;
  results: LocalizedText | null;
  evaluation: LocalizedText | null;
  transferability: LocalizedText | null;
  initiatives: InitiativeReference[];
  node: RecordNode;
  origin: RecordOrigin;
  sources: SourceReference[];
  updatedAt: string;
}
