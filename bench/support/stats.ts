/** Latency summaries for sequential measurements (milliseconds). */
export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Linear-interpolated percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : NaN,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export const ms = (x: number): string => `${x.toFixed(2)} ms`;
export const rps = (x: number): string => `${Math.round(x).toLocaleString('en-US')} req/s`;
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
export const round = (x: number, places = 2): number => Number(x.toFixed(places));

export function latencyDetail(s: LatencySummary): string {
  return `p50 ${s.p50.toFixed(2)} / p95 ${s.p95.toFixed(2)} / p99 ${s.p99.toFixed(2)} ms (n=${s.n})`;
}

export function roundedSummary(s: LatencySummary): LatencySummary {
  return { n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), mean: round(s.mean), min: round(s.min), max: round(s.max) };
}
