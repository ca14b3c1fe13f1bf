import { MAX_ROUND_TRIP_MS, keepServerClock, measureServerClock, offsetFromSamples, serverClockStore, serverNow, type ClockSample } from './serverClock';

const sample = (sentAt: number, receivedAt: number, serverAt: number): ClockSample => ({ sentAt, receivedAt, serverAt });

describe('offsetFromSamples', () => {
  it('takes the quickest round trip and assumes the server answered at its midpoint', () => {
    // Local clock 3 minutes fast: the server says 180 s less than this machine's midpoint.
    const offset = offsetFromSamples([sample(10_000, 10_400, 10_200 - 180_000 + 50), sample(20_000, 20_040, 20_020 - 180_000), sample(30_000, 30_900, 30_000)]);
    expect(offset).toEqual({ offsetMs: -180_000, uncertaintyMs: 20 });
  });

  it('rounds to whole milliseconds and states half the trip as its uncertainty', () => {
    expect(offsetFromSamples([sample(0, 3, 1_000)])).toEqual({ offsetMs: 999, uncertaintyMs: 2 });
  });

  it('ignores round trips slower than the limit, backwards, or answers that are not times', () => {
    expect(offsetFromSamples([sample(0, MAX_ROUND_TRIP_MS + 1, 5)])).toBeNull();
    expect(offsetFromSamples([sample(100, 50, 5)])).toBeNull();
    expect(offsetFromSamples([sample(0, 10, Number.NaN)])).toBeNull();
    expect(offsetFromSamples([])).toBeNull();
    expect(offsetFromSamples([sample(0, MAX_ROUND_TRIP_MS, 60_000 + MAX_ROUND_TRIP_MS / 2)])).toEqual({ offsetMs: 60_000, uncertaintyMs: MAX_ROUND_TRIP_MS / 2 });
  });
});

describe('measureServerClock', () => {
  afterEach(() => serverClockStore.set(null));

  it('sets serverNow() to the server clock it measured', async () => {
    const fetch = jest.fn(async () => ({ now: new Date(Date.now() + 120_000).toISOString() }));
    const offset = await measureServerClock(fetch);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(offset?.offsetMs).toBeGreaterThan(119_000);
    expect(offset?.offsetMs).toBeLessThan(121_000);
    expect(serverNow() - Date.now()).toBeGreaterThan(119_000);
  });

  it('keeps the offset it had when the server cannot be reached, and uses the samples taken before a failure', async () => {
    serverClockStore.set({ offsetMs: -5_000, uncertaintyMs: 3 });
    await expect(measureServerClock(async () => Promise.reject(new Error('offline')))).resolves.toBeNull();
    expect(serverClockStore.get()).toEqual({ offsetMs: -5_000, uncertaintyMs: 3 });

    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls > 1) throw new Error('dropped');
      return { now: new Date(Date.now() - 40_000).toISOString() };
    };
    const offset = await measureServerClock(flaky);
    expect(calls).toBe(2);
    expect(offset?.offsetMs).toBeLessThan(-39_000);
    expect(serverClockStore.get()).toBe(offset);
  });

  it('is this machine’s clock until measured', () => {
    const before = Date.now();
    const now = serverNow();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('keepServerClock', () => {
  afterEach(() => {
    serverClockStore.set(null);
    jest.useRealTimers();
  });

  it('measures at once, on each occasion (never two at a time) and every ten minutes, until stopped', async () => {
    jest.useFakeTimers();
    const answers: Array<(v: { now: string }) => void> = [];
    const fetch = jest.fn(() => new Promise<{ now: string }>((resolve) => answers.push(resolve)));
    let occasion: () => void = () => undefined;
    const stopOccasions = jest.fn();
    const stop = keepServerClock((measure) => {
      occasion = measure;
      return stopOccasions;
    }, fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    occasion(); // reconnected while the first measurement is still out: not a second one
    expect(fetch).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i++) {
      answers[i]!({ now: new Date(Date.now() + 90_000).toISOString() });
      await jest.advanceTimersByTimeAsync(0);
    }
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(serverClockStore.get()?.offsetMs).toBe(90_000);

    occasion();
    expect(fetch).toHaveBeenCalledTimes(4);
    for (let i = 3; i < 6; i++) {
      answers[i]!({ now: new Date(Date.now() + 1_000).toISOString() });
      await jest.advanceTimersByTimeAsync(0);
    }
    expect(serverClockStore.get()?.offsetMs).toBe(1_000);

    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(7);
    for (let i = 6; i < 9; i++) {
      answers[i]!({ now: new Date(Date.now() - 2_000).toISOString() });
      await jest.advanceTimersByTimeAsync(0);
    }
    expect(serverClockStore.get()?.offsetMs).toBe(-2_000);
    stop();
    expect(stopOccasions).toHaveBeenCalled();
    // Nothing left to wake it: no interval, no measurement under way.
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(30 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(9);
  });
});
