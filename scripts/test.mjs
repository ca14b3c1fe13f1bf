#!/usr/bin/env node
// `npm test`: the whole suite — lint, typecheck, build, unit, integration (real Postgres + Redis),
// end-to-end (two API processes) and browser (Debian Chromium) — ending in one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import { ensureRedis, freePort, redisAnswers } from './lib/services.mjs';
import { ensureChromium } from './lib/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (m) => console.log(`\n[test] ${m}`);
const only = process.argv.slice(2);
const wants = (step) => only.length === 0 || only.includes(step);
const totals = { passed: 0, failed: 0 };
const failures = [];
const env = { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' };

function step(name, cmd, args, extraEnv = {}) {
  log(`${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    failures.push(name);
    totals.failed += 1;
    return false;
  }
  totals.passed += 1;
  return true;
}

mkdirSync(path.join(root, '.artifacts'), { recursive: true });
const runId = `${Date.now().toString(36)}${process.pid}`;

// --- services -------------------------------------------------------------------------------
const adminUrl = process.env.BEACON_TEST_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
try {
  await probe.connect();
  await probe.end();
} catch (err) {
  console.error(`[test] PostgreSQL is not reachable at ${adminUrl} (${err.message}). Start it (see README) or set BEACON_TEST_ADMIN_URL.`);
  process.exit(2);
}
const redis = process.env.REDIS_URL ? { url: process.env.REDIS_URL, stop: async () => {} }
  : (await redisAnswers('127.0.0.1', 6379)) ? { url: 'redis://127.0.0.1:6379', stop: async () => {} } : await ensureRedis((m) => log(m));

// --- static checks and build ------------------------------------------------------------------
if (wants('lint')) step('lint', 'npx', ['eslint', '.']);
if (wants('typecheck')) step('typecheck', 'npm', ['run', 'typecheck', '--silent']);
const built = step('build', 'npm', ['run', 'build', '--silent']);

// --- one template database for the whole run ----------------------------------------------------
const templateDb = `beacon_t_${runId}_tpl`;
const password = 'beacon-test-pass';
if (built) {
  const r = spawnSync(process.execPath, ['apps/api/dist/database/tools/prepare-test-template.js', adminUrl, templateDb, password], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) { failures.push('template database'); totals.failed += 1; }
}
const testEnv = {
  BEACON_TEST_RUN: runId,
  BEACON_TEST_ADMIN_URL: adminUrl,
  BEACON_TEST_REDIS_URL: redis.url,
  BEACON_TEST_TEMPLATE_DB: templateDb,
  BEACON_TEST_PASSWORD: password,
};

// --- jest: unit, integration, e2e ---------------------------------------------------------------
if (wants('jest')) {
  const out = path.join(root, '.artifacts', 'jest-results.json');
  log('jest: domain, geo, api (integration), e2e');
  const r = spawnSync('npx', ['jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${out}`], { cwd: root, stdio: 'inherit', env: { ...env, ...testEnv } });
  if (existsSync(out)) {
    const res = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += res.numPassedTests;
    totals.failed += res.numFailedTests + (res.numRuntimeErrorTestSuites ?? 0);
    if (!res.success) failures.push('jest');
  } else if (r.status !== 0) {
    failures.push('jest');
    totals.failed += 1;
  }
}

// --- browser: the built product, served like `npm start`, driven by Chromium ------------------
if (wants('browser') && built) {
  await ensureChromium((m) => log(m));
  const db = `beacon_t_${runId}_browser`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${db}" TEMPLATE "${templateDb}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  const port = await freePort();
  const api = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...env, DEMO_MODE: 'true', DEMO_PASSWORD: password, PORT: String(port), DATABASE_URL: u.toString(), REDIS_URL: redis.url,
      REDIS_PREFIX: `beacon-test:${runId}:browser`, CONSOLE_DIST: path.join(root, 'apps/console/dist'), LOG_LEVEL: 'warn', ACK_TIMEOUT_S: '600',
      // Tokens that expire within the run: every browser test's console renews its session as it goes.
      // A sign-in's longest life inside the half hour the console warns of: every desk shows the warning.
      JWT_TTL_S: '60', SESSION_MAX_S: '1200',
      // A deactivated account's open console is refused within seconds (the link check runs every 3 periods).
      USER_CHECK_S: '2',
    },
  });
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    up = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  const { demoIntakeKey } = await import(path.join(root, 'apps/api/dist/database/seeds/demo-seeder.js'));
  const r = spawnSync(process.execPath, ['test/browser/run-browser-tests.mjs'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, BEACON_URL: base, BEACON_DATABASE_URL: u.toString(), DEMO_PASSWORD: password, INTAKE_KEY_119: demoIntakeKey('119', password), INTAKE_KEY_110: demoIntakeKey('110', password), INTAKE_KEY_120: demoIntakeKey('120', password) },
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const m = /browser: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  if (m) { totals.passed += Number(m[1]); totals.failed += Number(m[2]); }
  if (r.status !== 0) { failures.push('browser'); if (!m) totals.failed += 1; }
  // Let the API finish its shutdown (BullMQ writes as it closes) before its keys are removed below.
  const exited = api.exitCode !== null ? Promise.resolve() : new Promise((r) => api.once('exit', r));
  api.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

// --- clean up this run's databases and keys ----------------------------------------------------
try {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`beacon_t_${runId}%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
} catch (err) {
  console.error('[test] cleanup:', err.message);
}
// The browser run's API used its own prefix (the integration tests remove theirs as each app closes).
try {
  const keys = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await keys.connect();
  let cursor = '0';
  do {
    const [next, found] = await keys.scan(cursor, 'MATCH', `beacon-test:${runId}:*`, 'COUNT', 500);
    cursor = next;
    if (found.length) await keys.del(...found);
  } while (cursor !== '0');
  await keys.quit();
} catch (err) {
  console.error('[test] redis cleanup:', err.message);
}
await redis.stop();

console.log(`\n[test] ${failures.length ? `FAILED: ${failures.join(', ')}` : 'all green'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length ? 1 : 0);
