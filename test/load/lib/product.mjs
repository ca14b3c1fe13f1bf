// Starts Beacon for a benchmark (or uses BEACON_URL), and cleans up everything it started:
// the API process, the fresh database, and the Redis keys under its unique prefix.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import { freePort } from '../../../scripts/lib/services.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export { freePort };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) return false;
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok).catch(() => false);
    if (ok) return true;
    await sleep(200);
  }
  return false;
}

/** A database URL with another database name (same server and credentials). */
export function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * @returns {Promise<{url: string, databaseUrl: string|null, demoPassword: string, startedHere: boolean,
 *   apiPid: number|null, stop: () => Promise<void>}>}
 * With BEACON_URL: nothing is started; databaseUrl is DATABASE_URL if set (for row counts), else null.
 * Without: builds if needed, creates a fresh database, spawns apps/api/dist/main.js in demo mode on a free port.
 */
export async function startProduct({ log = console.log, label = 'bench', env: extraEnv = {}, nodeArgs = [] } = {}) {
  const demoPassword = process.env.DEMO_PASSWORD ?? 'beacon-demo';
  if (process.env.BEACON_URL) {
    const url = process.env.BEACON_URL.replace(/\/+$/, '');
    if (!(await waitHealthy(url, null, 10_000))) throw new Error(`BEACON_URL ${url} does not answer /api/health`);
    return { url, databaseUrl: process.env.DATABASE_URL ?? null, demoPassword, startedHere: false, apiPid: null, stop: async () => {} };
  }

  const main = path.join(root, 'apps/api/dist/main.js');
  if (!existsSync(main)) {
    log('[bench] apps/api/dist missing: npm run build …');
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
    if (r.status !== 0) throw new Error('npm run build failed');
  }

  // A fresh database per run (dropped at the end) unless the caller pins DATABASE_URL.
  const tag = `${label}_${process.pid}_${Date.now().toString(36)}`;
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let databaseUrl = process.env.DATABASE_URL;
  let createdDb = null;
  if (!databaseUrl) {
    createdDb = `beacon_${tag}`.toLowerCase();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${createdDb}`);
    await admin.end();
    databaseUrl = withDatabase(adminUrl, createdDb);
  }
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `beacon_${tag}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const output = [];
  // Profiling a run: BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (Node refuses these in NODE_OPTIONS).
  const envNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...envNodeArgs, ...nodeArgs, main], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO_MODE: 'true',
      DEMO_PASSWORD: demoPassword,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
  });
  // Keep the API's output for the error path only (bounded).
  const keep = (b) => { output.push(String(b)); if (output.length > 200) output.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Debugging a run: BENCH_API_STDERR=1 / BENCH_API_STDOUT=1 pass the API's output (its logs are on stdout) through.
  if (process.env.BENCH_API_STDERR) child.stderr.pipe(process.stderr);
  if (process.env.BENCH_API_STDOUT) child.stdout.pipe(process.stderr);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      if (await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]) === false) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    if (createdDb) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${createdDb} WITH (FORCE)`).catch((e) => log(`[bench] drop ${createdDb}: ${e.message}`));
      await admin.end();
    }
    // BullMQ leaves keys under the prefix; remove them so runs leave Redis as they found it.
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } catch (e) {
      log(`[bench] redis cleanup: ${e.message}`);
    } finally {
      redis.disconnect();
    }
  };

  const t0 = Date.now();
  if (!(await waitHealthy(url, child, 90_000))) {
    const tail = output.join('').split('\n').slice(-30).join('\n');
    await stop();
    throw new Error(`the API did not become healthy on ${url}:\n${tail}`);
  }
  log(`[bench] started API pid ${child.pid} on ${url} (db ${createdDb ?? databaseUrl}, redis prefix ${redisPrefix}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { url, databaseUrl, demoPassword, startedHere: true, apiPid: child.pid, stop };
}

/** Stops the product on SIGINT/SIGTERM and on an uncaught error, then exits. */
export function stopOnSignals(stopAll) {
  const bail = async (why, code) => {
    console.error(`[bench] ${why}: cleaning up`);
    await stopAll().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => bail('interrupted', 130));
  process.once('SIGTERM', () => bail('terminated', 143));
}

export async function login(url, username, password) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

/** CPU seconds (user+sys) of a process from /proc; null where /proc is missing. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * CPU seconds of every process whose command name is `comm` (e.g. Postgres). Children's times count too:
 * a backend that exited is folded into its postmaster's cutime/cstime, so totals never go backwards.
 */
export function cpuSecondsByName(comm) {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
      } catch { /* exited meanwhile */ }
    }
  } catch {
    return null;
  }
  return total;
}

/** Machine-wide CPU jiffies (busy, total) from /proc/stat; diff two readings for a busy fraction. */
export function machineCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Fraction of all cores busy over `ms` milliseconds (other tenants of the machine, before a bench). */
export async function backgroundBusy(ms = 1000) {
  const a = machineCpu();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineCpu();
  return a && b ? (b.busy - a.busy) / (b.total - a.total) : null;
}
