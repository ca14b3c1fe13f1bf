import { ConfigError, loadConfig } from './env.schema.js';

const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('accepts a complete production config and applies defaults', () => {
    const c = loadConfig(base);
    expect(c.PORT).toBe(3000);
    expect(c.BEACON_ROLE).toBe('all');
    expect(c.ACK_TIMEOUT_S).toBe(60);
    expect(c.jwtSecret).toBe(base.JWT_SECRET);
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
});
