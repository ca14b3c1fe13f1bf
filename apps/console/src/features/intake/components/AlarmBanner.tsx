import { useTranslation } from 'react-i18next';
import { ackEscalationTarget, hasRole, type GradeRaiseAlertDto, type IncidentDto } from '@beacon/domain';
import { SpeakerIcon } from '../../../components/SpeakerIcon';
import { useStore } from '../../../lib/store';
import { formatClock } from '../../../lib/time';
import { flyTo } from '../../map/flyTo';
import { useMay, useRequiredSession } from '../../auth/session';
import { useQueue } from '../../incident/hooks/useQueue';
import { useIncidentTitle } from '../../incident/hooks/useIncidentTitle';
import { revealInQueue } from '../../incident/queueFilter';
import { openIncident } from '../../incident/selection';
import { useWriteState } from '../../connection/pendingActions';
import { useMarkRaisesSeen } from '../api/gradeRaises';
import { audioStateStore, primeAudio } from '../alarm/audio';
import { setMuted } from '../alarm/muteStore';
import { useAlarmState } from '../hooks/useAlarmState';

const SHOW_RAISES = 3;
const SHOW_CODES = 4;
/** The overdue levels (ackEscalationTarget), the one that reached the leader first. */
const OVERDUE_LEVELS_LEADER_FIRST = [2, 1] as const;

function useOpen() {
  const { items } = useQueue();
  return (incidentId: string) => {
    const incident = items.find((i) => i.id === incidentId);
    revealInQueue(incident);
    openIncident(incidentId);
    flyTo(incident?.location);
  };
}


function GradeRaisedRow({ alert }: { alert: GradeRaiseAlertDto }) {
  const { t, i18n } = useTranslation();
  const open = useOpen();
  const titleOf = useIncidentTitle();
  const markSeen = useMarkRaisesSeen();
  // From the mutation cache: a seen withdrawn from the offline queue frees the button.
  const seeing = useWriteState('raiseSeen', (alerts) => Array.isArray(alerts) && alerts.some((a: GradeRaiseAlertDto) => a.seq === alert.seq));
  const maySee = useMay('markGradeRaiseSeen');
  const { incident } = alert;
  return (
    <div className="loud-alert loud-grade_raised" data-testid="loud-alert" data-kind="grade_raised" data-incident-id={incident.id} data-seq={alert.seq}>
      <span className="loud-icon" aria-hidden>
        ⚠
      </span>
      <button type="button" className="loud-text" onClick={() => open(incident.id)}>
        {t('alarm.gradeRaised', { code: incident.code, title: titleOf(incident), from: t(`grade.short.${alert.from ?? 'none'}`), to: t(`grade.short.${alert.to ?? 'none'}`) })}
        {alert.cause === 'officer' && alert.actor.name && <span className="loud-by"> · {t('alarm.raisedBy', { name: alert.actor.name })}</span>}
      </button>
      <span className="loud-time mono">{formatClock(alert.at, i18n.language)}</span>
      {markSeen.isError && (
        <span className="loud-error" role="alert" data-testid="seen-error">
          {t('alarm.seenFailed')}
        </span>
      )}
      {maySee && (
        <button type="button" className="btn btn-sm btn-danger" data-testid="raise-seen" title={t('alarm.seenHint')} disabled={seeing.pending} onClick={() => markSeen.mutate([alert])}>
          {t('alarm.dismiss')}
        </button>
      )}
    </div>
  );
}

/** One row for every overdue acknowledgement: it ends only when they are acknowledged. */
function OverdueRow({ overdue }: { overdue: IncidentDto[] }) {
  const { t } = useTranslation();
  const open = useOpen();
  // Said per level, the leader's first: who was told about how many, and "you" for the reader's own.
  const { user } = useRequiredSession();
  const parts = OVERDUE_LEVELS_LEADER_FIRST.map((level) => ({ level, count: overdue.filter((i) => Math.min(i.ackOverdueLevel, 2) === level).length }))
    .filter((g) => g.count > 0)
    .map(({ level, count }) =>
      t(hasRole(user, ackEscalationTarget(level)) ? 'alarm.overdueToYou' : 'alarm.overdueTo', { count, target: t(`incident.escalated.${level === 2 ? 'leader' : 'shiftLeader'}`) }),
    );
  const reachedMe = overdue.some((i) => hasRole(user, ackEscalationTarget(i.ackOverdueLevel >= 2 ? 2 : 1)));
  const mayAck = useMay('acknowledge');
  // The longest waiting first, as in the queue.
  const oldest = [...overdue].sort((a, b) => b.ackOverdueLevel - a.ackOverdueLevel || Date.parse(a.createdAt) - Date.parse(b.createdAt));
  return (
    <div className="loud-alert loud-ack_overdue" data-testid="loud-alert" data-kind="ack_overdue">
      <span className="loud-icon" aria-hidden>
        ⚠
      </span>
      <button type="button" className="loud-text" onClick={() => oldest[0] && open(oldest[0].id)}>
        {t('alarm.ackOverdue', { parts: parts.join(t('alarm.overdueJoin')) })}
        {/* A leader told of it cannot acknowledge: what is asked of them is to get the desk to. */}
        {reachedMe && !mayAck && <span className="loud-by"> {t('alarm.overdueUrge')}</span>}
      </button>
      <span className="loud-codes">
        {oldest.slice(0, SHOW_CODES).map((i) => (
          <button key={i.id} type="button" className="code-link mono" onClick={() => open(i.id)}>
            {i.code}
          </button>
        ))}
        {oldest.length > SHOW_CODES && (
          // The queue lists the overdue first in this order: the first one not named here, then j/k from it.
          <button type="button" className="code-link" data-testid="overdue-more" title={t('alarm.moreHint')} onClick={() => open(oldest[SHOW_CODES]!.id)}>
            {t('alarm.more', { count: oldest.length - SHOW_CODES })}
          </button>
        )}
      </span>
    </div>
  );
}

/** Top banner: unacknowledged count, loud alerts, mute and audio state: those of them that concern the user (alarmAudience). */
export function AlarmBanner() {
  const { t } = useTranslation();
  const { on, muted, unacked, overdue, alerts, raisesUnknown, pattern } = useAlarmState();
  const audio = useStore(audioStateStore);
  const open = useOpen();
  const markAll = useMarkRaisesSeen();
  const seeing = useWriteState('raiseSeen', () => true);
  const maySee = useMay('markGradeRaiseSeen');
  const oldestUnacked = unacked[unacked.length - 1];

  return (
    <div className={on ? 'alarm-banner on' : 'alarm-banner'} data-testid="alarm-banner" data-alarm={on ? 'on' : 'off'} data-sound={pattern} role={on ? 'alert' : undefined} aria-live="assertive">
      {unacked.length > 0 && (
        <div className="alarm-new" data-testid="unacked-banner">
          <span className="alarm-flash" aria-hidden />
          <button type="button" className="alarm-text" onClick={() => oldestUnacked && open(oldestUnacked.id)}>
            {t('alarm.unacked', { count: unacked.length })}
          </button>
          <span className="alarm-side">
            {muted ? (
              <button type="button" className="chip chip-muted" data-testid="banner-muted" onClick={() => setMuted(false)}>
                <SpeakerIcon muted /> {t('alarm.mutedUnmute')}
              </button>
            ) : audio !== 'running' ? (
              <button type="button" className="chip chip-warn" onClick={primeAudio}>
                <SpeakerIcon muted={false} /> {audio === 'unsupported' ? t('alarm.audioUnsupported') : t('alarm.audioBlocked')}
              </button>
            ) : (
              <span className="chip chip-sound">
                <SpeakerIcon muted={false} /> {t('alarm.sounding')}
              </span>
            )}
          </span>
        </div>
      )}
      {overdue.length > 0 && <OverdueRow overdue={overdue} />}
      {raisesUnknown && (
        <div className="loud-alert loud-grade_raised" data-testid="loud-alert" data-kind="raises_unknown" role="alert">
          <span className="loud-icon" aria-hidden>
            ⚠
          </span>
          <span className="loud-text">{t('alarm.raisesUnknown')}</span>
        </div>
      )}
      {alerts.slice(0, SHOW_RAISES).map((a) => (
        <GradeRaisedRow key={a.seq} alert={a} />
      ))}
      {alerts.length > SHOW_RAISES && (
        <div className="loud-more">
          {t('alarm.moreRaises', { count: alerts.length - SHOW_RAISES })}
          {maySee && (
            <button type="button" className="btn btn-xs btn-danger" title={t('alarm.seenHint')} disabled={seeing.pending} onClick={() => markAll.mutate(alerts)}>
              {t('alarm.dismissAll')}
            </button>
          )}
          {markAll.isError && <span className="loud-error" role="alert">{t('alarm.seenFailed')}</span>}
        </div>
      )}
    </div>
  );
}
