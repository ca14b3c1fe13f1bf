/**
 * Runs `work(target)` one run at a time. Requests made while a run is under way are merged into the
 * next run, with the highest target asked for; each request settles with the first run that started
 * after it was made, so none is answered by a run that may have read too early.
 */
export class SerialDrain {
  private running = false;
  private next?: { target: number; waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> };

  constructor(private readonly work: (target: number) => Promise<void>) {}

  request(target: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.next ??= { target, waiters: [] };
      this.next.target = Math.max(this.next.target, target);
      this.next.waiters.push({ resolve, reject });
      if (!this.running) this.runNext();
    });
  }

  private runNext(): void {
    const run = this.next;
    this.next = undefined;
    this.running = run !== undefined;
    if (!run) return;
    this.work(run.target).then(
      () => {
        for (const w of run.waiters) w.resolve();
        this.runNext();
      },
      (err: unknown) => {
        for (const w of run.waiters) w.reject(err);
        this.runNext();
      },
    );
  }
}
