// Every field of an initiative and of a good practice in words (message keys of the `fields`
// area), for the history, the review page and the fields a version conflict names. A field the
// catalogue lacks is shown by its name; field-names.test.ts keeps the catalogue complete against
// the record schemas.
import type { MessageKey } from '../../i18n/catalog.ts';

const FIELD_NAMES: Readonly<Record<string, MessageKey>> = {
  handle: 'fieldHandle',
  name: 'fieldName',
  alternateNames: 'fieldAlternateNames',
  summary: 'fieldSummary',
  description: 'fieldDescription',
  mission: 'fieldMission',
  originalLanguage: 'fieldOriginalLanguage',
  // What each translation was made from (ADR 0041); kept by the registry, named if a history ever shows it.
  translationSources: 'translFieldSources',
  legalForm: 'fieldLegalForm',
  nationalLegalForm: 'fieldNationalLegalForm',
  organisationalStructure: 'fieldOrganisationalStructure',
  primarySector: 'fieldPrimarySector',
  additionalSectors: 'fieldAdditionalSectors',
  activities: 'fieldActivities',
  qualifiers: 'fieldQualifiers',
  governancePrinciples: 'fieldGovernancePrinciples',
  baseMembershipType: 'fieldBaseMembershipType',
  migrantLed: 'fieldMigrantLed',
  languagesOffered: 'fieldLanguagesOffered',
  location: 'fieldLocation',
  areaServed: 'fieldAreaServed',
  contact: 'fieldContact',
  website: 'fieldWebsite',
  links: 'fieldLinks',
  status: 'fieldStatus',
  startDate: 'fieldStartDate',
  services: 'fieldServices',
  needs: 'fieldNeeds',
  keyFigures: 'fieldKeyFigures',
  practices: 'fieldPractices',
  partOf: 'fieldPartOf',
  supportedBy: 'fieldSupportedBy',
  node: 'fieldNode',
  sources: 'fieldSources',
  practiceType: 'fieldPracticeType',
  title: 'fieldTitle',
  context: 'fieldContext',
  objectives: 'fieldObjectives',
  howItWorks: 'fieldHowItWorks',
  targetGroup: 'fieldTargetGroup',
  period: 'fieldPeriod',
  actors: 'fieldActors',
  funding: 'fieldFunding',
  results: 'fieldResults',
  evaluation: 'fieldEvaluation',
  transferability: 'fieldTransferability',
  initiatives: 'fieldInitiatives',
  // Issue 15 point 3 (ADR 0035).
  eligibility: 'eligFieldEligibility',
  deliveryArea: 'eligFieldDeliveryArea',
  teamSize: 'eligFieldTeamSize',
  pastContracts: 'eligFieldPastContracts',
};

/**
 * The parts of structured fields, by their path inside the field (list positions and need
 * codes left out): `visibility.phone` of contact, `name` of a service, `geo.lat` of a location.
 */
const PART_NAMES: Readonly<Record<string, MessageKey>> = {
  email: 'fieldPartEmail',
  phone: 'fieldPartPhone',
  relay: 'fieldPartRelay',
  'visibility.email': 'fieldPartEmailVisibility',
  'visibility.phone': 'fieldPartPhoneVisibility',
  locality: 'fieldPartLocality',
  country: 'fieldPartCountry',
  region: 'fieldPartRegion',
  neighbourhood: 'fieldPartNeighbourhood',
  streetAddress: 'fieldPartStreetAddress',
  postalCode: 'fieldPartPostalCode',
  precision: 'fieldPartPrecision',
  'geo.lat': 'fieldPartLatitude',
  'geo.lon': 'fieldPartLongitude',
  declared: 'fieldPartDeclared',
  consentToPublish: 'fieldPartConsent',
  governance: 'fieldPartGovernance',
  name: 'fieldName',
  description: 'fieldDescription',
  languages: 'fieldPartLanguages',
  interpretationServices: 'fieldPartInterpretation',
  applicationProcess: 'fieldPartApplication',
  feesDescription: 'fieldPartFees',
  eligibilityDescription: 'fieldPartEligibility',
  serviceAreas: 'fieldPartServiceAreas',
  accessibility: 'fieldPartAccessibility',
  type: 'fieldPartNeedType',
  value: 'fieldPartValue',
  year: 'fieldPartYear',
  source: 'fieldPartSource',
  url: 'fieldPartUrl',
  label: 'fieldPartLabel',
  title: 'fieldTitle',
  file: 'fieldPartFile',
  date: 'fieldPartDate',
  note: 'fieldPartNote',
  notes: 'fieldPartNotes',
  publisher: 'fieldPartPublisher',
  kind: 'fieldPartSourceKind',
  startDate: 'fieldStartDate',
  endDate: 'fieldPartEndDate',
  regularService: 'fieldPartRegularService',
  role: 'fieldPartRole',
  basis: 'eligPartBasis',
  evidence: 'eligPartEvidence',
  evidenceUrl: 'eligPartEvidenceUrl',
  evidenceDate: 'eligPartEvidenceDate',
  centre: 'eligPartCentre',
  'centre.lat': 'fieldPartLatitude',
  'centre.lon': 'fieldPartLongitude',
  radiusKm: 'eligPartRadius',
  buyer: 'eligPartBuyer',
  publicBuyer: 'eligPartPublicBuyer',
  reserved: 'eligPartReserved',
};

/** Fields that hold a list of items, each numbered for the reader; needs are named by their code. */
const LIST_FIELDS = new Set(['services', 'needs', 'keyFigures', 'links', 'sources', 'actors', 'eligibility', 'pastContracts']);

export function fieldNameKey(field: string): MessageKey | undefined {
  return FIELD_NAMES[field];
}

export function partNameKey(part: string): MessageKey | undefined {
  return PART_NAMES[part];
}

/** Every field and part with words, for the catalogue's test. */
export const NAMED_FIELDS: readonly string[] = Object.keys(FIELD_NAMES);
export const NAMED_PARTS: readonly string[] = Object.keys(PART_NAMES);

/** A value's place in the record, in pieces the page puts in words. */
export interface ValuePlace {
  field: string;
  /** A list item: its number from 1, or a need's code. */
  item: { number: number } | { code: string } | null;
  /** The part inside the field or item (`visibility.phone`), or null for the field itself. */
  part: string | null;
}

/** Reads a value's path (`services.0.name.fr`, language given apart) into its place. */
export function valuePlace(path: string, language: string | null): ValuePlace {
  const segments = path.split('.');
  const field = segments.shift() ?? path;
  if (language !== null && segments.at(-1) === language) segments.pop();
  let item: ValuePlace['item'] = null;
  if (LIST_FIELDS.has(field) && segments.length > 0) {
    const id = segments.shift()!;
    item = /^\d+$/.test(id) ? { number: Number(id) + 1 } : { code: id };
  }
  return { field, item, part: segments.length ? segments.join('.') : null };
}
