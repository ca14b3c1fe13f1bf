import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDomainError, type ErrorBody } from '@beacon/domain';

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

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(error);
    if (status >= 500) this.logger.error({ err: error }, 'unhandled error');
    res.status(status).json(body);
  }

  toResponse(error: unknown): { status: number; body: ErrorBody } {
    if (isDomainError(error)) {
      const body: ErrorBody = { code: error.code, message: error.message };
      if (error.fields) body.fields = error.fields;
      return { status: STATUS_BY_KIND[error.kind] ?? 400, body };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      if (typeof raw === 'object' && raw !== null && 'code' in raw) return { status, body: raw as ErrorBody };
      if (status === 400 && (error.cause instanceof SyntaxError || /JSON/i.test(error.message))) {
        return { status, body: { code: 'MALFORMED_JSON', message: `request body is not valid JSON: ${error.message}`, fields: { body: 'invalid JSON' } } };
      }
      const message = typeof raw === 'string' ? raw : ((raw as { message?: unknown }).message ?? error.message);
      // Structured bodies (e.g. the health check's {status, info, error, details}) keep their detail.
      const detail = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      return { status, body: { ...detail, code: codeForStatus(status), message: Array.isArray(message) ? message.join('; ') : String(message) } };
    }
    // Malformed JSON bodies surface as SyntaxError with a status from body-parser.
    if (error instanceof SyntaxError && (error as SyntaxError & { status?: number }).status === 400) {
      return { status: 400, body: { code: 'MALFORMED_JSON', message: `request body is not valid JSON: ${error.message}`, fields: { body: 'invalid JSON' } } };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'internal error' } };
  }
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
