import { Inject, Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import { REALTIME_BATCH, type EventEnvelope } from '@beacon/domain';
import { LogThrottle } from '../common/log-throttle.js';
import { APP_CONFIG, type AppConfig } from '../config/env.schema.js';
import { REDIS } from '../redis/redis.module.js';
import { JurisdictionsService } from '../modules/jurisdictions/jurisdictions.service.js';
import { BeaconMetrics } from '../modules/health/beacon-metrics.js';
import { ALL_ROOM, REALTIME_NAMESPACE, adapterKey, jurisdictionRoom } from './channels.js';
import { LocalBroadcast } from './local-broadcast.js';
import { originJsonParser } from './redis-json.parser.js';

/**
 * Emits committed events to this instance's consoles directly and through Redis to every other API
 * instance's (a worker, with no sockets at all, only publishes). An event goes to its jurisdiction's
 * room and every room above it.
 */
@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly emitter: Emitter;
  private readonly failureLog = new LogThrottle();
  private failed = 0;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jurisdictions: JurisdictionsService,
    private readonly metrics: BeaconMetrics,
    private readonly local: LocalBroadcast,
  ) {
    // The emitter publishes and forgets the promise: with Redis down, each rejected publish would be an
    // unhandled rejection, and Node ends the process on the first one — a Redis blip would take every API
    // instance down with it. Only `publish` is used by the emitter.
    const publisher = {
      publish: (channel: string, message: string | Buffer) => redis.publish(channel, message).catch((err: unknown) => this.publishFailed(err)),
    };
    this.emitter = new Emitter(publisher, { key: adapterKey(config.REDIS_PREFIX), parser: originJsonParser }).of(REALTIME_NAMESPACE);
  }

  /** Publishes that failed since start: RealtimeResync asks consoles to page the log when it moves. */
  get failures(): number {
    return this.failed;
  }

  /**
   * A lost emit: the events are committed, and RealtimeResync asks every console of this instance to page
   * GET /api/events (consoles of other instances hear it from theirs, whose Redis links are down too).
   * One log line per 10 s, every failure counted.
   */
  private publishFailed(err: unknown): void {
    this.failed++;
    this.metrics.realtimePublishFailures.inc();
    if (!this.failureLog.due()) return;
    this.logger.warn(`publishing committed events through Redis failed (consoles are asked to resync from the log): ${err instanceof Error ? err.message : String(err)}`);
  }

  /**
   * Committed events that may never reach publish() (the thread that committed them died before handing
   * them over): counted as a lost emit, so RealtimeResync asks the consoles to page the log.
   */
  eventsMayBeLost(why: string): void {
    this.failed++;
    this.metrics.realtimePublishFailures.inc();
    this.logger.warn(`${why}: committed events may not have been published (consoles are asked to resync from the log)`);
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
      const [event, payload] = group.length === 1 ? [group[0]!.type, group[0]] : [REALTIME_BATCH, group];
      this.emitter.to(rooms).emit(event, payload);
      this.local.deliver(rooms, event, payload);
    }
  }
}
