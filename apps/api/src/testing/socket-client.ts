import { io, type Socket } from 'socket.io-client';
import { REALTIME_BATCH, REALTIME_RESYNC, type EventEnvelope } from '@beacon/domain';

/** A real socket.io client on /realtime that records every event it hears. */
export async function connectRealtime(url: string, token: string | undefined): Promise<{ socket: Socket; events: EventEnvelope[]; waitFor: (pred: (e: EventEnvelope) => boolean, ms?: number) => Promise<EventEnvelope> }> {
  const socket = io(`${url}/realtime`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: EventEnvelope[] = [];
  const waiters: Array<{ pred: (e: EventEnvelope) => boolean; resolve: (e: EventEnvelope) => void }> = [];
  socket.onAny((name: string, msg: EventEnvelope | EventEnvelope[]) => {
    if (name === 'hello' || name === 'auth_error' || name === REALTIME_RESYNC) return;
    // A commit's events for one jurisdiction may come as one batch message.
    for (const e of name === REALTIME_BATCH && Array.isArray(msg) ? msg : [msg as EventEnvelope]) {
      events.push(e);
      for (const w of [...waiters]) {
        if (w.pred(e)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('hello', () => resolve());
    socket.once('auth_error', (e: { code: string }) => reject(new Error(e.code)));
    socket.once('connect_error', reject);
    socket.once('disconnect', () => reject(new Error('disconnected')));
  });
  const waitFor = (pred: (e: EventEnvelope) => boolean, ms = 3000) =>
    new Promise<EventEnvelope>((resolve, reject) => {
      const seen = events.find(pred);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.type).join(', ')}`)), ms);
      waiters.push({ pred, resolve: (e) => { clearTimeout(timer); resolve(e); } });
    });
  return { socket, events, waitFor };
}
