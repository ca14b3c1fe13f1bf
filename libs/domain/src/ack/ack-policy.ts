import type { Role } from '../contracts/identity.js';

/** Acknowledgement SLA (Everbridge-style waves): no ack in time → alert the next group up. */
export interface AckPolicy {
  /** Seconds from creation until the shift leader is alerted. */
  firstTimeoutS: number;
  /** Seconds after that first deadline until the leader is alerted. */
  secondTimeoutS: number;
}

export const DEFAULT_ACK_POLICY: AckPolicy = { firstTimeoutS: 60, secondTimeoutS: 60 };

/** 0 in time, 1 shift leader alerted, 2 leader alerted (IncidentDto.ackOverdueLevel). */
export type AckOverdueLevel = 0 | 1 | 2;

export type AckEscalationTarget = Extract<Role, 'shift_leader' | 'leader'>;

/** Field → problem for a policy that cannot work; null when sound. */
export function ackPolicyProblems(policy: AckPolicy): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!Number.isFinite(policy.firstTimeoutS) || policy.firstTimeoutS <= 0) problems['firstTimeoutS'] = 'must be a number > 0';
  if (!Number.isFinite(policy.secondTimeoutS) || policy.secondTimeoutS <= 0) problems['secondTimeoutS'] = 'must be a number > 0';
  return Object.keys(problems).length === 0 ? null : problems;
}
