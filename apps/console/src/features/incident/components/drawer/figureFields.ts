import type { IncidentFigures } from '@beacon/domain';

export const FIGURE_FIELDS = [
  'deaths',
  'seriousInjuries',
  'injured',
  'missing',
  'trapped',
  'economicLossCny',
  'burnedAreaHa',
  'magnitude',
  'relocated',
] as const satisfies readonly (keyof IncidentFigures)[];

export const NULLABLE_FIGURES: ReadonlySet<keyof IncidentFigures> = new Set(['economicLossCny', 'burnedAreaHa', 'magnitude', 'relocated']);
