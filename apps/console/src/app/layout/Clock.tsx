import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/clock';
import { SKEW_NOTICE_MS, useServerClock } from '../../lib/serverClock';

function skewSpan(ms: number, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(s / 60);
  return m > 0 ? t('clock.minutesSeconds', { m, s: s % 60 }) : t('clock.seconds', { count: s });
}

/**
 * Wall clock: the command center's time (the server's), to the second as duty logs are kept. A console
 * whose own clock is off says so beside it, so the officer knows why it differs from their phone.
 */
export function Clock() {
  const { t, i18n } = useTranslation();
  const now = new Date(useNow());
  const offset = useServerClock();
  const skewed = offset !== null && Math.abs(offset.offsetMs) >= SKEW_NOTICE_MS;
  return (
    <>
      <time className="clock mono" dateTime={now.toISOString()} title={t('clock.hint')} data-testid="clock">
        <span className="clock-date">{now.toLocaleDateString(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit' })} </span>
        {now.toLocaleTimeString(i18n.language, { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' })}
      </time>
      {skewed && (
        <span className="chip chip-warn clock-skew" data-testid="clock-skew" title={t('clock.skewHint')}>
          {t(offset.offsetMs < 0 ? 'clock.localAhead' : 'clock.localBehind', { span: skewSpan(offset.offsetMs, t) })}
        </span>
      )}
    </>
  );
}
