import { useTranslation } from 'react-i18next';
import { useStore } from '../../../lib/store';
import { formatClock } from '../../../lib/time';
import { flyTo } from '../../map/flyTo';
import { useQueue } from '../../incident/hooks/useQueue';
import { openIncident } from '../../incident/selection';
import { dismissAlert, type LoudAlert } from '../alarm/alertsStore';
import { audioStateStore, primeAudio } from '../alarm/audio';
import { setMuted } from '../alarm/muteStore';
import { useAlarmState } from '../hooks/useAlarmState';

function LoudAlertRow({ alert }: { alert: LoudAlert }) {
  const { t, i18n } = useTranslation();
  const { items } = useQueue();
  const open = () => {
    openIncident(alert.incidentId);
    flyTo(items.find((i) => i.id === alert.incidentId)?.location);
  };
  const text =
    alert.kind === 'grade_raised'
      ? t('alarm.gradeRaised', { code: alert.code, title: alert.title, from: t(`grade.short.${alert.from ?? 'none'}`), to: t(`grade.short.${alert.to ?? 'none'}`) })
      : t('alarm.ackOverdue', {
          code: alert.code,
          title: alert.title,
          target: t(`incident.escalated.${alert.target === 'leader' ? 'leader' : 'shiftLeader'}`),
        });
  return (
    <div className={`loud-alert loud-${alert.kind}`} data-testid="loud-alert" data-kind={alert.kind} data-incident-id={alert.incidentId}>
      <span className="loud-icon" aria-hidden>
        ⚠
      </span>
      <button type="button" className="loud-text" onClick={open}>
        {text}
      </button>
      <span className="muted mono">{formatClock(alert.at, i18n.language)}</span>
      <button type="button" className="btn btn-sm btn-danger" onClick={() => dismissAlert(alert.key)}>
        {t('alarm.dismiss')}
      </button>
    </div>
  );
}

/** Top banner: unacknowledged count, loud alerts, mute and audio state. Same on every client. */
export function AlarmBanner() {
  const { t } = useTranslation();
  const { on, muted, unacked, alerts } = useAlarmState();
  const audio = useStore(audioStateStore);
  const first = unacked[unacked.length - 1];

  return (
    <div className={on ? 'alarm-banner on' : 'alarm-banner'} data-testid="alarm-banner" data-alarm={on ? 'on' : 'off'} role={on ? 'alert' : undefined} aria-live="assertive">
      {unacked.length > 0 && (
        <div className="alarm-new" data-testid="unacked-banner">
          <span className="alarm-flash" aria-hidden />
          <button
            type="button"
            className="alarm-text"
            onClick={() => {
              if (first) {
                openIncident(first.id);
                flyTo(first.location);
              }
            }}
          >
            {t('alarm.unacked', { count: unacked.length })}
          </button>
        </div>
      )}
      {alerts.map((a) => (
        <LoudAlertRow key={a.key} alert={a} />
      ))}
      {on && (
        <div className="alarm-side">
          {muted ? (
            <button type="button" className="chip chip-muted" data-testid="banner-muted" onClick={() => setMuted(false)}>
              🔇 {t('alarm.mutedUnmute')}
            </button>
          ) : audio !== 'running' ? (
            <button type="button" className="chip chip-warn" onClick={primeAudio}>
              🔈 {audio === 'unsupported' ? t('alarm.audioUnsupported') : t('alarm.audioBlocked')}
            </button>
          ) : (
            <span className="chip chip-sound">🔊 {t('alarm.sounding')}</span>
          )}
        </div>
      )}
    </div>
  );
}
