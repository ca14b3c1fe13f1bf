import { QueryClient, onlineManager } from '@tanstack/react-query';
import { OrderedMutationCache } from './orderedMutationCache';

describe('writes made offline', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('go out one after another, in the order they were made, once the network is back; a withdrawn one never', async () => {
    const qc = new QueryClient({ mutationCache: new OrderedMutationCache() });
    const log: string[] = [];
    const write = (name: string, ms: number) =>
      qc.getMutationCache().build(qc, {
        mutationFn: async () => {
          log.push(`start ${name}`);
          await new Promise((r) => setTimeout(r, ms));
          log.push(`end ${name}`);
        },
      });
    onlineManager.setOnline(false);
    const ack = write('acknowledge', 30);
    const transition = write('transition', 1);
    const withdrawn = write('edit', 1);
    const done = [ack.execute(undefined), transition.execute(undefined)];
    void withdrawn.execute(undefined);
    await Promise.resolve();
    expect([ack, transition, withdrawn].map((m) => m.state.isPaused)).toEqual([true, true, true]);
    qc.getMutationCache().remove(withdrawn);
    onlineManager.setOnline(true);
    await qc.resumePausedMutations();
    await Promise.all(done);
    // The slow first write ends before the second starts: sent in parallel, the transition would reach the server first.
    expect(log).toEqual(['start acknowledge', 'end acknowledge', 'start transition', 'end transition']);
  });
});
