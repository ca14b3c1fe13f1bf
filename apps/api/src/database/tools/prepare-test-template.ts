// Test support: creates a migrated, demo-seeded template database once per test run.
// Each integration-test file then clones it (CREATE DATABASE … TEMPLATE …) for isolation in ~100 ms.
import 'reflect-metadata';
import pg from 'pg';
import { migrate } from '../migrate.js';
import { seedDemo } from '../seeds/demo-seeder.js';

export async function prepareTemplate(adminUrl: string, name: string, password: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  await seedDemo(url, password);
  return url;
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

const [adminUrl, name, password] = process.argv.slice(2);
if (adminUrl && name) {
  prepareTemplate(adminUrl, name, password ?? 'beacon-test-pass')
    .then((url) => console.log(url))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
