// The pages' names for the parts of the registry's answers they read. Every shape is generated
// (scripts/generate-types.ts, ADR 0015) from the query that asks for it (lib/server/queries/*.graphql)
// and the schema (schemas/graphql): nothing here is kept in step by hand, and a schema change
// that breaks a page fails type-checking.
import type {
  HomePageQuery,
  InitiativeLinkFragment,
  InitiativeProfileFragment,
  InvitationPageQuery,
  LabelFragment,
  PracticeProfileFragment,
  Role,
  TextFragment,
} from './generated/operation-types.ts';

/** A human text in the reader's language, or in its original language when isFallback. */
export type LocalizedText = TextFragment;

/** An initiative as listed (InitiativeConnection edges). */
export type InitiativeSummary = HomePageQuery['initiatives']['edges'][number]['node'];

/** This node as the home page introduces it. */
export type NodeProfile = HomePageQuery['thisNode'];

/** Role of an account (enum Role). Invitations are for MODERATOR, EDITOR or TRANSLATOR only. */
export type AccountRole = Role;

/** What an invitation link is for (Invitation, as the invitation page reads it). */
export type InvitationDetails = NonNullable<InvitationPageQuery['invitation']['invitation']>;

/** Why an invitation link cannot be used (InvitationCheck.error.code). */
export type InvitationErrorCode = 'INVITATION_EXPIRED' | 'INVITATION_USED' | 'INVITATION_INVALID' | 'INVITATION_WITHDRAWN';

/** A concept of a taxonomy (sector, legal form …), labelled in the reader's language when it can be. */
export type Concept = LabelFragment;

/** A concept with its definition (the practice types). */
export type DefinedConcept = GoodPracticeDetail['practiceType'];

/** Everything the initiative page (/initiatives/<slug>) shows. */
export type InitiativeDetail = InitiativeProfileFragment;

/** A language with its name in the reader's language. */
export type LanguageName = InitiativeDetail['languagesOffered'][number];
/** A link of a record, with its label. */
export type RegistryLink = InitiativeDetail['links'][number];
/** Where a record's information comes from. */
export type SourceReference = InitiativeDetail['sources'][number];
/** The city node a record belongs to. */
export type RecordNode = InitiativeDetail['node'];
/** Where a record is kept: here, or at a partner node (its page there). */
export type RecordOrigin = InitiativeDetail['origin'];
export type InitiativeLocation = InitiativeDetail['location'];
export type LocationPrecision = InitiativeLocation['precision'];
export type InitiativeStatus = NonNullable<InitiativeDetail['status']>;
export type InitiativeService = InitiativeDetail['services'][number];
export type InitiativeNeed = InitiativeDetail['needs'][number];
export type KeyFigure = InitiativeDetail['keyFigures'][number];

/** A link to an initiative (its page here, or at the node that keeps it). */
export type InitiativeReference = InitiativeLinkFragment;
/** A link to a good practice. */
export type PracticeReference = InitiativeDetail['practices'][number];

/** Everything the good practice page (/practices/<slug>) shows (the EWSI template's fields). */
export type GoodPracticeDetail = PracticeProfileFragment;
/** When a good practice runs. */
export type PracticePeriod = NonNullable<GoodPracticeDetail['period']>;
/** An organisation taking part in a good practice. */
export type PracticeActor = GoodPracticeDetail['actors'][number];
