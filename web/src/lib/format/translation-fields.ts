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
};

/** A list item's texts (an adoption record's `changes.2.why`): named by what they hold. */
const LIST_TEXT_NAMES: Readonly<Record<string, MessageKey>> = {
  change: 'adoptChangedHeading',
  why: 'askcFieldWhy',
};

/** The message naming `field` (or a list item's text path), or undefined for a field the registry added since (shown as its name). */
export function translationFieldKey(field: string): MessageKey | undefined {
  const item = /^[a-zA-Z]+\.\d+\.([a-zA-Z]+)$/.exec(field);
  return item ? LIST_TEXT_NAMES[item[1]!] : FIELD_NAMES[field];
}

/** The kinds as they appear in the translators' page addresses, and as the registry names them. */
export const KIND_OF_SEGMENT = { initiative: 'INITIATIVE', practice: 'GOOD_PRACTICE', adoption: 'ADOPTION_RECORD' } as const;
export const SEGMENT_OF_KIND = { INITIATIVE: 'initiative', GOOD_PRACTICE: 'practice', ADOPTION_RECORD: 'adoption' } as const;
