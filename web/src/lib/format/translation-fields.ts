// The names, in the reader's language, of the record texts translators work on (ADR 0041): the
// public pages' headings where they have one.
import type { MessageKey } from '../i18n/catalog.ts';

const FIELD_NAMES: Readonly<Record<string, MessageKey>> = {
  title: 'translFieldTitle',
  summary: 'translFieldSummary',
  description: 'descriptionHeading',
  mission: 'missionHeading',
  context: 'contextHeading',
  objectives: 'objectivesHeading',
  howItWorks: 'howItWorksHeading',
  targetGroup: 'targetGroupHeading',
  funding: 'fundingHeading',
  results: 'resultsHeading',
  evaluation: 'evaluationHeading',
  transferability: 'transferabilityHeading',
  kept: 'adoptKeptHeading',
  resources: 'askcFieldResources',
  areaServed: 'fieldAreaServed',
  'migrantLed.governance': 'fieldPartGovernance',
};

/** The lists whose items' texts are translated (ADR 0053), by what one item is. */
const LIST_NAMES: Readonly<Record<string, MessageKey>> = {
  services: 'trn2ListService',
  needs: 'trn2ListNeed',
  keyFigures: 'trn2ListFigure',
  eligibility: 'trn2ListEligibility',
  pastContracts: 'trn2ListContract',
  links: 'trn2ListLink',
  sources: 'trn2ListSource',
  actors: 'trn2ListActor',
  changes: 'trn2ListChange',
  outcomes: 'trn2ListOutcome',
};

/** A list item's texts (`services.k3f9a0c21.description`, `changes.2.why`): named by what they hold. */
const LIST_TEXT_NAMES: Readonly<Record<string, MessageKey>> = {
  change: 'adoptChangedHeading',
  why: 'askcFieldWhy',
  name: 'fieldName',
  description: 'fieldDescription',
  interpretationServices: 'fieldPartInterpretation',
  applicationProcess: 'fieldPartApplication',
  feesDescription: 'fieldPartFees',
  eligibilityDescription: 'fieldPartEligibility',
  serviceAreas: 'fieldPartServiceAreas',
  accessibility: 'fieldPartAccessibility',
  evidence: 'trn2TextEvidence',
  title: 'fieldTitle',
  label: 'fieldPartLabel',
  notes: 'fieldPartNote',
  'source.notes': 'trn2TextSourceNote',
};

/** A list item's text path: the list, the item's id (or position, for items stored before ids), the text. */
const ITEM_TEXT = /^([a-zA-Z]+)\.([a-z0-9]+)\.([a-zA-Z]+(?:\.[a-zA-Z]+)?)$/;

/** The message naming `field` (or a list item's text), or undefined for a field the registry added since (shown as its name). */
export function translationFieldKey(field: string): MessageKey | undefined {
  const item = ITEM_TEXT.exec(field);
  return item ? LIST_TEXT_NAMES[item[3]!] : FIELD_NAMES[field];
}

type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * What a translator reads to know which text it is: the field's name for a record's own text
 * ("Summary"), and for a list item's text what the item is, its name as written, and the text
 * ("Service: Interpreting on call — Description").
 */
export function translationTextName(field: string, itemName: string | null | undefined, t: Translate): string {
  const item = ITEM_TEXT.exec(field);
  const key = translationFieldKey(field);
  const text = key ? t(key) : (item?.[3] ?? field);
  if (!item) return text;
  const list = LIST_NAMES[item[1]!] ? t(LIST_NAMES[item[1]!]!) : item[1]!;
  return itemName ? t('trn2ItemText', { list, item: itemName, text }) : t('trn2ItemTextUnnamed', { list, text });
}

/** The kinds as they appear in the translators' page addresses, and as the registry names them. */
export const KIND_OF_SEGMENT = { initiative: 'INITIATIVE', practice: 'GOOD_PRACTICE', adoption: 'ADOPTION_RECORD' } as const;
export const SEGMENT_OF_KIND = { INITIATIVE: 'initiative', GOOD_PRACTICE: 'practice', ADOPTION_RECORD: 'adoption' } as const;
