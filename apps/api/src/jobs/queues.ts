/**
 * Every timer job, its name and payload, declared once. The worker refuses to boot unless each
 * name has exactly one handler.
 */
export interface TimerJobs {
  'incident.ack_timeout': { incidentId: string; level: 1 | 2 };
  'system.probe': { note: string };
}
export type TimerKind = keyof TimerJobs;
export const TIMER_KINDS = ['incident.ack_timeout', 'system.probe'] as const satisfies readonly TimerKind[];

/**
 * BullMQ's job data: a wake-up that fires every pending timer due by `dueBy` (epoch ms). Timers are
 * rows in Postgres; one job per slot of due times wakes the worker for all of them (TimersService).
 */
export interface TimerJobData {
  dueBy: number;
}

export const TIMERS_QUEUE = 'timers';
