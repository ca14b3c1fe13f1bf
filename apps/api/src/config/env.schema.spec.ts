import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_GRADE_TABLES, DEFAULT_LINKING_CONFIG } from '@beacon/domain';
import { ConfigError, loadConfig } from './env.schema.js';

const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('accepts a complete production config and applies defaults', () => {
    const c = loadConfig(base);
    expect(c.PORT).toBe(3000);
    expect(c.BEACON_ROLE).toBe('all');
    expect(c.ACK_TIMEOUT_S).toBe(60);
    expect(c.jwtSecret).toBe(base.JWT_SECRET);
    expect(c.linking).toEqual(DEFAULT_LINKING_CONFIG);
  });

  it('takes every linking threshold from the environment', () => {
    const c = loadConfig({ ...base, LINK_RADIUS_M: '150', LINK_WINDOW_MIN: '20', LINK_MAX_ACCURACY_M: '800', INTAKE_CLOCK_TOLERANCE_S: '15' });
    expect(c.linking).toEqual({ baseRadiusM: 150, windowMinutes: 20, maxAccuracyM: 800, clockToleranceS: 15 });
  });

  it('accepts 0 for every linking threshold, as the domain does (e.g. no clock tolerance: any future receivedAt is kept at the server time)', () => {
    const c = loadConfig({ ...base, LINK_RADIUS_M: '0', LINK_WINDOW_MIN: '0', LINK_MAX_ACCURACY_M: '0', INTAKE_CLOCK_TOLERANCE_S: '0' });
    expect(c.linking).toEqual({ baseRadiusM: 0, windowMinutes: 0, maxAccuracyM: 0, clockToleranceS: 0 });
  });

  it.each(['LINK_RADIUS_M', 'LINK_WINDOW_MIN', 'LINK_MAX_ACCURACY_M', 'INTAKE_CLOCK_TOLERANCE_S'])('refuses a negative %s with the domain rule, naming the variable', (name) => {
    expect(() => loadConfig({ ...base, [name]: '-1' })).toThrow(new RegExp(`${name} must be a number ≥ 0`));
  });

  it('takes an empty linking variable as unset, not as 0', () => {
    expect(loadConfig({ ...base, LINK_RADIUS_M: '', INTAKE_CLOCK_TOLERANCE_S: '' }).linking).toEqual(DEFAULT_LINKING_CONFIG);
  });

  it('refuses a linking threshold that is not a whole number', () => {
    expect(() => loadConfig({ ...base, LINK_WINDOW_MIN: '2.5' })).toThrow(/LINK_WINDOW_MIN/);
    expect(() => loadConfig({ ...base, LINK_RADIUS_M: 'near' })).toThrow(/LINK_RADIUS_M/);
  });

  it('refuses to start without a JWT secret outside demo mode (no default secrets)', () => {
    expect(() => loadConfig({ ...base, JWT_SECRET: undefined })).toThrow(/JWT_SECRET is required outside demo mode/);
  });

  it('generates a throwaway secret and the default demo password in demo mode', () => {
    const c = loadConfig({ ...base, JWT_SECRET: undefined, DEMO_MODE: 'true' });
    expect(c.jwtSecret.length).toBeGreaterThan(32);
    expect(c.demoPassword).toBe('beacon-demo');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL must be a redis:\/\/ URL/],
    [{ PORT: 'abc' }, /PORT/],
    [{ BEACON_ROLE: 'both' }, /BEACON_ROLE/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    [{ DEMO_PASSWORD: 'short', DEMO_MODE: 'true' }, /DEMO_PASSWORD/],
  ])('names the bad variable %j in one sentence', (override, message) => {
    let error: unknown;
    try {
      loadConfig({ ...base, ...override });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^Beacon refuses to start: bad configuration — /);
    expect((error as Error).message).toMatch(message);
  });

  describe('GRADE_TABLES_FILE', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'beacon-grade-tables-'));
    const file = (name: string, text: string) => {
      const at = path.join(dir, name);
      writeFileSync(at, text);
      return at;
    };
    const example = path.resolve(__dirname, '../../../../docs/examples/grade-tables.dense-population.json');

    it('grades by the shipped tables when unset', () => {
      expect(loadConfig(base).gradeTables).toBe(DEFAULT_GRADE_TABLES);
    });

    it("puts the file's earthquake table in place of the shipped one", () => {
      const { gradeTables } = loadConfig({ ...base, GRADE_TABLES_FILE: example });
      expect(gradeTables.earthquake.criteria.find((c) => c.criterion === 'magnitude')?.qualifier).toBe('人口密集地区');
      expect(gradeTables.decree_493).toBe(DEFAULT_GRADE_TABLES.decree_493);
    });

    it.each([
      ['missing.json', null, /GRADE_TABLES_FILE .*missing\.json cannot be read as JSON/],
      ['broken.json', '{ "earthquake": ', /cannot be read as JSON/],
      ['statute.json', '{ "decree_493": { "criteria": [] } }', /decree_493: not a configurable table/],
    ])('refuses to start on %s, naming the problem', (name, text, message) => {
      const at = text === null ? path.join(dir, name) : file(name, text);
      expect(() => loadConfig({ ...base, GRADE_TABLES_FILE: at })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, GRADE_TABLES_FILE: at })).toThrow(message);
    });
  });
});
