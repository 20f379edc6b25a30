// The good-practice forms' own words for the registry's field errors, by code (or by
// "field/CODE" for one field), so a French moderator reads French beside the field; any other
// error keeps the registry's English text, marked as English (api-error-problems.ts).
import type { MessageKey } from '../../i18n/catalog.ts';

export const PRACTICE_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  REQUIRED: 'practiceEditErrorRequired',
  // Texts and names of at least one character: an empty one is one not filled in.
  TOO_SHORT: 'practiceEditErrorRequired',
  TOO_LONG: 'practiceEditErrorTooLong',
  INVALID_FORMAT: 'practiceEditErrorFormat',
  UNKNOWN_CODE: 'practiceEditErrorChoose',
  UNKNOWN_COUNTRY: 'practiceEditErrorCountry',
  // Only the new practice's form picks a language from a list; elsewhere the registry's words say which tag.
  'originalLanguage/INVALID_LANGUAGE_TAG': 'practiceEditErrorChoose',
  UNKNOWN_REFERENCE: 'practiceEditErrorUnknownInitiative',
  ALREADY_EXISTS: 'practiceEditErrorHandleTaken',
  'handle/INVALID_FORMAT': 'practiceEditErrorHandle',
  'practiceType/INVALID_FORMAT': 'practiceEditErrorChoose',
  'period.startDate/INVALID_FORMAT': 'practiceEditErrorDate',
  'period.endDate/INVALID_FORMAT': 'practiceEditErrorDate',
  'location.country/INVALID_FORMAT': 'practiceEditErrorCountry',
};
