/** Percentiles and the few number formats the benchmarks print. */

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank quantile `q` (0..1) of numbers sorted ascending. */
function at(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { n: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = Float64Array.from(values).sort();
  return { n: sorted.length, p50: at(sorted, 0.5), p99: at(sorted, 0.99), max: sorted[sorted.length - 1]! };
}

/** Median of a few repeated measurements; NaN for none. */
export function median(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : at(Float64Array.from(values).sort(), 0.5);
}

/** "1.23 ms" with sensible precision, "-" when nothing was measured. */
export function ms(value: number): string {
  if (Number.isNaN(value)) return '-';
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

/** "p50 1.2 ms, p99 8.0 ms, max 12 ms (n 1,234)" */
export function describe(summary: Summary): string {
  return `p50 ${ms(summary.p50)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} (n ${count(summary.n)})`;
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en');
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
