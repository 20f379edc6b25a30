// Measuring helpers shared by the benchmarks: settings from the environment, percentiles, and the
// resources a phase used.

/** A positive number from the environment, or `fallback`; a bad value stops with what to set. */
export function envNumber(name: string, fallback: number, integer = true): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}="${raw}" must be a positive ${integer ? 'whole number' : 'number'}, e.g. ${name}=${fallback}.`);
  }
  return value;
}

/** Nearest-rank percentile of values sorted in ascending order: the value p% did not exceed. */
export const percentile = (sorted: ArrayLike<number>, p: number): number =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export const ascending = (values: number[]): number[] => [...values].sort((a, b) => a - b);

export const fmtMs = (ms: number): string =>
  Number.isFinite(ms) ? (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`) : 'timed out';

/** Resource use of a phase: CPU time of the process (both cores) and busy share of the event loop. */
export interface PhaseUse {
  wallMs: number;
  cpuMs: number;
  cpuCores: number;
  eventLoopBusy: number;
}

/** Starts measuring a phase; call the result to end it. */
export function measurePhase(): () => PhaseUse {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  return () => {
    const wallMs = performance.now() - wall;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return { wallMs, cpuMs, cpuCores: cpuMs / wallMs, eventLoopBusy: performance.eventLoopUtilization(elu).utilization };
  };
}

export const useLine = (u: PhaseUse): string =>
  `${fmtMs(u.wallMs)} wall, CPU ${(u.cpuCores * 100).toFixed(0)}% of one core, event loop busy ${(u.eventLoopBusy * 100).toFixed(0)}%`;
