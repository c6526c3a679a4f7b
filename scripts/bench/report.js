// Figures and the table the benchmark prints.

export const median = (values) => quantile(values, 0.5);

/** The 95th percentile (nearest rank). */
export const p95 = (values) => quantile(values, 0.95);

/** Nearest-rank quantile; the median of an even count is the mean of the two middle values. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  if (q === 0.5 && sorted.length % 2 === 0) {
    const mid = sorted.length / 2;
    return (sorted[mid - 1] + sorted[mid]) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export const ms = (value, digits = 0) =>
  Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '—';
export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const ratio = (a, b) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(1)}×` : '');

/** One line of the table: a measure, its value, and for timings the plain-DOM baseline and ratio. */
export const row = (measure, value, baseline = '', times = '') => ({
  measure,
  value,
  baseline,
  times,
});

/** The rows as a Markdown table, columns padded the way Prettier formats one. */
export function markdownTable(rows) {
  const header = ['Measure', 'Value', 'Plain DOM, same run', 'Ratio'];
  const cells = rows.map((r) => [r.measure, r.value, r.baseline, r.times]);
  const widths = header.map((h, i) => Math.max(3, h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
