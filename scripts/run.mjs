#!/usr/bin/env node
// `npm start`: builds and runs the whole product (API + console + demo data) on embedded defaults.
//   PORT (3000), DATABASE_URL (embedded Postgres if unset), REDIS_URL (local Redis if unset), DEMO_PASSWORD.
//   `npm start -- --scenario chemical-plant` also replays a scenario once the console is up.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres, ensureRedis } from './lib/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (m) => console.log(`[beacon] ${m}`);
const args = process.argv.slice(2);
const scenario = args.includes('--scenario') ? args[args.indexOf('--scenario') + 1] : undefined;

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!args.includes('--no-build')) {
  log('building libs, API and console …');
  run('npm', ['run', 'build', '--silent']);
}

const pg = await ensurePostgres(root, log);
const redis = await ensureRedis(log);
const port = process.env.PORT ?? '3000';

const api = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    DEMO_MODE: process.env.DEMO_MODE ?? 'true',
    PORT: port,
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    CONSOLE_DIST: path.join(root, 'apps/console/dist'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  api.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await redis.stop();
  await pg.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
api.on('exit', (code) => { if (!stopping) stop(code ?? 1); });

// Wait for health, then say where the console is.
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 120; i++) {
  const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}
log(`console ready: http://localhost:${port}/   (API docs: http://localhost:${port}/api/docs)`);
if (scenario) {
  spawn(process.execPath, [path.join(root, 'scripts/scenario.mjs'), scenario, '--url', base, '--speed', '5'], { cwd: root, stdio: 'inherit', env: process.env });
}
