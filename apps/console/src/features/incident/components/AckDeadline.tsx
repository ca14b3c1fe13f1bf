import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/clock';

function mmss(totalS: number): string {
  const s = Math.abs(Math.round(totalS));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Where an unacknowledged incident stands against its acknowledgement SLA: time left, red once
 * overdue. After the first escalation the deadline is the second one, so the countdown then says
 * when the leader will be told, not how late the ack is.
 */
export function AckDeadline({ deadline, level }: { deadline: string | null; level: number }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!deadline) return null;
  const left = (Date.parse(deadline) - now) / 1000;
  if (Number.isNaN(left)) return null;
  const text =
    level === 0
      ? left >= 0 ? t('incident.ackLeft', { time: mmss(left) }) : t('incident.ackOverdueBy', { time: mmss(left) })
      : level === 1 && left >= 0
        ? t('incident.ackEscalatedNext', { who: t('incident.escalated.shiftLeader'), next: t('incident.escalated.leader'), time: mmss(left) })
        : t('incident.ackEscalated', { who: t(`incident.escalated.${level === 1 ? 'shiftLeader' : 'leader'}`) });
  return (
    <span className={level > 0 || left < 0 ? 'ack-deadline overdue' : 'ack-deadline'} data-testid="ack-deadline">
      {text}
    </span>
  );
}
