import { useTranslation } from 'react-i18next';
import { useLocalNow } from '../../../lib/clock';
import { useStore } from '../../../lib/store';
import { ageSeconds, formatClock } from '../../../lib/time';
import { connectionStore } from '../connectionStore';

function duration(s: number): string {
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}:${String(s % 60).padStart(2, '0')}` : `${s}s`;
}

/** Realtime link state; "resynced" shows briefly after a reconnect with how many events were caught up. */
export function ConnectionIndicator() {
  const { t, i18n } = useTranslation();
  const info = useStore(connectionStore);
  // Its times are this machine's (connectionStore): compared with this machine's clock.
  const now = useLocalNow();
  const justResynced = info.state === 'connected' && info.lastResync !== null && now - Date.parse(info.lastResync.at) < 15_000;
  const title = [
    t(`connection.hint.${info.state}`),
    `${t('connection.since')} ${formatClock(info.since, i18n.language)}`,
    info.lastSeq !== null ? `seq ${info.lastSeq}` : null,
    info.error ? `${t('connection.lastError')}: ${info.error}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <div className={`conn conn-${info.state}`} data-testid="connection-status" data-state={info.state} title={title} role="status">
      <span className="conn-dot" aria-hidden />
      <span className="conn-label">{t(`connection.${info.state}`)}</span>
      {info.state !== 'connected' && <span className="conn-for mono">{duration(ageSeconds(info.since, now) ?? 0)}</span>}
      {info.degraded && info.state === 'connected' && (
        <span className="conn-degraded" data-testid="connection-degraded" title={t('connection.degradedHint')}>
          {t('connection.degraded')}
        </span>
      )}
      {justResynced && info.lastResync && (
        <span className="conn-resynced" data-testid="connection-resynced">
          {t('connection.resynced', { count: info.lastResync.applied })}
        </span>
      )}
    </div>
  );
}
