import type { TimerJobs, TimerKind } from './queues.js';

/** Timer rows as SQL sees them: no queue or Redis here, so the intake worker thread can build them too. */

export interface TimerToSchedule<K extends TimerKind> {
  kind: K;
  /**
   * Unique per timer: scheduling a key that is still pending keeps the first; one that fired or was
   * cancelled is armed again (an incident back in the queue after an undone merge).
   */
  key: string;
  dueAt: Date;
  payload: TimerJobs[K];
}

/**
 * INSERT of timers from a jsonb array parameter (see timersParam): a key still pending is kept, one
 * fired or cancelled is armed again with the new time and payload — under a new id, so a drain that
 * read the old id before it was cancelled cannot claim the new timer early. RETURNING id, due_at of those armed.
 */
export function insertTimersSql(param: string): string {
  return `INSERT INTO timers (kind, key, due_at, payload)
    SELECT t.kind, t.key, t.due_at, t.payload FROM jsonb_to_recordset(${param}::jsonb) AS t(kind text, key text, due_at timestamptz, payload jsonb)
    ON CONFLICT (key) DO UPDATE SET id = gen_random_uuid(), kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
        fired_at = NULL, cancelled_at = NULL, created_at = now()
      WHERE timers.fired_at IS NOT NULL OR timers.cancelled_at IS NOT NULL
    RETURNING id, due_at`;
}

export function timersParam(timers: Array<TimerToSchedule<TimerKind>>): string {
  return JSON.stringify(timers.map((t) => ({ kind: t.kind, key: t.key, due_at: t.dueAt.toISOString(), payload: t.payload })));
}
