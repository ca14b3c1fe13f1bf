import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import { REALTIME_BATCH, type EventEnvelope } from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import { REDIS } from '../redis/redis.module.js';
import { JurisdictionsService } from '../modules/jurisdictions/jurisdictions.service.js';
import { ALL_ROOM, REALTIME_NAMESPACE, adapterKey, jurisdictionRoom } from './channels.js';
import { redisJsonParser } from './redis-json.parser.js';

/**
 * Emits committed events through Redis so every API instance (and a worker with no sockets at all)
 * reaches every console. An event goes to its jurisdiction's room and every room above it.
 */
@Injectable()
export class RealtimePublisher {
  private readonly emitter: Emitter;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jurisdictions: JurisdictionsService,
  ) {
    this.emitter = new Emitter(redis, { key: adapterKey(config.REDIS_PREFIX), parser: redisJsonParser }).of(REALTIME_NAMESPACE);
  }

  /**
   * One message per set of rooms: a commit's events for one jurisdiction go together (REALTIME_BATCH),
   * so a surge costs each server and socket a message per batch and jurisdiction, not per event.
   */
  async publish(events: EventEnvelope[]): Promise<void> {
    const publishedAt = new Date().toISOString();
    const groups = new Map<string | null, EventEnvelope[]>();
    for (const event of events) {
      const group = groups.get(event.jurisdictionId);
      const stamped = { ...event, publishedAt };
      if (group) group.push(stamped);
      else groups.set(event.jurisdictionId, [stamped]);
    }
    for (const [jurisdictionId, group] of groups) {
      const rooms = jurisdictionId ? this.jurisdictions.tree.ancestors(jurisdictionId).map(jurisdictionRoom) : [ALL_ROOM];
      if (group.length === 1) this.emitter.to(rooms).emit(group[0]!.type, group[0]);
      else this.emitter.to(rooms).emit(REALTIME_BATCH, group);
    }
  }
}
