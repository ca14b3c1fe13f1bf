import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** One place that builds the TypeORM options: migrations, never synchronize. */
export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // gen_random_uuid() is core since PG 13: no extension to install (embedded Postgres has none to spare).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    // The intake transaction sets its own planner options (modules/intake/intake-plan.ts).
    // A link that drops packets instead of refusing must still fail: a request waits at most 10 s for a
    // connection (then 503, see ErrorFilter), and TCP keepalive notices a dead idle connection.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, keepAlive: true },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
