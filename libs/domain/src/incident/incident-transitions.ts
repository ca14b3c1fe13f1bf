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

/**
 * The moves a status change (the officer's status form) may make: acknowledging has its own action (it
 * stops the acknowledgement clock and is allowed only to the jurisdiction's desk) and merging needs a target.
 * Empty for a reported incident: it waits for the desk's acknowledgement.
 */
export function statusChangeTargets(from: IncidentStatus): readonly IncidentStatus[] {
  return INCIDENT_TRANSITIONS[from].filter((to) => to !== 'acknowledged' && to !== 'merged');
}

/**
 * Corrections (figures, classification, location, grade) are made where the calls are: a merged
 * incident's calls and figures went to the incident it was merged into, and its own record stays as it
 * was at the merge so that an unmerge restores it.
 */
export function assertCorrectable(status: IncidentStatus, code: string): void {
  if (status === 'merged') {
    throw DomainError.of('INCIDENT_MERGED', `incident ${code} is merged: correct the incident it was merged into`);
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
