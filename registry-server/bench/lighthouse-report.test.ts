import { describe, expect, it } from 'vitest';
import { failedAudits, scoreOf, type LighthouseResult } from './lighthouse-report.ts';

const audit = (id: string, score: number | null, scoreDisplayMode = 'binary') => ({ id, title: `${id} title`, score, scoreDisplayMode });

const lhr: LighthouseResult = {
  categories: {
    seo: {
      score: 0.69,
      auditRefs: [
        { id: 'is-crawlable', weight: 4.043 },
        { id: 'hreflang', weight: 1 },
        { id: 'document-title', weight: 1 },
        { id: 'structured-data', weight: 0 },
        { id: 'canonical', weight: 1 },
      ],
    },
    performance: {
      score: 0.9,
      auditRefs: [
        { id: 'first-contentful-paint', weight: 10 },
        { id: 'largest-contentful-paint', weight: 25 },
        { id: 'render-blocking-insight', weight: 0 },
      ],
    },
  },
  audits: {
    'is-crawlable': audit('is-crawlable', 0),
    hreflang: audit('hreflang', 1),
    'document-title': audit('document-title', 1),
    'structured-data': audit('structured-data', null, 'manual'),
    canonical: audit('canonical', null, 'notApplicable'),
    'first-contentful-paint': { ...audit('first-contentful-paint', 0.8, 'numeric'), displayValue: '2.1 s' },
    'largest-contentful-paint': audit('largest-contentful-paint', 0.95, 'numeric'),
    'render-blocking-insight': audit('render-blocking-insight', 0, 'metricSavings'),
  },
};

describe('scoreOf', () => {
  it('is the weighted mean of the audits with a verdict, as Lighthouse computes it, with some left out on request', () => {
    expect(scoreOf(lhr, 'seo')).toBe(Math.round((2 / 6.043) * 100));
    expect(scoreOf(lhr, 'seo', ['is-crawlable'])).toBe(100);
    expect(scoreOf(lhr, 'performance')).toBe(Math.round(((0.8 * 10 + 0.95 * 25) / 35) * 100));
    expect(scoreOf(lhr, 'missing')).toBe(0);
  });
});

describe('failedAudits', () => {
  it('lists failed binary audits and graded ones under 0.9, zero-weight insights included, and nothing without a verdict', () => {
    expect(failedAudits(lhr).map((a) => `${a.category}/${a.id}`)).toEqual([
      'seo/is-crawlable',
      'performance/first-contentful-paint',
      'performance/render-blocking-insight',
    ]);
    expect(failedAudits(lhr)[1]?.displayValue).toBe('2.1 s');
  });
});
