// Reading a Lighthouse result (its JSON "lhr"): category scores, with some audits left out when
// a page type fails one on purpose, and the audits that did not pass.

export interface LighthouseAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
}

export interface LighthouseResult {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, LighthouseAudit>;
}

/** Audits that carry no verdict. */
const NO_VERDICT = new Set(['informative', 'notApplicable', 'manual']);

/**
 * A category's score out of 100, computed as Lighthouse does (the weighted mean of its audits
 * with a verdict), without the audits named in `without`.
 */
export function scoreOf(lhr: LighthouseResult, category: string, without: readonly string[] = []): number {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  let weighted = 0;
  let weights = 0;
  for (const ref of refs) {
    const audit = lhr.audits[ref.id];
    if (!audit || without.includes(ref.id) || ref.weight <= 0 || NO_VERDICT.has(audit.scoreDisplayMode)) continue;
    weighted += (audit.score ?? 0) * ref.weight;
    weights += ref.weight;
  }
  return weights === 0 ? 0 : Math.round((weighted / weights) * 100);
}

export interface FailedAudit {
  category: string;
  id: string;
  title: string;
  score: number;
  displayValue?: string;
}

/**
 * Audits that did not pass, by category: a binary audit that failed, or a graded one (metrics,
 * savings) under 0.9, the score Lighthouse itself shows in green.
 */
export function failedAudits(lhr: LighthouseResult): FailedAudit[] {
  const failed: FailedAudit[] = [];
  const seen = new Set<string>();
  for (const [category, { auditRefs }] of Object.entries(lhr.categories)) {
    for (const ref of auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || seen.has(ref.id) || audit.score === null || NO_VERDICT.has(audit.scoreDisplayMode)) continue;
      const passed = audit.scoreDisplayMode === 'binary' ? audit.score === 1 : audit.score >= 0.9;
      if (passed) continue;
      seen.add(ref.id);
      failed.push({ category, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue });
    }
  }
  return failed;
}
