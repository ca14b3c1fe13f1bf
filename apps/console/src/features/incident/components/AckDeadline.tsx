import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/clock';
import { ackDeadlineText } from '../ackDeadlineText';

/** Where an unacknowledged incident stands against its acknowledgement SLA (see ackDeadlineText). */
export function AckDeadline({ deadline, level }: { deadline: string | null; level: number }) {
  const { t } = useTranslation();
  const now = useNow();
  const text = ackDeadlineText(deadline, level, now);
  if (!text) return null;
  const who = 'who' in text ? t(`incident.escalated.${text.who}`) : undefined;
  const next = 'next' in text ? t(`incident.escalated.${text.next}`) : undefined;
  return (
    <span className={text.overdue ? 'ack-deadline overdue' : 'ack-deadline'} data-testid="ack-deadline">
      {t(text.key, { who, next, time: 'time' in text ? text.time : undefined })}
    </span>
  );
}
