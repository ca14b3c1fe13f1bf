import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import type { EventEnvelope } from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import { REDIS } from '../redis/redis.module.js';
import { JurisdictionsService } from '../modules/jurisdictions/jurisdictions.service.js';
import { ALL_ROOM, REALTIME_NAMESPACE, adapterKey, jurisdictionRoom } from './channels.js';

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
    this.emitter = new Emitter(redis, { key: adapterKey(config.REDIS_PREFIX) }).of(REALTIME_NAMESPACE);
  }

  async publish(events: EventEnvelope[]): Promise<void> {
    for (const event of events) {
      const rooms = event.jurisdictionId
        ? this.jurisdictions.tree.ancestors(event.jurisdictionId).map(jurisdictionRoom)
        : [ALL_ROOM];
      this.emitter.to(rooms).emit(event.type, { ...event, publishedAt: new Date().toISOString() });
    }
  }
}
