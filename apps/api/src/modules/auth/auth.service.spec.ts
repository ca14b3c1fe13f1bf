import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/env.schema.js';
import { AuthService } from './auth.service.js';
import type { UserPrincipal } from './principal.js';

/**
 * A renewal past the sign-in's longest life. Its tokens end with the sign-in, so through HTTP only a
 * token in its last rounding second reaches this check (auth-session-life.int-spec covers the rest);
 * what it answers is held here: not SESSION_ENDED, which the console reads as a deactivated account.
 */
describe('AuthService.renew past the longest life of the sign-in', () => {
  const reads: string[] = [];
  const ds = { getRepository: () => ({ findOne: async () => (reads.push('users'), null) }) } as unknown as DataSource;
  const service = new AuthService(ds, new JwtService({ secret: 'test-secret' }), { SESSION_MAX_S: 3600, JWT_TTL_S: 600 } as AppConfig);
  const principal = (signedInAt: number): UserPrincipal => ({
    kind: 'user', id: 'u1', username: 'duty1', displayName: '值班员', roles: ['duty_officer'], jurisdictionId: 'j1', teamId: null, signedInAt,
  });

  it('answers 401 SIGN_IN_EXPIRED, without reading the user', async () => {
    const err = await service.renew(principal(Math.floor(Date.now() / 1000) - 3601)).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401 });
    expect((err as { getResponse(): { code: string } }).getResponse().code).toBe('SIGN_IN_EXPIRED');
    expect(reads).toEqual([]);
  });

  it('reads the user within it, and a user no longer active gets SESSION_ENDED', async () => {
    const err = await service.renew(principal(Math.floor(Date.now() / 1000) - 60)).catch((e: unknown) => e);
    expect((err as { getResponse(): { code: string } }).getResponse().code).toBe('SESSION_ENDED');
    expect(reads).toEqual(['users']);
  });
});
