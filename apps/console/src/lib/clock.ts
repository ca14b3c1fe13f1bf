import { useSyncExternalStore } from 'react';
import { useServerClock } from './serverClock';

/**
 * One shared clock so every "N 分钟前" on screen ticks together without a timer per row. It ticks each
 * second: the 60 s acknowledgement countdown must count down by the second, never show more than is left.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of [...listeners]) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** This machine's time, ticking each second: for what the console itself timed (its sign-in's end). */
export function useLocalNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}

/** The server's time, ticking each second: for comparing with the server's timestamps. */
export function useNow(): number {
  const local = useLocalNow();
  const offset = useServerClock();
  return local + (offset?.offsetMs ?? 0);
}
