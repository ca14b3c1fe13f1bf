import type { DomainErrorKind } from './domain-error-kind.js';

/**
 * Every error code Beacon answers with, and its kind. Codes are stable wire values: the console
 * translates by code, so add codes freely but never rename one.
 */
export const DOMAIN_ERROR_CODES = {
  // invalid: the request itself is malformed.
  VALIDATION_FAILED: 'invalid',
  REASON_REQUIRED: 'invalid',
  INVALID_FIGURES: 'invalid',
  INVALID_LOCATION: 'invalid',

  // unauthorized: who is calling is unknown.
  UNAUTHENTICATED: 'unauthorized',
  INVALID_CREDENTIALS: 'unauthorized',
  TOKEN_EXPIRED: 'unauthorized',
  /** The account was deactivated: its session ends, whatever its token says. */
  SESSION_ENDED: 'unauthorized',
  /** The sign-in reached its longest life (SESSION_MAX_S): renewals stop, the password is asked again. */
  SIGN_IN_EXPIRED: 'unauthorized',
  INTAKE_KEY_INVALID: 'unauthorized',

  // forbidden: known caller, not allowed.
  FORBIDDEN: 'forbidden',
  ROLE_REQUIRED: 'forbidden',
  JURISDICTION_FORBIDDEN: 'forbidden',
  ACK_NOT_ALLOWED: 'forbidden',
  /** §6: the official who drafts a release never approves it. */
  TWO_PERSON_RULE: 'forbidden',

  // not_found.
  INCIDENT_NOT_FOUND: 'not_found',
  CALL_NOT_FOUND: 'not_found',
  TEAM_NOT_FOUND: 'not_found',
  SHELTER_NOT_FOUND: 'not_found',
  WAREHOUSE_NOT_FOUND: 'not_found',
  JURISDICTION_NOT_FOUND: 'not_found',
  USER_NOT_FOUND: 'not_found',
  INTAKE_KEY_NOT_FOUND: 'not_found',

  // conflict: the request is fine but the current state forbids it.
  ILLEGAL_TRANSITION: 'conflict',
  VERSION_CONFLICT: 'conflict',
  INCIDENT_NOT_OPEN: 'conflict',
  ALREADY_ACKNOWLEDGED: 'conflict',
  NOT_MERGED: 'conflict',
  /** A correction sent to a merged incident: its calls and figures are in the incident it was merged into. */
  INCIDENT_MERGED: 'conflict',
  MERGE_TARGET_NOT_OPEN: 'conflict',
  /** Same source + externalId seen before with different content (an identical replay is not an error). */
  DUPLICATE_CALL: 'conflict',

  // unprocessable: well-formed, but breaks a business rule.
  GRADE_LOWERING_NEEDS_REASON: 'invalid',
  MERGE_INTO_SELF: 'unprocessable',
  CALL_NOT_IN_INCIDENT: 'unprocessable',
  SPLIT_LAST_CALL: 'unprocessable',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export function domainErrorKind(code: DomainErrorCode): DomainErrorKind {
  return DOMAIN_ERROR_CODES[code];
}

export function isDomainErrorCode(value: string): value is DomainErrorCode {
  return Object.prototype.hasOwnProperty.call(DOMAIN_ERROR_CODES, value);
}
