import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter, type HttpServer } from '@nestjs/common';
import { isDomainError, type ErrorBody } from '@beacon/domain';
import { BODY_LIMIT_BYTES } from '../http/json-bodies.js';
import { LogThrottle } from './log-throttle.js';
import { isStoreUnreachable } from './pg-errors.js';

/** Seconds a client is asked to wait before sending again while the database is unreachable. */
const STORE_RETRY_AFTER_S = 2;

const STATUS_BY_KIND: Record<string, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

/** The one place that turns errors into `{code, message, fields?}` with the right status. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);
  private readonly unreachableLog = new LogThrottle();

  /** The HTTP adapter writes the answer (Fastify's reply and Express's response differ). */
  constructor(private readonly http: HttpServer) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const { status, body } = this.toResponse(error);
    const response: unknown = host.switchToHttp().getResponse();
    if (body.code === 'STORE_UNAVAILABLE') {
      this.http.setHeader(response, 'Retry-After', String(STORE_RETRY_AFTER_S));
      // In a surge every request fails alike: one line per 10 s (health and the pool's own errors say the rest).
      if (this.unreachableLog.due()) this.logger.warn(`database unreachable, answering 503: ${error instanceof Error ? error.message : String(error)}`);
    } else if (status >= 500) {
      this.logger.error({ err: error }, 'unhandled error');
    }
    this.http.reply(response, body, status);
  }

  toResponse(error: unknown): { status: number; body: ErrorBody } {
    // A DomainError raised while parsing the body (json-bodies.ts) reaches here wrapped by Nest.
    const domain = isDomainError(error) ? error : error instanceof HttpException && isDomainError(error.cause) ? error.cause : null;
    if (domain) {
      const body: ErrorBody = { code: domain.code, message: domain.message };
      if (domain.fields) body.fields = domain.fields;
      return { status: STATUS_BY_KIND[domain.kind] ?? 400, body };
    }
    // Body parsing fails before any handler; Nest wraps Fastify's error in an HttpException.
    const bodyFailure = bodyParseFailure(error instanceof HttpException ? error.cause : error);
    if (bodyFailure) return bodyFailure;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      if (typeof raw === 'object' && raw !== null && 'code' in raw) return { status, body: raw as ErrorBody };
      const message = typeof raw === 'string' ? raw : ((raw as { message?: unknown }).message ?? error.message);
      // Structured bodies (e.g. the health check's {status, info, error, details}) keep their detail.
      const detail = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      return { status, body: { ...detail, code: codeForStatus(status), message: Array.isArray(message) ? message.join('; ') : String(message) } };
    }
    // The database (or the way to it) is failing, not the request: 503, so a caller such as a call
    // center's integration sends again (an intake call repeated by externalId is recognised, not doubled).
    if (isStoreUnreachable(error)) {
      return { status: 503, body: { code: 'STORE_UNAVAILABLE', message: `the database is unavailable: try again in ${STORE_RETRY_AFTER_S} s` } };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'internal error' } };
  }
}

/** Fastify's own refusals of a request body (FST_ERR_CTP_*), each named for the client. */
function bodyParseFailure(error: unknown): { status: number; body: ErrorBody } | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_CTP_')) return undefined;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'request bodies must be JSON (Content-Type: application/json)', fields: { 'Content-Type': 'must be application/json' } } };
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: `request body is larger than ${BODY_LIMIT_BYTES} bytes`, fields: { body: 'too large' } } };
  }
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, body: { code: 'MALFORMED_JSON', message: 'request body is not valid JSON', fields: { body: 'invalid JSON' } } };
  }
  return { status: 400, body: { code: 'BAD_REQUEST', message: (error as Error).message, fields: { body: 'unreadable' } } };
}

function codeForStatus(status: number): string {
  if (status === 404) return 'NOT_FOUND';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 400) return 'BAD_REQUEST';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return status >= 500 ? 'INTERNAL' : 'ERROR';
}
