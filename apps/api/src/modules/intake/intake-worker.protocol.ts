import type { JurisdictionDto, LinkingConfig } from '@beacon/domain';
import type { AckPolicy } from '../incidents/incident-intake-rules.js';
import type { CommittedBatch, IntakeOutcome, IntakeRequest } from './intake-batch.js';
import type { LaneSettings } from './intake-lanes.js';

/** The worker thread's Postgres connections' application_name. */
export const INTAKE_WORKER_APPLICATION = 'beacon-intake-worker';

/** What the intake worker thread is started with (structured-cloned: plain data only). */
export interface IntakeWorkerData {
  databaseUrl: string;
  linking: LinkingConfig;
  ackPolicy: AckPolicy;
  lanes: LaneSettings;
  jurisdictions: JurisdictionDto[];
}

/** API → worker. */
export type ToIntakeWorker =
  | { kind: 'calls'; calls: Array<{ id: number; lane: number; request: IntakeRequest }> }
  | { kind: 'jurisdictions'; jurisdictions: JurisdictionDto[] };

/** An error as it crosses the thread boundary: what Beacon's error handling reads of it. */
export interface CarriedError {
  name: string;
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
}

/** Worker → API: a committed transaction (its requests' answers, events, timers), or a request that failed for good. */
export type FromIntakeWorker =
  | ({ kind: 'committed'; answers: Array<{ id: number; outcome: IntakeOutcome }> } & Omit<CommittedBatch, 'outcomes'>)
  | { kind: 'failed'; id: number; error: CarriedError };

export function carry(err: unknown): CarriedError {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; code?: unknown; detail?: unknown; constraint?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { name: text(e.name) ?? 'Error', message: text(e.message) ?? String(err), code: text(e.code), detail: text(e.detail), constraint: text(e.constraint) };
}

/** The carried error as an Error again, its code and details where pg-errors.ts and the error filter look. */
export function uncarry(carried: CarriedError): Error {
  const { message, ...rest } = carried;
  return Object.assign(new Error(message), rest);
}
