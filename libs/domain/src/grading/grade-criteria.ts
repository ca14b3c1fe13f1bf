import type { IncidentFigures } from '../contracts/incidents.js';

/** The figures a grading table can test. `deathsAndMissing` is derived (earthquake and relief count missing as dead). */
export const GRADE_CRITERIA = [
  'deaths',
  'deathsAndMissing',
  'seriousInjuries',
  'injured',
  'trapped',
  'relocated',
  'economicLossCny',
  'burnedAreaHa',
  'magnitude',
] as const;
export type GradeCriterion = (typeof GRADE_CRITERIA)[number];

/** How a figure is read and worded in a grade reason. */
export interface GradeCriterionMeta {
  /** zh-CN noun phrase placed before the value, e.g. '死亡'. */
  label: string;
  /** 'count' for whole people (ranges read '3–9人'), 'measure' for the rest (legal '以上…以下' ranges). */
  style: 'count' | 'measure';
  unit: 'person' | 'cny' | 'hectare' | 'magnitude';
  read: (figures: IncidentFigures) => number | null;
}

export const GRADE_CRITERION_META: Readonly<Record<GradeCriterion, GradeCriterionMeta>> = {
  deaths: { label: '死亡', style: 'count', unit: 'person', read: (f) => f.deaths },
  deathsAndMissing: { label: '死亡（含失踪）', style: 'count', unit: 'person', read: (f) => f.deaths + f.missing },
  seriousInjuries: { label: '重伤', style: 'count', unit: 'person', read: (f) => f.seriousInjuries },
  injured: { label: '受伤', style: 'count', unit: 'person', read: (f) => f.injured },
  trapped: { label: '被困', style: 'count', unit: 'person', read: (f) => f.trapped },
  relocated: { label: '紧急转移安置', style: 'measure', unit: 'person', read: (f) => f.relocated },
  economicLossCny: { label: '直接经济损失', style: 'measure', unit: 'cny', read: (f) => f.economicLossCny },
  burnedAreaHa: { label: '受害森林面积', style: 'measure', unit: 'hectare', read: (f) => f.burnedAreaHa },
  magnitude: { label: '初判震级', style: 'measure', unit: 'magnitude', read: (f) => f.magnitude },
};
