import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { RealtimeResync, type RedisLink } from './realtime-resync.js';
import type { RealtimeGateway } from './realtime.gateway.js';
import type { RealtimePublisher } from './realtime.publisher.js';

/** A Redis connection the test can take down and bring back; 'close' is what ioredis emits when the socket drops. */
class FakeLink extends EventEmitter implements RedisLink {
  status = 'ready';
  drop(): void {
    this.status = 'reconnecting';
    this.emit('close');
  }
  restore(): void {
    this.status = 'ready';
  }
}

describe('RealtimeResync: when an instance asks its consoles to page the log', () => {
  let command: FakeLink;
  let subscriber: FakeLink;
  let publisher: { failures: number };
  let asked: string[];
  let watcher: RealtimeResync;

  beforeEach(() => {
    command = new FakeLink();
    subscriber = new FakeLink();
    publisher = { failures: 0 };
    asked = [];
    const gateway = { server: { adapter: { subClient: subscriber } }, askResync: (reason: string) => asked.push(reason) };
    watcher = new RealtimeResync(command as unknown as Redis, gateway as unknown as RealtimeGateway, publisher as unknown as RealtimePublisher);
    watcher.check();
  });

  it('asks nothing while both links are up and every publish went through', () => {
    watcher.check();
    watcher.check();
    expect(asked).toEqual([]);
  });

  it('asks at every look while the subscriber is down, and once more when it is back', () => {
    subscriber.drop();
    watcher.check();
    watcher.check();
    subscriber.restore();
    watcher.check();
    watcher.check();
    expect(asked).toEqual(['redis_unreachable', 'redis_unreachable', 'redis_back']);
  });

  it('asks when the command connection is down', () => {
    command.drop();
    watcher.check();
    expect(asked).toEqual(['redis_unreachable']);
  });

  it('asks once for a link that dropped and came back between two looks (a short Redis restart)', () => {
    subscriber.drop();
    subscriber.restore();
    watcher.check();
    watcher.check();
    expect(asked).toEqual(['redis_back']);
  });

  it('asks once when a publish failed since the last look, though both links look up now', () => {
    publisher.failures += 3;
    watcher.check();
    watcher.check();
    expect(asked).toEqual(['redis_back']);
  });
});
