// Percentiles the bench reports, shared by the load generator, the fan-out and the interleaved runs.

/** The p-th percentile (nearest rank) of ascending values, to 0.01. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 100) / 100;
}
