// The translators' requests to the registry (routes/account/translations, ADR 0041), as the
// signed-in reader. Result types are generated from the operations' .graphql files (ADR 0015).
import type { TranslationQueueQuery, TranslationTaskQuery } from '../../generated/operation-types.ts';

export type TranslationQueueItem = TranslationQueueQuery['translationQueue']['items'][number];
export type TranslationTask = NonNullable<TranslationTaskQuery['translationTask']>;
export { default as TRANSLATION_QUEUE_QUERY } from './queries/translation-queue.graphql?raw';
export { default as TRANSLATION_TASK_QUERY } from './queries/translation-task.graphql?raw';
export { default as TRANSLATE_TEXT } from './queries/translate-text.graphql?raw';
