import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pushNotice } from '../../notices/noticeStore';
import { primeAudio, setAlarmPattern } from '../alarm/audio';
import { loudCauses } from '../alarm/muteBreakthrough';
import { mutedCausesChanged } from '../alarm/muteStore';
import { useAlarmState } from './useAlarmState';

/**
 * Runs the alarm: plays the sound pattern, flashes the tab title (so a background tab still
 * shows it) and unlocks audio on any user gesture.
 */
export function useAlarmDriver(): void {
  const { t } = useTranslation();
  const alarm = useAlarmState();
  const { pattern, on, unacked, overdue, alerts, muted, loaded } = alarm;

  useEffect(() => {
    setAlarmPattern(pattern);
  }, [pattern]);

  // Muted, a loud cause that was not sounding at muting sounds again, and the officer is told why. Only
  // once the queue and the raises are in: after a reload what was muted must not pass for new as it loads.
  const causes = loudCauses(alarm).join('|');
  useEffect(() => {
    if (muted && loaded && mutedCausesChanged(causes ? causes.split('|') : [])) pushNotice('info', t('alarm.muteLifted'));
  }, [muted, loaded, causes, t]);

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

