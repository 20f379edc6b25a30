// A changed value in the reader's words: its label ("Contact — Who sees the phone number",
// "Summary — English", "Services, item 2 — Name — Arabic", "Needs — Kitchen — Description") and
// its values before and after: codes the registry named (taxonomy labels, languages, countries:
// `beforeInWords`), the record's choices in our words (precision, visibility, status, yes/no),
// anything else as stored.
import type { MessageKey } from '../../i18n/catalog.ts';
import { fieldNameKey, partNameKey, valuePlace } from './field-names.ts';

export interface ChangedValue {
  path: string;
  field: string;
  language?: string | null;
  /** The need (or other item named by a code) holding the value, in words, from the registry. */
  itemInWords?: string | null;
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

export function changeLabel(change: ChangedValue, words: Words): string {
  const place = valuePlace(change.path, change.language ?? null);
  const fieldKey = fieldNameKey(place.field);
  let label = fieldKey ? words.t(fieldKey) : place.field;
  if (place.item)
    label =
      'number' in place.item
        ? words.t('changesItem', { field: label, number: place.item.number })
        : `${label} — ${change.itemInWords ?? place.item.code}`;
  if (place.part) {
    const partKey = partNameKey(place.part);
    label += ` — ${partKey ? words.t(partKey) : place.part}`;
  }
  if (change.language) label += ` — ${words.languageName(change.language)}`;
  return label;
}

/** One side of a change in words (`inWords`: the registry's words for its codes); null stays null (absent). */
export function valueText(change: ChangedValue, value: string | null, inWords: string | null | undefined, words: Words): string | null {
  if (value === null) return null;
  if (inWords) return inWords;
  const place = valuePlace(change.path, change.language ?? null);
  const coded = VALUE_WORDS[place.part ?? place.field]?.[value];
  return coded ? words.t(coded) : value;
}
