// The text an axe failure prints: rule, impact, help link, then each element and what to fix.
import { describe, expect, it } from 'vitest';
import { formatViolations } from './browser.ts';

describe('formatViolations', () => {
  it('lists each rule with its elements and what to fix, ten elements at most', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({
      target: [`#field-${i}`],
      html: `<input id="field-${i}">`,
      failureSummary: 'Fix any of the following:\n  Form element does not have a label',
    }));
    const text = formatViolations('http://127.0.0.1:4200/search', [
      {
        id: 'label',
        impact: 'critical',
        help: 'Form elements must have labels',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/label',
        tags: ['wcag2a'],
        nodes,
      },
    ]);
    expect(text).toContain('1 serious or critical accessibility violation(s) on http://127.0.0.1:4200/search');
    expect(text).toContain('- label (critical): Form elements must have labels');
    expect(text).toContain('at #field-0');
    expect(text).toContain('Form element does not have a label');
    expect(text).not.toContain('#field-10');
    expect(text).toContain('… and 2 more elements');
  });
});
