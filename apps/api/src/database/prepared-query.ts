import type { EntityManager } from 'typeorm';

interface PgClient {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * A named prepared statement on the transaction's own connection: Postgres parses and plans it once
 * per connection instead of on every execution (the intake and event-log hot path runs the same few
 * statements thousands of times). The name must identify the text exactly.
 */
export async function preparedQuery<R>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<R[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error(`preparedQuery(${name}) needs a transaction's entity manager`);
  // TypeORM types the driver connection as any; it is node-postgres's Client.
  const client = (await runner.connect()) as PgClient;
  const result = await client.query<R>({ name, text, values });
  return result.rows;
}
