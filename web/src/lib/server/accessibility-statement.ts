// What the accessibility statement needs from the registry: the node's city and country and
// the organisations that run it (the statement's feedback contact). Public data only: the
// feedback mechanism points to the operators' own sites and collects nothing here. The
// statement's dates and enforcement link are in format/accessibility-statement.ts.
import { graphql } from './graphql.ts';
import type { AccessibilityStatementQuery, AccessibilityStatementQueryVariables } from '../generated/operation-types.ts';
import { safeExternalUrl } from '../format/links.ts';

// The text sent is the file's, as it is; its result type is generated from it (ADR 0015).
import STATEMENT_QUERY from './queries/accessibility-statement.graphql?raw';

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

export async function loadStatementNode(lang: string): Promise<StatementNode> {
  const { thisNode } = await graphql<AccessibilityStatementQuery, AccessibilityStatementQueryVariables>(STATEMENT_QUERY, { lang });
  return {
    city: thisNode.city,
    country: thisNode.country.name,
    operators: thisNode.operators.map((operator) => ({
      name: operator.name,
      url: operator.url ? safeExternalUrl(operator.url) : null,
      role: operator.role.label,
    })),
  };
}
