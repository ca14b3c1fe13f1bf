import { DEFAULT_CLOCK_TOLERANCE_S } from './received-at.js';

/** Per-jurisdiction duplicate-call rules (field notes: "Intake and duplicates"). */
export interface LinkingConfig {
  /** Radius within which two reports are "the same place" when both positions are exact. */
  baseRadiusM: number;
  /** Largest gap between a call and the incident's call period that still counts as the same event. */
  windowMinutes: number;
  /** Cap on each side's accuracy radius, so one cell-tower fix cannot swallow a district. */
  maxAccuracyM: number;
  /** How far ahead of the server a source's receivedAt may be before the call is kept at the server's time (acceptedReceivedAt). */
  clockToleranceS: number;
}

export const DEFAULT_LINKING_CONFIG: LinkingConfig = { baseRadiusM: 300, windowMinutes: 30, maxAccuracyM: 2000, clockToleranceS: DEFAULT_CLOCK_TOLERANCE_S };

// A missing, negative or non-finite accuracy adds nothing.
const usableAccuracy = (accuracyM: number | null | undefined, capM: number): number =>
  typeof accuracyM === 'number' && Number.isFinite(accuracyM) && accuracyM > 0 ? Math.min(accuracyM, capM) : 0;

/** A vague position is "near" more: base radius plus each side's (capped) accuracy radius. */
export function effectiveRadiusM(callAccuracyM: number | null | undefined, incidentAccuracyM: number | null | undefined, config: LinkingConfig): number {
  return config.baseRadiusM + usableAccuracy(callAccuracyM, config.maxAccuracyM) + usableAccuracy(incidentAccuracyM, config.maxAccuracyM);
}

/** Field → problem for a configuration that cannot work; null when sound. */
export function linkingConfigProblems(config: LinkingConfig): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!Number.isFinite(config.baseRadiusM) || config.baseRadiusM < 0) problems['baseRadiusM'] = 'must be a number ≥ 0';
  if (!Number.isFinite(config.windowMinutes) || config.windowMinutes < 0) problems['windowMinutes'] = 'must be a number ≥ 0';
  if (!Number.isFinite(config.maxAccuracyM) || config.maxAccuracyM < 0) problems['maxAccuracyM'] = 'must be a number ≥ 0';
  if (!Number.isFinite(config.clockToleranceS) || config.clockToleranceS < 0) problems['clockToleranceS'] = 'must be a number ≥ 0';
  return Object.keys(problems).length === 0 ? null : problems;
}
