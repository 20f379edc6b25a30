// The staff's requests about questions between cities (routes/account/city-questions, ADR 0046),
// as the signed-in reader. Result types are generated from the operations' .graphql files.
import type { CityQuestionsQuery } from '../../generated/operation-types.ts';

export type CityQuestionItem = CityQuestionsQuery['sent'][number];
export { default as CITY_QUESTIONS_QUERY } from './queries/city-questions.graphql?raw';
export { default as ASK_CITY_FORM_QUERY } from './queries/ask-city-form.graphql?raw';
export { default as ASK_CITY } from './queries/ask-city.graphql?raw';
export { default as ANSWER_CITY_QUESTION } from './queries/answer-city-question.graphql?raw';
