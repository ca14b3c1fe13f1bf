import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';
import { cloneDatabase } from '../testing/test-app.js';

/** Runs `check` against a fresh clone of the run's migrated template, then drops it. */
async function withMigratedDatabase(check: (ds: DataSource) => Promise<void>): Promise<void> {
  const db = await cloneDatabase();
  const ds = createDataSource(db.url, 2);
  await ds.initialize();
  try {
    await check(ds);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

describe('migrations', () => {
  it('leave no drift between entities and the migrated schema', () =>
    withMigratedDatabase(async (ds) => {
      const log = await ds.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    }));

  it('roll all the way down and up again', () =>
    withMigratedDatabase(async (ds) => {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'events'`);
      expect(n).toBe(0);
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toHaveLength(0);
    }));

  it('keep the event log append-only', () =>
    withMigratedDatabase(async (ds) => {
      await ds.query(`INSERT INTO events (type, aggregate_type, aggregate_id, actor_type, payload) VALUES ('system.timer_fired', 'timer', 'x', 'system', '{}')`);
      await expect(ds.query(`UPDATE events SET type = 'x'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE events`)).rejects.toThrow(/append-only/);
    }));
});
