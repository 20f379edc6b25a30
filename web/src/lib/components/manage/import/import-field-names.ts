// The fields an imported column can fill, in words (the `fields` area's names of a record's
// fields and their parts, so they read as on the editing pages), and a refused field's path.
import type { MessageKey } from '#lib/i18n/catalog.ts';
import { fieldNameKey, partNameKey } from '#lib/forms/manage/field-names.ts';
import type { ImportField } from '#lib/generated/operation-types.ts';

export const IMPORT_FIELD_NAMES: ReadonlyArray<readonly [ImportField, MessageKey]> = [
  ['KEY', 'impFieldKey'],
  ['HANDLE', 'fieldHandle'],
  ['NAME', 'fieldName'],
  ['ALTERNATE_NAMES', 'fieldAlternateNames'],
  ['SUMMARY', 'fieldSummary'],
  ['DESCRIPTION', 'fieldDescription'],
  ['MISSION', 'fieldMission'],
  ['ORIGINAL_LANGUAGE', 'fieldOriginalLanguage'],
  ['LOCALITY', 'fieldPartLocality'],
  ['COUNTRY', 'fieldPartCountry'],
  ['REGION', 'fieldPartRegion'],
  ['NEIGHBOURHOOD', 'fieldPartNeighbourhood'],
  ['STREET_ADDRESS', 'fieldPartStreetAddress'],
  ['POSTAL_CODE', 'fieldPartPostalCode'],
  ['PRECISION', 'fieldPartPrecision'],
  ['LATITUDE', 'fieldPartLatitude'],
  ['LONGITUDE', 'fieldPartLongitude'],
  ['WEBSITE', 'fieldWebsite'],
  ['EMAIL', 'fieldPartEmail'],
  ['PHONE', 'fieldPartPhone'],
  ['PRIMARY_SECTOR', 'fieldPrimarySector'],
  ['ADDITIONAL_SECTORS', 'fieldAdditionalSectors'],
  ['ACTIVITIES', 'fieldActivities'],
  ['QUALIFIERS', 'fieldQualifiers'],
  ['LEGAL_FORM', 'fieldLegalForm'],
  ['NATIONAL_LEGAL_FORM', 'fieldNationalLegalForm'],
  ['ORGANISATIONAL_STRUCTURE', 'fieldOrganisationalStructure'],
  ['LANGUAGES_OFFERED', 'fieldLanguagesOffered'],
  ['STATUS', 'fieldStatus'],
  ['START_DATE', 'fieldStartDate'],
];

/** Fields whose column holds a text in one language. */
export const TEXT_IMPORT_FIELDS: ReadonlySet<string> = new Set(['NAME', 'SUMMARY', 'DESCRIPTION', 'MISSION']);

/** A refused field's path in words where we have them ("location.country" → the country's name), else the path. */
export function problemFieldKey(path: string): MessageKey | undefined {
  const [top, ...rest] = path.split('.');
  if (!top) return undefined;
  if (rest.length && top === 'location') return partNameKey(rest.join('.')) ?? fieldNameKey(top);
  if (rest.length && top === 'contact') return partNameKey(rest[0]!) ?? fieldNameKey(top);
  return fieldNameKey(top);
}
