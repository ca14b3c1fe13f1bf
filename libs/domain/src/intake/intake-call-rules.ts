import type { IntakeCallRequest } from '../contracts/incidents.js';
import { isTypeOfCategory } from '../incident/incident-category.js';

/**
 * What makes an intake call unusable beyond field formats: a call must say where (a position or an
 * address — dispatch needs one), and a sub-type must belong to the category it comes with.
 * Returns field → problem, or null when the call is coherent.
 */
export function intakeCallProblems(call: Pick<IntakeCallRequest, 'location' | 'address' | 'category' | 'type'>): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!call.location && !call.address?.trim()) {
    problems.location = 'location or address is required';
    problems.address = 'location or address is required';
  }
  if (call.category && call.type && !isTypeOfCategory(call.type, call.category)) {
    problems.type = `not a sub-type of ${call.category}`;
  }
  return Object.keys(problems).length ? problems : null;
}
