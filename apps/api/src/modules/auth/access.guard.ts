import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource, IsNull } from 'typeorm';
import type { Role } from '@beacon/domain';
import { ApiError } from '../../common/api-error.js';
import { IntakeKeyEntity } from '../intake/intake-key.entity.js';
import { API_KEY_ROUTE, PUBLIC_ROUTE, ROLES } from './auth.decorators.js';
import { hashIntakeKey } from './intake-key.hash.js';
import type { JwtClaims, Principal, UserPrincipal } from './principal.js';
import { UserStanding } from './user-standing.js';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Valid integration keys are remembered briefly, by the key itself, so a known key costs no hash and no
 * read: intake is the hot path, revocation is rare. Unknown keys are never remembered.
 */
const KEY_CACHE_MS = 10_000;

/** Global guard: every route is denied unless it is @Public, carries a valid integration key, or a valid JWT. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly keyCache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly ds: DataSource,
    private readonly standing: UserStanding,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<GuardedRequest>();

    if (this.reflector.getAllAndOverride<boolean>(API_KEY_ROUTE, targets)) {
      req.principal = await this.integration(req);
      return true;
    }
    req.principal = await this.user(req);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.some((r) => req.principal?.kind === 'user' && req.principal.roles.includes(r))) {
      throw new ApiError(403, 'FORBIDDEN', `需要以下角色之一 / requires one of: ${roles.join(', ')}`);
    }
    return true;
  }

  private async integration(req: GuardedRequest): Promise<Principal> {
    const key = header(req, 'x-api-key');
    if (!key) throw new ApiError(401, 'API_KEY_MISSING', 'X-Api-Key header is required', { 'X-Api-Key': 'missing' });
    const cached = this.keyCache.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;
    const row = await this.ds.getRepository(IntakeKeyEntity).findOne({ where: { keyHash: hashIntakeKey(key), revokedAt: IsNull() } });
    if (!row) throw new ApiError(401, 'API_KEY_INVALID', 'unknown or revoked integration key', { 'X-Api-Key': 'invalid' });
    const principal: Principal = { kind: 'integration', keyId: row.id, source: row.source, label: row.label, jurisdictionId: row.jurisdictionId };
    if (this.keyCache.size > 1000) this.keyCache.clear();
    this.keyCache.set(key, { principal, until: Date.now() + KEY_CACHE_MS });
    return principal;
  }

  /** Called on revocation; other instances drop a revoked key within KEY_CACHE_MS. */
  forgetIntakeKeys(): void {
    this.keyCache.clear();
  }

  private async user(req: GuardedRequest): Promise<Principal> {
    const auth = header(req, 'authorization');
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!token) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录 / sign in first');
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(token);
    } catch {
      throw new ApiError(401, 'TOKEN_INVALID', '登录已失效，请重新登录 / session expired, sign in again');
    }
    // As stored now, not as the token says: a deactivated account or a role taken away ends at once.
    return this.standing.current(principalFromClaims(claims));
  }
}

export function principalFromClaims(c: JwtClaims): UserPrincipal {
  return {
    kind: 'user',
    id: c.sub,
    username: c.username,
    displayName: c.displayName,
    roles: c.roles,
    jurisdictionId: c.jurisdictionId,
    teamId: c.teamId,
    signedInAt: c.signedInAt ?? c.iat ?? 0,
  };
}

function header(req: GuardedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
