/**
 * Group commit for a write path under load: requests that arrive while earlier batches are in
 * flight wait in a queue and go into the next transaction together, so N calls share one BEGIN,
 * one set of statements and one fsync. A quiet system still runs each request at once, alone.
 *
 * A batch either commits for all its items or for none; when a shared batch fails, each item is
 * run again on its own, so one bad item (or a deadlock) never fails the others and nothing is
 * answered before its own transaction has committed — unless the failure is the store's own
 * (`systemic`), which fails the batch at once.
 */
export interface GroupCommitOptions {
  /** Most items one transaction takes. */
  maxBatch: number;
  /** Batches in flight at once (a second one prepares while the first commits). */
  maxConcurrent: number;
  /** Errors worth one more try of a lone item (deadlock, serialization failure). */
  retryable?: (err: unknown) => boolean;
  /**
   * Errors that say the store itself is failing (connection lost, out of resources), not one item:
   * the whole batch is refused at once, since running each item alone would only repeat the fault
   * N times and turn an outage into a pile-up.
   */
  systemic?: (err: unknown) => boolean;
}

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<I, O> {
  private readonly queue: Array<Waiting<I, O>> = [];
  private active = 0;
  private scheduled = false;
  /** Sizes of the batches run so far (for metrics and tests). */
  onBatch?: (size: number) => void;

  constructor(
    /** Runs one transaction for all items; returns one output per item, in order. */
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions,
  ) {
    if (options.maxBatch < 1 || options.maxConcurrent < 1) throw new RangeError('maxBatch and maxConcurrent must be at least 1');
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Items parsed in the same turn of the event loop start together.
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.active < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.active++;
      void this.flush(batch).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async flush(batch: Array<Waiting<I, O>>): Promise<void> {
    let error: unknown;
    try {
      const outs = await this.runChecked(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(outs[i]!));
      return;
    } catch (err) {
      error = err;
    }
    if (this.options.systemic?.(error)) {
      for (const w of batch) w.reject(error);
      return;
    }
    if (batch.length === 1) {
      // A lone item: one more try only if the failure was transient.
      if (this.options.retryable?.(error)) await this.runAlone(batch[0]!, 1);
      else batch[0]!.reject(error);
      return;
    }
    // The shared transaction rolled back: nothing of it is stored. Each item now goes alone.
    for (const w of batch) await this.runAlone(w, 2);
  }

  /** One item in its own transaction, at most `attempts` times, repeating only after a transient failure. */
  private async runAlone(w: Waiting<I, O>, attempts: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        w.resolve((await this.runChecked([w.item]))[0]!);
        return;
      } catch (err) {
        if (attempt >= attempts || !this.options.retryable?.(err)) {
          w.reject(err);
          return;
        }
      }
    }
  }

  private async runChecked(items: I[]): Promise<O[]> {
    this.onBatch?.(items.length);
    const outs = await this.run(items);
    if (outs.length !== items.length) throw new Error(`group commit: ${outs.length} results for ${items.length} items`);
    return outs;
  }
}
