import 'reflect-metadata';
import { createDataSource } from './data-source.js';
import { MIGRATIONS } from './migrations/index.js';
import { cloneDatabase } from '../testing/test-app.js';

describe('migrations', () => {
  it('leave no drift between entities and the migrated schema', async () => {
    const db = await cloneDatabase();
    const ds = createDataSource(db.url, 2);
    await ds.initialize();
    try {
      const log = await ds.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('roll all the way down and up again', async () => {
    const db = await cloneDatabase();
    const ds = createDataSource(db.url, 2);
    await ds.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'events'`);
      expect(n).toBe(0);
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toHaveLength(0);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('keep the event log append-only', async () => {
    const db = await cloneDatabase();
    const ds = createDataSource(db.url, 2);
    await ds.initialize();
    try {
      await ds.query(`INSERT INTO events (type, aggregate_type, aggregate_id, actor_type, payload) VALUES ('system.timer_fired', 'timer', 'x', 'system', '{}')`);
      await expect(ds.query(`UPDATE events SET type = 'x'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE events`)).rejects.toThrow(/append-only/);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
