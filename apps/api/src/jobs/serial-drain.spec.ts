import { SerialDrain } from './serial-drain.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('SerialDrain', () => {
  it('runs one at a time and merges requests made meanwhile into one next run with the highest target', async () => {
    const runs: number[] = [];
    let active = 0;
    let maxActive = 0;
    const gates: Array<() => void> = [];
    const drain = new SerialDrain(async (target) => {
      runs.push(target);
      maxActive = Math.max(maxActive, ++active);
      await new Promise<void>((r) => gates.push(r));
      active--;
    });
    const settled: string[] = [];
    const first = drain.request(10).then(() => settled.push('first'));
    await tick();
    const second = drain.request(30).then(() => settled.push('second'));
    const third = drain.request(20).then(() => settled.push('third'));
    await tick();
    expect(runs).toEqual([10]);
    gates.shift()!();
    await first;
    await tick();
    // The requests made during the first run wait for a run that starts after them.
    expect(settled).toEqual(['first']);
    expect(runs).toEqual([10, 30]);
    gates.shift()!();
    await Promise.all([second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(maxActive).toBe(1);
  });

  it('fails the requests of a failed run only, and carries on with the next', async () => {
    let fail = true;
    const drain = new SerialDrain(async () => {
      await tick();
      if (fail) {
        fail = false;
        throw new Error('store down');
      }
    });
    const a = drain.request(1);
    await tick();
    const b = drain.request(2);
    await expect(a).rejects.toThrow('store down');
    await expect(b).resolves.toBeUndefined();
    await expect(drain.request(3)).resolves.toBeUndefined();
  });
});
