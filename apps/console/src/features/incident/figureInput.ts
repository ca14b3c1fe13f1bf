import { figureBounds, type IncidentFigures } from '@beacon/domain';

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

export type FigureProblem =
  /** Not a number, or (for a measure) below zero. */
  | { problem: 'badNumber' }
  /** Not a number, for a figure that may be negative (a magnitude). */
  | { problem: 'notANumber' }
  /** Not a whole number of people ≥ 0. */
  | { problem: 'badCount' }
  | { problem: 'tooLarge'; limit: number }
  | { problem: 'tooSmall'; limit: number }
  /** A count the edit form found emptied (readFigureInput never says this: an empty manual-call field is "not reported"). */
  | { problem: 'emptyCount' };

export type FigureInput = { value: number } | FigureProblem;

/**
 * A typed figure read by the bounds the API judges it by (the domain's figureBounds: whole counts of
 * people, each figure between its min and max), so the officer reads the rule in the UI's language
 * before the server answers in its own.
 */
export function readFigureInput(field: keyof IncidentFigures, raw: string): FigureInput {
  const { min, max, whole } = figureBounds(field);
  // Full-width digits (a Chinese input method in full-width mode) read as the digits they are.
  const text = raw.normalize('NFKC').trim();
  // Decimal notation only: Number() would also take 0x10 and 1e3.
  const n = DECIMAL.test(text) ? Number(text) : Number.NaN;
  const plain: FigureProblem = { problem: whole ? 'badCount' : min < 0 ? 'notANumber' : 'badNumber' };
  if (!Number.isFinite(n)) return plain;
  if (n > max) return { problem: 'tooLarge', limit: max };
  // Below zero reads as "must not be negative"; a lower bound of its own (a magnitude's) is named.
  if (n < min) return min === 0 ? plain : { problem: 'tooSmall', limit: min };
  if (whole && !Number.isInteger(n)) return plain;
  return { value: n };
}
