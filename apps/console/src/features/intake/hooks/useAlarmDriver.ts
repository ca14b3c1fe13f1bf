import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { primeAudio, setAlarmPattern } from '../alarm/audio';
import { useAlarmState } from './useAlarmState';

/**
 * Runs the alarm: plays the sound pattern, flashes the tab title (so a background tab still
 * shows it) and unlocks audio on any user gesture.
 */
export function useAlarmDriver(): void {
  const { t } = useTranslation();
  const { pattern, on, unacked, overdue, alerts } = useAlarmState();

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

  const base = t('app.title');
  const count = unacked.length;
  const loud = alerts.length + overdue.length;
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

