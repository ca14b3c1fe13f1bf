import type { IncidentDto, IncidentStatus } from '@beacon/domain';

/** Not yet acknowledged by anyone: keeps the alarm on. */
export function isUnacked(i: Pick<IncidentDto, 'status' | 'acknowledgedAt'>): boolean {
  return i.status === 'reported' && !i.acknowledgedAt;
}

/** Still unacknowledged after its time: the shift leader (and later the leader) was told. */
export function isAckOverdue(i: Pick<IncidentDto, 'status' | 'acknowledgedAt' | 'ackOverdueLevel'>): boolean {
  return isUnacked(i) && i.ackOverdueLevel > 0;
}

const CLOSED: ReadonlySet<IncidentStatus> = new Set(['closed', 'merged']);

export function isOpen(i: Pick<IncidentDto, 'status'>): boolean {
  return !CLOSED.has(i.status);
}

/**
 * Queue order: unacknowledged on top, the most escalated of them first (an incident the leader has
 * been called about is never below the fold under newer ones), and among the overdue the longest
 * waiting first, as the banner lists them; the rest of the unacknowledged newest first; then the
 * acknowledged, the one last called about first (a new call brings it up to be seen).
 */
export function compareQueue(a: IncidentDto, b: IncidentDto): number {
  const ua = isUnacked(a) ? 0 : 1;
  const ub = isUnacked(b) ? 0 : 1;
  if (ua !== ub) return ua - ub;
  if (ua === 0) {
    if (a.ackOverdueLevel !== b.ackOverdueLevel) return b.ackOverdueLevel - a.ackOverdueLevel;
    if (a.ackOverdueLevel > 0) return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
  } else {
    const lastCall = Date.parse(b.lastCallAt) - Date.parse(a.lastCallAt);
    if (lastCall !== 0) return lastCall;
  }
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);
}

export function looksLikeIncident(value: unknown): value is IncidentDto {
  return typeof value === 'object' && value !== null && typeof (value as IncidentDto).id === 'string' && typeof (value as IncidentDto).status === 'string' && 'version' in value;
}

/** How long a call on an acknowledged incident is marked new on its card. */
export const NEW_CALL_MARK_MS = 3 * 60_000;

/** A call came in on this acknowledged incident after it was acknowledged, within NEW_CALL_MARK_MS of `now`. */
export function hasNewCall(i: Pick<IncidentDto, 'status' | 'acknowledgedAt' | 'lastCallAt'>, now: number): boolean {
  if (i.status === 'reported' || !i.acknowledgedAt) return false;
  const last = Date.parse(i.lastCallAt);
  return last > Date.parse(i.acknowledgedAt) && now - last < NEW_CALL_MARK_MS;
}
