import type { IncidentFigures } from '@beacon/domain';

/** Counts of people: whole numbers (the API refuses 2.5 trapped). */
const COUNT_FIGURES: ReadonlySet<keyof IncidentFigures> = new Set(['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped', 'relocated']);

/** The largest magnitude the API takes (FiguresDto, the intake schema). */
export const MAX_MAGNITUDE = 10;

export type FigureInput = { value: number } | { problem: 'badNumber' | 'badCount' | 'magnitudeMax' };

/**
 * A typed figure read as the API will judge it, so the officer reads the rule in the UI's language
 * before the server answers in its own: a non-negative number, a whole one for counts of people,
 * a magnitude of at most 10.
 */
export function readFigureInput(field: keyof IncidentFigures, raw: string): FigureInput {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) return { problem: COUNT_FIGURES.has(field) ? 'badCount' : 'badNumber' };
  if (COUNT_FIGURES.has(field) && !Number.isInteger(n)) return { problem: 'badCount' };
  if (field === 'magnitude' && n > MAX_MAGNITUDE) return { problem: 'magnitudeMax' };
  return { value: n };
}
