/** How Beacon tells Postgres failures apart: worth another try, or the database itself failing. */

/** The SQLSTATE or socket error code, whether node-postgres raised it or TypeORM wrapped it. */
function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The driver's own socket errors. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Connection failures the driver raises as plain errors (no SQLSTATE), pg-pool's wait for a connection included. */
const LINK_FAILURE_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** The way to the database failed: a socket error, or a link failure the driver reports by message only. */
function isLinkFailure(err: unknown, code: string | undefined): boolean {
  if (code !== undefined && SOCKET_ERRORS.has(code)) return true;
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && LINK_FAILURE_MESSAGE.test(message);
}

/** Postgres errors that a fresh transaction may not hit again. */
export function isTransientPgError(err: unknown): boolean {
  const code = codeOf(err);
  return code === '40P01' || code === '40001';
}

/**
 * Failures of the database or the way to it rather than of the data: connection exceptions (08),
 * insufficient resources (53), operator intervention such as a shutdown (57), system errors (58),
 * and the driver's own socket errors.
 */
export function isSystemicPgError(err: unknown): boolean {
  const code = codeOf(err);
  return (code !== undefined && /^(08|53|57|58)[0-9A-Z]{3}$/.test(code)) || isLinkFailure(err, code);
}

/**
 * The database cannot be reached right now, whatever the request: the link (08, the driver's socket
 * errors), a server shutting down or starting (57P01–57P03) or refusing connections (53300). Narrower
 * than isSystemicPgError: a cancelled query, a full disk or a protocol violation may be the request's own
 * doing, and asking the caller to send it again would only repeat it.
 */
export function isStoreUnreachable(err: unknown): boolean {
  const code = codeOf(err);
  // 08P01 (protocol violation) is class 08 too, but the request's own doing (e.g. too many bind parameters).
  const unreachable = code !== undefined && ((/^08[0-9A-Z]{3}$/.test(code) && code !== '08P01') || ['57P01', '57P02', '57P03', '53300'].includes(code));
  return unreachable || isLinkFailure(err, code);
}
