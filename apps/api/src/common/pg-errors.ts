/** How Beacon tells Postgres failures apart: worth another try, or the database itself failing. */

/** Postgres errors that a fresh transaction may not hit again. */
export function isTransientPgError(err: unknown): boolean {
  const code = (err as { code?: unknown; driverError?: { code?: unknown } } | null)?.code ?? (err as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === '40P01' || code === '40001';
}

/**
 * Failures of the database or the way to it rather than of the data: connection exceptions (08),
 * insufficient resources (53), operator intervention such as a shutdown (57), system errors (58),
 * and the driver's own socket errors.
 */
export function isSystemicPgError(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  const code = e?.code ?? e?.driverError?.code;
  if (typeof code === 'string') {
    if (/^(08|53|57|58)[0-9A-Z]{3}$/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) return true;
  }
  return typeof e?.message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message);
}
