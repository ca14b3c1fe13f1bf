import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module.js';
import { RealtimePublisher } from './realtime.publisher.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** How often the instance looks at its Redis links, and asks its consoles to resync while one is down. */
export const RESYNC_EVERY_MS = 3000;

/** What the watcher needs of a Redis connection (ioredis, or a test's stand-in). */
export interface RedisLink {
  status: string;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * While Redis is unreachable, live delivery loses events: they are committed, only their publish (or, on
 * another instance, its arrival) fails, and a console's socket to this instance stays up, so it never
 * reconnects and never pages the log. So while either link is down (the command connection that
 * publishes, the adapter's subscriber that receives) this instance asks its own consoles to page
 * GET /api/events every RESYNC_EVERY_MS, and once more when both are back. A link that dropped and came
 * back between two looks, or a publish that failed, counts as down for that look (a Redis restart or a
 * subscriber dropped for lagging can last less than RESYNC_EVERY_MS and still lose messages).
 */
@Injectable()
export class RealtimeResync implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private wasDown = false;
  private droppedSinceLastLook = false;
  private publishFailuresSeen = 0;
  private readonly watched = new Set<RedisLink>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly gateway: RealtimeGateway,
    private readonly publisher: RealtimePublisher,
  ) {}

  onApplicationBootstrap(): void {
    for (const link of this.links()) this.watch(link);
    this.timer = setInterval(() => this.check(), RESYNC_EVERY_MS);
    this.timer.unref();
  }

  /** One look at the links (the interval's work; tests call it directly). */
  check(): void {
    const links = this.links();
    for (const link of links) this.watch(link);
    const failures = this.publisher.failures;
    const down = links.some((l) => l.status !== 'ready');
    const lostSomething = down || this.droppedSinceLastLook || failures !== this.publishFailuresSeen;
    this.droppedSinceLastLook = false;
    this.publishFailuresSeen = failures;
    if (down) this.gateway.askResync('redis_unreachable');
    else if (lostSomething || this.wasDown) this.gateway.askResync('redis_back');
    this.wasDown = down;
  }

  private links(): RedisLink[] {
    // The Redis adapter keeps its subscriber as `subClient` (typed any by @socket.io/redis-adapter).
    const subscriber = (this.gateway.server.adapter as unknown as { subClient?: RedisLink }).subClient;
    return subscriber ? [this.redis, subscriber] : [this.redis];
  }

  private watch(link: RedisLink): void {
    if (this.watched.has(link)) return;
    this.watched.add(link);
    link.on('close', () => (this.droppedSinceLastLook = true));
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
