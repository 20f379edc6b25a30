// A market record's publication state in words (the manage lists and the edit page).
import type { MessageKey } from '../i18n/catalog.ts';

export const STATE_LABELS = {
  DRAFT: 'mktStateDraft',
  IN_REVIEW: 'mktStateInReview',
  PUBLISHED: 'mktStatePublished',
  UNPUBLISHED: 'mktStateUnpublished',
  DELETED: 'mktStateUnpublished',
} as const satisfies Record<string, MessageKey>;
