export const ROLES = [
  'duty_officer',
  'shift_leader',
  'leader',
  'commander',
  'team_member',
  'release_drafter',
  'release_approver',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type JurisdictionLevel = 'province' | 'city' | 'district' | 'town';

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdictionId: string;
  teamId?: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** The server's clock. */
  expiresAt: string;
  /** The token's life from now: a client whose clock is off times renewal by this, not by expiresAt. */
  expiresInS: number;
  /** How long from now the sign-in itself ends (renewals stop then): the console warns before. */
  sessionEndsInS: number;
  user: UserDto;
}
