import { Worker } from 'node:worker_threads';
import type { JurisdictionDto } from '@beacon/domain';
import type { IntakeOutcome, IntakeRequest } from './intake-batch.js';
import { linkLost, uncarry, type FromIntakeWorker, type IntakeWorkerData, type ToIntakeWorker, type WorkerCommit } from './intake-worker.protocol.js';

interface Waiting {
  resolve: (outcome: IntakeOutcome) => void;
  reject: (err: unknown) => void;
}

export interface IntakeWorkerHooks {
  /** A transaction committed: publish its events (its calls are answered once this settles). */
  committed(batch: WorkerCommit): Promise<void>;
  /** The thread ended unasked: `waiting` calls failed with it, and what it committed but had not reported is unpublished. */
  died(err: Error, waiting: number): void;
  log(level: 'warn' | 'error', message: string, err?: Error): void;
}

/** A thread that ends this soon after starting is failing to start: the next start waits, doubling up to a limit. */
const QUICK_EXIT_MS = 5_000;
const RESTART_DELAY_MS = { first: 500, max: 30_000 };
const CLOSE_GRACE_MS = 5_000;

/**
 * The API's side of the intake worker thread (intake-worker.ts): hands calls over (those validated in
 * one turn of the event loop in one message), and answers each only once its transaction has
 * committed and its events have been published. If the thread dies, every call waiting on it fails as
 * a lost link to the store (503, send again: a repeat is recognised), and a new thread starts.
 */
export class IntakeWorkerClient {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private outbox: Array<{ id: number; lane: number; request: IntakeRequest }> = [];
  private nextId = 1;
  private closed = false;
  private restartDelay = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly file: string | URL,
    private readonly data: IntakeWorkerData,
    private readonly hooks: IntakeWorkerHooks,
  ) {
    this.start();
  }

  submit(lane: number, request: IntakeRequest): Promise<IntakeOutcome> {
    if (!this.worker) return Promise.reject(linkLost('the intake worker thread is restarting'));
    return new Promise<IntakeOutcome>((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      if (this.outbox.push({ id, lane, request }) === 1) queueMicrotask(() => this.flush());
    });
  }

  jurisdictionsChanged(jurisdictions: JurisdictionDto[]): void {
    this.data.jurisdictions = jurisdictions;
    this.worker?.postMessage({ kind: 'jurisdictions', jurisdictions } satisfies ToIntakeWorker);
  }

  /** Lets the batches under way finish (up to a grace period), then ends the thread. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.flush();
    worker.postMessage({ kind: 'close' } satisfies ToIntakeWorker);
    const grace = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(grace);
  }

  private start(): void {
    const worker = new Worker(this.file, { workerData: this.data });
    const startedAt = Date.now();
    this.worker = worker;
    worker.on('message', (message: FromIntakeWorker) => this.receive(message));
    worker.on('error', (err) => this.hooks.log('error', 'the intake worker thread failed', err));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const gone = linkLost(`the intake worker thread exited (code ${code})`);
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      this.outbox = [];
      for (const w of waiting) w.reject(gone);
      if (this.closed) return;
      this.hooks.died(gone, waiting.length);
      this.restartDelay = Date.now() - startedAt < QUICK_EXIT_MS ? Math.min(RESTART_DELAY_MS.max, Math.max(RESTART_DELAY_MS.first, this.restartDelay * 2)) : 0;
      this.restartTimer = setTimeout(() => this.start(), this.restartDelay);
    });
  }

  private flush(): void {
    const calls = this.outbox;
    this.outbox = [];
    if (calls.length) this.worker?.postMessage({ kind: 'calls', calls } satisfies ToIntakeWorker);
  }

  private receive(message: FromIntakeWorker): void {
    if (message.kind === 'log') {
      this.hooks.log(message.level, message.message, message.error && uncarry(message.error));
    } else if (message.kind === 'failed') {
      this.take(message.id)?.reject(uncarry(message.error));
    } else {
      // Taken now: these calls committed, so a thread that dies while they are published does not fail them.
      const answered = message.answers.map(({ id, outcome }) => ({ waiting: this.take(id), outcome }));
      void this.hooks
        .committed(message)
        .catch((err: unknown) => this.hooks.log('error', 'publishing committed intake events failed', err instanceof Error ? err : new Error(String(err))))
        // Committed whatever became of the publishing (clients resync from the event log).
        .finally(() => {
          for (const { waiting, outcome } of answered) waiting?.resolve(outcome);
        });
    }
  }

  private take(id: number): Waiting | undefined {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    return w;
  }
}
