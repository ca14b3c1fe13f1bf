// Percentiles and one-line summaries for latency samples (milliseconds).

/** Nearest-rank percentile of an already sorted array (p in 0..100). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples) {
  const s = Float64Array.from(samples).sort();
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    p50: percentile(s, 50),
    p90: percentile(s, 90),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean: s.length ? sum / s.length : NaN,
  };
}

export const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : 'n/a');

export function line(label, st) {
  return `${label.padEnd(34)} n=${String(st.n).padStart(6)}  p50 ${ms(st.p50).padStart(9)}  p90 ${ms(st.p90).padStart(9)}  p99 ${ms(st.p99).padStart(9)}  max ${ms(st.max).padStart(9)}`;
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const nowEpochMs = () => performance.timeOrigin + performance.now();

/** Least-squares line y = intercept + slope·x through [x, y] points; null with fewer than 3 or no spread in x. */
export function linearFit(points) {
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx, n };
}
