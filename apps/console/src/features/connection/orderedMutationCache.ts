import { MutationCache } from '@tanstack/react-query';

/** A write that hangs must not hold the rest of the queue for ever. */
const RESUME_STEP_CAP_MS = 15_000;

/**
 * Writes made offline go out in the order the officer made them once the network is back (React Query
 * resumes them all at once): acknowledged, then moved to 处置中, not the other way round and refused.
 */
export class OrderedMutationCache extends MutationCache {
  override async resumePausedMutations(): Promise<unknown> {
    const paused = this.getAll().filter((m) => m.state.isPaused);
    for (const m of paused) {
      // Withdrawn meanwhile (removed from the cache): never sent.
      if (!this.getAll().includes(m)) continue;
      await Promise.race([m.continue().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, RESUME_STEP_CAP_MS))]);
    }
    return undefined;
  }
}
