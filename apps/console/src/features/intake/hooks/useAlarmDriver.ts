import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { alertsStore, clearAckAlerts } from '../alarm/alertsStore';
import { primeAudio, setAlarmPattern } from '../alarm/audio';
import { useAlarmState } from './useAlarmState';

/**
 * Runs the alarm: plays the sound pattern, flashes the tab title (so a background tab still
 * shows it), unlocks audio on any user gesture, and ends overdue alerts once acknowledged.
 */
export function useAlarmDriver(): void {
  const { t } = useTranslation();
  const { pattern, on, unacked, alerts } = useAlarmState();

  useEffect(() => {
    setAlarmPattern(pattern);
  }, [pattern]);

  useEffect(() => () => setAlarmPattern('none'), []);

  useEffect(() => {
    const unlock = () => primeAudio();
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true);
    return () => {
      document.removeEventListener('pointerdown', unlock, true);
      document.removeEventListener('keydown', unlock, true);
    };
  }, []);

  // Overdue alerts for incidents that are now acknowledged (or gone from the queue) end.
  const unackedIds = unacked.map((i) => i.id).join(',');
  useEffect(() => {
    const still = new Set(unackedIds ? unackedIds.split(',') : []);
    for (const a of alertsStore.get()) if (a.kind === 'ack_overdue' && !still.has(a.incidentId)) clearAckAlerts(a.incidentId);
  }, [unackedIds, alerts.length]);

  const base = t('app.title');
  const count = unacked.length;
  const loud = alerts.length;
  useEffect(() => {
    if (!on) {
      document.title = base;
      return;
    }
    const text = loud > 0 ? t('alarm.titleLoud', { count: loud }) : t('alarm.titleNew', { count });
    let flip = false;
    document.title = `${text} · ${base}`;
    const timer = setInterval(() => {
      flip = !flip;
      document.title = flip ? `■■■ ${text}` : `${text} · ${base}`;
    }, 1000);
    return () => {
      clearInterval(timer);
      document.title = base;
    };
  }, [on, count, loud, base, t]);
}

