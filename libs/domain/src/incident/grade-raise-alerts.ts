import type { EventEnvelope } from '../contracts/events.js';
import type { Grade, GradeRaiseAlertDto, IncidentDto } from '../contracts/incidents.js';
import { payloadField } from '../events/payload-field.js';
import { compareGrades } from '../grading/grade-order.js';
import { isOpen } from './incident-status.js';

/**
 * The events that start a loud grade-raise alert: new figures raised the grade, or an officer raised
 * it. An officer's lowering, or setting the same grade, alerts nobody.
 */
export function isGradeRaise(type: string, payload: unknown): boolean {
  return type === 'incident.grade_raised' || (type === 'incident.grade_changed' && payloadField(payload, 'direction') === 'raise');
}

/**
 * A lowering of the grade: an officer's, or an undone merge or a split taking away the figures that
 * raised it. It withdraws the raises before it that it undoes (raiseUndoneBy); the lowering, with its
 * reason, is in the history.
 */
export function isGradeLowering(type: string, payload: unknown): boolean {
  return type === 'incident.grade_changed' && payloadField(payload, 'direction') === 'lower';
}

/**
 * Whether a lowering to `loweredTo` undoes a raise from `raisedFrom`: the grade is back where the raise
 * found it, or below. A partial lowering (IV → I raised, then lowered to II) leaves the incident above
 * what the desks last knew, so its alert stays (it shows the incident's grade now).
 */
export function raiseUndoneBy(raisedFrom: Grade | null, loweredTo: Grade | null): boolean {
  return compareGrades(loweredTo, raisedFrom) <= 0;
}

/** The alert an event starts, when it is a grade raise of an incident it carries. */
export function gradeRaiseAlertOf(e: EventEnvelope): GradeRaiseAlertDto | null {
  const incident = payloadField(e.payload, 'incident') as IncidentDto | undefined;
  if (!isGradeRaise(e.type, e.payload) || !incident) return null;
  return {
    seq: e.seq,
    at: e.at,
    cause: e.type === 'incident.grade_raised' ? 'figures' : 'officer',
    from: (payloadField(e.payload, 'from') as Grade | null | undefined) ?? null,
    to: (payloadField(e.payload, 'to') as Grade | null | undefined) ?? incident.grade,
    actor: e.actor,
    incident,
  };
}

/**
 * A console's outstanding alerts, with what it knows to have ended them, per incident: a late event
 * (published out of order, or a list fetched before the event that ended an alert) cannot bring an
 * ended alert back.
 */
export interface GradeRaiseAlerts {
  /** Newest first. */
  alerts: readonly GradeRaiseAlertDto[];
  /** The highest raise seq marked seen. */
  seenUpTo: Readonly<Record<string, number>>;
  /** The incident's version when it was last seen closed or merged away (an undone merge moves the version on). */
  closedAtVersion: Readonly<Record<string, number>>;
  /** The incident's latest lowering (its seq and the grade it lowered to): a raise before it that it undoes arrives late in vain. */
  lowered: Readonly<Record<string, { seq: number; to: Grade | null }>>;
}

export const NO_GRADE_RAISE_ALERTS: GradeRaiseAlerts = { alerts: [], seenUpTo: {}, closedAtVersion: {}, lowered: {} };

/**
 * The alerts after one event; the same object when the event changes nothing. The rules are the
 * server's (GET /api/incidents/grade-raises): one alert per incident, its latest raise; it ends when
 * someone marks that raise (or a newer one) seen, when a later lowering undoes it, or while the
 * incident is not open (closed, or merged away: undoing the merge brings an unseen raise back, which
 * the console learns by refetching).
 * Other events only refresh the incident an alert shows.
 */
export function applyToGradeRaises(state: GradeRaiseAlerts, e: EventEnvelope): GradeRaiseAlerts {
  const incident = payloadField(e.payload, 'incident') as IncidentDto | undefined;
  if (!incident) return state;
  const { alerts, closedAtVersion } = state;
  const current = alerts.find((a) => a.incident.id === incident.id);
  const without = () => (current ? alerts.filter((a) => a !== current) : alerts);
  if (!isOpen(incident.status)) {
    if (incident.version <= (closedAtVersion[incident.id] ?? 0)) return state;
    return { ...state, alerts: without(), closedAtVersion: { ...closedAtVersion, [incident.id]: incident.version } };
  }
  if (e.type === 'incident.grade_raise_seen') return markGradeRaiseSeen(state, incident.id, Number(payloadField(e.payload, 'raiseSeq')));
  if (isGradeLowering(e.type, e.payload)) {
    // The raises it undoes end; one it only partly lowers stays, showing the incident as it is now.
    return refreshIncident(withLowering(state, incident.id, e.seq, (payloadField(e.payload, 'to') as Grade | null | undefined) ?? null), incident);
  }
  const raise = gradeRaiseAlertOf(e);
  if (raise && isLive(state, raise) && (!current || current.seq < raise.seq)) {
    return { ...state, alerts: sortNewestFirst([raise, ...without()]) };
  }
  return refreshIncident(state, incident);
}

/** The incident an alert shows, when this one is newer. */
function refreshIncident(state: GradeRaiseAlerts, incident: IncidentDto): GradeRaiseAlerts {
  const current = state.alerts.find((a) => a.incident.id === incident.id);
  if (!current || incident.version <= current.incident.version) return state;
  return { ...state, alerts: state.alerts.map((a) => (a === current ? { ...a, incident } : a)) };
}

/** Someone marked the incident's raise `raiseSeq` (and older ones) seen: from the event, or the server's answer to this desk. */
export function markGradeRaiseSeen(state: GradeRaiseAlerts, incidentId: string, raiseSeq: number): GradeRaiseAlerts {
  if (!(raiseSeq > (state.seenUpTo[incidentId] ?? 0))) return state;
  return {
    ...state,
    alerts: state.alerts.filter((a) => !(a.incident.id === incidentId && a.seq <= raiseSeq)),
    seenUpTo: { ...state.seenUpTo, [incidentId]: raiseSeq },
  };
}

/** A lowering at `seq` to `to`: the raises before it that it undoes end (raiseUndoneBy); it is kept for raises arriving late. */
function withLowering(state: GradeRaiseAlerts, incidentId: string, seq: number, to: Grade | null): GradeRaiseAlerts {
  if (seq <= (state.lowered[incidentId]?.seq ?? 0)) return state;
  const lowered = { ...state.lowered, [incidentId]: { seq, to } };
  return { ...state, lowered, alerts: state.alerts.filter((a) => isLive({ ...state, lowered }, a)) };
}

/** A fetched list, less what events applied meanwhile have ended (it may have been read before them). */
export function withFetchedGradeRaises(fetched: readonly GradeRaiseAlertDto[], known: GradeRaiseAlerts | undefined): GradeRaiseAlerts {
  const state = known ?? NO_GRADE_RAISE_ALERTS;
  return { ...state, alerts: fetched.filter((a) => isLive(state, a)) };
}

/** Not seen nor undone by a later lowering, and newer than the incident's last close or merge this console knows of. */
function isLive({ seenUpTo, closedAtVersion, lowered }: GradeRaiseAlerts, a: GradeRaiseAlertDto): boolean {
  const lowering = lowered[a.incident.id];
  if (lowering && a.seq < lowering.seq && raiseUndoneBy(a.from, lowering.to)) return false;
  return a.seq > (seenUpTo[a.incident.id] ?? 0) && a.incident.version > (closedAtVersion[a.incident.id] ?? 0);
}

function sortNewestFirst(list: GradeRaiseAlertDto[]): GradeRaiseAlertDto[] {
  return list.sort((a, b) => b.seq - a.seq);
}
