import type { ServerTimeResponse } from '@beacon/domain';
import { apiRequest } from './http';
import { createStore, useStore } from './store';

/**
 * The command center's clock as this console knows it. Countdowns, "3 分钟前" and 新来电 compare the
 * server's timestamps with "now"; a desk PC minutes fast would show no 新来电 and a countdown already
 * spent. The offset is measured against `GET /api/time` (the quickest of a few round trips, its
 * midpoint taken as the moment the server answered) and re-measured after reconnecting and every ten
 * minutes. Intervals measured on this machine alone (chime spacing, double-press guards) keep Date.now().
 */
export interface ClockSample {
  /** Date.now() when the request left and when its answer arrived. */
  sentAt: number;
  receivedAt: number;
  /** The server's time in its answer (epoch ms). */
  serverAt: number;
}

export interface ClockOffset {
  /** Add to Date.now() for the server's time. */
  offsetMs: number;
  /** Half the round trip of the sample used: the offset is right to within this. */
  uncertaintyMs: number;
}

/** A round trip slower than this says more about the network than about the clock. */
export const MAX_ROUND_TRIP_MS = 5_000;
/** Beyond this the header says the console's clock is off (small offsets are corrected silently). */
export const SKEW_NOTICE_MS = 30_000;
const SAMPLES = 3;
const REMEASURE_MS = 10 * 60_000;

export function offsetFromSamples(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    const trip = s.receivedAt - s.sentAt;
    if (!Number.isFinite(s.serverAt) || trip < 0 || trip > MAX_ROUND_TRIP_MS) continue;
    if (!best || trip < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return null;
  const trip = best.receivedAt - best.sentAt;
  return { offsetMs: Math.round(best.serverAt - (best.sentAt + trip / 2)), uncertaintyMs: Math.ceil(trip / 2) };
}

export const serverClockStore = createStore<ClockOffset | null>(null);

/** The server's time now (epoch ms); this machine's own until the first measurement. */
export function serverNow(): number {
  return Date.now() + (serverClockStore.get()?.offsetMs ?? 0);
}

export function serverNowIso(): string {
  return new Date(serverNow()).toISOString();
}

export function useServerClock(): ClockOffset | null {
  return useStore(serverClockStore);
}

type FetchTime = () => Promise<ServerTimeResponse>;
// Each try gives up with the round trip it could still use: a request hung on a half-open connection
// (a laptop waking, a Wi-Fi switch) must not hold every later measurement back.
const fetchTime: FetchTime = () => apiRequest<ServerTimeResponse>('/api/time', { auth: false, signal: AbortSignal.timeout(MAX_ROUND_TRIP_MS) });

/** A few sequential round trips; keeps the last offset when none succeeds (offline). */
export async function measureServerClock(fetch: FetchTime = fetchTime): Promise<ClockOffset | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const sentAt = Date.now();
    try {
      const answer = await fetch();
      samples.push({ sentAt, receivedAt: Date.now(), serverAt: Date.parse(answer.now) });
    } catch {
      break; // offline or the server is down: try again at the next occasion
    }
  }
  const offset = offsetFromSamples(samples);
  if (offset) serverClockStore.set(offset);
  return offset;
}

/** Measures now, every ten minutes, and whenever `onOccasion` fires (back online, realtime reconnected). */
export function keepServerClock(onOccasion: (measure: () => void) => () => void, fetch: FetchTime = fetchTime): () => void {
  let running = false;
  const measure = () => {
    if (running) return;
    running = true;
    void measureServerClock(fetch).finally(() => {
      running = false;
    });
  };
  measure();
  const timer = setInterval(measure, REMEASURE_MS);
  const stopOccasions = onOccasion(measure);
  return () => {
    clearInterval(timer);
    stopOccasions();
  };
}
