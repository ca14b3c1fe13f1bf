import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig, type AppConfig } from './config/env.schema.js';
import { migrate } from './database/migrate.js';
import { seedDemo } from './database/seeds/demo-seeder.js';

/**
 * NestJS closes the app on SIGTERM/SIGINT (enableShutdownHooks), but a close can wait for ever on a
 * dependency that is gone (BullMQ and ioredis wait for a Redis that no longer answers), and a process
 * that does not stop holds its port and its supervisor. After this long it exits anyway: shorter than
 * Docker's 10 s before SIGKILL, so the reason is logged.
 */
const SHUTDOWN_GRACE_MS = 8000;

function exitIfShutdownHangs(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`[beacon] shutdown did not finish within ${SHUTDOWN_GRACE_MS} ms of ${signal} (a dependency is not answering): exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const applied = await migrate(config.DATABASE_URL);
  if (applied.length) console.log(`[beacon] migrations applied: ${applied.join(', ')}`);
  if (config.DEMO_MODE && config.SEED_DEMO && config.BEACON_ROLE !== 'worker') {
    const seeded = await seedDemo(config.DATABASE_URL, config.demoPassword);
    console.log(seeded.summary);
  }
  if (config.INTAKE_WORKER) config.intakeWorkerFile = fileURLToPath(new URL('./modules/intake/intake-worker.js', import.meta.url));
  const app = await createApp(config);
  // Not earlier: a listener of our own would keep a signal during migrations from ending the process at once.
  exitIfShutdownHangs();
  if (config.BEACON_ROLE === 'worker') {
    await app.init();
    console.log('[beacon] worker running (timers)');
    return;
  }
  await app.listen(config.PORT, config.HOST);
  console.log(`[beacon] ${config.BEACON_ROLE} listening on http://127.0.0.1:${config.PORT}`);
}

main().catch((err: unknown) => {
  console.error('[beacon] fatal:', err);
  process.exit(1);
});
