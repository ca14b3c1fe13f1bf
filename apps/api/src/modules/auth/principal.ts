import type { CallSource, Role } from '@beacon/domain';

/** Who is calling: a signed-in person, or a 110/119/120 integration using its key. */
export type Principal = UserPrincipal | IntegrationPrincipal;

export interface UserPrincipal {
  kind: 'user';
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionId: string;
  teamId: string | null;
  /** When this person signed in with a password (epoch seconds): renewals keep it, and stop at SESSION_MAX_S. */
  signedInAt: number;
}

export interface IntegrationPrincipal {
  kind: 'integration';
  keyId: string;
  source: CallSource;
  label: string;
  jurisdictionId: string;
}

export interface JwtClaims {
  sub: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionId: string;
  teamId: string | null;
  /** Epoch seconds of the password sign-in this token descends from (absent in tokens issued before it existed). */
  signedInAt?: number;
  /** Issued at / expires at, epoch seconds (set by the signer). */
  iat?: number;
  exp?: number;
}

export function actorOf(principal: Principal): { type: 'user' | 'integration'; id: string; name: string } {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.id, name: principal.displayName }
    : { type: 'integration', id: principal.keyId, name: `${principal.source}:${principal.label}` };
}

export const SYSTEM_ACTOR = { type: 'system' as const, id: null, name: 'beacon' };
