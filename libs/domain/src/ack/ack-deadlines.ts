import type { IncidentStatus } from '../contracts/incidents.js';
import { DEFAULT_ACK_POLICY, type AckEscalationTarget, type AckOverdueLevel, type AckPolicy } from './ack-policy.js';

export interface AckDeadlines {
  /** IncidentDto.ackDeadlineAt: from here on the shift leader is alerted. */
  level1At: Date;
  /** From here on the leader is alerted. */
  level2At: Date;
}

export function ackDeadlines(createdAt: Date, policy: AckPolicy = DEFAULT_ACK_POLICY): AckDeadlines {
  const level1At = new Date(createdAt.getTime() + policy.firstTimeoutS * 1000);
  return { level1At, level2At: new Date(level1At.getTime() + policy.secondTimeoutS * 1000) };
}

/**
 * How overdue the acknowledgement is at `now`. A deadline counts as missed the instant it is
 * reached. An acknowledgement counts only once it has happened (acknowledgedAt ≤ now), so the
 * function also answers "what was the level at that moment" for replays and reports.
 */
export function overdueLevelAt(now: Date, createdAt: Date, acknowledgedAt: Date | null, policy: AckPolicy = DEFAULT_ACK_POLICY): AckOverdueLevel {
  if (acknowledgedAt !== null && acknowledgedAt.getTime() <= now.getTime()) return 0;
  const { level1At, level2At } = ackDeadlines(createdAt, policy);
  if (now.getTime() >= level2At.getTime()) return 2;
  if (now.getTime() >= level1At.getTime()) return 1;
  return 0;
}

/** When the timer job should next look at this incident; null when nothing more can escalate. */
export function nextAckCheckAt(
  now: Date,
  createdAt: Date,
  acknowledgedAt: Date | null,
  policy: AckPolicy = DEFAULT_ACK_POLICY,
): Date | null {
  if (acknowledgedAt !== null && acknowledgedAt.getTime() <= now.getTime()) return null;
  const { level1At, level2At } = ackDeadlines(createdAt, policy);
  const level = overdueLevelAt(now, createdAt, acknowledgedAt, policy);
  return level === 0 ? level1At : level === 1 ? level2At : null;
}

/** Who is alerted at each overdue level. */
export function ackEscalationTarget(level: 1 | 2): AckEscalationTarget {
  return level === 1 ? 'shift_leader' : 'leader';
}

export interface AckEscalation {
  level: 1 | 2;
  target: AckEscalationTarget;
  /** The incident's new ackDeadlineAt and the next timer's due time; null after the last level. */
  nextDeadlineAt: Date | null;
}

/**
 * What an ack timer of `level` does when it fires: escalate only an incident still waiting for its
 * acknowledgement (status `reported`) and not already escalated that far (a late or repeated timer
 * is moot); level 1 points at the level-2 deadline, the second timeout after the level-1 deadline
 * that just passed — which is not always createdAt + first: an incident back in the queue after an
 * undone merge got a fresh one, and its leader must not be alerted the moment its shift leader is.
 */
export function ackEscalation(
  incident: { status: IncidentStatus; ackOverdueLevel: number; createdAt: Date; ackDeadlineAt?: Date | null },
  level: 1 | 2,
  policy: AckPolicy = DEFAULT_ACK_POLICY,
): AckEscalation | null {
  if (incident.status !== 'reported' || incident.ackOverdueLevel >= level) return null;
  if (level === 2) return { level, target: ackEscalationTarget(level), nextDeadlineAt: null };
  const level1At = incident.ackDeadlineAt ?? ackDeadlines(incident.createdAt, policy).level1At;
  return { level, target: ackEscalationTarget(level), nextDeadlineAt: new Date(level1At.getTime() + policy.secondTimeoutS * 1000) };
}

/** Where an incident's acknowledgement stands when an undone merge puts it back in the queue. */
export interface AckResumed {
  /** Kept: who was already alerted stays alerted (the overdue alarm shows at once from level 1). */
  ackOverdueLevel: AckOverdueLevel;
  /** The next escalation's deadline (IncidentDto.ackDeadlineAt); once the leader knows, the last one, kept as the level-2 escalation leaves it. */
  ackDeadlineAt: Date | null;
  /** The ack timer to arm; null after the last level. */
  next: { level: 1 | 2; dueAt: Date } | null;
}

/**
 * An incident back in the queue after an undone merge, still unacknowledged: the escalation it had
 * reached is not withdrawn (nobody acknowledged it, the merge only hid it), and the next level gets a
 * full timeout from now, since the officer who undid the merge has just looked at it.
 */
export function ackAfterUnmerge(incident: { ackOverdueLevel: number; ackDeadlineAt: Date | null }, now: Date, policy: AckPolicy = DEFAULT_ACK_POLICY): AckResumed {
  if (incident.ackOverdueLevel >= 2) return { ackOverdueLevel: 2, ackDeadlineAt: incident.ackDeadlineAt, next: null };
  if (incident.ackOverdueLevel === 1) {
    const dueAt = new Date(now.getTime() + policy.secondTimeoutS * 1000);
    return { ackOverdueLevel: 1, ackDeadlineAt: dueAt, next: { level: 2, dueAt } };
  }
  const dueAt = ackDeadlines(now, policy).level1At;
  return { ackOverdueLevel: 0, ackDeadlineAt: dueAt, next: { level: 1, dueAt } };
}

/** What a merge needs of each incident's acknowledgement. */
export interface AckStanding {
  status: IncidentStatus;
  ackOverdueLevel: number;
  ackDeadlineAt: Date | null;
}

/**
 * The target of a merge when both incidents still wait for their acknowledgement: the target now
 * answers for the source's callers, so it takes whichever escalation is further along — the higher
 * level, and at the same level the earlier deadline. Merging an overdue incident into a newer one must
 * not reset the clock its callers have been waiting on. Null when the target's own stands: it is
 * acknowledged, the source was (someone has the event in hand), or the source's is not ahead.
 * Undoing the merge gives the target its own clock back (ackAfterUnmergeOfTarget).
 */
export function ackAfterMerge(target: AckStanding, source: AckStanding): AckResumed | null {
  if (target.status !== 'reported' || source.status !== 'reported' || source.ackDeadlineAt === null) return null;
  const level = Math.min(2, Math.max(0, source.ackOverdueLevel)) as AckOverdueLevel;
  if (level < target.ackOverdueLevel) return null;
  if (level === target.ackOverdueLevel) {
    // At the last level nothing is left to arm; otherwise only an earlier deadline changes anything.
    if (level === 2 || (target.ackDeadlineAt !== null && target.ackDeadlineAt.getTime() <= source.ackDeadlineAt.getTime())) return null;
  }
  if (level === 2) return { ackOverdueLevel: 2, ackDeadlineAt: source.ackDeadlineAt, next: null };
  return { ackOverdueLevel: level, ackDeadlineAt: source.ackDeadlineAt, next: { level: level === 0 ? 1 : 2, dueAt: source.ackDeadlineAt } };
}

/**
 * The target of an undone merge that had taken the source's clock (ackAfterMerge), still waiting for
 * its acknowledgement: whoever was alerted stays alerted (its level is kept), but the source's callers
 * have left with the source, so the next escalation goes back to the target's own clock — its own
 * deadline while its level is its own, else (it reached the level only on the source's clock) a full
 * timeout from now, as ackAfterUnmerge gives. Null when there is nothing to give back: it was
 * acknowledged meanwhile, or its leader has been alerted.
 */
export function ackAfterUnmergeOfTarget(
  target: AckStanding,
  own: { ackOverdueLevel: number; ackDeadlineAt: Date | null },
  now: Date,
  policy: AckPolicy = DEFAULT_ACK_POLICY,
): AckResumed | null {
  if (target.status !== 'reported' || target.ackOverdueLevel >= 2) return null;
  if (target.ackOverdueLevel === own.ackOverdueLevel && own.ackDeadlineAt !== null) {
    const level = target.ackOverdueLevel as 0 | 1;
    return { ackOverdueLevel: level, ackDeadlineAt: own.ackDeadlineAt, next: { level: level === 0 ? 1 : 2, dueAt: own.ackDeadlineAt } };
  }
  return ackAfterUnmerge(target, now, policy);
}
