import { useTranslation } from 'react-i18next';
import type { IncidentFigures } from '@beacon/domain';

const KEYS = ['deaths', 'missing', 'trapped', 'seriousInjuries', 'injured'] as const;

/** "死亡 2 · 被困 3": only the non-zero casualty figures, for the queue card. */
export function CasualtySummary({ figures }: { figures: IncidentFigures }) {
  const { t } = useTranslation();
  const parts = KEYS.filter((k) => (figures[k] ?? 0) > 0).map((k) => `${t(`figures.${k}`)} ${figures[k]}`);
  if (parts.length === 0) return null;
  return (
    <div className="card-casualties" data-testid="casualties">
      {parts.join(' · ')}
    </div>
  );
}
