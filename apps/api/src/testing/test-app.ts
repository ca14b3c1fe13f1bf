import type { FastifyInstance } from 'fastify';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createApp } from '../app.factory.js';
import { loadConfig, type AppConfig } from '../config/env.schema.js';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  databaseUrl: string;
  password: string;
  /** Every route the application registered (method + path pattern), as Fastify saw them. */
  routes: Array<{ method: string; path: string }>;
  /** Logs in a seeded demo user and returns its bearer token. */
  token(username: string): Promise<string>;
  http(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON bodies in tests are read loosely on purpose
  close(): Promise<void>;
}

let counter = 0;

/** A fresh database cloned from the run's template, its own Redis prefix, a real HTTP port. */
export async function cloneDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.BEACON_TEST_ADMIN_URL!;
  const template = process.env.BEACON_TEST_TEMPLATE_DB!;
  // Jest gives every test file a fresh module registry in the same process: add randomness, not just a counter.
  const name = `beacon_t_${process.env.BEACON_TEST_RUN}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestApp(env: Record<string, string> = {}, db?: { url: string; drop: () => Promise<void> }): Promise<TestApp> {
  const database = db ?? (await cloneDatabase());
  const prefix = `beacon-test:${process.env.BEACON_TEST_RUN}:${process.pid}:${++counter}:${Math.random().toString(36).slice(2, 8)}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '8',
    REDIS_URL: process.env.BEACON_TEST_REDIS_URL!,
    REDIS_PREFIX: prefix,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...env,
  });
  // INTAKE_WORKER given and true: the intake batches run in the built worker thread, as under main.ts (a
  // worker thread runs JavaScript, so it is the build's: `npm test` builds first). Not given: in the API's loop.
  if (config.INTAKE_WORKER && env.INTAKE_WORKER !== undefined) config.intakeWorkerFile = builtIntakeWorker();
  const app = await createApp(config);
  // Nest adds its controllers' routes when the app starts, after this hook is in place.
  const routes: TestApp['routes'] = [];
  (app.getHttpAdapter().getInstance() as FastifyInstance).addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, path: r.url });
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const password = process.env.BEACON_TEST_PASSWORD!;
  const tokens = new Map<string, string>();
  const http: TestApp['http'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON (metrics, HTML) */
    }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    app,
    url,
    config,
    databaseUrl: database.url,
    password,
    routes,
    http,
    async token(username) {
      if (!tokens.has(username)) {
        const res = await http('POST', '/api/auth/login', { body: { username, password } });
        if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(username, res.body.accessToken);
      }
      return tokens.get(username)!;
    },
    async close() {
      await app.close();
      const redis = new Redis(config.REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await database.drop();
    },
  };
}

/** The build's worker file (IntakeService refuses to start, saying so, if it is missing). */
function builtIntakeWorker(): string {
  return path.resolve(__dirname, '../../dist/modules/intake/intake-worker.js');
}
