import type { EventEnvelope } from '../contracts/events.js';
import type { Role } from '../contracts/identity.js';
import type { Grade, GradeRaiseAlertDto, IncidentDto } from '../contracts/incidents.js';
import { isOpen } from './incident-status.js';

/**
 * The events that start a loud grade-raise alert: new figures raised the grade, or an officer raised
 * it. An officer's lowering, or setting the same grade, alerts nobody.
 */
export function isGradeRaise(type: string, payload: unknown): boolean {
  return type === 'incident.grade_raised' || (type === 'incident.grade_changed' && field(payload, 'direction') === 'raise');
}

/** The alert an event starts, when it is a grade raise of an incident it carries. */
export function gradeRaiseAlertOf(e: EventEnvelope): GradeRaiseAlertDto | null {
  const incident = field(e.payload, 'incident') as IncidentDto | undefined;
  if (!isGradeRaise(e.type, e.payload) || !incident) return null;
  return {
    seq: e.seq,
    at: e.at,
    cause: e.type === 'incident.grade_raised' ? 'figures' : 'officer',
    from: (field(e.payload, 'from') as Grade | null | undefined) ?? null,
    to: (field(e.payload, 'to') as Grade | null | undefined) ?? incident.grade,
    actor: e.actor,
    incident,
  };
}

/**
 * The outstanding alerts after one event, newest first; the same array when the event changes none.
 * The rules are the server's (GET /api/incidents/grade-raises): one alert per incident, its latest
 * raise; it ends when someone marks that raise (or a newer one) seen, or when the incident is no
 * longer open (closed or merged away). Other events only refresh the incident an alert shows.
 */
export function applyToGradeRaises(list: readonly GradeRaiseAlertDto[], e: EventEnvelope): readonly GradeRaiseAlertDto[] {
  const incident = field(e.payload, 'incident') as IncidentDto | undefined;
  if (!incident) return list;
  const current = list.find((a) => a.incident.id === incident.id);
  const raise = gradeRaiseAlertOf(e);
  if (raise && isOpen(incident.status) && (!current || current.seq < raise.seq)) {
    return sortNewestFirst([raise, ...list.filter((a) => a !== current)]);
  }
  if (!current) return list;
  const seenUpTo = e.type === 'incident.grade_raise_seen' ? Number(field(e.payload, 'raiseSeq')) : NaN;
  if (seenUpTo >= current.seq || !isOpen(incident.status)) return list.filter((a) => a !== current);
  if (incident.version > current.incident.version) return list.map((a) => (a === current ? { ...a, incident } : a));
  return list;
}

function sortNewestFirst(list: GradeRaiseAlertDto[]): GradeRaiseAlertDto[] {
  return list.sort((a, b) => b.seq - a.seq);
}

function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Who may mark a raise seen for the whole command center: the desks and the leaders, not a commander's tablet. */
export const GRADE_RAISE_SEEN_ROLES = ['duty_officer', 'shift_leader', 'leader'] as const satisfies readonly Role[];
