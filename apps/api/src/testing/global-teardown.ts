// Jest globalTeardown: a plain `jest` run (not scripts/test.mjs) made its own template database in
// global-setup; drop it and any clone a crashed test file left, so runs leave no databases behind.
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  if (process.env.BEACON_TEST_TEMPLATE_OWNED !== '1') return; // scripts/test.mjs cleans up its own
  const admin = new pg.Client({ connectionString: process.env.BEACON_TEST_ADMIN_URL });
  await admin.connect();
  try {
    // LIKE's `_` matches any one character; the run id is unique enough that this only finds our own.
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`beacon_t_${process.env.BEACON_TEST_RUN}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  delete process.env.BEACON_TEST_TEMPLATE_OWNED;
}
