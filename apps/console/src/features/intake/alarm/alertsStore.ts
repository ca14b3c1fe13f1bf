import type { EventEnvelope, Grade, IncidentDto } from '@beacon/domain';
import { createStore } from '../../../lib/store';

/** A loud alert: grade raised or acknowledgement overdue. Stays until handled. */
export interface LoudAlert {
  key: string;
  seq: number;
  kind: 'grade_raised' | 'ack_overdue';
  at: string;
  incidentId: string;
  code: string;
  title: string;
  from?: Grade | null;
  to?: Grade | null;
  level?: number;
  target?: string;
}

export const alertsStore = createStore<LoudAlert[]>([]);

export function pushAlert(alert: LoudAlert): void {
  alertsStore.set((list) => {
    // One alert per incident and kind: a newer one replaces the older.
    const rest = list.filter((a) => !(a.incidentId === alert.incidentId && a.kind === alert.kind));
    return [alert, ...rest];
  });
}

export function dismissAlert(key: string): void {
  alertsStore.set((list) => list.filter((a) => a.key !== key));
}

/** An overdue alert ends when the incident is acknowledged. */
export function clearAckAlerts(incidentId: string): void {
  alertsStore.set((list) => {
    const next = list.filter((a) => !(a.kind === 'ack_overdue' && a.incidentId === incidentId));
    return next.length === list.length ? list : next;
  });
}

function get(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Turns an incident event into a loud alert, when it is one. */
export function alertFromEvent(e: EventEnvelope, incident: IncidentDto): LoudAlert | null {
  const base = { key: `${e.type}:${e.seq}`, seq: e.seq, at: e.at, incidentId: incident.id, code: incident.code, title: incident.title };
  if (e.type === 'incident.grade_raised') {
    return { ...base, kind: 'grade_raised', from: (get(e.payload, 'from') as Grade | null) ?? null, to: (get(e.payload, 'to') as Grade | null) ?? incident.grade };
  }
  if (e.type === 'incident.ack_overdue') {
    const level = Number(get(e.payload, 'level') ?? incident.ackOverdueLevel) || 1;
    return { ...base, kind: 'ack_overdue', level, target: String(get(e.payload, 'target') ?? (level >= 2 ? 'leader' : 'shift_leader')) };
  }
  return null;
}
