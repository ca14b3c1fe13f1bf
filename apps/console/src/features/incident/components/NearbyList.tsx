import { useTranslation } from 'react-i18next';
import type { IncidentDto, LngLat } from '@beacon/domain';
import { DataAge } from '../../../components/DataAge';
import { QueryWait } from '../../../components/QueryWait';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { DEFAULT_NEARBY_RADIUS_M, useNearbyIncidents } from '../api/incidentQueries';
import { useIncidentTitle } from '../hooks/useIncidentTitle';
import { isOpen } from '../model';
import { openIncident } from '../selection';
import { flyTo } from '../../map/flyTo';
import { GradeBadge, SourceBadges } from './Badges';

/** "附近警情": open incidents around a point, nearest first. */
export function NearbyList({
  at,
  excludeId,
  radiusM = DEFAULT_NEARBY_RADIUS_M,
  action,
}: {
  at: LngLat | null;
  excludeId?: string;
  radiusM?: number;
  action?: { label: string; onClick: (i: IncidentDto) => void };
}) {
  const { t } = useTranslation();
  const titleOf = useIncidentTitle();
  const q = useNearbyIncidents(at ? { ...at, radiusM } : null);
  if (!at) return <div className="muted">{t('nearby.noLocation')}</div>;
  // The server measured each distance from `at` and sorted nearest first.
  const list = (q.data ?? []).filter((i) => i.id !== excludeId && isOpen(i));
  return (
    <div className="nearby" data-testid="nearby-incidents">
      <div className="muted small">{t('nearby.radius', { m: radiusM })}</div>
      <ErrorMessage error={q.error} />
      <QueryWait query={q} />
      {q.isSuccess && list.length === 0 && <div className="muted">{t('nearby.none')}</div>}
      <ul className="nearby-list">
        {list.map((i) => (
          <li key={i.id} data-testid="nearby-item" data-incident-id={i.id}>
            <button
              type="button"
              className="nearby-open"
              onClick={() => {
                openIncident(i.id);
                flyTo(i.location);
              }}
            >
              <GradeBadge grade={i.grade} long={false} />
              <SourceBadges sources={i.sources} />
              <span className="nearby-title">{titleOf(i)}</span>
              <span className="muted">{t('call.distance', { m: Math.round(i.distanceM) })}</span>
              <DataAge at={i.lastCallAt} />
            </button>
            {action && (
              <button type="button" className="btn btn-xs" onClick={() => action.onClick(i)}>
                {action.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
