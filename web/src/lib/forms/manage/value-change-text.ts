// A changed value in the reader's words: its label ("Contact — Who sees the phone number",
// "Summary — English", "Services, item 2 — Name — Arabic") and its values before and after,
// with the record's codes for choices (precision, visibility, status, yes/no, languages) put
// in words too. Anything without words here is shown as stored.
import type { MessageKey } from '../../i18n/catalog.ts';
import { fieldNameKey, partNameKey, valuePlace } from './field-names.ts';

export interface ChangedValue {
  path: string;
  field: string;
  language?: string | null;
}

interface Words {
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string;
  languageName(tag: string): string;
}

const VISIBILITY: Readonly<Record<string, MessageKey>> = {
  public: 'visibilityPublic',
  'signed-in': 'visibilitySignedIn',
  private: 'visibilityPrivate',
};
const YES_NO: Readonly<Record<string, MessageKey>> = { true: 'fieldValueYes', false: 'fieldValueNo' };

/** Words for coded values, by field (`status`) or by part inside a field (`visibility.phone`). */
const VALUE_WORDS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  status: { emerging: 'statusEmerging', active: 'statusActive', dormant: 'statusDormant', closed: 'statusClosed' },
  precision: { address: 'precisionAddress', neighbourhood: 'precisionNeighbourhood', city: 'precisionCity' },
  'visibility.email': VISIBILITY,
  'visibility.phone': VISIBILITY,
  relay: YES_NO,
  declared: YES_NO,
  consentToPublish: YES_NO,
  regularService: YES_NO,
};

/** Values that are language tags, one or a list: named in the reader's language. */
const LANGUAGE_VALUES = new Set(['originalLanguage', 'languagesOffered', 'languages']);

export function changeLabel(change: ChangedValue, words: Words): string {
  const place = valuePlace(change.path, change.language ?? null);
  const fieldKey = fieldNameKey(place.field);
  let label = fieldKey ? words.t(fieldKey) : place.field;
  if (place.item)
    label = 'number' in place.item ? words.t('changesItem', { field: label, number: place.item.number }) : `${label} — ${place.item.code}`;
  if (place.part) {
    const partKey = partNameKey(place.part);
    label += ` — ${partKey ? words.t(partKey) : place.part}`;
  }
  if (change.language) label += ` — ${words.languageName(change.language)}`;
  return label;
}

/** One side of a change in words; null stays null (absent). */
export function valueText(change: ChangedValue, value: string | null, words: Words): string | null {
  if (value === null) return null;
  const place = valuePlace(change.path, change.language ?? null);
  const key = place.part ?? place.field;
  const coded = VALUE_WORDS[key]?.[value];
  if (coded) return words.t(coded);
  if (LANGUAGE_VALUES.has(key))
    return value
      .split(', ')
      .map((tag) => words.languageName(tag))
      .join(', ');
  return value;
}
