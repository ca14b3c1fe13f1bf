import type { Socket } from 'socket.io-client';
import { EVENT_TYPES, REALTIME_BATCH, REALTIME_RESYNC, type EventEnvelope, type EventPage, type RealtimeResyncMessage } from '@beacon/domain';
import { patchConnection } from './connectionStore';

export interface SyncDeps {
  socket: Socket;
  fetchPage: (after: number, limit: number) => Promise<EventPage>;
  /** Apply one event (already de-duplicated and in order). */
  apply: (e: EventEnvelope) => void;
  /** First connection: refetch the live views so they are at least as new as `lastSeq`. */
  onBaseline: () => void;
  /** The link was refused as unauthenticated, with the server's code where it gave one (auth_error). */
  onUnauthorized: (code?: string) => void;
}

const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES);
const PAGE = 500;
/**
 * The server publishes after commit, so two near-simultaneous events may reach us out of order.
 * A late event within this many seqs of the newest is still applied (once): caches only take
 * newer versions, so nothing goes backwards, and nothing is lost.
 */
const REORDER_WINDOW = 1000;
const HELLO_WAIT_MS = 2000;

function isEnvelope(v: unknown): v is EventEnvelope {
  return typeof v === 'object' && v !== null && typeof (v as EventEnvelope).seq === 'number' && typeof (v as EventEnvelope).type === 'string';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Keeps the console in step with the event log:
 *  - applies each event once (seq > lastSeq), in order;
 *  - on every (re)connect, pages GET /api/events?after=lastSeq until hasMore is false and
 *    applies what was missed before any live event received meanwhile;
 *  - on the first connect, takes the server's lastSeq from 'hello' as the baseline;
 *  - when the server says live delivery may have lost events while the socket stayed up
 *    (REALTIME_RESYNC: its Redis was unreachable), pages the log as after a reconnect.
 */
export class RealtimeSync {
  private lastSeq: number | null = null;
  /** Seq the views were loaded at: anything at or below it is already reflected. */
  private baseline: number | null = null;
  /** Seqs applied within the reorder window: never apply one twice. */
  private applied = new Set<number>();
  private syncing = false;
  private buffer: EventEnvelope[] = [];
  private generation = 0;
  private helloTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** The server asked for a resync while one was under way. */
  private resyncPending = false;

  constructor(private readonly deps: SyncDeps) {}

  start(): void {
    const { socket } = this.deps;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    socket.on('hello', this.onHello);
    socket.on('auth_error', this.onAuthError);
    socket.on(REALTIME_RESYNC, this.onResync);
    socket.onAny(this.onAny);
    socket.io.on('reconnect_attempt', this.onReconnectAttempt);
    window.addEventListener('offline', this.onBrowserOffline);
    window.addEventListener('online', this.onBrowserOnline);
    patchConnection({ state: navigator.onLine ? 'reconnecting' : 'offline', lastSeq: null });
    socket.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    const { socket } = this.deps;
    socket.off('connect', this.onConnect);
    socket.off('disconnect', this.onDisconnect);
    socket.off('connect_error', this.onConnectError);
    socket.off('hello', this.onHello);
    socket.off('auth_error', this.onAuthError);
    socket.off(REALTIME_RESYNC, this.onResync);
    socket.offAny(this.onAny);
    socket.io.off('reconnect_attempt', this.onReconnectAttempt);
    window.removeEventListener('offline', this.onBrowserOffline);
    window.removeEventListener('online', this.onBrowserOnline);
    socket.disconnect();
    patchConnection({ state: 'offline' });
  }

  private readonly onConnect = (): void => {
    const gen = ++this.generation;
    this.syncing = true;
    // A new connection may be to another instance: what the last one said of its Redis no longer holds.
    patchConnection({ state: 'resyncing', error: null, degraded: false });
    if (this.lastSeq !== null) {
      void this.backfill(gen);
      return;
    }
    // First connection: wait for 'hello' {lastSeq}; fall back to asking the log itself.
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = setTimeout(() => void this.baselineFromLog(gen), HELLO_WAIT_MS);
  };

  private readonly onResync = (msg: unknown): void => {
    const reason = typeof msg === 'object' && msg !== null ? (msg as Partial<RealtimeResyncMessage>).reason : undefined;
    patchConnection({ degraded: reason === 'redis_unreachable' });
    this.pageAsked();
  };

  /** Pages the log because the server asked (the socket stayed up: no 'resyncing' state, the indicator shows the degraded link). */
  private pageAsked(): void {
    // Without a baseline there is nothing to page from (the first connect's baseline covers it).
    if (this.lastSeq === null || !this.deps.socket.connected) return;
    // A page under way may have been read before the events this resync is about: page again after it.
    if (this.syncing) {
      this.resyncPending = true;
      return;
    }
    this.syncing = true;
    void this.backfill(this.generation, true);
  }

  private readonly onHello = (msg: unknown): void => {
    const seq = typeof msg === 'object' && msg !== null ? Number((msg as { lastSeq?: unknown }).lastSeq) : NaN;
    if (this.lastSeq !== null || !Number.isFinite(seq)) return;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.setBaseline(seq, this.generation);
  };

  private async baselineFromLog(gen: number): Promise<void> {
    if (this.lastSeq !== null || gen !== this.generation) return;
    try {
      const page = await this.deps.fetchPage(0, 1);
      if (this.lastSeq === null && gen === this.generation) this.setBaseline(page.lastSeq, gen);
    } catch (err) {
      patchConnection({ error: err instanceof Error ? err.message : String(err) });
      await sleep(2000);
      if (gen === this.generation && this.deps.socket.connected) void this.baselineFromLog(gen);
    }
  }

  private setBaseline(seq: number, gen: number): void {
    this.lastSeq = seq;
    this.baseline = seq;
    this.deps.onBaseline();
    this.finish(gen, null);
  }

  /** `asked`: the server asked for it (the socket stayed up), so only a resync that found something is shown. */
  private async backfill(gen: number, asked = false): Promise<void> {
    let applied = 0;
    let attempt = 0;
    while (!this.stopped && gen === this.generation) {
      const after = this.lastSeq ?? 0;
      let page: EventPage;
      try {
        page = await this.deps.fetchPage(after, PAGE);
      } catch (err) {
        patchConnection({ error: err instanceof Error ? err.message : String(err) });
        attempt++;
        await sleep(Math.min(10_000, 500 * 2 ** attempt));
        continue;
      }
      if (gen !== this.generation) return;
      const events = [...page.events].sort((a, b) => a.seq - b.seq);
      for (const e of events) if (this.applyIfNew(e)) applied++;
      if (!page.hasMore) {
        // Nothing visible to us up to nextAfter is unread (the server read the head before the page):
        // move there, so the next backfill does not scan others' events again. Never to lastSeq: an
        // event committed after the head was read could lie below it and be dropped as old.
        if (this.lastSeq !== null && page.nextAfter > this.lastSeq) this.lastSeq = page.nextAfter;
        break;
      }
      if (events.length === 0) break; // defensive: hasMore without events would loop forever
    }
    this.finish(gen, applied, asked);
  }

  /** `applied` is null for the first connection (nothing was missed, the views were reloaded). */
  private finish(gen: number, applied: number | null, asked = false): void {
    if (gen !== this.generation) return;
    const buffered = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    this.syncing = false;
    let count = applied ?? 0;
    for (const e of buffered) if (this.applyIfNew(e)) count++;
    const shown = applied !== null && (!asked || count > 0);
    patchConnection({
      state: this.deps.socket.connected ? 'connected' : 'reconnecting',
      lastSeq: this.lastSeq,
      ...(shown ? { lastResync: { at: new Date().toISOString(), applied: count } } : {}),
      error: null,
    });
    if (this.resyncPending) {
      this.resyncPending = false;
      this.pageAsked();
    }
  }

  private readonly onAny = (type: string, msg: unknown): void => {
    // Several events of one commit arrive as one message, in seq order.
    const events = type === REALTIME_BATCH && Array.isArray(msg) ? (msg as unknown[]) : KNOWN.has(type) ? [msg] : [];
    let applied = false;
    for (const e of events) {
      if (!isEnvelope(e) || !KNOWN.has(e.type)) continue;
      if (this.syncing) this.buffer.push(e);
      else if (this.applyIfNew(e)) applied = true;
    }
    if (applied) patchConnection({ lastSeq: this.lastSeq });
  };

  /**
   * The one gate: an event is applied once, only if newer than the baseline, and normally only if
   * newer than everything applied (seq > lastSeq); see REORDER_WINDOW for a late straggler.
   */
  private applyIfNew(e: EventEnvelope): boolean {
    if (this.applied.has(e.seq)) return false;
    if (this.baseline !== null && e.seq <= this.baseline) return false;
    if (this.lastSeq !== null && e.seq <= this.lastSeq - REORDER_WINDOW) return false;
    this.applied.add(e.seq);
    if (this.lastSeq === null || e.seq > this.lastSeq) this.lastSeq = e.seq;
    if (this.applied.size > REORDER_WINDOW * 2) {
      const floor = this.lastSeq - REORDER_WINDOW;
      for (const seq of this.applied) if (seq <= floor) this.applied.delete(seq);
    }
    try {
      this.deps.apply(e);
    } catch (err) {
      console.error('[realtime] failed to apply', e.type, e.seq, err);
    }
    return true;
  }

  private readonly onDisconnect = (reason: string): void => {
    this.generation++;
    this.syncing = false;
    this.resyncPending = false;
    this.buffer = [];
    patchConnection({ state: navigator.onLine ? 'reconnecting' : 'offline', error: reason });
    // The server closed us on purpose: socket.io will not retry by itself.
    if (reason === 'io server disconnect' && !this.stopped) {
      setTimeout(() => {
        if (!this.stopped && !this.deps.socket.connected) this.deps.socket.connect();
      }, 2000);
    }
  };

  private readonly onAuthError = (msg: unknown): void => {
    const code = typeof msg === 'object' && msg !== null ? (msg as { code?: unknown }).code : undefined;
    this.deps.onUnauthorized(typeof code === 'string' ? code : undefined);
  };

  private readonly onConnectError = (err: Error): void => {
    if (/unauthori[sz]ed|invalid token|jwt|401|forbidden/i.test(err.message)) {
      this.deps.onUnauthorized();
      return;
    }
    patchConnection({ state: navigator.onLine ? 'reconnecting' : 'offline', error: err.message });
  };

  private readonly onReconnectAttempt = (): void => {
    patchConnection({ state: navigator.onLine ? 'reconnecting' : 'offline' });
  };

  private readonly onBrowserOffline = (): void => patchConnection({ state: 'offline' });
  private readonly onBrowserOnline = (): void => {
    if (!this.deps.socket.connected) patchConnection({ state: 'reconnecting' });
  };
}
