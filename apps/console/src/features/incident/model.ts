import type { IncidentDto, IncidentStatus } from '@beacon/domain';

/** Not yet acknowledged by anyone: keeps the alarm on. */
export function isUnacked(i: Pick<IncidentDto, 'status' | 'acknowledgedAt'>): boolean {
  return i.status === 'reported' && !i.acknowledgedAt;
}

const CLOSED: ReadonlySet<IncidentStatus> = new Set(['closed', 'merged']);

export function isOpen(i: Pick<IncidentDto, 'status'>): boolean {
  return !CLOSED.has(i.status);
}

/** Queue order: unacknowledged on top, then newest first. */
export function compareQueue(a: IncidentDto, b: IncidentDto): number {
  const ua = isUnacked(a) ? 0 : 1;
  const ub = isUnacked(b) ? 0 : 1;
  if (ua !== ub) return ua - ub;
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

export function looksLikeIncident(value: unknown): value is IncidentDto {
  return typeof value === 'object' && value !== null && typeof (value as IncidentDto).id === 'string' && typeof (value as IncidentDto).status === 'string' && 'version' in value;
}
