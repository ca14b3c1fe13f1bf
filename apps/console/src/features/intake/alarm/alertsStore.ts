import type { EventEnvelope, Grade, IncidentDto } from '@beacon/domain';
import { createStore } from '../../../lib/store';
import { readLocal, writeLocal } from '../../../lib/storage';

/**
 * A loud alert that comes from an event: the grade went up. Stays until an officer dismisses it.
 * (Overdue acknowledgements are derived from the incidents themselves, so a reload or a late
 * join still shows them; see useAlarmState.)
 */
export interface LoudAlert {
  key: string;
  seq: number;
  kind: 'grade_raised';
  at: string;
  incidentId: string;
  code: string;
  title: string;
  from: Grade | null;
  to: Grade | null;
}

export const alertsStore = createStore<LoudAlert[]>([]);

/**
 * Alerts are kept per user in the browser (under the user's id), so a reload or a crashed tab does not
 * silence a raise nobody has dismissed yet.
 */
const storageKey = (userId: string) => `beacon.alerts.${userId}`;
/** Most alerts kept: the banner shows the newest; far older ones are history (the incident's own). */
const MAX_KEPT = 50;
let persistFor: string | null = null;

alertsStore.subscribe(() => {
  if (persistFor) writeLocal(storageKey(persistFor), JSON.stringify(alertsStore.get().slice(0, MAX_KEPT)));
});

// Another tab of the same browser pushed or dismissed one: take its list (the last change wins in every tab).
if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  window.addEventListener('storage', (e) => {
    if (persistFor && e.key === storageKey(persistFor)) alertsStore.set(readAlerts(e.newValue));
  });
}

/** Restores the user's undismissed alerts and keeps saving them; null (signed out) stops saving and clears the banner. */
export function loadAlertsFor(userId: string | null): void {
  persistFor = null;
  alertsStore.set(userId ? readAlerts(readLocal(storageKey(userId))) : []);
  persistFor = userId;
}

function readAlerts(raw: string | null): LoudAlert[] {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isAlert) : [];
  } catch {
    return []; // a damaged entry is not worth a broken desk
  }
}

function isAlert(a: unknown): a is LoudAlert {
  return typeof a === 'object' && a !== null && typeof get(a, 'key') === 'string' && typeof get(a, 'incidentId') === 'string' && get(a, 'kind') === 'grade_raised';
}

export function pushAlert(alert: LoudAlert): void {
  alertsStore.set((list) => {
    // One alert per incident: a newer raise replaces the older.
    const rest = list.filter((a) => a.incidentId !== alert.incidentId);
    return [alert, ...rest];
  });
}

export function dismissAlert(key: string): void {
  alertsStore.set((list) => list.filter((a) => a.key !== key));
}

export function dismissAll(): void {
  alertsStore.set([]);
}

function get(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Turns an incident event into a loud alert, when it is one (an officer's raise counts when `officerRaise`). */
export function alertFromEvent(e: EventEnvelope, incident: IncidentDto, officerRaise = false): LoudAlert | null {
  if (e.type !== 'incident.grade_raised' && !(officerRaise && e.type === 'incident.grade_changed')) return null;
  return {
    key: `${e.type}:${e.seq}`,
    seq: e.seq,
    kind: 'grade_raised',
    at: e.at,
    incidentId: incident.id,
    code: incident.code,
    title: incident.title,
    from: (get(e.payload, 'from') as Grade | null | undefined) ?? null,
    to: (get(e.payload, 'to') as Grade | null | undefined) ?? incident.grade,
  };
}
