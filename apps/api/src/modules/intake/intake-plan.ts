/**
 * Planner settings for an intake transaction only (set_config(…, true) is SET LOCAL: they end with it).
 *
 * The intake statements are prepared once per connection and always run one generic plan (re-planning
 * the read costs ~5 ms here). A generic plan does not know how many calls a batch holds, and it may be
 * made while the tables are still small, when a sequential scan, a scan of every open incident or a
 * hash join looks cheapest — and then every call pays a cost that grows with every incident stored.
 * Each intake statement is a keyed lookup (primary key, the GiST map index, the case-id indexes), so
 * plans that read whole tables are ruled out: the plan is index-driven whatever the statistics said.
 */
export const INTAKE_PLANNER_SETTINGS: Readonly<Record<string, string>> = {
  plan_cache_mode: 'force_generic_plan',
  enable_seqscan: 'off',
  enable_hashjoin: 'off',
  enable_mergejoin: 'off',
};

/**
 * The statement that opens an intake batch: the planner settings above, then the batch's advisory
 * locks in the caller's (sorted) order, so racing batches on any instance never deadlock. It is sent
 * with START TRANSACTION in one simple-protocol message (EventLog.write's `opening`), so a batch pays
 * one round trip for both; hence the keys are inlined — they are decimal bigints (intakeLockKeys),
 * checked here, never caller text.
 */
export function openBatchSql(lockKeys: readonly string[]): string {
  for (const key of lockKeys) if (!/^-?\d{1,19}$/.test(key)) throw new Error(`intake lock key is not a bigint: ${key}`);
  return `SELECT pg_advisory_xact_lock(keys.k)
  FROM (SELECT ${Object.entries(INTAKE_PLANNER_SETTINGS)
    .map(([name, value]) => `set_config('${name}', '${value}', true)`)
    .join(', ')}) AS planner,
       unnest('{${lockKeys.join(',')}}'::bigint[]) WITH ORDINALITY AS keys(k, n)
 ORDER BY keys.n`;
}
