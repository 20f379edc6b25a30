// What the accessibility statement needs from the registry: the node's city and country and
// the organisations that run it (the statement's feedback contact). Public data only: the
// feedback mechanism points to the operators' own sites and collects nothing here.
import { graphql } from './graphql.ts';
import { safeExternalUrl } from '../format/links.ts';

/**
 * When the statement was prepared and last reviewed (its content is the code of this site, so
 * these change with it). Review it at least once a year and after each significant change,
 * as Commission Implementing Decision (EU) 2018/1523 asks, and update the dates here.
 */
export const STATEMENT_PREPARED = '2026-11-22';
export const STATEMENT_REVIEWED = '2026-11-22';

const STATEMENT_QUERY = /* GraphQL */ `
  query AccessibilityStatement($lang: String!) {
    thisNode(lang: $lang) {
      city(lang: $lang)
      country { name(lang: $lang) }
      operators { name url role { label(lang: $lang) } }
    }
  }
`;

export interface StatementOperator {
  name: string;
  /** An http(s) address, or null when the record gives none (or an unsafe one). */
  url: string | null;
  role: string;
}

export interface StatementNode {
  city: string;
  country: string;
  operators: StatementOperator[];
}

interface StatementResult {
  thisNode: { city: string; country: { name: string }; operators: Array<{ name: string; url: string | null; role: { label: string } }> };
}

export async function loadStatementNode(lang: string): Promise<StatementNode> {
  const { thisNode } = await graphql<StatementResult>(STATEMENT_QUERY, { lang });
  return {
    city: thisNode.city,
    country: thisNode.country.name,
    operators: thisNode.operators.map((operator) => ({ name: operator.name, url: operator.url ? safeExternalUrl(operator.url) : null, role: operator.role.label })),
  };
}

/** Languages of the European Commission's site among ours; Arabic readers get the English page. */
const COMMISSION_LANGUAGES = new Set(['fr', 'en', 'it', 'el', 'bg', 'sl', 'nl', 'de']);

/** The Commission's list of national monitoring and enforcement bodies, in the reader's language when it has one. */
export function enforcementBodiesUrl(lang: string): string {
  return `https://digital-strategy.ec.europa.eu/${COMMISSION_LANGUAGES.has(lang) ? lang : 'en'}/policies/web-accessibility-monitoring`;
}
