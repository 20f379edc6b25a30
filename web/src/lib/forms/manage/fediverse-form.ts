// The form of /admin/fediverse (ADR 0051), without SvelteKit so it is tested alone: what the
// admin posted, as the registry's FediverseSettingsInput, and the registry's refusals placed
// next to the fields they are about, in the reader's language.
import { editProblems } from './edit-problems.ts';
import { textField, type ApiError, type Problems } from './form-problems.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

export const FEDIVERSE_FIELD_IDS = {
  discoverable: 'fedi-discoverable',
  indexable: 'fedi-indexable',
  pinned: 'fedi-pinned',
  avatar: 'fedi-avatar',
  header: 'fedi-header',
} as const;

export interface FediverseForm {
  discoverable: boolean;
  indexable: boolean;
  pinnedPractices: string[];
  avatarUrl: string;
  headerUrl: string;
}

/** The posted form; a box not ticked is not sent at all, so it is false. */
export function readFediverseForm(data: FormData): FediverseForm {
  return {
    discoverable: data.get('discoverable') === 'on',
    indexable: data.get('indexable') === 'on',
    pinnedPractices: data.getAll('pinned').filter((v): v is string => typeof v === 'string' && v !== ''),
    avatarUrl: textField(data, 'avatarUrl'),
    headerUrl: textField(data, 'headerUrl'),
  };
}

const FIELDS: Readonly<Record<string, string>> = {
  pinnedPractices: FEDIVERSE_FIELD_IDS.pinned,
  avatarUrl: FEDIVERSE_FIELD_IDS.avatar,
  headerUrl: FEDIVERSE_FIELD_IDS.header,
};

const MESSAGES: Readonly<Record<string, MessageKey>> = {
  'pinnedPractices/TOO_MANY': 'fediAdminErrorTooMany',
  'pinnedPractices/UNKNOWN_PRACTICE': 'fediAdminErrorUnknownPractice',
  'avatarUrl/INVALID_URL': 'fediAdminErrorUrl',
  'headerUrl/INVALID_URL': 'fediAdminErrorUrl',
};

export function fediverseProblems(error: ApiError): Problems {
  return editProblems(error, FIELDS, MESSAGES);
}
