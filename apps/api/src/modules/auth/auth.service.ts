import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { DomainErrorCode, LoginResponse, UserDto } from '@beacon/domain';
import { ApiError } from '../../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { verifyPassword } from './password.js';
import type { JwtClaims, UserPrincipal } from './principal.js';
import { UserEntity } from './user.entity.js';
import { sessionEnded } from './user-standing.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.ds.getRepository(UserEntity).findOne({ where: { username, active: true } });
    // Same answer for unknown user and wrong password: no user enumeration.
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw new ApiError(401, 'BAD_CREDENTIALS', '用户名或密码错误 / wrong username or password');
    }
    return this.issue(user, Math.floor(Date.now() / 1000));
  }

  /**
   * A new token for a signed-in user, so a 7×24 console is not signed out in the middle of a watch
   * (and its alarm with it). Read from the users table: a deactivated user gets 401, and changed roles
   * or jurisdiction take effect in the new token. Renewals keep the password sign-in's time and end
   * SESSION_MAX_S after it, so a token that leaked cannot be renewed for ever.
   */
  async renew(principal: UserPrincipal): Promise<LoginResponse> {
    if (Date.now() / 1000 - principal.signedInAt > this.config.SESSION_MAX_S) {
      // Not SESSION_ENDED: that says the account was deactivated, and the console tells its user so.
      throw new ApiError(401, 'SIGN_IN_EXPIRED' satisfies DomainErrorCode, '登录已超过最长时限，请重新登录 / this sign-in has reached its longest life: sign in again');
    }
    const user = await this.ds.getRepository(UserEntity).findOne({ where: { id: principal.id, active: true } });
    if (!user) throw sessionEnded();
    return this.issue(user, principal.signedInAt);
  }

  private async issue(user: UserEntity, signedInAt: number): Promise<LoginResponse> {
    const claims: JwtClaims = {
      sub: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      jurisdictionId: user.jurisdictionId,
      teamId: user.teamId,
      signedInAt,
    };
    // No token outlives the sign-in's longest life: the last renewal's token ends with it.
    const sessionEndsInS = Math.max(0, Math.floor(signedInAt + this.config.SESSION_MAX_S - Date.now() / 1000));
    const ttlS = Math.max(1, Math.min(this.config.JWT_TTL_S, sessionEndsInS));
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttlS });
    return {
      accessToken,
      expiresAt: new Date(Date.now() + ttlS * 1000).toISOString(),
      expiresInS: ttlS,
      sessionEndsInS,
      user: userDto(user),
    };
  }
}

export function userDto(user: UserEntity): UserDto {
  const dto: UserDto = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    jurisdictionId: user.jurisdictionId,
  };
  if (user.teamId) dto.teamId = user.teamId;
  return dto;
}
