import type { AlarmAudience, GradeRaiseAlertDto, IncidentDto } from '@beacon/domain';
import type { AlarmPattern } from './audio';

export interface AlarmInputs {
  /** The queue's unacknowledged incidents, in queue order. */
  unacked: readonly IncidentDto[];
  /** The center's outstanding grade raises that sound at this desk (raisesForDesk). */
  raises: readonly GradeRaiseAlertDto[];
  /** The raises could not be loaded (a raise may be waiting). */
  raisesUnknown: boolean;
  muted: boolean;
}

export interface Alarm {
  on: boolean;
  loud: boolean;
  muted: boolean;
  pattern: AlarmPattern;
  /** Unacknowledged incidents this console rings for. */
  unacked: IncidentDto[];
  /** Overdue acknowledgements this console rings for. */
  overdue: IncidentDto[];
  alerts: GradeRaiseAlertDto[];
  raisesUnknown: boolean;
}

/** What this console's alarm is doing: only what concerns its user (alarmAudience) shows or sounds. */
export function alarmFor(audience: AlarmAudience, { unacked, raises, raisesUnknown, muted }: AlarmInputs): Alarm {
  const from = audience.ackOverdueFrom;
  // Overdue acknowledgements come from the incidents themselves: a reload still shows them.
  const overdue = from === null ? [] : unacked.filter((i) => i.ackOverdueLevel >= from);
  const ringing = audience.newIncidents ? [...unacked] : [];
  const alerts = audience.gradeRaises ? [...raises] : [];
  // Not knowing the raises is itself loud, for those they are meant for.
  const unknown = audience.gradeRaises && raisesUnknown;
  const loud = alerts.length > 0 || overdue.length > 0 || unknown;
  const on = ringing.length > 0 || loud;
  const pattern: AlarmPattern = !on || muted ? 'none' : loud ? 'loud' : 'new';
  return { on, loud, muted, pattern, unacked: ringing, overdue, alerts, raisesUnknown: unknown };
}
