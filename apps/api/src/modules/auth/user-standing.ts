import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainErrorCode, ErrorBody } from '@beacon/domain';
import { ApiError } from '../../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import type { UserPrincipal } from './principal.js';
import { UserEntity } from './user.entity.js';

type Standing = Pick<UserEntity, 'displayName' | 'roles' | 'jurisdictionId' | 'teamId'>;

interface Cached {
  read: Promise<Standing | null>;
  until: number;
  /** The last standing read successfully: used if the store cannot be reached (a blip must not sign the desk out). */
  last?: Standing | null;
}

const SESSION_ENDED = 'SESSION_ENDED' satisfies DomainErrorCode;

export const sessionEnded = () => new ApiError(401, SESSION_ENDED, '账号已停用，请联系值班长或系统管理员 / this account is no longer active: ask the shift leader or an administrator');

/** Whether `err` says the user's account is gone or inactive (not, say, that the store is unreachable). */
export const isSessionEnded = (err: unknown): boolean => err instanceof ApiError && (err.getResponse() as ErrorBody).code === SESSION_ENDED;

/**
 * A token carries its user as at sign-in or the last renewal, up to 12 h ago. A deactivated account,
 * or a role or jurisdiction taken away, must not keep working that long: every request's principal
 * is the user as stored now (USER_CHECK_S old at most), one keyed read per user per period
 * however busy the console. Other instances see a change within the same period.
 */
@Injectable()
export class UserStanding {
  private readonly cache = new Map<string, Cached>();
  /** How long a user's stored standing is trusted before it is read again. */
  readonly periodMs: number;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.periodMs = config.USER_CHECK_S * 1000;
  }

  /** The principal with the user's stored roles, jurisdiction and name; 401 SESSION_ENDED if the account is gone or inactive. */
  async current(principal: UserPrincipal): Promise<UserPrincipal> {
    const standing = await this.standingOf(principal.id);
    if (!standing) throw sessionEnded();
    return { ...principal, ...standing };
  }

  private async standingOf(userId: string): Promise<Standing | null> {
    const now = Date.now();
    let entry = this.cache.get(userId);
    if (!entry || entry.until <= now) {
      if (this.cache.size > 10_000) this.cache.clear();
      // One read per user at a time: requests arriving meanwhile wait for it.
      entry = { read: this.read(userId), until: now + this.periodMs, last: entry ? entry.last : undefined };
      this.cache.set(userId, entry);
    }
    const current = entry;
    try {
      current.last = await current.read;
      return current.last;
    } catch (err) {
      // Read again next time, and until then keep to what was last known.
      if (this.cache.get(userId) === current) current.until = 0;
      if (current.last !== undefined) return current.last;
      throw err;
    }
  }

  private async read(userId: string): Promise<Standing | null> {
    const row = await this.ds.getRepository(UserEntity).findOne({
      where: { id: userId, active: true },
      select: { displayName: true, roles: true, jurisdictionId: true, teamId: true },
    });
    return row ? { displayName: row.displayName, roles: row.roles, jurisdictionId: row.jurisdictionId, teamId: row.teamId } : null;
  }
}
