/** m:ss of a duration in seconds (sign dropped: the wording says which side of the deadline it is). */
export function mmss(totalS: number): string {
  const s = Math.abs(Math.round(totalS));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Who has been told of an unacknowledged incident (i18n keys under incident.escalated). */
export type Escalated = 'shiftLeader' | 'leader';

export type AckDeadlineText =
  | { key: 'incident.ackLeft'; time: string; overdue: false }
  | { key: 'incident.ackOverdueBy'; time: string; overdue: true }
  | { key: 'incident.ackEscalatedNext'; who: Escalated; next: Escalated; time: string; overdue: true }
  | { key: 'incident.ackEscalated'; who: Escalated; overdue: true };

/**
 * What the card says about an unacknowledged incident's SLA: time left, then how late. After the first
 * escalation (level 1) the deadline is the second one, so it says the shift leader was told and when
 * the leader will be — never a countdown that reads like time still left to acknowledge. Null when
 * there is no deadline to show.
 */
export function ackDeadlineText(deadline: string | null, level: number, nowMs: number): AckDeadlineText | null {
  if (!deadline) return null;
  const left = (Date.parse(deadline) - nowMs) / 1000;
  if (Number.isNaN(left)) return null;
  if (level <= 0) return left >= 0 ? { key: 'incident.ackLeft', time: mmss(left), overdue: false } : { key: 'incident.ackOverdueBy', time: mmss(left), overdue: true };
  if (level === 1 && left >= 0) return { key: 'incident.ackEscalatedNext', who: 'shiftLeader', next: 'leader', time: mmss(left), overdue: true };
  return { key: 'incident.ackEscalated', who: level === 1 ? 'shiftLeader' : 'leader', overdue: true };
}
