import type { GradeCriterionMeta } from './grade-criteria.js';
import type { GradeThreshold } from './grade-tables.js';

// Cut, not rounded, to so many decimals: a value just under a threshold must never print as the
// threshold (9,999,999.99 CNY rounded to 4 decimals of 万元 read "1000万元", under a 1000万元 band).
// The nudge keeps binary noise (3.3 × 10⁴ = 32999.999…) from cutting a digit off an exact value.
const trim = (value: number, decimals: number): string => {
  const scale = 10 ** decimals;
  return String(Math.floor(value * scale + 1e-6) / scale);
};

function formatPeople(value: number): string {
  return value >= 10_000 ? `${trim(value / 10_000, 4)}万人` : `${trim(value, 0)}人`;
}

function formatCny(value: number): string {
  if (value >= 100_000_000) return `${trim(value / 100_000_000, 4)}亿元`;
  if (value >= 10_000) return `${trim(value / 10_000, 4)}万元`;
  return `${trim(value, 2)}元`;
}

function formatMagnitude(value: number): string {
  const text = trim(value, 2);
  return `${text.includes('.') ? text : `${text}.0`}级`;
}

/** A figure with its unit, zh-CN: '3人', '1200万元', '0.99公顷', '6.0级'. */
export function formatFigure(meta: GradeCriterionMeta, value: number): string {
  switch (meta.unit) {
    case 'person':
      return formatPeople(value);
    case 'cny':
      return formatCny(value);
    case 'hectare':
      return `${trim(value, 4)}公顷`;
    case 'magnitude':
      return formatMagnitude(value);
  }
}

/**
 * The band a threshold covers, zh-CN. Counts read '3–9人' / '30人及以上'; measures use the legal
 * convention where 以上 includes and 以下 excludes the number: '100公顷以上1000公顷以下'.
 */
export function formatBand(meta: GradeCriterionMeta, threshold: GradeThreshold, above: GradeThreshold | undefined): string {
  if (meta.style === 'count') {
    const low = threshold.minExclusive === true ? Math.floor(threshold.min) + 1 : Math.ceil(threshold.min);
    if (above === undefined) return `${low}人及以上`;
    const high = Math.ceil(above.min) - 1;
    return low === high ? `${low}人` : `${low}–${high}人`;
  }
  const lowText = threshold.minExclusive === true
    ? threshold.min === 0 ? '' : `超过${formatFigure(meta, threshold.min)}`
    : `${formatFigure(meta, threshold.min)}以上`;
  const highText = above === undefined ? '' : `${formatFigure(meta, above.min)}以下`;
  return lowText + highText || `大于${formatFigure(meta, threshold.min)}`;
}
