import { standingRefresher } from './standingRefresh';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('standingRefresher: a refused action renews the session to pick up the user as stored now', () => {
  let clock: number;
  let renewals: number;
  let finish: Array<(ok: boolean) => void>;
  const refresher = () =>
    standingRefresher({
      now: () => clock,
      minIntervalMs: 15_000,
      renew: () => {
        renewals++;
        return new Promise<void>((resolve, reject) => finish.push((ok) => (ok ? resolve() : reject(new Error('offline')))));
      },
    });

  beforeEach(() => {
    clock = 100_000;
    renewals = 0;
    finish = [];
  });

  it('renews at the first refusal', () => {
    refresher()();
    expect(renewals).toBe(1);
  });

  it('asks once for a screen of refusals, and not again within the interval', async () => {
    const refused = refresher();
    refused();
    refused();
    finish.shift()!(true);
    await settle();
    clock += 14_999;
    refused();
    expect(renewals).toBe(1);
    clock += 1;
    refused();
    expect(renewals).toBe(2);
  });

  it('does not start a second renewal while one is under way, even past the interval', async () => {
    const refused = refresher();
    refused();
    clock += 60_000;
    refused();
    expect(renewals).toBe(1);
    finish.shift()!(false);
    await settle();
    refused();
    expect(renewals).toBe(2);
  });

  it('swallows a failed renewal (the 401 handler or the scheduled renewal deals with it)', async () => {
    const refused = refresher();
    refused();
    finish.shift()!(false);
    await settle();
    expect(renewals).toBe(1);
  });
});
