// Jest globalSetup for the api project: one template database per run, prepared by the built API
// (`npm run build:api`), so test files clone it instead of migrating and seeding each time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '../../../..');
  const runId = process.env.BEACON_TEST_RUN ?? `${Date.now().toString(36)}${process.pid}`;
  process.env.BEACON_TEST_RUN = runId;
  process.env.BEACON_TEST_ADMIN_URL ??= process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  process.env.BEACON_TEST_REDIS_URL ??= process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.BEACON_TEST_PASSWORD ??= 'beacon-test-pass';
  if (process.env.BEACON_TEST_TEMPLATE_DB) return; // prepared by scripts/test.mjs
  const tool = path.join(root, 'apps/api/dist/database/tools/prepare-test-template.js');
  if (!existsSync(tool)) throw new Error('integration tests need the built API: run `npm run build:libs && npm run build:api` first');
  const name = `beacon_t_${runId}_tpl`;
  const r = spawnSync(process.execPath, [tool, process.env.BEACON_TEST_ADMIN_URL, name, process.env.BEACON_TEST_PASSWORD], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`preparing the template database failed:\n${r.stderr}`);
  process.env.BEACON_TEST_TEMPLATE_DB = name;
  process.env.BEACON_TEST_TEMPLATE_OWNED = '1'; // global-teardown drops what this run made
}
