import type { Socket } from 'socket.io-client';
import { REALTIME_RESYNC, type EventEnvelope, type EventPage } from '@beacon/domain';
import { connectionStore } from './connectionStore';
import { RealtimeSync } from './realtimeSync';

/** What RealtimeSync touches of the browser: online state and its events. */
Object.assign(globalThis, { navigator: { onLine: true }, window: { addEventListener: () => undefined, removeEventListener: () => undefined } });

/** A socket.io client stand-in that the test drives: it delivers server messages to the handlers RealtimeSync registered. */
class FakeSocket {
  connected = false;
  private readonly handlers = new Map<string, Array<(msg?: unknown) => void>>();
  private readonly anyHandlers: Array<(name: string, msg: unknown) => void> = [];
  readonly io = { on: () => undefined, off: () => undefined };

  on(name: string, fn: (msg?: unknown) => void): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
    return this;
  }
  off(name: string, fn: (msg?: unknown) => void): this {
    this.handlers.set(name, (this.handlers.get(name) ?? []).filter((h) => h !== fn));
    return this;
  }
  onAny(fn: (name: string, msg: unknown) => void): this {
    this.anyHandlers.push(fn);
    return this;
  }
  offAny(): this {
    this.anyHandlers.length = 0;
    return this;
  }
  connect(): this {
    this.connected = true;
    this.serverSends('connect');
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  serverSends(name: string, msg?: unknown): void {
    for (const h of this.handlers.get(name) ?? []) h(msg);
    if (!['connect', 'disconnect', 'connect_error'].includes(name)) for (const h of this.anyHandlers) h(name, msg);
  }
}

const event = (seq: number): EventEnvelope => ({
  seq,
  type: 'incident.created',
  at: new Date().toISOString(),
  aggregate: { type: 'incident', id: `i-${seq}` },
  jurisdictionId: null,
  actor: { type: 'system', id: null, name: 'test' },
  payload: {},
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('RealtimeSync: a server-asked resync (live delivery lost events while the socket stayed up)', () => {
  let socket: FakeSocket;
  let log: EventEnvelope[];
  let applied: number[];
  let pagesAsked: number[];
  let sync: RealtimeSync;

  beforeEach(() => {
    socket = new FakeSocket();
    log = [];
    applied = [];
    pagesAsked = [];
    sync = new RealtimeSync({
      socket: socket as unknown as Socket,
      fetchPage: async (after, limit): Promise<EventPage> => {
        pagesAsked.push(after);
        const events = log.filter((e) => e.seq > after).slice(0, limit);
        const hasMore = log.filter((e) => e.seq > after).length > limit;
        const head = log.at(-1)?.seq ?? 0;
        return { events, hasMore, lastSeq: head, nextAfter: hasMore ? events.at(-1)!.seq : Math.max(events.at(-1)?.seq ?? after, head) };
      },
      apply: (e) => applied.push(e.seq),
      onBaseline: () => undefined,
      onUnauthorized: () => undefined,
    });
    sync.start();
    socket.serverSends('hello', { lastSeq: 10 });
  });

  afterEach(() => sync.stop());

  it('pages the log from its last seq and applies what live delivery missed, once and in order', async () => {
    socket.serverSends('incident.created', event(11));
    expect(applied).toEqual([11]);
    // 12 and 13 were committed while Redis was down: never delivered live.
    log = [event(11), event(12), event(13)];
    socket.serverSends(REALTIME_RESYNC, { reason: 'redis_back' });
    await settle();
    expect(pagesAsked).toEqual([11]);
    expect(applied).toEqual([11, 12, 13]);
    expect(connectionStore.get()).toMatchObject({ state: 'connected', lastSeq: 13, lastResync: { applied: 2 } });
  });

  it('applies an event that arrives live during the resync after the paged ones, and none twice', async () => {
    log = [event(11), event(12)];
    socket.serverSends(REALTIME_RESYNC, { reason: 'redis_unreachable' });
    socket.serverSends('incident.created', event(12)); // live, while the page is being read
    socket.serverSends('incident.created', event(14));
    await settle();
    expect(applied).toEqual([11, 12, 14]);
  });

  it('pages again after the page under way when asked meanwhile, so events committed while it was read are not missed', async () => {
    log = [event(11)];
    socket.serverSends(REALTIME_RESYNC, { reason: 'redis_unreachable' }); // reads [11]
    log = [event(11), event(12)]; // committed while that page was on its way
    socket.serverSends(REALTIME_RESYNC, { reason: 'redis_back' });
    await settle();
    await settle();
    expect(pagesAsked).toEqual([10, 11]);
    expect(applied).toEqual([11, 12]);
  });

  it('shows the link as degraded while the server cannot reach Redis, and as normal once it can', async () => {
    socket.serverSends(REALTIME_RESYNC, { reason: 'redis_unreachable' });
    await settle();
    expect(connectionStore.get()).toMatchObject({ state: 'connected', degraded: true });
    socket.serverSends(REALTIME_RESYNC, { reason: 'redis_back' });
    await settle();
    expect(connectionStore.get()).toMatchObject({ state: 'connected', degraded: false });
  });

  it('ignores a resync before it has a baseline', async () => {
    const fresh = new FakeSocket();
    const pages: number[] = [];
    const early = new RealtimeSync({
      socket: fresh as unknown as Socket,
      fetchPage: async (after) => {
        pages.push(after);
        return { events: [], hasMore: false, lastSeq: 0, nextAfter: after };
      },
      apply: () => undefined,
      onBaseline: () => undefined,
      onUnauthorized: () => undefined,
    });
    early.start();
    fresh.serverSends(REALTIME_RESYNC, { reason: 'redis_back' });
    await settle();
    expect(pages).toEqual([]);
    early.stop();
  });

  it('hands the server\'s code on when it refuses the link (a deactivated account: SESSION_ENDED)', () => {
    const fresh = new FakeSocket();
    const codes: Array<string | undefined> = [];
    const refused = new RealtimeSync({
      socket: fresh as unknown as Socket,
      fetchPage: async (after) => ({ events: [], hasMore: false, lastSeq: 0, nextAfter: after }),
      apply: () => undefined,
      onBaseline: () => undefined,
      onUnauthorized: (code) => codes.push(code),
    });
    refused.start();
    fresh.serverSends('auth_error', { code: 'SESSION_ENDED' });
    fresh.serverSends('auth_error', {});
    expect(codes).toEqual(['SESSION_ENDED', undefined]);
    refused.stop();
  });
});
