// The accessibility statement's own facts, apart from the registry request so they are tested
// without a node: its dates and the link to the bodies that enforce the directive.

/**
 * When the statement was prepared and last reviewed (its content is the code of this site, so
 * these change with it). Review it at least once a year and after each significant change,
 * as Commission Implementing Decision (EU) 2018/1523 asks, and update the dates here.
 */
export const STATEMENT_PREPARED = '2026-11-22';
export const STATEMENT_REVIEWED = '2026-11-22';

/** Languages of the European Commission's site among ours; Arabic readers get the English page. */
const COMMISSION_LANGUAGES = new Set(['fr', 'en', 'it', 'el', 'bg', 'sl', 'nl', 'de']);

/** The Commission's list of national monitoring and enforcement bodies, in the reader's language when it has one. */
export function enforcementBodiesUrl(lang: string): string {
  return `https://digital-strategy.ec.europa.eu/${COMMISSION_LANGUAGES.has(lang) ? lang : 'en'}/policies/web-accessibility-monitoring`;
}
