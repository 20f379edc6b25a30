// The accessibility statement's fixed facts: its dates, and the link to the enforcement bodies.
import { describe, expect, it } from 'vitest';
import { enforcementBodiesUrl, STATEMENT_PREPARED, STATEMENT_REVIEWED } from './accessibility-statement.ts';

describe('accessibility statement', () => {
  it('was prepared before (or when) it was last reviewed, and not in the future', () => {
    expect(STATEMENT_PREPARED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(STATEMENT_REVIEWED >= STATEMENT_PREPARED).toBe(true);
    expect(new Date(STATEMENT_REVIEWED).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('links to the Commission’s list of enforcement bodies in the reader’s language, in English for Arabic', () => {
    expect(enforcementBodiesUrl('de')).toBe('https://digital-strategy.ec.europa.eu/de/policies/web-accessibility-monitoring');
    expect(enforcementBodiesUrl('bg')).toBe('https://digital-strategy.ec.europa.eu/bg/policies/web-accessibility-monitoring');
    expect(enforcementBodiesUrl('ar')).toBe('https://digital-strategy.ec.europa.eu/en/policies/web-accessibility-monitoring');
  });
});
