import { GroupCommit } from './group-commit.js';
import { isSystemicPgError, isTransientPgError } from './pg-errors.js';

/** A run function whose batches stay open until released, recording what each batch held. */
function gatedRun() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((i) => i * 10);
  };
  const releaseAll = async () => {
    while (gates.length) gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { batches, run, releaseAll };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('GroupCommit', () => {
  it('runs a lone item at once, by itself', async () => {
    const g = new GroupCommit(async (items: number[]) => items.map((i) => i + 1), { maxBatch: 8, maxConcurrent: 1 });
    await expect(g.submit(41)).resolves.toBe(42);
  });

  it('puts items that arrive while a batch is in flight into the next batch, in order', async () => {
    const { batches, run, releaseAll } = gatedRun();
    const g = new GroupCommit(run, { maxBatch: 64, maxConcurrent: 1 });
    const first = g.submit(1);
    await tick();
    const rest = [2, 3, 4, 5].map((i) => g.submit(i));
    await tick();
    expect(batches).toEqual([[1]]);
    expect(g.pending).toBe(4);
    await releaseAll();
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
    await releaseAll();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(rest)).resolves.toEqual([20, 30, 40, 50]);
  });

  it('never puts more than maxBatch items in one batch nor runs more than maxConcurrent batches', async () => {
    const { batches, run, releaseAll } = gatedRun();
    const g = new GroupCommit(run, { maxBatch: 3, maxConcurrent: 2 });
    const all = Array.from({ length: 10 }, (_, i) => g.submit(i));
    await tick();
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5]]);
    while (batches.flat().length < 10) await releaseAll();
    await releaseAll();
    expect(batches.every((b) => b.length <= 3)).toBe(true);
    await expect(Promise.all(all)).resolves.toEqual(Array.from({ length: 10 }, (_, i) => i * 10));
  });

  it('reruns each item of a failed batch alone, so one bad item fails only its own request', async () => {
    const seen: number[][] = [];
    const g = new GroupCommit(
      async (items: number[]) => {
        seen.push(items);
        if (items.includes(13)) throw new Error('unlucky 13');
        return items.map((i) => -i);
      },
      { maxBatch: 10, maxConcurrent: 1 },
    );
    await g.submit(0);
    // Submitted in one turn of the event loop: one shared batch.
    const results = await Promise.allSettled([g.submit(12), g.submit(13), g.submit(14)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([-12, 'unlucky 13', -14]);
    expect(seen).toEqual([[0], [12, 13, 14], [12], [13], [14]]);
  });

  it('tries a lone item once more after a transient failure, and only then', async () => {
    let calls = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const g = new GroupCommit(
      async (items: number[]) => {
        calls++;
        if (calls === 1) throw deadlock;
        return items;
      },
      { maxBatch: 4, maxConcurrent: 1, retryable: isTransientPgError },
    );
    await expect(g.submit(7)).resolves.toBe(7);
    expect(calls).toBe(2);

    const fatal = new GroupCommit(async () => Promise.reject(new Error('constraint')), { maxBatch: 4, maxConcurrent: 1, retryable: isTransientPgError });
    await expect(fatal.submit(1)).rejects.toThrow('constraint');
  });

  it('gives up after the second transient failure of a lone item', async () => {
    let calls = 0;
    const g = new GroupCommit(
      async () => {
        calls++;
        throw Object.assign(new Error('could not serialize'), { code: '40001' });
      },
      { maxBatch: 4, maxConcurrent: 1, retryable: isTransientPgError },
    );
    await expect(g.submit(1)).rejects.toThrow('could not serialize');
    expect(calls).toBe(2);
  });

  it('rejects a run that answers the wrong number of items', async () => {
    const g = new GroupCommit(async () => [1, 2], { maxBatch: 4, maxConcurrent: 1 });
    await expect(g.submit(1)).rejects.toThrow(/2 results for 1 items/);
  });

  it('refuses nonsensical limits', () => {
    expect(() => new GroupCommit(async (i: number[]) => i, { maxBatch: 0, maxConcurrent: 1 })).toThrow(RangeError);
  });

  it('recognises transient Postgres errors, also wrapped by TypeORM', () => {
    expect(isTransientPgError({ code: '40P01' })).toBe(true);
    expect(isTransientPgError({ driverError: { code: '40001' } })).toBe(true);
    expect(isTransientPgError({ code: '23505' })).toBe(false);
    expect(isTransientPgError(null)).toBe(false);
  });

  it('refuses a whole batch at once when the store itself fails, instead of repeating the fault per item', async () => {
    const seen: number[][] = [];
    const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const g = new GroupCommit(
      async (items: number[]) => {
        seen.push(items);
        if (items[0] !== 0) throw lost;
        return items;
      },
      { maxBatch: 10, maxConcurrent: 1, retryable: isTransientPgError, systemic: isSystemicPgError },
    );
    await g.submit(0);
    const results = await Promise.allSettled([g.submit(1), g.submit(2), g.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : null))).toEqual(Array(3).fill(lost.message));
    expect(seen).toEqual([[0], [1, 2, 3]]);
  });

  it('tells store failures from data failures, also wrapped by TypeORM', () => {
    expect(isSystemicPgError({ code: '08006' })).toBe(true);
    expect(isSystemicPgError({ code: '53100' })).toBe(true);
    expect(isSystemicPgError({ driverError: { code: '57P01' } })).toBe(true);
    expect(isSystemicPgError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isSystemicPgError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isSystemicPgError({ code: '23505' })).toBe(false);
    expect(isSystemicPgError({ code: '22P02' })).toBe(false);
    expect(isSystemicPgError({ code: '40P01' })).toBe(false);
    expect(isSystemicPgError(new Error('unlucky 13'))).toBe(false);
    expect(isSystemicPgError(null)).toBe(false);
  });
});
