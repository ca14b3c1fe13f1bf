import type { EventEnvelope } from '../contracts/events.js';
import type { Grade, GradeRaiseAlertDto, IncidentDto } from '../contracts/incidents.js';
import { payloadField } from '../events/payload-field.js';
import { isOpen } from './incident-status.js';

/**
 * The events that start a loud grade-raise alert: new figures raised the grade, or an officer raised
 * it. An officer's lowering, or setting the same grade, alerts nobody.
 */
export function isGradeRaise(type: string, payload: unknown): boolean {
  return type === 'incident.grade_raised' || (type === 'incident.grade_changed' && payloadField(payload, 'direction') === 'raise');
}

/**
 * The events that withdraw the raises before them: the grade went down (an officer lowered it, or an
 * undone merge or a split took away the figures that raised it). The alert announced a grade that
 * no longer holds; the lowering, with its reason, is in the history.
 */
export function isGradeLowering(type: string, payload: unknown): boolean {
  return type === 'incident.grade_changed' && payloadField(payload, 'direction') === 'lower';
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
  /** The seq up to which raises have ended: marked seen, or withdrawn by a lowering. */
  endedUpTo: Readonly<Record<string, number>>;
  /** The incident's version when it was last seen closed or merged away (an undone merge moves the version on). */
  closedAtVersion: Readonly<Record<string, number>>;
}

export const NO_GRADE_RAISE_ALERTS: GradeRaiseAlerts = { alerts: [], endedUpTo: {}, closedAtVersion: {} };

/**
 * The alerts after one event; the same object when the event changes nothing. The rules are the
 * server's (GET /api/incidents/grade-raises): one alert per incident, its latest raise; it ends when
 * someone marks that raise (or a newer one) seen, when the grade is lowered after it, or while the
 * incident is not open (closed, or merged away: undoing the merge brings an unseen raise back, which
 * the console learns by refetching).
 * Other events only refresh the incident an alert shows.
 */
export function applyToGradeRaises(state: GradeRaiseAlerts, e: EventEnvelope): GradeRaiseAlerts {
  const incident = payloadField(e.payload, 'incident') as IncidentDto | undefined;
  if (!incident) return state;
  const { alerts, endedUpTo, closedAtVersion } = state;
  const current = alerts.find((a) => a.incident.id === incident.id);
  const without = () => (current ? alerts.filter((a) => a !== current) : alerts);
  if (!isOpen(incident.status)) {
    if (incident.version <= (closedAtVersion[incident.id] ?? 0)) return state;
    return { alerts: without(), endedUpTo, closedAtVersion: { ...closedAtVersion, [incident.id]: incident.version } };
  }
  if (e.type === 'incident.grade_raise_seen') return markGradeRaiseSeen(state, incident.id, Number(payloadField(e.payload, 'raiseSeq')));
  if (isGradeLowering(e.type, e.payload)) return endRaisesUpTo(state, incident.id, e.seq);
  const raise = gradeRaiseAlertOf(e);
  if (raise && isLive(state, raise) && (!current || current.seq < raise.seq)) {
    return { alerts: sortNewestFirst([raise, ...without()]), endedUpTo, closedAtVersion };
  }
  if (current && incident.version > current.incident.version) return { alerts: alerts.map((a) => (a === current ? { ...a, incident } : a)), endedUpTo, closedAtVersion };
  return state;
}

/** Someone marked the incident's raise `raiseSeq` (and older ones) seen: from the event, or the server's answer to this desk. */
export function markGradeRaiseSeen(state: GradeRaiseAlerts, incidentId: string, raiseSeq: number): GradeRaiseAlerts {
  return endRaisesUpTo(state, incidentId, raiseSeq);
}

/** The incident's raises up to `seq` have ended (seen, or withdrawn by a lowering at `seq`). */
function endRaisesUpTo(state: GradeRaiseAlerts, incidentId: string, seq: number): GradeRaiseAlerts {
  if (!(seq > (state.endedUpTo[incidentId] ?? 0))) return state;
  return {
    alerts: state.alerts.filter((a) => !(a.incident.id === incidentId && a.seq <= seq)),
    endedUpTo: { ...state.endedUpTo, [incidentId]: seq },
    closedAtVersion: state.closedAtVersion,
  };
}

/** A fetched list, less what events applied meanwhile have ended (it may have been read before them). */
export function withFetchedGradeRaises(fetched: readonly GradeRaiseAlertDto[], known: GradeRaiseAlerts | undefined): GradeRaiseAlerts {
  const state = known ?? NO_GRADE_RAISE_ALERTS;
  return { ...state, alerts: fetched.filter((a) => isLive(state, a)) };
}

/** Not ended (seen or withdrawn), and newer than the incident's last close or merge this console knows of. */
function isLive({ endedUpTo, closedAtVersion }: GradeRaiseAlerts, a: GradeRaiseAlertDto): boolean {
  return a.seq > (endedUpTo[a.incident.id] ?? 0) && a.incident.version > (closedAtVersion[a.incident.id] ?? 0);
}

function sortNewestFirst(list: GradeRaiseAlertDto[]): GradeRaiseAlertDto[] {
  return list.sort((a, b) => b.seq - a.seq);
}
