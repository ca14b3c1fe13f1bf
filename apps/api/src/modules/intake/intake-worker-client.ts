import { Worker } from 'node:worker_threads';
import type { JurisdictionDto } from '@beacon/domain';
import type { CommittedBatch, IntakeOutcome, IntakeRequest } from './intake-batch.js';
import { uncarry, type FromIntakeWorker, type IntakeWorkerData, type ToIntakeWorker } from './intake-worker.protocol.js';

interface Waiting {
  resolve: (outcome: IntakeOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * The API's side of the intake worker thread (intake-worker.ts): hands calls over (those validated in
 * one turn of the event loop in one message), and answers each only once its transaction has
 * committed and `committed` (publishing its events, arming its timers) is done. If the thread dies,
 * every call waiting on it fails as a lost link to the store (503, send again: a repeat is recognised)
 * and a new thread starts.
 */
export class IntakeWorkerClient {
  private worker!: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private outbox: Array<{ id: number; lane: number; request: IntakeRequest }> = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string | URL,
    private readonly data: IntakeWorkerData,
    private readonly committed: (batch: Omit<CommittedBatch, 'outcomes'> & { size: number }) => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {
    this.start();
  }

  submit(lane: number, request: IntakeRequest): Promise<IntakeOutcome> {
    return new Promise<IntakeOutcome>((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      if (this.outbox.push({ id, lane, request }) === 1) queueMicrotask(() => this.flush());
    });
  }

  jurisdictionsChanged(jurisdictions: JurisdictionDto[]): void {
    this.data.jurisdictions = jurisdictions;
    this.post({ kind: 'jurisdictions', jurisdictions });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private start(): void {
    const worker = new Worker(this.file, { workerData: this.data });
    this.worker = worker;
    worker.on('message', (message: FromIntakeWorker) => void this.receive(message));
    worker.on('error', (err) => this.onError(err));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      const gone = Object.assign(new Error(`Connection terminated: the intake worker thread exited (code ${code})`), { code: 'ECONNRESET' });
      for (const w of this.waiting.values()) w.reject(gone);
      this.waiting.clear();
      this.outbox = [];
      if (!this.closed) this.start();
    });
  }

  private flush(): void {
    const calls = this.outbox;
    this.outbox = [];
    if (calls.length) this.post({ kind: 'calls', calls });
  }

  private post(message: ToIntakeWorker): void {
    this.worker.postMessage(message);
  }

  private async receive(message: FromIntakeWorker): Promise<void> {
    if (message.kind === 'failed') {
      this.take(message.id)?.reject(uncarry(message.error));
      return;
    }
    const { answers, ...batch } = message;
    try {
      await this.committed({ ...batch, size: answers.length });
    } finally {
      // Committed whatever became of the publishing (clients resync from the event log).
      for (const { id, outcome } of answers) this.take(id)?.resolve(outcome);
    }
  }

  private take(id: number): Waiting | undefined {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    return w;
  }
}
