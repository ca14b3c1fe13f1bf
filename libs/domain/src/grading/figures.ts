import type { IncidentFigures, IntakeCallRequest } from '../contracts/incidents.js';

const COUNT_KEYS = ['deaths', 'seriousInjuries', 'injured', 'missing', 'trapped'] as const;
const NULLABLE_KEYS = ['economicLossCny', 'burnedAreaHa', 'magnitude', 'relocated'] as const;

/** The largest magnitude a figure may hold (figureErrors). */
export const MAX_MAGNITUDE = 10;
/** Magnitudes can legitimately be negative (micro-quakes), down to about this. */
export const MIN_MAGNITUDE = -3;
/**
 * The most people a figure may count: above the largest relocation China has seen (汶川 2008, some
 * 15 million), far below nonsense (a count of 2^53 came through, and the drawer showed it).
 */
export const MAX_PEOPLE_COUNT = 100_000_000;
/** The largest loss in yuan: about a year of China's GDP, and what the figure's numeric(16,2) column holds. */
export const MAX_ECONOMIC_LOSS_CNY = 99_999_999_999_999;
/** The largest area in hectares: China's whole forest is about 2.3 × 10^8 ha. */
export const MAX_AREA_HA = 300_000_000;

/** The values a figure may hold: the same bounds for intake, officers' corrections and the console's forms. */
export interface FigureBounds {
  min: number;
  max: number;
  /** A count of people: whole numbers only. */
  whole: boolean;
}

export function figureBounds(key: keyof IncidentFigures): FigureBounds {
  // Every figure named: a new one does not compile until its bounds are chosen.
  switch (key) {
    case 'deaths':
    case 'seriousInjuries':
    case 'injured':
    case 'missing':
    case 'trapped':
    case 'relocated':
      return { min: 0, max: MAX_PEOPLE_COUNT, whole: true };
    case 'magnitude':
      return { min: MIN_MAGNITUDE, max: MAX_MAGNITUDE, whole: false };
    case 'economicLossCny':
      return { min: 0, max: MAX_ECONOMIC_LOSS_CNY, whole: false };
    case 'burnedAreaHa':
      return { min: 0, max: MAX_AREA_HA, whole: false };
  }
}

/** Whether a figure counts people, and so must be a whole number (figureErrors). */
export function isPeopleCount(key: keyof IncidentFigures): boolean {
  return key === 'relocated' || (COUNT_KEYS as readonly string[]).includes(key);
}

/** Figures of an incident nobody has reported numbers for yet: zero casualties, unknown measures. */
export function emptyFigures(): IncidentFigures {
  return {
    deaths: 0,
    seriousInjuries: 0,
    injured: 0,
    missing: 0,
    trapped: 0,
    economicLossCny: null,
    burnedAreaHa: null,
    magnitude: null,
    relocated: null,
  };
}

// Magnitudes can legitimately be negative (micro-quakes); nothing else can.
const usable = (key: keyof IncidentFigures, value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && (key === 'magnitude' || value >= 0);

/**
 * Highest-so-far merge: each figure becomes the larger of the two. Absent, null, non-finite and
 * negative values in `b` are ignored, so a caller who does not know a figure never erases it.
 * Lowering a figure is an officer correction, not a merge.
 */
export function maxFigures(a: IncidentFigures, b: Partial<IncidentFigures>): IncidentFigures {
  const out: IncidentFigures = { ...a };
  for (const key of COUNT_KEYS) {
    const value = b[key];
    if (usable(key, value)) out[key] = Math.max(out[key], value);
  }
  for (const key of NULLABLE_KEYS) {
    const value = b[key];
    if (usable(key, value)) {
      const current = out[key];
      out[key] = current === null ? value : Math.max(current, value);
    }
  }
  return out;
}

/** The figures one intake call reports, ready for maxFigures. */
export function figuresFromIntake(call: Pick<IntakeCallRequest, 'casualties' | 'economicLossCny' | 'burnedAreaHa' | 'magnitude'>): Partial<IncidentFigures> {
  const out: Partial<IncidentFigures> = { ...(call.casualties ?? {}) };
  if (call.economicLossCny !== undefined) out.economicLossCny = call.economicLossCny;
  if (call.burnedAreaHa !== undefined) out.burnedAreaHa = call.burnedAreaHa;
  if (call.magnitude !== undefined) out.magnitude = call.magnitude;
  return out;
}

/**
 * Field → problem for figures that cannot be true (negative or fractional people, impossible
 * magnitudes); null when all are plausible. Feed it to DomainError INVALID_FIGURES.
 */
export function figureErrors(figures: Partial<IncidentFigures>): Record<string, string> | null {
  const errors: Record<string, string> = {};
  for (const key of [...COUNT_KEYS, ...NULLABLE_KEYS]) {
    const value = figures[key];
    if (value === undefined || value === null) continue;
    const { min, max, whole } = figureBounds(key);
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value));
    if (!ok) errors[key] = `must be ${whole ? 'a whole number' : 'a number'} between ${min} and ${max}`;
  }
  return Object.keys(errors).length === 0 ? null : errors;
}

/**
 * An incident's figures after calls left it (a call split out, a merge undone). A figure equal to
 * what its calls reported before (`callsBefore`, highest over them) came from the calls and follows
 * them (`callsAfter`); one that differs is an officer's correction, made on purpose, and stays.
 */
export function figuresAfterCallsLeave(current: IncidentFigures, callsBefore: IncidentFigures, callsAfter: IncidentFigures): IncidentFigures {
  const out: IncidentFigures = { ...current };
  for (const key of COUNT_KEYS) if (current[key] === callsBefore[key]) out[key] = callsAfter[key];
  for (const key of NULLABLE_KEYS) if (current[key] === callsBefore[key]) out[key] = callsAfter[key];
  return out;
}

/**
 * A merge's target after the merge is undone. The merge set each figure to the higher of the target's
 * (`before`) and the source's; a figure still at that value goes back to the target's own, raised by
 * any call that joined the target since (`sinceMerge`, highest over them). One that has moved since
 * — an officer's correction, a later call — stays.
 */
export function figuresAfterUnmerge(current: IncidentFigures, before: IncidentFigures, source: IncidentFigures, sinceMerge: IncidentFigures): IncidentFigures {
  // The same rule as calls leaving: what the merge set is to the target what its calls' figures are.
  return figuresAfterCallsLeave(current, maxFigures(before, source), maxFigures(before, sinceMerge));
}
