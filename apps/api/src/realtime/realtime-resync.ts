import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** How often the instance checks its Redis links, and asks its consoles to resync while one is down. */
export const RESYNC_EVERY_MS = 3000;

/**
 * While Redis is unreachable, live delivery loses events: they are committed, only their publish (or, on
 * another instance, its arrival) fails, and a console's socket to this instance stays up, so it never
 * reconnects and never pages the log. So while either link is down (the command connection that
 * publishes, the adapter's subscriber that receives) this instance asks its own consoles to page
 * GET /api/events every RESYNC_EVERY_MS, and once more when both are back.
 */
@Injectable()
export class RealtimeResync implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private wasDown = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly gateway: RealtimeGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.check(), RESYNC_EVERY_MS);
    this.timer.unref();
  }

  /** One look at the links (the interval's work; tests call it directly). */
  check(): void {
    // The Redis adapter keeps its subscriber as `subClient` (typed any by @socket.io/redis-adapter).
    const subscriber = (this.gateway.server.adapter as unknown as { subClient?: { status?: string } }).subClient;
    const down = this.redis.status !== 'ready' || (subscriber !== undefined && subscriber.status !== 'ready');
    if (down) this.gateway.askResync('redis_unreachable');
    else if (this.wasDown) this.gateway.askResync('redis_back');
    this.wasDown = down;
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
