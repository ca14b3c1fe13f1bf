import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/clock';

function mmss(totalS: number): string {
  const s = Math.abs(Math.round(totalS));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Time left to acknowledge, red once overdue. */
export function AckDeadline({ deadline, level }: { deadline: string | null; level: number }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!deadline) return null;
  const left = (Date.parse(deadline) - now) / 1000;
  if (Number.isNaN(left)) return null;
  const overdue = left < 0 || level > 0;
  return (
    <span className={overdue ? 'ack-deadline overdue' : 'ack-deadline'} data-testid="ack-deadline">
      {overdue ? t('incident.ackOverdueBy', { time: mmss(left) }) : t('incident.ackLeft', { time: mmss(left) })}
      {level > 0 && ` · ${t(`incident.escalated.${level === 1 ? 'shiftLeader' : 'leader'}`)}`}
    </span>
  );
}
