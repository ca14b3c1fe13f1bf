import { DomainError, isDomainErrorCode, type GradeTables, type JurisdictionDto, type LinkingConfig } from '@beacon/domain';
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
  gradeTables: GradeTables;
}

/** API → worker. */
export type ToIntakeWorker =
  | { kind: 'calls'; calls: Array<{ id: number; lane: number; request: IntakeRequest }> }
  | { kind: 'jurisdictions'; jurisdictions: JurisdictionDto[] }
  /** Finish the batches under way, close the connections, exit. */
  | { kind: 'close' };

/** An error as it crosses the thread boundary: what Beacon's error handling reads of it. */
export interface CarriedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  detail?: string;
  constraint?: string;
  fields?: Record<string, string>;
}

/** A committed transaction as the worker reports it: its calls' answers, and the sizes of the batches run since the last report (failed ones too). */
export type WorkerCommit = Omit<CommittedBatch, 'outcomes'> & { answers: Array<{ id: number; outcome: IntakeOutcome }>; attempts: number[] };

/** Worker → API: a committed transaction, a request that failed for good, or a line for the API's log. */
export type FromIntakeWorker =
  | ({ kind: 'committed' } & WorkerCommit)
  | { kind: 'failed'; id: number; error: CarriedError }
  | { kind: 'log'; level: 'warn' | 'error'; message: string; error?: CarriedError };

export function carry(err: unknown): CarriedError {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; detail?: unknown; constraint?: unknown; fields?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const fields = err instanceof DomainError && err.fields ? { ...err.fields } : undefined;
  return {
    name: text(e.name) ?? 'Error', message: text(e.message) ?? String(err), stack: text(e.stack),
    code: text(e.code), detail: text(e.detail), constraint: text(e.constraint), fields,
  };
}

/** The carried error as an Error again — a DomainError as one — its code and details where pg-errors.ts and the error filter look. */
export function uncarry(carried: CarriedError): Error {
  const { message, stack, fields, ...rest } = carried;
  const err = carried.name === 'DomainError' && carried.code && isDomainErrorCode(carried.code) ? DomainError.of(carried.code, message, fields) : Object.assign(new Error(message), rest);
  if (stack) err.stack = stack;
  return err;
}

/** A call the thread never ran or never reported: read as a lost link to the store (pg-errors.ts: 503 STORE_UNAVAILABLE with Retry-After). */
export function linkLost(why: string): Error {
  return Object.assign(new Error(`Connection terminated: ${why}`), { code: 'ECONNRESET' });
}
