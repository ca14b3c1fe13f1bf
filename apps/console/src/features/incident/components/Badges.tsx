import { useTranslation } from 'react-i18next';
import type { CallSource, Grade, IncidentStatus } from '@beacon/domain';

export function SourceBadge({ source }: { source: CallSource }) {
  const { t } = useTranslation();
  return (
    <span className={`badge source-badge source-${source}`} data-testid="source-badge" data-source={source}>
      {t(`source.${source}`)}
    </span>
  );
}

export function SourceBadges({ sources }: { sources: CallSource[] }) {
  const unique = [...new Set(sources)];
  return (
    <span className="badges">
      {unique.map((s) => (
        <SourceBadge key={s} source={s} />
      ))}
    </span>
  );
}

export function GradeBadge({ grade, long = true }: { grade: Grade | null; long?: boolean }) {
  const { t } = useTranslation();
  const key = grade ?? 'none';
  return (
    <span className={`badge grade-badge grade-${key}`} data-testid="grade-badge" data-grade={key}>
      {long ? t(`grade.long.${key}`) : t(`grade.short.${key}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-badge status-${status}`} data-testid="status-badge">
      {t(`incident.status.${status}`)}
    </span>
  );
}
