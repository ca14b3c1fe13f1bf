// Dev tool: prints the SQL TypeORM would need to bring DATABASE_URL in line with the entities.
// Used to author migrations; the schema-drift test asserts it prints nothing after migrating.
import 'reflect-metadata';
import { createDataSource } from '../data-source.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const ds = createDataSource(url, 2);
await ds.initialize();
const log = await ds.driver.createSchemaBuilder().log();
for (const q of log.upQueries) console.log(`${q.query};`);
await ds.destroy();
