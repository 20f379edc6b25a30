// The field names that hold a human text as a language map ({ fr: "…", en: "…" }) anywhere in
// an initiative or a good practice (schemas/records/*.schema.json), for code that must tell a
// text in several languages from any other object: GraphQL inputs, and comparing versions.
export const LANGUAGE_MAP_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'summary',
  'description',
  'mission',
  'governance',
  'areaServed',
  'label',
  'interpretationServices',
  'applicationProcess',
  'feesDescription',
  'eligibilityDescription',
  'serviceAreas',
  'accessibility',
  'title',
  'context',
  'objectives',
  'howItWorks',
  'targetGroup',
  'funding',
  'results',
  'evaluation',
  'transferability',
  // A source's note in several languages (sourceReference.notes).
  'notes',
  // Market records (ADR 0033).
  'frequency',
  'availability',
  'conditions',
  // What proves an initiative's eligibility for reserved contracts (ADR 0035).
  'evidence',
  // Adoption records (ADR 0040).
  'kept',
  'change',
  'why',
  'resources',
]);
