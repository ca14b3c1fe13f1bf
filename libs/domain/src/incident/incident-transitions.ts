import type { IncidentStatus } from '../contracts/incidents.js';
import { DomainError } from '../errors/domain-error.js';
import { isOpen } from './incident-status.js';

/**
 * Legal status changes. Acknowledging comes first (reported → acknowledged only), controlled may
 * flare up back to responding, closed is terminal. acknowledged → closed covers false alarms and
 * calls settled without a response, so an officer never has to fake responding/controlled.
 * `merged` is entered only through a merge (it needs a target) and left only through unmerge.
 */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ['acknowledged', 'merged'],
  acknowledged: ['responding', 'closed', 'merged'],
  responding: ['controlled', 'merged'],
  controlled: ['responding', 'closed', 'merged'],
  closed: [],
  merged: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: IncidentStatus, to: IncidentStatus): void {
  if (!canTransition(from, to)) {
    throw DomainError.of('ILLEGAL_TRANSITION', `Illegal incident transition: ${from} → ${to}`, {
      to: `cannot change status from ${from} to ${to}`,
    });
  }
}

/** Unmerge returns an incident to the (open) status it had when it was merged. */
export function canUnmerge(current: IncidentStatus, statusBeforeMerge: IncidentStatus): boolean {
  return current === 'merged' && isOpen(statusBeforeMerge);
}

/** Returns the status to restore; throws NOT_MERGED or ILLEGAL_TRANSITION. */
export function assertUnmerge(current: IncidentStatus, statusBeforeMerge: IncidentStatus): IncidentStatus {
  if (current !== 'merged') {
    throw DomainError.of('NOT_MERGED', `Incident is ${current}, not merged`);
  }
  if (!isOpen(statusBeforeMerge)) {
    throw DomainError.of('ILLEGAL_TRANSITION', `Illegal incident transition: merged → ${statusBeforeMerge}`, {
      to: `unmerge can only restore an open status, not ${statusBeforeMerge}`,
    });
  }
  return statusBeforeMerge;
}
