import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDto } from '@beacon/domain';
import { DataAge } from '../../../components/DataAge';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useMay } from '../../auth/session';
import { flyTo } from '../../map/flyTo';
import { useAckAction } from '../hooks/useAckAction';
import { useIncidentTitle } from '../hooks/useIncidentTitle';
import { isAckOverdue, isUnacked } from '../model';
import { openIncident } from '../selection';
import { AckDeadline } from './AckDeadline';
import { CasualtySummary } from './CasualtySummary';
import { NewCallChip } from './NewCallChip';
import { GradeBadge, SourceBadges, StatusBadge } from './Badges';

/** Memoised: the cache keeps unchanged incidents' objects, so only changed cards re-render. */
export const IncidentCard = memo(function IncidentCard({ incident, selected }: { incident: IncidentDto; selected: boolean }) {
  const { t } = useTranslation();
  const titleOf = useIncidentTitle();
  const ack = useAckAction(incident.id);
  const mayAck = useMay('acknowledge');
  const unacked = isUnacked(incident);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const classes = ['incident-card', `grade-edge-${incident.grade ?? 'none'}`];
  if (unacked) classes.push('unacked');
  if (selected) classes.push('selected');
  if (isAckOverdue(incident)) classes.push('overdue');

  return (
    <article
      ref={ref}
      className={classes.join(' ')}
      data-testid="incident-card"
      data-incident-id={incident.id}
      data-status={incident.status}
      data-acked={unacked ? 'false' : 'true'}
      aria-selected={selected}
      onClick={() => {
        openIncident(incident.id);
        flyTo(incident.location, 14);
      }}
    >
      <header className="card-head">
        <GradeBadge grade={incident.grade} />
        <SourceBadges sources={incident.sources} />
        <span className="card-code mono">{incident.code}</span>
        <DataAge at={incident.createdAt} />
      </header>
      <div className="card-title" data-testid="incident-title">
        {unacked && <span className="new-dot" aria-hidden />}
        {titleOf(incident)}
      </div>
      <div className="card-address">{incident.address ?? t('incident.noAddress')}</div>
      <CasualtySummary figures={incident.figures} />
      <NewCallChip incident={incident} />
      <footer className="card-foot">
        <StatusBadge status={incident.status} />
        <span className="card-calls" data-testid="call-count">
          {t('incident.callCount', { count: incident.callCount })}
        </span>
        {incident.category && <span className="muted">{t(`category.${incident.category}`)}{incident.type ? ` · ${t(`type.${incident.type}`)}` : ''}</span>}
        {unacked && <AckDeadline deadline={incident.ackDeadlineAt} level={incident.ackOverdueLevel} />}
        {unacked && mayAck && (
          <button
            type="button"
            className="btn btn-ack"
            data-testid="ack-button"
            disabled={ack.disabled}
            data-queued={ack.queued ? 'true' : undefined}
            onClick={(e) => {
              e.stopPropagation();
              ack.acknowledge();
            }}
          >
            {ack.busyLabel ?? t('incident.acknowledge')}
          </button>
        )}
      </footer>
      {ack.error != null && <ErrorMessage error={ack.error} />}
    </article>
  );
});
