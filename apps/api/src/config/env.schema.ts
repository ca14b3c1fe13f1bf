import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_GRADE_TABLES, DEFAULT_LINKING_CONFIG, DEFAULT_SERVICE_AREA_MARGIN_M, gradeTablesFromConfig, linkingConfigProblems, type GradeTables, type LinkingConfig } from '@beacon/domain';
import { parseGradeTablesConfig } from './grade-tables.schema.js';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback);
// A linking threshold: an integer here; whether it can work (0 may, a negative may not) is the domain's linkingConfigProblems.
// An empty variable (compose's `LINK_RADIUS_M=`) is unset, not 0.
const thresholdFrom = (fallback: number) => z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().default(fallback));

/** Which variable sets each linking threshold, to name it when the domain refuses one. */
const LINKING_ENV = { baseRadiusM: 'LINK_RADIUS_M', windowMinutes: 'LINK_WINDOW_MIN', maxAccuracyM: 'LINK_MAX_ACCURACY_M', clockToleranceS: 'INTAKE_CLOCK_TOLERANCE_S' } as const satisfies Record<keyof LinkingConfig, string>;

const linkingOf = (env: { LINK_RADIUS_M: number; LINK_WINDOW_MIN: number; LINK_MAX_ACCURACY_M: number; INTAKE_CLOCK_TOLERANCE_S: number }): LinkingConfig => ({
  baseRadiusM: env.LINK_RADIUS_M,
  windowMinutes: env.LINK_WINDOW_MIN,
  maxAccuracyM: env.LINK_MAX_ACCURACY_M,
  clockToleranceS: env.INTAKE_CLOCK_TOLERANCE_S,
});

/**
 * Everything the process reads from its environment, validated once at boot.
 * A typo stops the process with a sentence instead of a 3 a.m. surprise.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    BEACON_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    DATABASE_POOL_SIZE: intFrom(20),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
    /** Every Redis key (BullMQ, socket.io adapter) starts with this, so runs and tenants never collide. */
    REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]+$/).default('beacon'),
    DEMO_MODE: bool,
    DEMO_PASSWORD: z.string().min(8).optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_S: intFrom(12 * 3600),
    // A console renews its token while signed in, up to this long after the password sign-in (a 24-hour watch and its handover).
    SESSION_MAX_S: intFrom(36 * 3600),
    // How stale a signed-in user's stored standing (active, roles, jurisdiction) may be when a request is let through; open links are checked every 3×.
    USER_CHECK_S: intFrom(10),
    CONSOLE_DIST: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ACK_TIMEOUT_S: intFrom(60),
    ACK_SECOND_TIMEOUT_S: intFrom(60),
    LINK_RADIUS_M: thresholdFrom(DEFAULT_LINKING_CONFIG.baseRadiusM),
    LINK_WINDOW_MIN: thresholdFrom(DEFAULT_LINKING_CONFIG.windowMinutes),
    /** Cap on each position's accuracy radius when widening "near", so one cell-tower fix cannot swallow a district. */
    LINK_MAX_ACCURACY_M: thresholdFrom(DEFAULT_LINKING_CONFIG.maxAccuracyM),
    /** How far ahead of the server's clock a call's receivedAt may be before the call is kept at the server's time (acceptedReceivedAt). */
    INTAKE_CLOCK_TOLERANCE_S: thresholdFrom(DEFAULT_LINKING_CONFIG.clockToleranceS),
    /** A JSON file replacing the [secondary] grading tables (earthquake, natural_relief): docs/examples/grade-tables.dense-population.json. */
    GRADE_TABLES_FILE: z.string().min(1).optional(),
    /** How far outside its receiving jurisdiction's area an intake call's position may lie (serviceAreaProblem). */
    INTAKE_AREA_MARGIN_M: intFrom(DEFAULT_SERVICE_AREA_MARGIN_M),
    /**
     * Group commit: most calls one intake transaction takes; intake lanes (bands of longitude across
     * the receiving jurisdiction, each with its own batches: see intake-lanes.ts); transactions in
     * flight at once per lane.
     */
    INTAKE_BATCH_MAX: intFrom(64),
    INTAKE_LANES: intFrom(2),
    INTAKE_BATCH_CONCURRENCY: intFrom(1),
    /**
     * Run the intake lanes' batches in a worker thread (intake-worker.ts) with its own Postgres
     * connections (default), or in the API's event loop (`false`).
     */
    INTAKE_WORKER: z.enum(['true', 'false', '1', '0']).default('true').transform((v) => v === 'true' || v === '1'),
    /** Seed demo data in demo mode (disable for an empty demo database). */
    SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  })
  .superRefine((env, ctx) => {
    // Outside demo mode there are no default secrets.
    if (!env.DEMO_MODE && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required outside demo mode (DEMO_MODE=true)' });
    }
    const linkingProblems = linkingConfigProblems(linkingOf(env)) ?? {};
    for (const [field, message] of Object.entries(linkingProblems)) {
      ctx.addIssue({ code: 'custom', path: [LINKING_ENV[field as keyof LinkingConfig]], message });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface AppConfig extends Env {
  jwtSecret: string;
  demoPassword: string;
  /**
   * The built intake worker thread's file, set by main.ts (it knows where the build is). Without it
   * (tests building the app from source) intake runs in the API's event loop.
   */
  intakeWorkerFile?: string;
  /** The grading tables in force: the shipped ones, with GRADE_TABLES_FILE's in place of theirs. */
  gradeTables: GradeTables;
  /** Intake's linking thresholds (LINK_*, INTAKE_CLOCK_TOLERANCE_S). */
  linking: LinkingConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Parses the environment or throws one readable sentence naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`).join('; ');
    throw new ConfigError(`Beacon refuses to start: bad configuration — ${problems}.`);
  }
  const env = parsed.data;
  return {
    ...env,
    // Demo mode only: a per-boot random secret is fine because demo sessions are disposable.
    jwtSecret: env.JWT_SECRET ?? `demo-${crypto.randomUUID()}-${crypto.randomUUID()}`,
    demoPassword: env.DEMO_PASSWORD ?? 'beacon-demo',
    gradeTables: env.GRADE_TABLES_FILE ? loadGradeTables(env.GRADE_TABLES_FILE) : DEFAULT_GRADE_TABLES,
    linking: linkingOf(env),
  };
}

/** GRADE_TABLES_FILE read and checked, or one sentence naming every problem in it. */
function loadGradeTables(file: string): GradeTables {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Beacon refuses to start: GRADE_TABLES_FILE ${file} cannot be read as JSON — ${err instanceof Error ? err.message : String(err)}.`);
  }
  const refuse = (problems: string[]) => new ConfigError(`Beacon refuses to start: GRADE_TABLES_FILE ${file} — ${problems.join('; ')}.`);
  // First the file's shape, then whether its tables can grade (bands in order, and so on).
  const parsed = parseGradeTablesConfig(doc);
  if (!parsed.config) throw refuse(parsed.problems);
  const result = gradeTablesFromConfig(parsed.config);
  if (!result.tables) throw refuse(result.problems);
  return result.tables;
}

export class ConfigError extends Error {}
