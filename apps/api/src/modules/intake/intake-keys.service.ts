import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { CallSource } from '@beacon/domain';
import { ApiError } from '../../common/api-error.js';
import { AccessGuard } from '../auth/access.guard.js';
import { hashIntakeKey, newIntakeKey } from '../auth/intake-key.hash.js';
import { actorOf, type UserPrincipal } from '../auth/principal.js';
import { EventLog } from '../events/event-log.service.js';
import { IntakeKeyEntity } from './intake-key.entity.js';

@Injectable()
export class IntakeKeysService {
  constructor(
    private readonly ds: DataSource,
    private readonly log: EventLog,
    private readonly guard: AccessGuard,
  ) {}

  async list() {
    const rows = await this.ds.getRepository(IntakeKeyEntity).find({ order: { createdAt: 'DESC' } });
    return rows.map((k) => ({ id: k.id, source: k.source, label: k.label, keyPrefix: k.keyPrefix, createdAt: k.createdAt, revokedAt: k.revokedAt }));
  }

  async create(user: UserPrincipal, source: CallSource, label: string): Promise<{ id: string; key: string }> {
    const key = newIntakeKey(source);
    const { result } = await this.log.write(actorOf(user), async (ctx) => {
      const row = await ctx.manager.getRepository(IntakeKeyEntity).save({
        source,
        label,
        keyHash: hashIntakeKey(key),
        keyPrefix: key.slice(0, 10),
        jurisdictionId: user.jurisdictionId,
        createdBy: user.id,
        revokedAt: null,
      });
      // The event never carries the key itself.
      ctx.record({ type: 'intake_key.created', aggregate: { type: 'intake_key', id: row.id }, jurisdictionId: user.jurisdictionId, payload: { id: row.id, source, label, keyPrefix: row.keyPrefix } });
      return { id: row.id, key };
    });
    return result;
  }

  async revoke(user: UserPrincipal, id: string): Promise<void> {
    await this.log.write(actorOf(user), async (ctx) => {
      const row = await ctx.manager.getRepository(IntakeKeyEntity).findOne({ where: { id, revokedAt: IsNull() } });
      if (!row) throw new ApiError(404, 'INTAKE_KEY_NOT_FOUND', `no active intake key ${id}`);
      await ctx.manager.update(IntakeKeyEntity, { id }, { revokedAt: new Date() });
      ctx.afterCommit(() => this.guard.forgetIntakeKeys());
      ctx.record({ type: 'intake_key.revoked', aggregate: { type: 'intake_key', id }, jurisdictionId: row.jurisdictionId, payload: { id, source: row.source, label: row.label } });
    });
  }
}
