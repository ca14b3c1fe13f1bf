import { ackEscalationTarget } from '../ack/ack-deadlines.js';
import type { UserDto } from '../contracts/identity.js';
import { hasRole, mayDo } from './roles.js';

/**
 * Which of the console's alarms sound (and show in its alarm banner) for a user.
 * - A new incident rings until it is acknowledged: the desk's alarm, since only the desk may acknowledge.
 * - An overdue acknowledgement is the desk's too (acknowledging ends it), and from the level that
 *   escalates to them also the shift leader's and the leader's (ackEscalationTarget).
 * - A grade raise is for whoever may mark it seen for the center: the desk and the leader.
 * A commander's tablet, a team member's, a release drafter's and the admin's sound none of them: an
 * alarm they can neither act on nor silence for the center would only drown out the site.
 */
export interface AlarmAudience {
  newIncidents: boolean;
  /** The lowest overdue level (IncidentDto.ackOverdueLevel) that sounds for the user; null: none does. */
  ackOverdueFrom: 1 | 2 | null;
  gradeRaises: boolean;
}

const ESCALATION_LEVELS = [1, 2] as const;

export function alarmAudience(user: Pick<UserDto, 'roles'>): AlarmAudience {
  const desk = mayDo(user, 'acknowledge');
  const escalatedTo = ESCALATION_LEVELS.find((level) => hasRole(user, ackEscalationTarget(level))) ?? null;
  return {
    newIncidents: desk,
    ackOverdueFrom: desk ? 1 : escalatedTo,
    gradeRaises: mayDo(user, 'markGradeRaiseSeen'),
  };
}

/** No alarm at all: before sign-in. */
export const NO_ALARM_AUDIENCE: AlarmAudience = { newIncidents: false, ackOverdueFrom: null, gradeRaises: false };

/** Whether any alarm sounds for this audience (else its console offers no mute either). */
export function hearsAlarms(audience: AlarmAudience): boolean {
  return audience.newIncidents || audience.ackOverdueFrom !== null || audience.gradeRaises;
}
